"""Issue 13's figures on the 5,000 bench articles: what the v2 stages find, and a sample to
check by hand.

Usage: python docs/bench_v2_summary.py RECORDS [--sample OUT.jsonl] [--seed N] [--skip IDS.txt]

RECORDS is ``vnextract run ../shared/corpus-bench/articles.jsonl -o RECORDS``. Prints how many
places and countries were found (and in how many articles), how many articles were filed
under a province, the 20 most frequent article provinces and named countries, and the kinds
and stages of the amounts. With ``--sample``, writes 50 random places, 50 random countries
and 50 random amounts (``random.Random(SEED)``, default 1111; ids listed in ``--skip``, such
as articles being labelled blind, left out), each with its sentence, for a reader to judge:
the sentence comes from the shared texts, so OUT stays outside the repo; the verdicts
(ids, offsets, right or wrong, the reason) may be committed.

``docs/hand_check_v2.jsonl`` holds the eleventh session's verdicts: the sample of seed 1111
over the records of commit 3fd301c, the ids of the three sets then being labelled blind
(held-out 16, v1-10 and kind set N) left out, each mention read in its sentence.
Places 50/50, countries 49/50, amounts' kind 48/50 and stage 50/50; each wrong one says why.
The wrong country (a woman gangster, `“nữ quái” Nga`) is no country since (``nữ quái`` a
person word, a closing quote allowed before the name: one bench mention changed).
"""

from __future__ import annotations

import json
import random
import sys
from collections import Counter
from pathlib import Path

from extract.find.country_names import cldr_names
from extract.find.provinces import provinces
from extract.read.decode import canonicalize

BENCH = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus-bench" / "articles.jsonl"
SAMPLE = 50


def _summary(records: list[dict]) -> None:
    names, countries = provinces(), cldr_names()
    places = [p for r in records for p in r["places"]]
    named = [c for r in records for c in r["countries"]]
    filed = Counter(r["province"]["code"] for r in records if r.get("province"))
    print(f"{len(records)} records")
    print(f"places: {len(places)} mentions in {sum(1 for r in records if r['places'])} articles")
    print(f"countries: {len(named)} mentions in {sum(1 for r in records if r['countries'])} articles")
    print(f"articles filed under a province: {sum(filed.values())}")
    print("20 most frequent article provinces: " + ", ".join(f"{names[c].name} {n}" for c, n in filed.most_common(20)))
    top = Counter(c["country"] for c in named).most_common(20)
    print("20 most named countries (mentions): " + ", ".join(f"{countries.get(c, c)} ({c}) {n}" for c, n in top))
    amounts = [a for r in records for a in r["amounts"]]
    print(f"amounts: {len(amounts)}; kind " + ", ".join(f"{k} {n}" for k, n in Counter(a["kind"] for a in amounts).most_common()))
    print("stage " + ", ".join(f"{k} {n}" for k, n in Counter(a["stage"] for a in amounts).most_common()))


def _sentence(record: dict, text: str, span: dict) -> str:
    for start, end in record["sentences"]:
        if start <= span["start"] < end:
            return text[start:end]
    line_start = text.rfind("\n", 0, span["start"]) + 1  # a title: its line
    line_end = text.find("\n", span["end"])
    return text[line_start : len(text) if line_end < 0 else line_end]


def _sample(records: list[dict], out: str, seed: int, skip: set[str]) -> None:
    rng = random.Random(seed)
    kept = [r for r in records if r["id"] not in skip]
    rows = []
    for field in ("places", "countries", "amounts"):
        found = [(r["id"], m) for r in kept for m in r[field]]
        rows += [{"field": field, "id": i, **m} for i, m in rng.sample(found, SAMPLE)]
    wanted = {row["id"] for row in rows}
    texts = {}
    with open(BENCH, encoding="utf-8") as fh:
        for line in fh:
            doc = json.loads(line)
            if doc["id"] in wanted:
                texts[doc["id"]] = canonicalize(doc["text"])
    by_id = {r["id"]: r for r in kept}
    with open(out, "w", encoding="utf-8") as fh:
        for row in rows:
            row["sentence"] = _sentence(by_id[row["id"]], texts[row["id"]], row)
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"wrote {len(rows)} mentions to judge to {out}")


def main() -> None:
    args = sys.argv[1:]
    if not args or args[0].startswith("-"):
        sys.exit(__doc__.split("\n\n")[1])
    with open(args[0], encoding="utf-8") as fh:
        records = [r for r in map(json.loads, fh) if r.get("status", "ok") == "ok"]
    _summary(records)
    if "--sample" in args:
        seed = int(args[args.index("--seed") + 1]) if "--seed" in args else 1111
        skip: set[str] = set()
        if "--skip" in args:
            skip = set(Path(args[args.index("--skip") + 1]).read_text(encoding="utf-8").split())
        _sample(records, args[args.index("--sample") + 1], seed, skip)


if __name__ == "__main__":
    main()
