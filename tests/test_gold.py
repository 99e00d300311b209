"""The gold set is well formed, the validator catches what it must, Label Studio round trips."""

from __future__ import annotations

import copy
import json

from extract.cli import main
from extract.score.gold import load_gold, read_text
from extract.score.labelstudio import record_to_task, task_to_gold
from extract.score.validate import validate_gold, validate_record

from .conftest import CORPUS, ROOT, SHARED_ARTICLES, SHARED_LAYOUTS

GOLD = ROOT / "gold"
SEED = "000_b98956806c35580f"


def test_every_gold_record_is_valid():
    dirs = [CORPUS] + [d for d in (SHARED_ARTICLES, SHARED_LAYOUTS) if d.is_dir()]
    problems, checked, skipped = validate_gold(GOLD, dirs, skip_missing=not SHARED_ARTICLES.is_dir())
    assert problems == []
    assert checked + len(skipped) == len(load_gold(GOLD)) >= 29 + 105 or checked >= 5


def test_seed_gold_exists_for_every_corpus_file():
    gold = load_gold(GOLD)
    assert {p.stem for p in CORPUS.glob("*.txt")} <= set(gold)


def _seed():
    rec = load_gold(GOLD)[SEED]
    rec.pop("_file")
    return rec, read_text(CORPUS / f"{SEED}.txt")


def test_validator_reports_file_field_and_offset():
    rec, text = _seed()
    bad = copy.deepcopy(rec)
    bad["amounts"][0]["start"] += 1
    bad["counts"][0]["category"] = "people"
    bad["sentences"].append([0, 5])  # out of order, outside paragraphs
    problems = validate_record(bad, text, "gold/x.json")
    joined = "\n".join(problems)
    assert "gold/x.json: amounts[0]: offset" in joined
    assert "counts[0]: category 'people'" in joined
    assert "is not inside a paragraph" in joined and "is before the previous span" in joined


def test_validate_cli_exit_status(tmp_path, capsys):
    rec, _ = _seed()
    rec["paragraphs"][0][1] += 3
    (tmp_path / f"{SEED}.json").write_text(json.dumps(rec, ensure_ascii=False), encoding="utf-8")
    assert main(["validate", str(tmp_path), "--texts", str(CORPUS)]) == 3
    assert "paragraphs[0]" in capsys.readouterr().err
    (tmp_path / "nobody.json").write_text(json.dumps({**rec, "id": "nobody"}), encoding="utf-8")
    assert main(["validate", str(tmp_path), "--texts", str(CORPUS)]) == 3
    assert "no text nobody.txt" in capsys.readouterr().err


def test_label_studio_round_trip_loses_nothing(tmp_path):
    rec, text = _seed()
    task = record_to_task(rec, text, 1)
    # what Label Studio exports after an annotator accepted the pre-annotations
    exported = {**task, "annotations": [{"id": 7, "result": task["predictions"][0]["result"]}]}
    back = task_to_gold(json.loads(json.dumps(exported)))
    assert back == rec


def test_label_studio_cli(tmp_path):
    out = tmp_path / "r.jsonl"
    assert main(["run", str(CORPUS), "-o", str(out), "-j", "1", "-q"]) == 0
    tasks = tmp_path / "tasks.json"
    assert main(["labelstudio", "export", str(out), "-o", str(tasks)]) == 0
    assert (tmp_path / "tasks.config.xml").read_text().startswith("<View>")
    data = json.loads(tasks.read_text())
    exported = [{**t, "annotations": [{"id": 1, "result": t["predictions"][0]["result"]}]} for t in data]
    (tmp_path / "export.json").write_text(json.dumps(exported, ensure_ascii=False))
    assert main(["labelstudio", "import", str(tmp_path / "export.json"), "-o", str(tmp_path / "g")]) == 0
    recs = [json.loads(line) for line in out.read_text().splitlines()]
    for r in recs:
        g = json.loads((tmp_path / "g" / f"{r['id']}.json").read_text())
        for key in ("sha256", "title", "published", "byline", "paragraphs", "sentences", "directives", "amounts", "counts"):
            assert g[key] == r[key], key
    assert main(["validate", str(tmp_path / "g"), "--texts", str(CORPUS)]) == 0


