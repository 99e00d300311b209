"""What every held-out draw shares: which bench ids were already read when it was drawn.

Each draw names the files and the kind-check sets that existed when it was made, instead of
globbing ``docs/``: a set labelled later must not move an earlier draw (a glob would take
the later set's ids, and the draw's own, out of its candidates)."""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
BENCH = REPO.parent / "shared" / "corpus-bench" / "articles.jsonl"
LAYOUTS = REPO.parent / "shared" / "layouts" / "raw"  # the layout pages, ID.txt (kind set K)

# The seventh session's domain draws (kind set I, held-out sets 10 and v1-4) keep only bench
# articles near the gold set's subject: people's diplomacy and foreign money. Two matches of
# these words, in any case (ODA and FDI as written), make an article a candidate; the filter
# reads only the text, never pipeline output.
DOMAIN = re.compile(r"(?i:hữu nghị|viện trợ|phi chính phủ|đối ngoại|tài trợ|vốn đầu tư nước ngoài)|\b(?:ODA|FDI)\b")


def in_domain(text: str, at_least: int = 2) -> bool:
    """Whether ``text`` names people's diplomacy or foreign money at least twice (``DOMAIN``;
    the second round of domain draws, J, 11 and v1-5, takes one match: too few articles with
    two were left unread)."""
    return len(DOMAIN.findall(text)) >= at_least


def domain_line(line: str, at_least: int) -> bool:
    """``in_domain`` of a bench line's canonical text."""
    return in_domain(canonical(json.loads(line)["text"]), at_least)


def read_before(heldout: tuple[str, ...], kind_sets: tuple[str, ...]) -> set[str]:
    """Ids of the gold records, of the named ``docs/`` held-out files and of the named sets of
    ``docs/money_kind_checks.jsonl``."""
    ids = {json.loads(p.read_text(encoding="utf-8"))["id"] for p in (REPO / "gold").glob("*.json")}
    for name in heldout:
        with open(REPO / "docs" / name, encoding="utf-8") as fh:
            ids |= {json.loads(line)["id"] for line in fh if line.strip()}
    with open(REPO / "docs" / "money_kind_checks.jsonl", encoding="utf-8") as fh:
        ids |= {row["id"] for row in map(json.loads, filter(str.strip, fh)) if row["set"] in kind_sets}
    return ids


FIRST_FILES = ("heldout-places.jsonl", "heldout-province.jsonl", "heldout-province-3.jsonl",
               "heldout-province-4.jsonl")  # fmt: skip


def heldout_files(last_set: int, last_v1_set: int) -> tuple[str, ...]:
    """The held-out files up to the numbered ones given: the first four, ``heldout-5`` to
    ``heldout-LAST_SET`` and ``heldout-v1``, ``heldout-v1-2`` to ``heldout-v1-LAST_V1_SET``
    (the eleventh session's draws name what they read this way)."""
    places = tuple(f"heldout-{n}.jsonl" for n in range(5, last_set + 1))
    v1 = ("heldout-v1.jsonl", *(f"heldout-v1-{n}.jsonl" for n in range(2, last_v1_set + 1)))
    return (*FIRST_FILES, *places, *v1)


def bench_lines(skip: set[str]) -> dict[str, str]:
    """The bench lines whose id is not in ``skip``, by id, in file order."""
    lines = {}
    with open(BENCH, encoding="utf-8") as fh:
        for line in fh:
            doc_id = json.loads(line)["id"]
            if doc_id not in skip:
                lines[doc_id] = line
    return lines


def canonical(text: str) -> str:
    """SPEC section 1 for a JSONL line's text: line endings unified, then NFC."""
    return unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
