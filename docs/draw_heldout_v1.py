"""Draw the first held-out set for the v1 entities (directives, amounts, counts).

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

Candidates are the bench lines, in file order, whose id is in none of gold/*.json,
the five held-out sets and kind checks A-D there were when it was drawn (docs/draws.py). One ``random.Random(7007)`` draws
10 from (a), then 8 from (b) not already drawn, then 7 from (c) not already drawn.
Prints ``STRATUM ID`` a line, in the order drawn.
Usage: python docs/draw_heldout_v1.py [--jsonl OUT.jsonl] (OUT gets the 25 bench lines, in
the order drawn; keep it out of the repo: the texts have no licence).
"""

import json
import random
import re
import sys

from draws import BENCH, read_before

EARLIER = ("heldout-places.jsonl", "heldout-province.jsonl", "heldout-province-3.jsonl",
           "heldout-province-4.jsonl", "heldout-5.jsonl")  # fmt: skip
SEED = 7007
SIZES = (("a", 10), ("b", 8), ("c", 7))
DOC_TYPES = ("Chỉ thị", "Nghị quyết", "Kết luận", "Quyết định", "Quy định", "Kế hoạch",
             "Thông tri", "Hướng dẫn", "Thông báo", "Chương trình", "Báo cáo", "Công văn",
             "Nghị định", "Thông tư", "Luật", "Pháp lệnh")  # fmt: skip
STRATA = {
    "a": re.compile("(?:" + "|".join(DOC_TYPES) + r") (?:\d|số)"),
    "b": re.compile(r"\d ?(?:(?:nghìn|ngàn|triệu|tỷ|tỉ) )*(?:USD|đồng)"),
    "c": re.compile(r"\d ?(?:hội viên|thành viên|hội hữu nghị|tổ chức)"),
}


def excluded() -> set[str]:
    """Ids read before this draw: the gold, the five held-out sets and kind checks A-D."""
    return read_before(EARLIER, ("A", "B", "C", "D"))


def main() -> None:
    skip = excluded()
    lines: dict[str, str] = {}
    strata: dict[str, list[str]] = {name: [] for name in STRATA}
    with open(BENCH, encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            if rec["id"] in skip:
                continue
            lines[rec["id"]] = line
            for name, pattern in STRATA.items():
                if pattern.search(rec["text"]):
                    strata[name].append(rec["id"])
    rng = random.Random(SEED)
    drawn: list[tuple[str, str]] = []
    for name, size in SIZES:
        taken = {d for _, d in drawn}
        drawn += [(name, d) for d in rng.sample([d for d in strata[name] if d not in taken], size)]
    args = sys.argv[1:]
    if "--jsonl" in args:
        with open(args[args.index("--jsonl") + 1], "w", encoding="utf-8") as out:
            out.writelines(lines[d] for _, d in drawn)
    print("\n".join(f"{name} {d}" for name, d in drawn))
    sizes = ", ".join(f"({n}) {len(ids)}" for n, ids in strata.items())
    print(f"# candidates {len(lines)}; strata {sizes}", file=sys.stderr)


if __name__ == "__main__":
    main()
