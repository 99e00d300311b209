"""Draw a set of the amount ``kind``/``stage`` hand checks (issue 13; SPEC section 10).

Sets A-C of ``docs/money_kind_checks.jsonl`` were read while the rules were tuned. Each later
set is drawn and labelled with the rules frozen, to show what unseen amounts get:

- D (seed 5151, 60 amounts, from the records of commit de1a996);
- E (seed 6262, 80 amounts, from the records of commit 90f084c), labelled blind while new
  rules were written from D's misses;
- F (seed 8383, 80 amounts, from the records of commit b590e0a), labelled blind while new
  rules were written from E's misses.
- G (seed 9494, 100 amounts) and H (seed 7171, 150 amounts), both from the records of commit
  f687d0b and labelled blind by two labellers at once in the sixth session: G to score on,
  H to learn from. H's candidates leave out G's draw (computed here, so neither needs the
  other's labels to be reproduced).
- I (seed 1212, 120 amounts, from the records of commit 1a1cea9), drawn in the seventh session
  from DOMAIN articles only (``docs/draws.py``: articles naming people's diplomacy or foreign
  money at least twice, the gold set's subject), to measure what the rules give on the kind of
  article researchers bring; it leaves out every earlier set and held-out file, and is kept
  for scoring only.
- J (seed 2323, 100 amounts, from the records of commit 04701eb), drawn in the seventh
  session after set I had been scored, while rules were written from I's misses, to score them
  on amounts nobody tuned on; from articles with ONE match of ``DOMAIN`` or more (too few with
  two were left), leaving out every earlier set and held-out file, set I and the held-out sets
  10 and v1-4. Kept for scoring only.
- L (seed 3434, 100 amounts, from the records of the ninth session's commit that adds it),
  drawn after the fixes read from set J's, set 12's and v1 set 6's misses, a plain random draw
  (fewer than 100 amounts of DOMAIN articles were left unread), leaving out every earlier set
  and held-out file (sets 13 and v1-7, drawn just before, included). Kept for scoring only.
- M (seed 5656, 100 amounts, from the records of the tenth session's commit that adds it),
  drawn after that session's loan rules (a foreign State's or a development lender's loan is
  `oda`), a plain random draw, leaving out every earlier set and held-out file (sets 15 and
  v1-9, drawn just before, included). Kept for scoring only.
- N (seed 6767, 100 amounts, from the records of the eleventh session's commit that adds it),
  drawn after that session's State agency rule, a plain random draw, leaving out every
  earlier set and held-out file (sets 16 and v1-10, drawn just before, included). Kept for
  scoring only.
- O (seed 7878, 100 amounts, from the records of the eleventh session's commit that adds it),
  drawn after the fixes read from sets N, 16 and v1-10 (defence spending, land auctions), a
  plain random draw, leaving out every earlier set and held-out file (sets 17 and v1-11, drawn
  just before, included). Kept for scoring only.
- K (seed 4242, every amount the pipeline finds, from the records of commit 48e10fd over
  ``../shared/layouts/raw``): the amounts of the 105 LAYOUT pages, real pages from about a
  hundred sites the gold never saw, most of them provincial news on the gold's subject; read
  until then only for their layout, never for kind. Drawn in the seventh session while an
  eighth round of kind rules was written without them; kept for scoring only. Run the
  pipeline on ``../shared/layouts/raw`` for its records.

The pipeline is used only to LOCATE amounts: this script reads each amount's id, start, end
and text from the records and never their ``kind`` or ``stage``, so the labeller does not see
a prediction. Candidates: every amount of every record, in file order and then in text
order, whose id was not read before the draw (``docs/draws.py``: the gold, the earlier kind
check sets and the held-out files there were); ``random.Random(SEED).sample`` picks them.
Prints one JSON line per drawn amount (id, start, end, text), in the order drawn. The amounts
found depend on the rules, so a set is reproduced from the records of its commit. Usage::

    vnextract run ../shared/corpus-bench/articles.jsonl -o /tmp/r.jsonl -q
    python docs/draw_money_kind.py SET /tmp/r.jsonl [--context OUT.jsonl]

OUT gets the same lines with the sentence and paragraph around each amount, for reading;
keep it out of the repo (the texts have no licence).
"""

import json
import random
import sys

from draws import BENCH, LAYOUTS, bench_lines, canonical, domain_line, heldout_files, read_before

HELDOUT = ("heldout-5.jsonl", "heldout-places.jsonl", "heldout-province.jsonl",
           "heldout-province-3.jsonl", "heldout-province-4.jsonl")  # fmt: skip
