"""Load the language knowledge kept in ``patterns/*.yaml``.

Why: the rules are data (as in dateparser and Duckling), so a linguist can extend a
lexicon without touching code. Files are read once and cached; the installed wheel
carries them as ``extract/patterns``, a source checkout reads the top-level ``patterns/``.
"""

from __future__ import annotations

import functools
import json
import re
from pathlib import Path
from typing import Any

import yaml

_HERE = Path(__file__).resolve().parent
_BOOL = "tag:yaml.org,2002:bool"


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # libyaml when installed: faster start-up
    """YAML 1.1 reads ``yes``, ``no``, ``on`` and ``off`` in any case as booleans, so a word
    list holding the abbreviation ``No`` would silently hold ``False``. Here only ``true``
    and ``false`` are booleans, as in YAML 1.2."""

    yaml_implicit_resolvers = {
        first: [(tag, rx) for tag, rx in resolvers if tag != _BOOL]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }


_Loader.add_implicit_resolver(_BOOL, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))


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
        return yaml.load(fh, Loader=_Loader)  # noqa: S506 (a safe loader)


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
