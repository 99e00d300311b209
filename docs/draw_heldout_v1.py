"""Draw the held-out sets for the v1 entities (directives, amounts, counts).

The gold set was read while the v1 rules were written, so its scores flatter. This draw
picks 25 bench articles nobody tuned the rules to, reading only the article texts (never
pipeline output), from three strata found by a plain keyword search, so that every
article is likely to hold the entity it was drawn for while recall is still measured on
everything the whole article holds:

(a) a directive: a document-type word of SPEC 3, case as written, then a space and a digit
    or ``số`` (``Chỉ thị số``, ``Quyết định 12``, ``Luật số``);
(b) money: ``USD`` or ``đồng`` after a digit, with an optional space and scale words
    between (``500 USD``, ``3 tỷ đồng``, ``1,5 triệu USD``);
(c) a count: ``hội viên``, ``thành viên``, ``hội hữu nghị`` or ``tổ chức`` after a digit and
    an optional space (``120 hội viên``, ``5 tổ chức``).

Set 1 (``docs/heldout-v1.jsonl``): candidates are the bench lines, in file order, whose id
is in none of gold/*.json, the five held-out sets and kind checks A-D there were when it was
drawn (docs/draws.py). One ``random.Random(7007)`` draws 10 from (a), then 8 from (b) not
already drawn, then 7 from (c) not already drawn.

Set 2 (``docs/heldout-v1-2.jsonl``, sixth session, rules frozen at e0479ad): also leaves out
set 1, held-out sets 6 and 7 and kind checks E-H; ``random.Random(7117)`` draws 10, 10 and 10.

Set 3 (``docs/heldout-v1-3.jsonl``, end of the sixth session, rules frozen at 8c22e2e): also
leaves out set 2 and held-out sets 8 and 9; ``random.Random(7337)`` draws 10, 10 and 10.

Set 4 (``docs/heldout-v1-4.jsonl``, seventh session, rules frozen at 1a1cea9): candidates are
only DOMAIN articles (``docs/draws.py``: naming people's diplomacy or foreign money at least
twice, the gold set's subject) that no earlier held-out file or kind set holds;
``random.Random(4747)`` draws all 3 of (c) first (only 3 domain articles
match it), then 12 of (a) and 10 of (b) (kind set I and held-out set 10 were drawn at the
same time from the same articles, for other fields).

Set 5 (``docs/heldout-v1-5.jsonl``, seventh session, rules frozen at 04701eb, drawn while
rules were written from set 4's misses): candidates are articles with ONE match of
``DOMAIN`` or more (too few with two were left) that no earlier held-out file or kind set
(I included) holds; ``random.Random(5757)`` draws every article of (c) up to 5, then 10 of (a)
and 10 of (b).

Set 6 (``docs/heldout-v1-6.jsonl``, ninth session, rules frozen at b6e5184): candidates are
all bench articles (the domain pool is nearly read out) that no earlier held-out file or kind
set (J included, and held-out set 12, drawn first) holds; ``random.Random(6868)`` draws up to
5 of (c), then 10 of (a) and 10 of (b).

Set 7 (``docs/heldout-v1-7.jsonl``, ninth session, after the fixes read from set 6's and
held-out set 12's misses): as set 6, leaving out also sets 6 and 13 (drawn just before);
``random.Random(7979)``.

Set 8 (``docs/heldout-v1-8.jsonl``, end of the ninth session, after the fixes read from
set 7's and held-out set 13's misses): as set 7, leaving out also sets 7, L and 14 (drawn
just before); ``random.Random(8989)``.

Set 9 (``docs/heldout-v1-9.jsonl``, tenth session, rules frozen at the commit that adds it):
as set 8, leaving out also sets 8 and 15 (drawn just before); ``random.Random(9090)``.

Set 10 (``docs/heldout-v1-10.jsonl``, eleventh session, rules frozen at the commit that adds
it): as set 9, leaving out also sets 9, M and 16 (drawn just before); ``random.Random(1919)``.

Set 11 (``docs/heldout-v1-11.jsonl``, eleventh session, after the fixes read from sets 10, 16
and N; rules frozen at the commit that adds it): as set 10, leaving out also sets 10, N and 17
(drawn just before); ``random.Random(2121)``.

Prints ``STRATUM ID`` a line, in the order drawn.
Usage: python docs/draw_heldout_v1.py [2|3|4|5|6|7|8|9|10|11] [--jsonl OUT.jsonl] (OUT gets the bench lines, in
the order drawn; keep it out of the repo: the texts have no licence).
"""

