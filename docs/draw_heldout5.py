"""Draw the fifth held-out set for ``province``, ``places`` and ``countries`` (issue 13).

A plain random draw, so the set measures what a researcher meets in the bench corpus (set 4
was restricted to articles naming a capital). Candidates are the bench lines, in file order,
whose id is in none of the gold records and the four earlier held-out sets; 40 are picked
with ``random.Random(4404).sample``. Prints one id a line, in the order drawn.
Usage: python docs/draw_heldout5.py [--jsonl OUT.jsonl] (OUT gets the 40 bench lines, in
the order drawn, to run the pipeline on; keep it out of the repo: the texts have no licence).
"""

import json
import random
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
BENCH = REPO.parent / "shared" / "corpus-bench" / "articles.jsonl"
EARLIER = ("heldout-places.jsonl", "heldout-province.jsonl", "heldout-province-3.jsonl",
           "heldout-province-4.jsonl")  # fmt: skip
SEED, SIZE = 4404, 40


def excluded() -> set[str]:
    """Ids already labelled: the gold records and the four earlier held-out sets."""
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
    print("\n".join(drawn))


if __name__ == "__main__":
    main()
