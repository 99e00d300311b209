"""Draw set F of the amount ``kind``/``stage`` hand checks (issue 13; SPEC section 10).

A copy of ``docs/draw_money_kind_e.py`` with a new seed that also leaves out set E and the
two held-out sets added since (``heldout-6.jsonl``, ``heldout-v1.jsonl``). Sets A-E of
``docs/money_kind_checks.jsonl`` have all been read while the rules were tuned (E's misses
after it was scored); set F is drawn and labelled blind, with the rules of commit b590e0a, to
show what unseen amounts get. The pipeline is used only to LOCATE amounts: this script reads
each amount's id, start, end and text from the records and never their ``kind`` or
``stage``, so the labeller does not see a prediction.

Candidates: every amount of every record, in file order and then in text order, whose id is
in none of the gold records, sets A-E of ``docs/money_kind_checks.jsonl`` and the seven
``docs/heldout-*.jsonl`` files there were when F was drawn;
80 are picked with ``random.Random(8383).sample``. Prints one JSON line per drawn amount
(id, start, end, text), in the order drawn. The amounts found depend on the rules: set F was
drawn from the records of commit b590e0a. Usage::

    vnextract run ../shared/corpus-bench/articles.jsonl -o /tmp/r.jsonl -q
    python docs/draw_money_kind_f.py /tmp/r.jsonl [--context OUT.jsonl]

OUT gets the same lines with the sentence and paragraph around each amount, for reading;
keep it out of the repo (the texts have no licence).
"""

import json
import random
import sys
import unicodedata
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
BENCH = REPO.parent / "shared" / "corpus-bench" / "articles.jsonl"
SEED, SIZE = 8383, 80
HELDOUT = ("heldout-5.jsonl", "heldout-6.jsonl", "heldout-places.jsonl", "heldout-province.jsonl",
           "heldout-province-3.jsonl", "heldout-province-4.jsonl", "heldout-v1.jsonl")  # fmt: skip


def excluded() -> set[str]:
    """Ids labelled before set F: gold records, kind checks A-E and the held-out sets of the draw.

    Named, not globbed, and set F's own rows skipped, so a later file does not move the draw.
    """
    ids = {json.loads(p.read_text(encoding="utf-8"))["id"] for p in (REPO / "gold").glob("*.json")}
    with open(REPO / "docs" / "money_kind_checks.jsonl", encoding="utf-8") as fh:
        ids |= {row["id"] for row in map(json.loads, filter(str.strip, fh)) if row["set"] in ("A", "B", "C", "D", "E")}
    for name in HELDOUT:
        with open(REPO / "docs" / name, encoding="utf-8") as fh:
            ids |= {json.loads(line)["id"] for line in fh if line.strip()}
    return ids


def candidates(records_path: str) -> list[dict]:
    """Every amount of the records not excluded, as id/start/end/text only (no prediction)."""
    skip = excluded()
    found = []
    with open(records_path, encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            if rec["id"] in skip:
                continue
            for a in sorted(rec.get("amounts") or [], key=lambda a: (a["start"], a["end"])):
                found.append({"id": rec["id"], "start": a["start"], "end": a["end"], "text": a["text"],
                              "_sentences": rec.get("sentences") or [],
                              "_paragraphs": rec.get("paragraphs") or []})  # fmt: skip
    return found


def canonical(text: str) -> str:
    """SPEC section 1 for a JSONL line's text: line endings unified, then NFC."""
    return unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))


def around(spans: list[list[int]], start: int, end: int) -> tuple[int, int] | None:
    """The span of ``spans`` holding [start, end), else None (a title amount)."""
    return next(((s, e) for s, e in spans if s <= start and end <= e), None)


def main() -> None:
    args = sys.argv[1:]
    drawn = random.Random(SEED).sample(candidates(args[0]), SIZE)
    for x in drawn:
        print(json.dumps({k: x[k] for k in ("id", "start", "end", "text")}, ensure_ascii=False))
    if "--context" not in args:
        return
    wanted = {x["id"] for x in drawn}
    texts = {}
    with open(BENCH, encoding="utf-8") as fh:
        for line in fh:
            doc = json.loads(line)
            if doc["id"] in wanted:
                texts[doc["id"]] = canonical(doc["text"])
    with open(args[args.index("--context") + 1], "w", encoding="utf-8") as out:
        for x in drawn:
            text = texts[x["id"]]
            assert text[x["start"] : x["end"]] == x["text"], x
            row = {k: x[k] for k in ("id", "start", "end", "text")}
            for name in ("sentence", "paragraph"):
                span = around(x["_" + name + "s"], x["start"], x["end"])
                row[name] = text[span[0] : span[1]] if span else text[: text.find("\n")]
            out.write(json.dumps(row, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
