"""Load the language knowledge kept in ``patterns/*.yaml``.

Why: the rules are data (as in dateparser and Duckling), so a linguist can extend a
lexicon without touching code. Files are read once and cached; the installed wheel
carries them as ``extract/patterns``, a source checkout reads the top-level ``patterns/``.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any

import yaml

_HERE = Path(__file__).resolve().parent


def patterns_dir() -> Path:
    """The folder holding the pattern files (installed copy first, then the checkout)."""
    for candidate in (_HERE / "patterns", _HERE.parent / "patterns"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("patterns/ not found next to the extract package")


@functools.cache
def load(name: str) -> dict[str, Any]:
    """Return the parsed ``patterns/NAME.yaml``."""
    with open(patterns_dir() / f"{name}.yaml", encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def examples(name: str) -> list[dict[str, Any]]:
    """Return the example corpus ``patterns/NAME.examples.jsonl`` (one JSON object a line)."""
    out = []
    with open(patterns_dir() / f"{name}.examples.jsonl", encoding="utf-8") as fh:
        for line in fh:
            line = line.strip()
            if line and not line.startswith("//"):
                out.append(json.loads(line))
    return out


def alternation(words: list[str]) -> str:
    """A regex alternation of literal words, longest first so that the longest wins."""
    import regex

    return "|".join(regex.escape(w) for w in sorted(set(words), key=len, reverse=True))
