"""Draw a held-out set for ``province``, ``places`` and ``countries`` (issue 13).

Each set is a plain random draw of 40 bench articles, so it measures what a researcher meets
in the bench corpus (set 4 was restricted to articles naming a capital). Candidates are the
bench lines, in file order, whose id was read before the draw (``docs/draws.py``); they are
picked with ``random.Random(SEED).sample``.

- Set 5 (seed 4404): before it, the gold and the four earlier held-out sets.
- Set 6 (seed 6606): made while the province and places rules were being changed after set
  5's misses, so those frozen rules are scored on articles nobody tuned them on; before it,
  also set 5 and the articles of kind checks A-D (read for another field).
- Set 7 (seed 7707): drawn in the sixth session with the rules frozen at f687d0b; before it,
  also sets 6 and v1 and kind checks E and F. Kind sets G and H were drawn at the same time
  for another field and may share articles with it.
- Set 8 (seed 8808): drawn in the sixth session after the countries fixes from set 7's misses
  (rules frozen at 22d741a); before it, also set 7 and kind checks G and H. The second v1
  held-out set was drawn at the same time for other fields and may share articles with it.
- Set 9 (seed 9909): drawn at the end of the sixth session, after the countries fixes from set
  8's misses (rules frozen at cf443ee); before it, also set 8 and the second v1 set.
- Set 10 (seed 1010): drawn in the seventh session (rules frozen at 1a1cea9) from DOMAIN
  articles only (``docs/draws.py``: articles naming people's diplomacy or foreign money at
  least twice, the gold set's subject); before it, every earlier held-out file and kind set.
  Kind set I and v1 set 4 were drawn at the same time from the same articles, for other fields.
- Set 11 (seed 1111): drawn in the seventh session after set 10 had been scored, while rules
  were written from its misses (frozen rules at 04701eb), from articles with ONE match of
  ``DOMAIN`` or more (too few with two were left); before it, also sets 10 and v1-4 and kind
  set I. Kind set J and v1 set 5 were drawn at the same time, for other fields.
- Set 12 (seed 1212): drawn in the ninth session with the rules frozen at b6e5184, a plain
  random draw (not restricted to domain articles: the domain pool is nearly read out); before
  it, every earlier held-out file and kind sets A-J. V1 set 6 was drawn at the same time.
- Set 13 (seed 1313): drawn later in the ninth session, after the fixes read from set 12's
  misses (rules frozen at the commit that adds this entry), a plain random draw; before it,
  also sets 12 and v1-6. V1 set 7 and kind set L were drawn right after it, leaving it out.
- Set 14 (seed 1414): drawn at the end of the ninth session, after the fixes read from set
  13's and v1 set 7's misses (rules frozen at the commit that adds this entry), a plain
  random draw; before it, also sets 13, v1-7 and kind set L. V1 set 8 was drawn right after.
- Set 15 (seed 1515): drawn in the tenth session with the rules frozen at the commit that adds
  this entry (after the session's loan and print-date rules), a plain random draw; before it,
  also sets 14 and v1-8. V1 set 9 and kind set M were drawn right after it, leaving it out.
- Set 16 (seed 1616): drawn in the eleventh session with the rules frozen at the commit that
  adds this entry (after the session's State agency rule), a plain random draw; before it,
  also sets 15, v1-9 and kind set M. V1 set 10 and kind set N were drawn right after it,
  leaving it out.
- Set 17 (seed 1717): drawn later in the eleventh session with the rules frozen at the commit
  that adds this entry (after the fixes read from sets 16, v1-10 and N), a plain random draw;
  before it, also sets 16, v1-10 and kind set N. V1 set 11 and kind set O were drawn right
  after it, leaving it out.

Prints one id a line, in the order drawn. Usage: python docs/draw_heldout.py SET
[--jsonl OUT.jsonl] (OUT gets the bench lines, in the order drawn, to run the pipeline on;
keep it out of the repo: the texts have no licence).
"""

import random
import sys

from draws import bench_lines, domain_line, heldout_files, read_before

