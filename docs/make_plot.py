"""The README figure: money by year of publication and currency, counts by category.

Usage: python docs/make_plot.py RECORDS.jsonl OUT.png (``make plot`` runs it on corpus/).
It uses the same tables a researcher gets from ``vnextract tables``.
"""

from __future__ import annotations

import sys
from collections import defaultdict

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

from extract.analysis.tables import rows  # noqa: E402
from extract.record.models import loads  # noqa: E402


def main(records_path: str, out_path: str) -> None:
    with open(records_path, "rb") as fh:
        tables = rows(loads(line) for line in fh if line.strip())
    money: dict[tuple[str, str], float] = defaultdict(float)
    for a in tables["amounts"]:
        year = a["published"][:4] if a["published"] else "undated"
        money[(year, a["currency"])] += float(a["value"])
    counts: dict[str, int] = defaultdict(int)
    for c in tables["counts"]:
        counts[c["category"]] += 1
    fig, (left, right) = plt.subplots(1, 2, figsize=(11, 4))
    keys = sorted(money)
    left.bar([f"{y}\n{cur}" for y, cur in keys], [money[k] for k in keys], color="#59a14f")
    left.set_yscale("log")
    left.set_title("Money mentioned, by year of publication and currency")
    left.set_ylabel("sum of amounts (currency units, log)")
    cats = sorted(counts, key=counts.get, reverse=True)
    right.barh(cats, [counts[c] for c in cats], color="#f28e2b")
    right.invert_yaxis()
    right.set_title("Count mentions by category")
    right.set_xlabel("mentions")
    fig.suptitle(f"vnextract over corpus/ ({len(tables['documents'])} articles)")
    fig.tight_layout()
    fig.savefig(out_path, dpi=110)
    print(f"wrote {out_path}")


if __name__ == "__main__":
    main(*sys.argv[1:3])
