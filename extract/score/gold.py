"""Gold records and their texts.

Gold lives in ``gold/ID.json`` (one record each) or ``gold/*.jsonl``. A gold record's text
is ``ID.txt`` in one of the ``--texts`` folders (``corpus/`` first, then e.g.
``../shared/articles/``, whose texts may not be committed to this repository).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..errors import UsageError
from ..read.sources import Item
from ..record.models import loads
from ..run.batch import decode_item

GOLD_FIELDS = ("id", "sha256", "title", "published", "byline", "paragraphs", "sentences",
               "directives", "amounts", "counts", "province", "places", "countries")
ENTITY_LISTS = ("directives", "amounts", "counts", "places", "countries")


LAYOUT_FIELDS = ("id", "title", "published", "byline", "paragraphs")


def is_layout_record(rec: dict[str, Any]) -> bool:
    """A layout-only gold record (``gold/layouts/``): title, date, byline and paragraph
    lines, no sentences and no entity lists; it is scored on those fields alone."""
    return "sentences" not in rec and not any(name in rec for name in ENTITY_LISTS)


def load_gold(path: str | Path) -> dict[str, dict[str, Any]]:
    """Gold records by id from a folder of ``*.json``/``*.jsonl`` (its sub-folders
    included: ``gold/layouts/``) or one such file."""
    path = Path(path)
    if not path.exists():
        raise UsageError(f"no such gold folder or file: {path}")
    files = sorted(path.rglob("*.json")) + sorted(path.rglob("*.jsonl")) if path.is_dir() else [path]
    out: dict[str, dict[str, Any]] = {}
    for f in files:
        if f.suffix == ".jsonl":
            for n, line in enumerate(f.read_bytes().splitlines(), 1):
                if line.strip():
                    try:
                        rec = loads(line)
                    except ValueError:
                        raise UsageError(f"{f}:{n}: not a JSON gold record") from None
                    _check_gold(rec, f"{f}:{n}")
                    rec["_file"] = f"{f}:{n}"
                    out[rec["id"]] = rec
        else:
            try:
                rec = loads(f.read_bytes())
            except ValueError:
                raise UsageError(f"{f}: not a JSON gold record") from None
            _check_gold(rec, str(f))
            rec["_file"] = str(f)
            out[rec["id"]] = rec
    return out


def _check_gold(rec: Any, where: str) -> None:
    """A gold record is a JSON object with a string ``id`` (a stray ``notes.json`` in the
    gold folder is named, not read)."""
    if not isinstance(rec, dict) or not isinstance(rec.get("id"), str):
        raise UsageError(f"{where}: not a gold record (a JSON object with an id)")


def read_records(path: str | Path, pipeline: bool = False) -> list[dict[str, Any]]:
    """Records from a JSON Lines file, in order; a line that is not a record with an
    ``id`` is a usage error naming the file and line. An input article (``id`` and
    ``text``, what ``vnextract run`` reads) is the easiest file to give by mistake, so it
    is named as such; ``pipeline`` asks for records ``vnextract run`` wrote (they carry a
    ``status``), as the tables and the citation index read them."""
    out = []
    with open(path, "rb") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                rec = loads(line)
            except ValueError:
                raise UsageError(f"{path}:{n}: not a JSON record (records are JSON Lines, one per line)") from None
            if not isinstance(rec, dict) or "id" not in rec:
                raise UsageError(f"{path}:{n}: not a vnextract record (no id)")
            if "text" in rec and "sha256" not in rec:
                raise UsageError(f"{path}:{n}: an input article (id and text), not a record: "
                                 f"run `vnextract run {path} -o records.jsonl` and give records.jsonl")
            if pipeline and "status" not in rec:
                raise UsageError(f"{path}:{n}: not a record written by `vnextract run` (no status)")
            out.append(rec)
    return out


def load_records(path: str | Path) -> dict[str, dict[str, Any]]:
    """Pipeline records (JSONL) by id."""
    return {rec["id"]: rec for rec in read_records(path)}


def find_text(doc_id: str, text_dirs: list[str | Path]) -> Path | None:
    for folder in text_dirs:
        candidate = Path(folder) / f"{doc_id}.txt"
        if candidate.is_file():
            return candidate
    return None


def read_text(path: Path) -> str:
    """The canonical text of a gold article (SPEC section 1)."""
    text, _ = decode_item(Item(id=path.stem, source=str(path), data=path.read_bytes()))
    return text


SHARED_TEXT_DIRS = ("../shared/articles", "../shared/layouts/raw")


def default_text_dirs() -> list[str]:
    """``corpus/``, then the shared folders whose texts may not be committed, when present."""
    return ["corpus"] + [d for d in SHARED_TEXT_DIRS if Path(d).is_dir()]