EARLIER = ("heldout-places.jsonl", "heldout-province.jsonl", "heldout-province-3.jsonl", "heldout-province-4.jsonl")
DRAWS = {  # set: (seed, size, held-out files read before, kind-check sets read before)
    "5": (4404, 40, EARLIER, ()),
    "6": (6606, 40, (*EARLIER, "heldout-5.jsonl"), ("A", "B", "C", "D")),
    "7": (7707, 40, (*EARLIER, "heldout-5.jsonl", "heldout-6.jsonl", "heldout-v1.jsonl"), tuple("ABCDEF")),
    "8": (8808, 40, (*EARLIER, "heldout-5.jsonl", "heldout-6.jsonl", "heldout-7.jsonl", "heldout-v1.jsonl"),
          tuple("ABCDEFGH")),
    "9": (9909, 40, (*EARLIER, "heldout-5.jsonl", "heldout-6.jsonl", "heldout-7.jsonl", "heldout-8.jsonl",
                     "heldout-v1.jsonl", "heldout-v1-2.jsonl"), tuple("ABCDEFGH")),
    "10": (1010, 40, (*EARLIER, "heldout-5.jsonl", "heldout-6.jsonl", "heldout-7.jsonl", "heldout-8.jsonl",
                      "heldout-9.jsonl", "heldout-v1.jsonl", "heldout-v1-2.jsonl", "heldout-v1-3.jsonl"),
           tuple("ABCDEFGH")),
    "11": (1111, 40, (*EARLIER, "heldout-5.jsonl", "heldout-6.jsonl", "heldout-7.jsonl", "heldout-8.jsonl",
                      "heldout-9.jsonl", "heldout-10.jsonl", "heldout-v1.jsonl", "heldout-v1-2.jsonl",
                      "heldout-v1-3.jsonl", "heldout-v1-4.jsonl"), tuple("ABCDEFGHI")),
    "12": (1212, 40, (*EARLIER, "heldout-5.jsonl", "heldout-6.jsonl", "heldout-7.jsonl", "heldout-8.jsonl",
                      "heldout-9.jsonl", "heldout-10.jsonl", "heldout-11.jsonl", "heldout-v1.jsonl",
                      "heldout-v1-2.jsonl", "heldout-v1-3.jsonl", "heldout-v1-4.jsonl", "heldout-v1-5.jsonl"),
           tuple("ABCDEFGHIJ")),
    "13": (1313, 40, (*EARLIER, "heldout-5.jsonl", "heldout-6.jsonl", "heldout-7.jsonl", "heldout-8.jsonl",
                      "heldout-9.jsonl", "heldout-10.jsonl", "heldout-11.jsonl", "heldout-12.jsonl", "heldout-v1.jsonl",
                      "heldout-v1-2.jsonl", "heldout-v1-3.jsonl", "heldout-v1-4.jsonl", "heldout-v1-5.jsonl",
                      "heldout-v1-6.jsonl"), tuple("ABCDEFGHIJ")),
    "14": (1414, 40, (*EARLIER, "heldout-5.jsonl", "heldout-6.jsonl", "heldout-7.jsonl", "heldout-8.jsonl",
                      "heldout-9.jsonl", "heldout-10.jsonl", "heldout-11.jsonl", "heldout-12.jsonl", "heldout-13.jsonl",
                      "heldout-v1.jsonl", "heldout-v1-2.jsonl", "heldout-v1-3.jsonl", "heldout-v1-4.jsonl",
                      "heldout-v1-5.jsonl", "heldout-v1-6.jsonl", "heldout-v1-7.jsonl"), tuple("ABCDEFGHIJL")),
    "15": (1515, 40, (*EARLIER, "heldout-5.jsonl", "heldout-6.jsonl", "heldout-7.jsonl", "heldout-8.jsonl",
                      "heldout-9.jsonl", "heldout-10.jsonl", "heldout-11.jsonl", "heldout-12.jsonl", "heldout-13.jsonl",
                      "heldout-14.jsonl", "heldout-v1.jsonl", "heldout-v1-2.jsonl", "heldout-v1-3.jsonl",
                      "heldout-v1-4.jsonl", "heldout-v1-5.jsonl", "heldout-v1-6.jsonl", "heldout-v1-7.jsonl",
                      "heldout-v1-8.jsonl"), tuple("ABCDEFGHIJL")),
    "16": (1616, 40, heldout_files(15, 9), tuple("ABCDEFGHIJLM")),
    "17": (1717, 40, heldout_files(16, 10), tuple("ABCDEFGHIJLMN")),
}
DOMAIN_ONLY = {"10": 2, "11": 1}  # sets drawn from the domain articles only: how many matches


def main() -> None:
    args = sys.argv[1:]
    if not args or args[0] not in DRAWS:
        sys.exit(f"usage: python docs/draw_heldout.py {{{','.join(DRAWS)}}} [--jsonl OUT.jsonl]")
    seed, size, heldout, kind_sets = DRAWS[args[0]]
    lines = bench_lines(read_before(heldout, kind_sets))
    if args[0] in DOMAIN_ONLY:
        least = DOMAIN_ONLY[args[0]]
        lines = {i: line for i, line in lines.items() if domain_line(line, least)}
    drawn = random.Random(seed).sample(list(lines), size)
    if "--jsonl" in args:
        with open(args[args.index("--jsonl") + 1], "w", encoding="utf-8") as out:
            out.writelines(lines[d] for d in drawn)
    print(f"{len(lines)} candidates", file=sys.stderr)
    print("\n".join(drawn))


if __name__ == "__main__":
    main()
