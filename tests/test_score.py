"""The scorer against hand-built cases whose every figure is computed by hand below."""

from __future__ import annotations

import json

import pytest

from extract.cli import main
from extract.score.evaluate import evaluate, format_table

D = {"doc_type": "Chỉ thị", "number": "04", "issuer": None, "short": False}


def directive(s, e, ref, **kw):
    return {"start": s, "end": e, "text": "x" * (e - s), **D, "ref": ref, "date": None, **kw}


def amount(s, e, value, currency="VND", approx=None):
    return {"start": s, "end": e, "text": "x" * (e - s), "value": value, "currency": currency, "approx": approx}


GOLD = {
    "a": {
        "id": "a", "title": "T", "byline": "B", "published": "2019-07-24T08:53",
        "paragraphs": [[0, 50], [52, 100]],
        "sentences": [[0, 20], [21, 50], [52, 100]],
        "directives": [directive(0, 10, "04-CT/TW", date="2011-07-06"), directive(20, 30, None, short=True)],
        "amounts": [amount(5, 15, 100)],
        "counts": [],
    },
    "b": {
        "id": "b", "title": "U", "byline": None, "published": None,
        "paragraphs": [[0, 10]], "sentences": [[0, 10]],
        "directives": [], "amounts": [amount(0, 5, 1, approx="over")], "counts": [],
    },
}
PRED = {
    "a": {
        "id": "a", "title": "T", "byline": "C", "published": "2019-07-24",
        "paragraphs": [[0, 50], [52, 90], [92, 100]],
        "sentences": [[0, 50], [52, 70], [71, 100]],
        # same span, date wrong | overlapping short form, same doc_type+number | false alarm
        "directives": [directive(0, 10, "04-CT/TW", date="2011-07-07"), directive(22, 30, None, short=True),
                       directive(40, 50, "05-CT/TW")],
        "amounts": [amount(5, 15, 100, currency="USD")],  # wrong currency: no match
        "counts": [],
    },
    "b": {
        "id": "b", "title": "U", "byline": None, "published": None,
        "paragraphs": [[0, 10]], "sentences": [[0, 10]],
        "directives": [], "amounts": [amount(0, 5, 1, approx=None)], "counts": [],
    },
    "extra": {"id": "extra"},
}


def test_figures_by_hand():
    ev = evaluate(GOLD, PRED)
    d = ev.lists["directives"]
    # value: 2 matched of 3 predicted, 2 gold -> P 2/3, R 1, F1 2*(2/3)*1/(5/3) = 0.8
    assert (d.value.tp, d.value.n_pred, d.value.n_gold) == (2, 3, 2)
    assert d.value.precision == pytest.approx(2 / 3) and d.value.recall == 1 and d.value.f1 == pytest.approx(0.8)
    # strict: only the identical span -> P 1/3, R 1/2, F1 2*(1/3)*(1/2)/(5/6) = 0.4
    assert d.strict.tp == 1 and d.strict.f1 == pytest.approx(0.4)
    # attributes over the 2 matched pairs: date right for the short form only
    assert d.attributes["date"].value == pytest.approx(0.5)
    assert d.attributes["short"].value == 1 and d.attributes["issuer"].value == 1
    a = ev.lists["amounts"]
    # doc a: no match (currency differs); doc b: 1 match -> micro P 1/2, R 1/2
    assert (a.value.tp, a.value.n_pred, a.value.n_gold) == (1, 2, 2)
    assert a.value.f1 == pytest.approx(0.5)
    assert a.attributes["approx"].value == 0  # the one matched pair disagrees on approx
    c = ev.lists["counts"]
    assert (c.value.tp, c.value.n_pred, c.value.n_gold) == (0, 0, 0) and c.value.f1 == 1
    # paragraphs: 1 common line of 3 predicted, 2 gold + doc b's 1 -> tp 2, pred 4, gold 3
    assert (ev.paragraphs.tp, ev.paragraphs.n_pred, ev.paragraphs.n_gold) == (2, 4, 3)
    assert ev.paragraphs.f1 == pytest.approx(2 * (2 / 4) * (2 / 3) / (2 / 4 + 2 / 3))
    # sentence boundaries (end offsets): a gold {20,50,100} pred {50,70,100}; b {10} both
    assert (ev.sentences.tp, ev.sentences.n_pred, ev.sentences.n_gold) == (3, 4, 4)
    assert ev.sentences.f1 == pytest.approx(0.75)
    f = ev.fields
    assert f["title"].value == 1 and f["byline"].value == 0.5
    assert f["published"].value == 0.5 and f["published_date"].value == 1
    assert ev.unscored_predictions == ["extra"]
    kinds = sorted((e["list"], e["kind"]) for e in ev.as_dict()["errors"])
    assert ("directives", "false alarm") in kinds and ("amounts", "miss") in kinds
    assert ("directives", "wrong date") in kinds


