"""Score ``places``, ``countries`` and ``province`` on the held-out check: 20 articles drawn
at random (seed 2026) from ../shared/corpus-bench/articles.jsonl after the rules were frozen,
labelled by reading (docs/heldout-places.jsonl holds the labels; the texts stay in the
shared folder). Usage: python docs/heldout_places.py RECORDS.jsonl (a run over that file).
``--labels docs/heldout-province.jsonl`` scores the second held-out set instead: 32 more
articles (seed 2613) drawn after the province rules were frozen, labelled for ``province``
only, so only that field is scored; ``--labels docs/heldout-province-3.jsonl`` 30 more
(seed 1313, bench lines 1001-5000) labelled before the final province rules were scored;
``--labels docs/heldout-province-4.jsonl`` 32 more that name Hà Nội or TP.HCM (seed 2702),
labelled after the capital rules were frozen; ``--labels docs/heldout-5.jsonl`` 40 more
drawn plainly at random (seed 4404, docs/draw_heldout.py 5) and labelled for ``province``,
``places`` and ``countries`` by reading, so all three are scored; ``--labels
docs/heldout-6.jsonl`` 40 more drawn the same way (seed 6606, docs/draw_heldout.py 6, also
leaving out set 5 and the kind checks) while the province and places rules were being
changed after set 5, labelled the same way and not shared, so those frozen rules are scored
on it once; ``--labels docs/heldout-7.jsonl`` 40 more (seed 7707, docs/draw_heldout.py 7, also
leaving out set 6, heldout-v1 and kind checks E and F) drawn in the sixth session with the
rules frozen at f687d0b and labelled the same way by someone who changed no rule;
``--labels docs/heldout-8.jsonl`` 40 more (seed 8808, docs/draw_heldout.py 8, also leaving out
set 7 and kind checks G and H) drawn after the countries fixes made from set 7's misses
(rules frozen at 22d741a) and labelled the same way by someone who changed no rule;
``--labels docs/heldout-9.jsonl`` 40 more (seed 9909, docs/draw_heldout.py 9, also leaving out
set 8 and heldout-v1-2) drawn after the countries fixes made from set 8's misses (rules frozen
at cf443ee) and labelled the same way by someone who changed no rule; ``--labels
docs/heldout-10.jsonl`` 40 more (seed 1010, docs/draw_heldout.py 10, also leaving out set 9
and heldout-v1-3) drawn in the seventh session from DOMAIN articles only (people's diplomacy
or foreign money named at least twice, as the gold set) with the rules frozen at 1a1cea9,
``province`` labelled by reading before any run, ``places`` and ``countries`` pre-annotated
by the pipeline and every span checked by hand, by someone who changed no rule; ``--labels
docs/heldout-11.jsonl`` 40 more (seed 1111, docs/draw_heldout.py 11, also leaving out set 10,
heldout-v1-4 and kind set I) drawn from articles naming people's diplomacy, aid, ODA, FDI or
foreign investment at least once, with the rules frozen at 04701eb, all three fields labelled
by reading without pre-annotation (``province`` before any run; spans written while reading,
then a plain name search for any missed) by someone who changed no rule; ``--labels
docs/heldout-12.jsonl`` 40 more (seed 1212, docs/draw_heldout.py 12, also leaving out set 11,
heldout-v1-5 and kind set J) drawn plainly at random in the ninth session with the rules frozen
at b6e5184, labelled the same way as set 11 by someone who changed no rule; ``--labels
docs/heldout-13.jsonl`` 40 more (seed 1313, docs/draw_heldout.py 13, also leaving out set 12
and heldout-v1-6) drawn plainly at random later in the ninth session, after the fixes read from
set 12's misses (rules frozen at f10df14), labelled the same way by someone who changed no
rule; ``--labels docs/heldout-14.jsonl`` 40 more (seed 1414, docs/draw_heldout.py 14, also
leaving out set 13, heldout-v1-7 and kind set L) drawn plainly at random at the end of the ninth
session, after the fixes read from set 13's and v1 set 7's misses (rules frozen at f9421d7),
labelled the same way by someone who changed no rule; ``--labels docs/heldout-15.jsonl`` 40 more
(seed 1515, docs/draw_heldout.py 15, also leaving out set 14 and heldout-v1-8) drawn plainly at
random in the tenth session with the rules frozen at 754f52d (after the loan and print-date
rules), labelled the same way by someone who changed no rule; ``--labels
docs/heldout-16.jsonl`` 40 more (seed 1616, docs/draw_heldout.py 16, also leaving out set 15,
heldout-v1-9 and kind set M) drawn plainly at random in the eleventh session with the rules
frozen at 4f16660 (after the State agency rule), labelled the same way by someone who changed no
rule; ``--labels docs/heldout-17.jsonl`` 40 more (seed 1717, docs/draw_heldout.py 17, also leaving
out set 16, heldout-v1-10 and kind set N) drawn plainly at random later in the eleventh session
with the rules frozen at fe91e83 (after the fixes read from sets 16, v1-10 and N), labelled the same
way by someone who changed no code and no rule; ``--labels docs/heldout-layouts-places.jsonl`` the 105 layout pages instead (../shared/layouts/raw, ids
such as l2-07; score a run over that folder, ``vnextract run ../shared/layouts/raw``), all
three fields labelled by reading without pre-annotation with the rules frozen at df3fca9, by
someone who changed no rule. The labels name spans in the pages' title and paragraph lines
(gold/layouts), so a line the segmenter adds or drops shows as a false alarm or a miss."""

import json
import sys
from pathlib import Path

from extract.score.evaluate import evaluate

HERE = Path(__file__).resolve().parent
EMPTY = {"title": None, "published": None, "byline": None, "paragraphs": [], "sentences": [],
         "directives": [], "amounts": [], "counts": []}  # fmt: skip

args = sys.argv[1:]
labels = HERE / "heldout-places.jsonl"
if "--labels" in args:
    i = args.index("--labels")
    labels = Path(args[i + 1])
    del args[i : i + 2]
with open(labels, encoding="utf-8") as fh:
    raw = [json.loads(line) for line in fh]
province_only = all("places" not in g for g in raw)
gold = {g["id"]: EMPTY | {"places": [], "countries": []} | g for g in raw}
pred = {}
with open(args[0], encoding="utf-8") as fh:
    for line in fh:
        r = json.loads(line)
        if r["id"] in gold:
            pred[r["id"]] = EMPTY | {k: r[k] for k in ("id", "province", "places", "countries")}
            if province_only:
                pred[r["id"]] |= {"places": [], "countries": []}
ev = evaluate(gold, pred)
for name in () if province_only else ("places", "countries"):
    v = ev.lists[name].value
    print(f"{name:<10} P {v.precision:.3f}  R {v.recall:.3f}  F1 {v.f1:.3f}  ({v.tp} of {v.n_pred} predicted, {v.n_gold} gold)")
p = ev.fields["province"]
print(f"province   accuracy {p.value:.3f} ({p.right}/{p.total})")
for e in (e for d in ev.docs for e in d.errors if e["list"] in ("places", "countries", "province")):
    print(" ", e["doc"], e["list"], e["kind"], (e.get("gold") or e.get("pred") if e["list"] != "province" else (e["gold"], e["pred"])))
