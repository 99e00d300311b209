"""The README's v2 analysis: money by kind and stage for each province, and the partner
countries named most, from the records of a run (the same tables ``vnextract tables``
writes).

Usage: python docs/make_partners_plot.py RECORDS.jsonl OUT.png [TOP]
(``make partners-plot`` runs it on a run over ../shared/corpus-bench/articles.jsonl).
Prints two Markdown tables (đồng by province and kind; amounts by kind and stage) and the
most-named countries, and draws both as one figure. Only amounts in đồng are summed
(USD amounts are listed apart, never converted), and an article's money is filed under
the article's ``province`` (articles without one are "national / none").
"""

from __future__ import annotations

import sys
from collections import Counter, defaultdict

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

from extract.analysis.tables import rows  # noqa: E402
from extract.record.models import loads  # noqa: E402

KINDS = ("aid", "oda", "investment", "remittance", "trade", "budget", "donation", "other")
COLOURS = ("#4e79a7", "#59a14f", "#f28e2b", "#e15759", "#76b7b2", "#edc948", "#b07aa1", "#bab0ac")
NONE = "national / none"
# One article's money above 10^15 đồng (a million tỷ, a tenth of the country's yearly GDP) is
# a typo in the source (`68.266.067.050 tỷ đồng` for đồng); the record keeps it as written,
# the sums here leave it out and say how many they left out.
PLAUSIBLE_DONG = 10**15


def summarise(tables: dict[str, list[dict]], top: int) -> tuple[dict, Counter, Counter, list]:
    dong: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    stages: Counter = Counter()
    implausible = 0
    for a in tables["amounts"]:
        stages[(a["kind"], a["stage"] or "-")] += 1
        if a["currency"] == "VND" and a["value"] >= PLAUSIBLE_DONG:
            implausible += 1
        elif a["currency"] == "VND":
            dong[a["province"] or NONE][a["kind"]] += float(a["value"]) / 1e9  # tỷ đồng
    stages[("implausible", "-")] = implausible
    countries = Counter()
    for doc_id, code in {(c["doc_id"], c["country"]) for c in tables["countries"]}:
        countries[code] += 1  # articles naming the country, not mentions
    order = sorted((p for p in dong if p != NONE), key=lambda p: -sum(dong[p].values()))[:top]
    return dong, stages, countries, order


def main(records_path: str, out_path: str, top: str = "12") -> None:
    with open(records_path, "rb") as fh:
        tables = rows(loads(line) for line in fh if line.strip())
    dong, stages, countries, order = summarise(tables, int(top))
    print(f"{len(tables['documents'])} articles, {len(tables['amounts'])} amounts "
          f"({stages[('implausible', '-')]} in đồng above 10^15 left out of the sums)\n")
    print("| province | " + " | ".join(KINDS) + " | all (tỷ đồng) |")
    print("| --- |" + " ---: |" * (len(KINDS) + 1))
    for p in order:
        cells = [f"{dong[p].get(k, 0):,.0f}" for k in KINDS]
        print(f"| {p} | " + " | ".join(cells) + f" | {sum(dong[p].values()):,.0f} |")
    print("\n| kind | " + " | ".join(("committed", "disbursed", "registered", "approved", "planned", "-")) + " |")
    print("| --- |" + " ---: |" * 6)
    for k in KINDS:
        print(f"| {k} | " + " | ".join(str(stages[(k, s)]) for s in ("committed", "disbursed", "registered", "approved", "planned", "-")) + " |")
    print("\nmost-named countries (articles):", ", ".join(f"{c} {n}" for c, n in countries.most_common(15)))

    fig, (left, right) = plt.subplots(1, 2, figsize=(13, 5))
    # each province's đồng split by kind (shares: the totals differ by orders of magnitude)
    totals = [sum(dong[p].values()) or 1.0 for p in order]
    base = [0.0] * len(order)
    for kind, colour in zip(KINDS, COLOURS, strict=True):
        vals = [dong[p].get(kind, 0) / t for p, t in zip(order, totals, strict=True)]
        left.barh(order, vals, left=base, color=colour, label=kind)
        base = [b + v for b, v in zip(base, vals, strict=True)]
    for y, total in enumerate(totals):
        left.text(1.01, y, f"{total:,.0f}", va="center", fontsize=8)
    left.set_xlim(0, 1.25)
    left.invert_yaxis()
    left.set_xlabel("share of the đồng mentioned (total in tỷ đồng at the right)")
    left.set_title("Money in đồng by the article's province, by kind")
    left.legend(fontsize=7, loc="upper center", bbox_to_anchor=(0.45, -0.13), ncol=8)
    named = countries.most_common(15)
    right.barh([c for c, _ in named], [n for _, n in named], color="#4e79a7")
    right.invert_yaxis()
    right.set_xlabel("articles naming the country")
    right.set_title("Partner countries named most")
    fig.suptitle(f"vnextract v2 fields over {len(tables['documents'])} articles")
    fig.tight_layout()
    fig.savefig(out_path, dpi=100)
    print(f"wrote {out_path}")


if __name__ == "__main__":
    main(*sys.argv[1:4])
