"""Score ``places``, ``countries`` and ``province`` on the held-out check: 20 articles drawn
at random (seed 2026) from ../shared/corpus-bench/articles.jsonl after the rules were frozen,
labelled by reading (docs/heldout-places.jsonl holds the labels; the texts stay in the
shared folder). Usage: python docs/heldout_places.py RECORDS.jsonl (a run over that file)."""

import json
import sys
from pathlib import Path

from extract.score.evaluate import evaluate

HERE = Path(__file__).resolve().parent
EMPTY = {"title": None, "published": None, "byline": None, "paragraphs": [], "sentences": [],
         "directives": [], "amounts": [], "counts": []}  # fmt: skip

with open(HERE / "heldout-places.jsonl", encoding="utf-8") as fh:
    gold = {g["id"]: EMPTY | g for g in map(json.loads, fh)}
pred = {}
with open(sys.argv[1], encoding="utf-8") as fh:
    for line in fh:
        r = json.loads(line)
        if r["id"] in gold:
            pred[r["id"]] = EMPTY | {k: r[k] for k in ("id", "province", "places", "countries")}
ev = evaluate(gold, pred)
for name in ("places", "countries"):
    v = ev.lists[name].value
    print(f"{name:<10} P {v.precision:.3f}  R {v.recall:.3f}  F1 {v.f1:.3f}  ({v.tp} of {v.n_pred} predicted, {v.n_gold} gold)")
p = ev.fields["province"]
print(f"province   accuracy {p.value:.3f} ({p.right}/{p.total})")
for e in (e for d in ev.docs for e in d.errors if e["list"] in ("places", "countries", "province")):
    print(" ", e["doc"], e["list"], e["kind"], (e.get("gold") or e.get("pred") if e["list"] != "province" else (e["gold"], e["pred"])))