import json
import random
import re
import sys

from draws import BENCH, canonical, heldout_files, in_domain, read_before

EARLIER = ("heldout-places.jsonl", "heldout-province.jsonl", "heldout-province-3.jsonl",
           "heldout-province-4.jsonl", "heldout-5.jsonl")  # fmt: skip
DRAWS = {  # set: (seed, sizes, held-out files read before, kind-check sets read before)
    "1": (7007, (("a", 10), ("b", 8), ("c", 7)), EARLIER, tuple("ABCD")),
    "2": (7117, (("a", 10), ("b", 10), ("c", 10)),
          (*EARLIER, "heldout-6.jsonl", "heldout-7.jsonl", "heldout-v1.jsonl"), tuple("ABCDEFGH")),
    "3": (7337, (("a", 10), ("b", 10), ("c", 10)),
          (*EARLIER, "heldout-6.jsonl", "heldout-7.jsonl", "heldout-8.jsonl", "heldout-9.jsonl",
           "heldout-v1.jsonl", "heldout-v1-2.jsonl"), tuple("ABCDEFGH")),
    "4": (4747, (("c", 3), ("a", 12), ("b", 10)),
          (*EARLIER, "heldout-6.jsonl", "heldout-7.jsonl", "heldout-8.jsonl", "heldout-9.jsonl",
           "heldout-v1.jsonl", "heldout-v1-2.jsonl", "heldout-v1-3.jsonl"), tuple("ABCDEFGH")),
    "5": (5757, (("c", 5), ("a", 10), ("b", 10)),
          (*EARLIER, "heldout-6.jsonl", "heldout-7.jsonl", "heldout-8.jsonl", "heldout-9.jsonl", "heldout-10.jsonl",
           "heldout-v1.jsonl", "heldout-v1-2.jsonl", "heldout-v1-3.jsonl", "heldout-v1-4.jsonl"), tuple("ABCDEFGHI")),
    "6": (6868, (("c", 5), ("a", 10), ("b", 10)),
          (*EARLIER, "heldout-6.jsonl", "heldout-7.jsonl", "heldout-8.jsonl", "heldout-9.jsonl", "heldout-10.jsonl",
           "heldout-11.jsonl", "heldout-12.jsonl", "heldout-v1.jsonl", "heldout-v1-2.jsonl", "heldout-v1-3.jsonl",
           "heldout-v1-4.jsonl", "heldout-v1-5.jsonl"), tuple("ABCDEFGHIJ")),
    "7": (7979, (("c", 5), ("a", 10), ("b", 10)),
          (*EARLIER, "heldout-6.jsonl", "heldout-7.jsonl", "heldout-8.jsonl", "heldout-9.jsonl", "heldout-10.jsonl",
           "heldout-11.jsonl", "heldout-12.jsonl", "heldout-13.jsonl", "heldout-v1.jsonl", "heldout-v1-2.jsonl",
           "heldout-v1-3.jsonl", "heldout-v1-4.jsonl", "heldout-v1-5.jsonl", "heldout-v1-6.jsonl"), tuple("ABCDEFGHIJ")),
    "8": (8989, (("c", 5), ("a", 10), ("b", 10)),
          (*EARLIER, "heldout-6.jsonl", "heldout-7.jsonl", "heldout-8.jsonl", "heldout-9.jsonl", "heldout-10.jsonl",
           "heldout-11.jsonl", "heldout-12.jsonl", "heldout-13.jsonl", "heldout-14.jsonl", "heldout-v1.jsonl",
           "heldout-v1-2.jsonl", "heldout-v1-3.jsonl", "heldout-v1-4.jsonl", "heldout-v1-5.jsonl", "heldout-v1-6.jsonl",
           "heldout-v1-7.jsonl"), tuple("ABCDEFGHIJL")),
    "9": (9090, (("c", 5), ("a", 10), ("b", 10)),
          (*EARLIER, "heldout-6.jsonl", "heldout-7.jsonl", "heldout-8.jsonl", "heldout-9.jsonl", "heldout-10.jsonl",
           "heldout-11.jsonl", "heldout-12.jsonl", "heldout-13.jsonl", "heldout-14.jsonl", "heldout-15.jsonl",
           "heldout-v1.jsonl", "heldout-v1-2.jsonl", "heldout-v1-3.jsonl", "heldout-v1-4.jsonl", "heldout-v1-5.jsonl",
           "heldout-v1-6.jsonl", "heldout-v1-7.jsonl", "heldout-v1-8.jsonl"), tuple("ABCDEFGHIJL")),
    "10": (1919, (("c", 5), ("a", 10), ("b", 10)), heldout_files(16, 9), tuple("ABCDEFGHIJLM")),
    "11": (2121, (("c", 5), ("a", 10), ("b", 10)), heldout_files(17, 10), tuple("ABCDEFGHIJLMN")),
}  # fmt: skip
DOMAIN_ONLY = {"4": 2, "5": 1}  # sets drawn from the domain articles only: how many matches
DOC_TYPES = ("Chỉ thị", "Nghị quyết", "Kết luận", "Quyết định", "Quy định", "Kế hoạch",
             "Thông tri", "Hướng dẫn", "Thông báo", "Chương trình", "Báo cáo", "Công văn",
             "Nghị định", "Thông tư", "Luật", "Pháp lệnh")  # fmt: skip
