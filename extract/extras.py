"""Optional parts and the extras that bring them.

The core install runs the pipeline on text, HTML, JSONL, archives and WARC; word tokens,
spaCy, Dask, Parquet tables, near-duplicate detection, training and plots come with extras. A feature whose extra
is missing says so in one line instead of a traceback deep in an import.
"""

from __future__ import annotations

import importlib
import importlib.util

EXTRA_OF = {
    "underthesea": "tokens",
    "spacy": "spacy",
    "dask": "dask",
    "distributed": "dask",
    "pandas": "tables",
    "pyarrow": "tables",
    "sklearn": "train",
    "matplotlib": "plot",
    "datasketch": "dedup",
}


class MissingExtra(ImportError):
    """An optional dependency is not installed; the message names the extra to install."""


def require(module: str, feature: str, load: bool = True) -> None:
    """Import ``module`` or raise :class:`MissingExtra` naming the extra ``feature`` needs.

    ``load=False`` only checks that it is installed: ``bench`` reports the pipeline's peak
    memory before it loads underthesea, which an early import would add to it."""
    try:
        if not load:
            if importlib.util.find_spec(module) is None:
                raise ImportError(module)
            return
        importlib.import_module(module)
    except ImportError:
        extra = EXTRA_OF[module]
        raise MissingExtra(f"{feature} needs {module}: pip install 'vnextract[{extra}]'") from None
