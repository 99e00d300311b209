"""The corpus-level citation index: one row per ``ref`` with how many articles and
mentions cite it, every distinct date and issuer the articles give for it, so that
disagreements (who issued ``04-CT/TW``?) show at once, and the provinces of the citing
articles (SPEC 8), so that where a directive is carried out shows too."""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any


@dataclass
class CitationRow:
    ref: str
    doc_types: set[str] = field(default_factory=set)
    articles: set[str] = field(default_factory=set)
    mentions: int = 0
    dates: set[str] = field(default_factory=set)
    issuers: set[str] = field(default_factory=set)
    provinces: set[str] = field(default_factory=set)  # the citing articles' provinces


def indexed(directive: dict[str, Any]) -> bool:
    """Whether a citation enters the index: it has a ref. A bare number (``Chỉ thị số 17``)
    or a short form not resolved to a full one names no one document across articles."""
    return bool(directive.get("ref"))


def unindexed(records: Iterable[dict[str, Any]]) -> int:
    """How many citations the index leaves out (``indexed``)."""
    return sum(not indexed(d) for rec in records for d in rec.get("directives") or [])


def citation_index(records: Iterable[dict[str, Any]]) -> list[CitationRow]:
    """Rows sorted by the number of citing articles (then mentions, then ref)."""
    index: dict[str, CitationRow] = {}
    for rec in records:
        for d in rec.get("directives") or []:
            if not indexed(d):
                continue
            row = index.setdefault(d["ref"], CitationRow(d["ref"]))
            row.doc_types.add(d["doc_type"])
            row.articles.add(rec["id"])
            row.mentions += 1
            if d.get("date"):
                row.dates.add(d["date"])
            if d.get("issuer"):
                row.issuers.add(d["issuer"])
            if rec.get("province"):
                row.provinces.add(rec["province"]["name"])
    return sorted(index.values(), key=lambda r: (-len(r.articles), -r.mentions, r.ref))


def format_index(rows: list[CitationRow], limit: int | None = None) -> str:
    out = [f"{'ref':<22} {'type':<12} {'articles':>8} {'mentions':>8}  dates | issuers | provinces"]
    for r in rows[:limit]:
        flag = "  <- issuers differ" if len(r.issuers) > 1 else ""
        out.append(
            f"{r.ref:<22} {'/'.join(sorted(r.doc_types)):<12} {len(r.articles):>8} {r.mentions:>8}  "
            f"{', '.join(sorted(r.dates)) or '-'} | {'; '.join(sorted(r.issuers)) or '-'} | "
            f"{', '.join(sorted(r.provinces)) or '-'}{flag}"
        )
    return "\n".join(out)


def write_csv(rows: list[CitationRow], path: str) -> None:
    with open(path, "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["ref", "doc_types", "articles", "mentions", "dates", "issuers", "provinces", "article_ids"])
        for r in rows:
            w.writerow([r.ref, "|".join(sorted(r.doc_types)), len(r.articles), r.mentions, "|".join(sorted(r.dates)),
                        "|".join(sorted(r.issuers)), "|".join(sorted(r.provinces)), "|".join(sorted(r.articles))])
