"""vnextract: Vietnamese news articles to structured, checkable records.

Public API::

    import extract
    record = extract.extract_text("Chỉ thị số 04-CT/TW ...", id="a1")
    record = extract.extract_file("corpus/000_b98956806c35580f.txt")
    nlp = extract.load()          # a spaCy Language with the vnextract component
"""

from __future__ import annotations

from typing import Any

__version__ = "0.1.0"

__all__ = ["__version__", "extract_file", "extract_text", "load"]


def extract_text(text: str, id: str = "text", **kwargs: Any) -> dict[str, Any]:
    """The record (SPEC section 2) of one article given as a string."""
    from .pipeline import extract_text as _extract_text

    return _extract_text(text, id=id, **kwargs)


def extract_file(path: str, tokens: bool = False, include_text: bool = False) -> dict[str, Any]:
    """The record of one file (bytes decoded as SPEC section 1); errors give an error record."""
    import os

    from .errors import ReadError
    from .read.sources import Item, iter_items
    from .run.batch import Options, process_item

    if os.path.isdir(path):
        item = Item(id=os.path.basename(str(path).rstrip("/")), source=str(path), error=ReadError(f"is a directory: {path}"))
        return process_item(item, Options())
    items = list(iter_items([str(path)]))
    if len(items) != 1:
        raise ValueError(f"{path} holds {len(items)} documents; use vnextract run for archives")
    return process_item(items[0], Options(tokens=tokens, include_text=include_text))


def load(**config: Any):
    """A blank Vietnamese spaCy pipeline with the ``vnextract`` component added (the
    ``[spacy]`` extra)."""
    from .extras import require

    require("spacy", "extract.load()")
    from .spacy_ext import load as _load

    return _load(**config)