STRATA = {
    "a": re.compile("(?:" + "|".join(DOC_TYPES) + r") (?:\d|số)"),
    "b": re.compile(r"\d ?(?:(?:nghìn|ngàn|triệu|tỷ|tỉ) )*(?:USD|đồng)"),
    "c": re.compile(r"\d ?(?:hội viên|thành viên|hội hữu nghị|tổ chức)"),
}


def main() -> None:
    args = sys.argv[1:]
    name = args.pop(0) if args and args[0] in DRAWS else "1"
    seed, sizes, heldout, kind_sets = DRAWS[name]
    skip = read_before(heldout, kind_sets)
    lines: dict[str, str] = {}
    strata: dict[str, list[str]] = {name: [] for name in STRATA}
    with open(BENCH, encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            if rec["id"] in skip or (name in DOMAIN_ONLY and not in_domain(canonical(rec["text"]), DOMAIN_ONLY[name])):
                continue
            lines[rec["id"]] = line
            for stratum, pattern in STRATA.items():
                if pattern.search(rec["text"]):
                    strata[stratum].append(rec["id"])
    rng = random.Random(seed)
    drawn: list[tuple[str, str]] = []
    for stratum, size in sizes:
        taken = {d for _, d in drawn}
        pool = [d for d in strata[stratum] if d not in taken]
        drawn += [(stratum, d) for d in rng.sample(pool, min(size, len(pool)))]
    if "--jsonl" in args:
        with open(args[args.index("--jsonl") + 1], "w", encoding="utf-8") as out:
            out.writelines(lines[d] for _, d in drawn)
    print("\n".join(f"{name} {d}" for name, d in drawn))
    sizes = ", ".join(f"({n}) {len(ids)}" for n, ids in strata.items())
    print(f"# candidates {len(lines)}; strata {sizes}", file=sys.stderr)


if __name__ == "__main__":
    main()
