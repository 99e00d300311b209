"""Flat tables for analysis: one per mention list and one per document, one row per
mention with the document's id, title, publication date and year, and the article's
province (SPEC 8) before and after the 2025 merger, so that any table groups by province
or year without a join. CSV always; Parquet through pyarrow (the ``parquet`` extra)."""

from __future__ import annotations

import csv
from collections.abc import Iterable
from pathlib import Path
from typing import Any

COLUMNS = {
    "directives": ["start", "end", "text", "doc_type", "number", "ref", "date", "issuer", "short"],
    "amounts": ["start", "end", "text", "value", "value_max", "currency", "approx", "kind", "stage"],
    "counts": ["start", "end", "text", "value", "approx", "category", "noun"],
    "places": ["start", "end", "text", "code", "name"],
    "countries": ["start", "end", "text", "country"],
}
DOC_COLUMNS = ["id", "source", "status", "error_type", "title", "published", "byline", "sha256",
               "paragraphs", "sentences", "directives", "amounts", "counts", "places", "countries", "duplicate_of",
               "similarity"]
KEY = ["doc_id", "title", "published"]
WHERE = ["year", "province_code", "province", "province_2025_code", "province_2025"]
STRINGS = {"number", "ref", "code", "province_code", "province_2025_code"}


def where(rec: dict[str, Any]) -> dict[str, Any]:
    """The year of publication and the article's province, for every row of its tables."""
    published = rec.get("published") or ""
    prov = rec.get("province") or {}
    return {
        "year": int(published[:4]) if published[:4].isdigit() else None,
        "province_code": prov.get("code"),
        "province": prov.get("name"),
        "province_2025_code": prov.get("code_2025"),
        "province_2025": prov.get("name_2025"),
    }


def rows(records: Iterable[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    """The four tables as lists of row dicts."""
    tables: dict[str, list[dict[str, Any]]] = {"documents": [], **{k: [] for k in COLUMNS}}
    for rec in records:
        tables["documents"].append({
            "id": rec["id"], "source": rec.get("source"), "status": rec["status"],
            "error_type": (rec.get("error") or {}).get("type"), "title": rec.get("title"),
            "published": rec.get("published"), "byline": rec.get("byline"), "sha256": rec.get("sha256"),
            "paragraphs": len(rec.get("paragraphs") or []), "sentences": len(rec.get("sentences") or []),
            "directives": len(rec.get("directives") or []), "amounts": len(rec.get("amounts") or []),
            "counts": len(rec.get("counts") or []), "places": len(rec.get("places") or []),
            "countries": len(rec.get("countries") or []), "duplicate_of": rec.get("duplicate_of"),
            "similarity": rec.get("similarity"), **where(rec),
        })
        for kind, cols in COLUMNS.items():
            for m in rec.get(kind) or []:
                tables[kind].append({"doc_id": rec["id"], "title": rec.get("title"), "published": rec.get("published"),
                                     **where(rec), **{c: m.get(c) for c in cols}})
    return tables


def write_tables(records: Iterable[dict[str, Any]], out_dir: str, fmt: str = "csv") -> dict[str, Path]:
    tables = rows(records)
    Path(out_dir).mkdir(parents=True, exist_ok=True)
    written = {}
    for name, table in tables.items():
        columns = DOC_COLUMNS + WHERE if name == "documents" else KEY + WHERE + COLUMNS[name]
        path = Path(out_dir) / f"{name}.{fmt}"
        if fmt == "csv":
            with open(path, "w", newline="", encoding="utf-8") as fh:
                # strings quoted (a designation number "04" stays "04"), numbers bare
                writer = csv.DictWriter(fh, fieldnames=columns, quoting=csv.QUOTE_NONNUMERIC)
                writer.writeheader()
                writer.writerows(table)
        else:
            _write_parquet(path, table, columns)
        written[name] = path
    return written


def _write_parquet(path: Path, table: list[dict[str, Any]], columns: list[str]) -> None:
    from ..extras import require

    require("pyarrow", "--format parquet")
    from decimal import Decimal

    import pyarrow as pa
    import pyarrow.parquet as pq

    data = {c: [r.get(c) for r in table] for c in columns}
    fields = []
    for c in columns:
        values = [v for v in data[c] if v is not None]
        if c in ("value", "value_max") and values and not all(isinstance(v, int) and -(2**63) <= v < 2**63 for v in values):
            # a fraction, or money past 64 bits (2.5e19 VND is written): exact decimals, as few places as needed
            places = 0 if all(isinstance(v, int) for v in values) else 4
            data[c] = [None if v is None else Decimal(str(v)) for v in data[c]]
            fields.append(pa.field(c, pa.decimal128(38, places)))
        elif c in ("value", "value_max", "start", "end", "year"):
            fields.append(pa.field(c, pa.int64()))
        elif c in STRINGS:
            fields.append(pa.field(c, pa.string()))
        else:
            fields.append(pa.field(c, pa.array(data[c]).type if table else pa.string()))
    pq.write_table(pa.table(data, schema=pa.schema(fields)), path)
