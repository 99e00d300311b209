"""Score amount kind and stage against the hand labels of bench amounts.

``docs/money_kind_checks.jsonl`` holds 1,220 amounts of ``../shared/corpus-bench/articles.jsonl``
(sets A, B, C: 130; D: 60; E: 80; F: 80; G: 100; H: 150; I: 120; J: 100; L: 100; M: 100; N: 100;
O: 100; see the README) and 70
of the layout pages ``../shared/layouts/raw/ID.txt`` (set K), each labelled by reading its
sentence before the prediction was looked at. Set D (60 amounts) is a
held-out draw made with the rules frozen, after A-C had been read while tuning them:
``docs/draw_money_kind.py D`` (seed 5151) picks it from articles in none of the gold, A-C and
``docs/heldout-*.jsonl`` without showing a prediction, and ``gold/GUIDELINES.md`` says how it was
labelled and lists its close calls. Set E (80 amounts) is a second blind draw, made after D had
been scored and read:
``docs/draw_money_kind.py E`` (seed 6262) also leaves out D's articles, the labels were
written with the rules of commit 90f084c before any scoring, and GUIDELINES lists its close
calls too. Set F (80 amounts) is a third blind draw, made while the rules were being changed
from E's misses: ``docs/draw_money_kind.py F`` (seed 8383) also leaves out E's articles and the
two held-out sets added since, the labels were written with the rules of commit b590e0a and
committed before any scoring, and GUIDELINES lists its close calls. Set G (100 amounts) is a
fourth blind draw, kept for scoring only (no rule or model is tuned on it):
``docs/draw_money_kind.py G`` (seed 9494) picks it from the records of commit f687d0b, leaving
out the articles of the gold, A-F and the seven held-out files; the labels were written by
reading, while another labeller labelled set H (the set to learn from), and committed before
any scoring; GUIDELINES lists its close calls and its first score. Set H (150 amounts) is a
blind draw made to train a learned kind/stage model and to find the rules' misses:
``docs/draw_money_kind.py H`` (seed 7171, records of commit f687d0b) also leaves out F's
articles and set G's draw (labelled at the same time by another labeller); the labels were
written by reading and committed before any scoring, and GUIDELINES lists its close calls.
Set I (120 amounts) is the first blind draw from DOMAIN articles only (``docs/draws.py``:
articles naming people's diplomacy or foreign money at least twice, like the gold set), kept
for scoring only: ``docs/draw_money_kind.py I`` (seed 1212) picks it from the records of commit
1a1cea9, leaving out the gold, sets A-H and every held-out file read before; the labels were
written by reading and committed before any scoring, and GUIDELINES lists its close calls and
its first score. Set J (100 amounts) is a second blind draw from DOMAIN articles (one match of
``docs/draws.py``'s ``DOMAIN`` or more), kept for scoring only, to say whether rules written
from I's misses carry: ``docs/draw_money_kind.py J`` (seed 2323) picks it from the records of
commit 86f29df (the rules of 04701eb), leaving out the gold, sets A-I and every held-out file
read before; the labels were written by reading, blind to those rules and to any prediction,
and committed before any scoring; GUIDELINES lists its close calls and its first score. Set K
(70 amounts) is every amount the pipeline finds on the 105 LAYOUT pages (ids such as ``l3-05``:
real pages from about a hundred sites the gold and the bench never saw, mostly provincial news on
the gold's subject), kept for scoring only, to say whether the rules carry to unseen sites:
``docs/draw_money_kind.py K`` (seed 4242, a shuffle of all of them) reads the records of commit
df3fca9 over ``../shared/layouts/raw``; the labels were written by reading each amount's page,
blind to the eighth round of kind rules being written at the same time and to any prediction,
and committed before any scoring; GUIDELINES lists its close calls and its first score. Its
predictions are in the layout pages' records, so pass both files; a set whose ids are in none
of the records given is left out of the scores with one line saying so. Set L (100 amounts) is
a plain random draw of bench amounts (fewer than 100 amounts of DOMAIN articles were left
unread), kept for scoring only, to say what the rules frozen in the ninth session give on news
nobody tuned them on: ``docs/draw_money_kind.py L`` (seed 3434) picks it from the records of
commit 88a1f37, leaving out the gold, sets A-J and every held-out file read before (sets 13 and
v1-7 among them); the labels were written by reading, blind to any prediction, and committed
with GUIDELINES' close calls before any scoring; GUIDELINES gives its first score. Set M (100
amounts) is a second plain random draw of bench amounts (most of them general news), kept for
scoring only, to say what the rules frozen in the tenth session (after its loan rules) give on news
nobody tuned them on: ``docs/draw_money_kind.py M`` (seed 5656) picks it from the records of commit
754f52d, leaving out the gold, sets A-J and L and every held-out file read before (sets 15 and v1-9
among them); the labels were written by reading, blind to any prediction, and committed with
GUIDELINES' close calls before any scoring; GUIDELINES gives its first score. Set N (100 amounts)
is a third plain random draw of bench amounts (most of them general news), kept for scoring only,
to say what the rules frozen in the eleventh session (after the tenth round's State agency rule)
give on news nobody tuned them on: ``docs/draw_money_kind.py N`` (seed 6767) picks it from the
records of commit 4f16660, leaving out the gold, sets A-J, L and M and every held-out file read
before (sets 16 and v1-10 among them); the labels were written by reading, blind to any
prediction, and committed with GUIDELINES' close calls before any scoring; GUIDELINES gives its
first score. Set O (100 amounts, 98 of them money) is a fourth plain random draw of bench amounts,
kept for scoring only, to say what the rules frozen in the eleventh session's second round (after
the fixes read from sets N, 16 and v1-10: defence spending, land auctions, a project's cost,
labour export) give on news nobody tuned them on: ``docs/draw_money_kind.py O`` (seed 7878) picks
it from the records of commit fe91e83, leaving out the gold, sets A-N and every held-out file read
before (sets 17 and v1-11 among them); the labels were written by reading, blind to any
prediction, and committed with GUIDELINES' close calls before any scoring; GUIDELINES gives its
first score.
Rows with ``"money": false`` (spans that are no sum of money) are not scored.

Usage::

    vnextract run ../shared/corpus-bench/articles.jsonl -o out/bench.jsonl
    vnextract run ../shared/layouts/raw -o out/layouts.jsonl
    python docs/money_kind_checks.py out/bench.jsonl out/layouts.jsonl
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main(records_paths: list[str]) -> None:
    text = (HERE / "money_kind_checks.jsonl").read_text(encoding="utf-8")
    labels = [json.loads(line) for line in text.splitlines() if line.strip()]
    wanted = {x["id"] for x in labels}
    amounts: dict[tuple[str, int, int], dict] = {}
    found: set[str] = set()  # ids that have a record in one of the files
    for path in records_paths:
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                rec = json.loads(line)
                if rec["id"] in wanted:
                    found.add(rec["id"])
                    for a in rec.get("amounts") or []:
                        amounts[(rec["id"], a["start"], a["end"])] = a
    unread: dict[str, int] = defaultdict(int)
    score: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for x in labels:
        if not x["money"]:
            continue
        if x["id"] not in found:
            unread[x["set"]] += 1
            continue
        got = amounts.get((x["id"], x["start"], x["end"]))
        s = score[x["set"]]
        s[0] += 1
        if got is None:
            print(f"{x['set']} {x['id']} {x['text']!r}: no such amount in the records")
            continue
        s[1] += got.get("kind") == x["kind"]
        s[2] += got.get("stage") == x["stage"]
        if (got.get("kind"), got.get("stage")) != (x["kind"], x["stage"]):
            print(f"{x['set']} {x['id']} {x['text']!r}: label {x['kind']}/{x['stage']}, predicted {got.get('kind')}/{got.get('stage')}")
    for name, missing in sorted(unread.items()):
        if name not in score:
            print(f"set {name}: not scored, none of its {missing} amounts' documents is in the records given")
        else:
            print(f"set {name}: {missing} amounts left out, their documents are in none of the records given")
    for name, (n, kind, stage) in sorted(score.items()):
        print(f"set {name}: kind {kind}/{n} = {kind / n:.3f}, stage {stage}/{n} = {stage / n:.3f}")


if __name__ == "__main__":
    main(sys.argv[1:] or ["out/bench.jsonl"])