def test_greedy_matching_uses_each_pair_once():
    gold = {"a": {**GOLD["b"], "id": "a", "amounts": [amount(0, 10, 5), amount(12, 20, 5)]}}
    pred = {"a": {**GOLD["b"], "id": "a", "amounts": [amount(0, 20, 5)]}}  # one long span over both
    ev = evaluate(gold, pred)
    assert ev.lists["amounts"].value.tp == 1  # matched to the first gold mention only
    assert ev.lists["amounts"].value.recall == 0.5


def test_eval_cli_writes_the_same_figures(tmp_path, capsys):
    gdir = tmp_path / "gold"
    gdir.mkdir()
    for k, v in GOLD.items():
        (gdir / f"{k}.json").write_text(json.dumps(v), encoding="utf-8")
    pred = tmp_path / "pred.jsonl"
    pred.write_text("\n".join(json.dumps(v) for v in PRED.values()), encoding="utf-8")
    out = tmp_path / "score.json"
    assert main(["eval", "--gold", str(gdir), "--pred", str(pred), "--json", str(out), "--per-doc", "--texts", str(tmp_path)]) == 0
    table = capsys.readouterr().out
    assert "directives  value   0.667  1.000  0.800" in table
    data = json.loads(out.read_text())
    assert data["lists"]["directives"]["strict"]["f1"] == pytest.approx(0.4)
    assert data["sentence_boundaries"]["f1"] == pytest.approx(0.75)
    assert len(data["per_doc"]) == 2


def test_error_lines_mark_a_cut_paragraph_with_an_ellipsis():
    from extract.score.evaluate import _describe

    text = "Một đoạn văn rất dài " * 10
    line = _describe({"doc": "d", "list": "paragraphs", "kind": "miss", "gold": [0, len(text)]}, text)
    assert line.endswith("…'") and len(line) < len(text)
    short = _describe({"doc": "d", "list": "paragraphs", "kind": "miss", "gold": [0, 9]}, text)
    assert short.endswith("'Một đoạn '")


def test_amount_kind_and_stage_are_attributes_over_matched_pairs():
    gold = {"k": {**GOLD["b"], "id": "k", "amounts": [
        {**amount(0, 5, 1), "kind": "aid", "stage": "committed"},
        {**amount(6, 9, 2), "kind": "oda", "stage": None},
        {**amount(10, 12, 3), "kind": "trade", "stage": None},  # missed: not in the accuracy
    ]}}
    pred = {"k": {**gold["k"], "amounts": [
        {**amount(0, 5, 1), "kind": "aid", "stage": "disbursed"},
        {**amount(6, 9, 2), "kind": "investment", "stage": None},
    ]}}
    ev = evaluate(gold, pred)
    attrs = ev.lists["amounts"].attributes
    assert (attrs["kind"].right, attrs["kind"].total) == (1, 2)
    assert (attrs["stage"].right, attrs["stage"].total) == (1, 2)
    kinds = sorted(e["kind"] for e in ev.as_dict()["errors"] if e["list"] == "amounts")
    assert kinds == ["miss", "wrong kind", "wrong stage"]
    assert "kind 0.500 (1/2)" in format_table(ev)


def test_html_report_shows_kind_and_stage(tmp_path):
    from extract.score.report import render_doc

    text = "Tài trợ 5 tỷ đồng và 2 tỷ đồng."
    g = {"id": "h", "amounts": [
        {"start": 8, "end": 17, "text": "5 tỷ đồng", "value": 5 * 10**9, "currency": "VND", "approx": None, "kind": "aid", "stage": None},
        {"start": 21, "end": 30, "text": "2 tỷ đồng", "value": 2 * 10**9, "currency": "VND", "approx": None, "kind": "aid", "stage": "committed"},
    ]}
    p = {"id": "h", "amounts": [dict(g["amounts"][0]), {**g["amounts"][1], "kind": "donation"}]}
    page = render_doc("h", text, g, p)
    assert '<sup class="money">aid·–</sup>' in page
    assert '<sup class="money wrong">donation·committed (gold aid·committed)</sup>' in page
