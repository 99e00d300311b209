"""Draw the sixth held-out set for ``province``, ``places`` and ``countries`` (issue 13).

A plain random draw like set 5 (docs/draw_heldout5.py), made while the province and places
rules were being changed after set 5's misses, so those frozen rules are scored on articles
nobody tuned them on. Candidates are the bench lines, in file order, whose id is in none of
the gold records, every ``docs/heldout-*.jsonl`` (set 5 included) and the amounts of
``docs/money_kind_checks.jsonl`` (articles read for another field); 40 are picked with
``random.Random(6606).sample``. Prints one id a line, in the order drawn.
Usage: python docs/draw_heldout6.py [--jsonl OUT.jsonl] (OUT gets the 40 bench lines, in
the order drawn, to run the pipeline on; keep it out of the repo: the texts have no licence).
"""

import json
import random
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
BENCH = REPO.parent / "shared" / "corpus-bench" / "articles.jsonl"
EARLIER = ("heldout-places.jsonl", "heldout-province.jsonl", "heldout-province-3.jsonl",
           "heldout-province-4.jsonl", "heldout-5.jsonl", "money_kind_checks.jsonl")  # fmt: skip
SEED, SIZE = 6606, 40


def excluded() -> set[str]:
    """Ids already read: the gold records, the five earlier held-out sets, the kind checks."""
    ids = {json.loads(p.read_text(encoding="utf-8"))["id"] for p in (REPO / "gold").glob("*.json")}
    for name in EARLIER:
        with open(REPO / "docs" / name, encoding="utf-8") as fh:
            ids |= {json.loads(line)["id"] for line in fh if line.strip()}
    return ids


def main() -> None:
    skip = excluded()
    lines = {}
    with open(BENCH, encoding="utf-8") as fh:
        for line in fh:
            doc_id = json.loads(line)["id"]
            if doc_id not in skip:
                lines[doc_id] = line
    drawn = random.Random(SEED).sample(list(lines), SIZE)
    args = sys.argv[1:]
    if "--jsonl" in args:
        with open(args[args.index("--jsonl") + 1], "w", encoding="utf-8") as out:
            out.writelines(lines[d] for d in drawn)
    print(f"{len(lines)} candidates", file=sys.stderr)
    print("\n".join(drawn))


if __name__ == "__main__":
    main()