def test_label_studio_import_refuses_unreviewed_predictions(tmp_path, capsys):
    out = tmp_path / "r.jsonl"
    main(["run", str(CORPUS), "-o", str(out), "-j", "1", "-q"])
    tasks = tmp_path / "tasks.json"
    main(["labelstudio", "export", str(out), "-o", str(tasks)])
    capsys.readouterr()
    assert main(["labelstudio", "import", str(tasks), "-o", str(tmp_path / "g")]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "no annotation" in err[0] and "--accept-predictions" in err[0]
    assert not (tmp_path / "g").exists()
    assert main(["labelstudio", "import", str(tasks), "-o", str(tmp_path / "g"), "--accept-predictions"]) == 0
    assert len(list((tmp_path / "g").glob("*.json"))) == 5


def test_html_report_marks_every_mention(tmp_path):
    out = tmp_path / "r.jsonl"
    main(["run", str(CORPUS), "-o", str(out), "-j", "1", "-q"])
    html = tmp_path / "report.html"
    assert main(["eval", "--gold", str(GOLD), "--pred", str(out), "--texts", str(CORPUS), "--html", str(html)]) == 0
    page = html.read_text(encoding="utf-8")
    gold = load_gold(GOLD)[SEED]
    for m in gold["directives"] + gold["amounts"] + gold["counts"]:
        assert f">{m['text']}</mark>" in page
    assert 'class="match"' in page


def test_html_report_lists_layout_errors(tmp_path):
    out = tmp_path / "r.jsonl"
    main(["run", str(CORPUS), "-o", str(out), "-j", "1", "-q"])
    recs = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    for r in recs:
        if r["id"] == SEED:
            dropped = r["paragraphs"].pop(0)
            r["title"] = "Một tiêu đề khác"
    out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs), encoding="utf-8")
    html_path = tmp_path / "report.html"
    main(["eval", "--gold", str(GOLD), "--pred", str(out), "--texts", str(CORPUS), "--html", str(html_path)])
    page = html_path.read_text(encoding="utf-8")
    assert f"missed paragraph [{dropped[0]},{dropped[1]}]" in page and "title: gold" in page


def test_validator_checks_amount_kind_and_stage():
    rec, text = _seed()
    assert rec["amounts"] and all("kind" in a and "stage" in a for a in rec["amounts"])
    bad = copy.deepcopy(rec)
    bad["amounts"][0]["kind"] = "gift"
    bad["amounts"][1]["stage"] = "spent"
    del bad["amounts"][2]["stage"]
    del bad["amounts"][3]["kind"]
    problems = validate_record(bad, text, "gold/x.json")
    assert len(problems) == 4
    assert "amounts[0]: kind 'gift' is not one of" in problems[0]
    assert "amounts[1]: stage 'spent'" in problems[1] and "amounts[2]: stage 'missing'" in problems[2]
    assert "amounts[3]: kind None" in problems[3]


def test_validator_flags_a_mention_outside_the_title_and_paragraphs():
    rec, text = _seed()
    assert validate_record(rec, text, "gold/x.json") == []
    bad = copy.deepcopy(rec)
    dropped = bad["paragraphs"].pop(0)  # a line the labels leave out (say, a caption) holds no mention
    inside = [m for m in bad["places"] + bad["amounts"] if dropped[0] <= m["start"] < dropped[1]]
    assert inside
    bad["sentences"] = [s for s in bad["sentences"] if not dropped[0] <= s[0] < dropped[1]]
    problems = validate_record(bad, text, "gold/x.json")
    assert len(problems) == len(inside) and all("is in neither the title nor a paragraph" in p for p in problems)


def test_label_studio_round_trip_keeps_kind_and_stage():
    rec, text = _seed()
    task = record_to_task(rec, text, 1)
    edited = copy.deepcopy(task["predictions"][0]["result"])
    box = next(r for r in edited if r["from_name"] == "attributes" and '"kind"' in r["value"]["text"][0])
    attrs = json.loads(box["value"]["text"][0])
    attrs["stage"] = "disbursed"  # an annotator's correction comes back into the gold
    box["value"]["text"] = [json.dumps(attrs)]
    back = task_to_gold({**task, "annotations": [{"id": 1, "result": edited}]})
    changed = [a for a in back["amounts"] if a["start"] == box["value"]["start"]]
    assert changed[0]["stage"] == "disbursed" and changed[0]["kind"] == attrs["kind"]