DRAWS = {  # set: (seed, size, held-out files read before, kind-check sets read before)
    "D": (5151, 60, HELDOUT, ("A", "B", "C")),
    "E": (6262, 80, HELDOUT, ("A", "B", "C", "D")),
    "F": (8383, 80, (*HELDOUT, "heldout-6.jsonl", "heldout-v1.jsonl"), ("A", "B", "C", "D", "E")),
    "G": (9494, 100, (*HELDOUT, "heldout-6.jsonl", "heldout-v1.jsonl"), tuple("ABCDEF")),
    "H": (7171, 150, (*HELDOUT, "heldout-6.jsonl", "heldout-v1.jsonl"), tuple("ABCDEF")),
    "I": (1212, 120, (*HELDOUT, "heldout-6.jsonl", "heldout-7.jsonl", "heldout-8.jsonl", "heldout-9.jsonl",
                      "heldout-v1.jsonl", "heldout-v1-2.jsonl", "heldout-v1-3.jsonl"), tuple("ABCDEFGH")),
    "J": (2323, 100, (*HELDOUT, "heldout-6.jsonl", "heldout-7.jsonl", "heldout-8.jsonl", "heldout-9.jsonl",
                      "heldout-10.jsonl", "heldout-v1.jsonl", "heldout-v1-2.jsonl", "heldout-v1-3.jsonl",
                      "heldout-v1-4.jsonl"), tuple("ABCDEFGHI")),
    "L": (3434, 100, (*HELDOUT, "heldout-6.jsonl", "heldout-7.jsonl", "heldout-8.jsonl", "heldout-9.jsonl",
                      "heldout-10.jsonl", "heldout-11.jsonl", "heldout-12.jsonl", "heldout-13.jsonl",
                      "heldout-v1.jsonl", "heldout-v1-2.jsonl", "heldout-v1-3.jsonl", "heldout-v1-4.jsonl",
                      "heldout-v1-5.jsonl", "heldout-v1-6.jsonl", "heldout-v1-7.jsonl"), tuple("ABCDEFGHIJ")),
    "M": (5656, 100, (*HELDOUT, "heldout-6.jsonl", "heldout-7.jsonl", "heldout-8.jsonl", "heldout-9.jsonl",
                      "heldout-10.jsonl", "heldout-11.jsonl", "heldout-12.jsonl", "heldout-13.jsonl",
                      "heldout-14.jsonl", "heldout-15.jsonl", "heldout-v1.jsonl", "heldout-v1-2.jsonl",
                      "heldout-v1-3.jsonl", "heldout-v1-4.jsonl", "heldout-v1-5.jsonl", "heldout-v1-6.jsonl",
                      "heldout-v1-7.jsonl", "heldout-v1-8.jsonl", "heldout-v1-9.jsonl"), tuple("ABCDEFGHIJL")),
    "N": (6767, 100, heldout_files(16, 10), tuple("ABCDEFGHIJLM")),
    "O": (7878, 100, heldout_files(17, 11), tuple("ABCDEFGHIJLMN")),
}
DRAWN_BEFORE = {"H": ("G",)}  # sets drawn in the same session, whose draws a set leaves out
DOMAIN_ONLY = {"I": 2, "J": 1}  # sets drawn from the domain articles only: how many matches
LAYOUT_SETS = {"K": 4242}  # sets of every amount of the layout pages, in a shuffled order: seed


def draw(name: str, records_path: str) -> list[dict]:
    """Set ``name``'s amounts, in the order drawn."""
    if name in LAYOUT_SETS:
        found = candidates(records_path, set())
        return random.Random(LAYOUT_SETS[name]).sample(found, len(found))
    seed, size, heldout, kind_sets = DRAWS[name]
    skip = read_before(heldout, kind_sets)
    for earlier in DRAWN_BEFORE.get(name, ()):
        skip |= {x["id"] for x in draw(earlier, records_path)}
    if name in DOMAIN_ONLY:
        least = DOMAIN_ONLY[name]
        skip |= {i for i, line in bench_lines(skip).items() if not domain_line(line, least)}
    return random.Random(seed).sample(candidates(records_path, skip), size)


def candidates(records_path: str, skip: set[str]) -> list[dict]:
    """Every amount of the records not skipped, as id/start/end/text only (no prediction)."""
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


def around(spans: list[list[int]], start: int, end: int) -> tuple[int, int] | None:
    """The span of ``spans`` holding [start, end), else None (a title amount)."""
    return next(((s, e) for s, e in spans if s <= start and end <= e), None)


def main() -> None:
    args = sys.argv[1:]
    if len(args) < 2 or args[0] not in (*DRAWS, *LAYOUT_SETS):
        sys.exit(f"usage: python docs/draw_money_kind.py {{{','.join((*DRAWS, *LAYOUT_SETS))}}} RECORDS [--context OUT.jsonl]")
    drawn = draw(args[0], args[1])
    for x in drawn:
        print(json.dumps({k: x[k] for k in ("id", "start", "end", "text")}, ensure_ascii=False))
    if "--context" not in args:
        return
    wanted = {x["id"] for x in drawn}
    texts = {}
    if args[0] in LAYOUT_SETS:
        texts = {i: canonical((LAYOUTS / f"{i}.txt").read_text(encoding="utf-8")) for i in wanted}
    else:
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
