"""Districts, towns and wards named after their unit word, each mapped to its province.

Why: a local report often names its province once or not at all and its district or
ward many times (``UBND quận Hà Đông``, ``phường Lý Thái Tổ``); a researcher files it
under the province those units belong to. These are evidence for the article's
``province`` (SPEC section 8), never ``places`` (SPEC: districts and towns are no places).

Where the knowledge comes from: the districts (with their type: Quận, Huyện, Thị xã,
Thành phố) and wards (Phường, Xã, Thị trấn) of the 63 units, from the legacy data of
``vietnamadminunits`` (the same package as the province list); nothing is typed by hand
but the few districts abolished before the package's data was taken (``Quận 2`` and
``Quận 9`` of TP.HCM, merged into Thủ Đức in 2021), listed in ``patterns/province.yaml``.
District names collide with people's names and common words (``Hòa Bình``, ``Đông Anh``),
so a name counts only right after its unit word (``huyện``, ``quận``, ``TP``, ``phường``,
``xã`` ..., listed in ``patterns/province.yaml``). A name that several provinces share is
read with its unit's type (``quận Hoàng Mai`` is Hà Nội's, the ``thị xã`` is Nghệ An's);
when even the type leaves two provinces, the mention gives no evidence.
"""

from __future__ import annotations

import functools
import json
import re
from collections import defaultdict
from dataclasses import dataclass

import regex

from .. import lexicon
from .names import literal_trie
from .provinces import _data_dir

_SYLLABLE = r"(?:\p{Lu}[\p{L}\p{M}'’]*|\d{1,2})"
# up to four syllables; a dash may join two (`Phan Rang - Tháp Chàm`, `Phan Rang-Tháp Chàm`)
_NAME = regex.compile(rf"{_SYLLABLE}(?:(?:[ \u00a0]+|[ \u00a0]*[-–][ \u00a0]*){_SYLLABLE}){{0,3}}")
_DASH = re.compile(r"\s*[-–]\s*")
_SYLLABLES = regex.compile(r"[^\s\-–]+")  # a syllable: a dash ends one too
_SUFFIX = regex.compile(r"\s*\(.*\)$")  # "Thạnh An (Thị trấn)": the package's disambiguation


@dataclass(frozen=True)
class Locality:
    """A district, town or ward named after its unit word (evidence, not a place)."""

    start: int
    end: int
    text: str  # the name as written, without the unit word
    code: str  # GSO code of its province


@dataclass(frozen=True)
class Index:
    finder: re.Pattern  # a unit word and the space after it (stdlib re: a faster scan of literals)
    kind_of: dict[str, str]  # unit word -> "district" or "ward"
    typed: dict[tuple[str, str, str], frozenset[str]]  # (kind, type, name) -> provinces
    named: dict[tuple[str, str], frozenset[str]]  # (kind, name) -> provinces
    type_of: dict[str, str]  # unit word (lower case, no dot) -> the package's type
    swaps: dict[str, str]  # tone placement, new -> old


def _norm(name: str, swaps: dict[str, str]) -> str:
    """One spelling for old and new tone placement (``Hoà``/``Hòa``), for case, and for
    the spaces around a dash."""
    for new, old in swaps.items():
        name = name.replace(old, new)
    return _DASH.sub("-", name).lower() if "-" in name or "–" in name else name.lower()


@functools.cache
def index() -> Index:
    data = lexicon.load("province")["locality_words"]
    swaps = lexicon.load("places")["tone_placement"]
    legacy = json.loads((_data_dir() / "parser_legacy.json").read_text(encoding="utf-8"))
    code_of = {k: v["provinceCode"] for k, v in legacy["DICT_PROVINCE"].items()}
    typed: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    named: dict[tuple[str, str], set[str]] = defaultdict(set)

    def add(kind: str, unit_type: str, name: str, code: str) -> None:
        name = _SUFFIX.sub("", name)
        prefix = f"{unit_type} "
        if name.startswith(prefix) and name[len(prefix) :].isdigit():  # "Quận 1"
            name = name[len(prefix) :]
        typed[(kind, unit_type.lower(), _norm(name, swaps))].add(code)
        named[(kind, _norm(name, swaps))].add(code)

    for pkey, districts in legacy["DICT_PROVINCE_DISTRICT"].items():
        for d in districts.values():
            add("district", d["districtType"], d["districtShort"], code_of[pkey])
    for pkey, districts in legacy["DICT_PROVINCE_DISTRICT_WARD_NO_ACCENTED"].items():
        for wards in districts.values():
            for w in wards.values():
                if isinstance(w.get("wardType"), str):
                    add("ward", w["wardType"], w["wardShort"], code_of[pkey])
    for unit in lexicon.load("province")["abolished_districts"]:  # gone before the package's data
        add("district", str(unit["type"]), str(unit["name"]), str(unit["code"]))
    kind_of, type_of = {}, {}
    for kind in ("district", "ward"):
        for unit_type, words in data[kind].items():
            for w in words:
                kind_of[w] = kind
                type_of[w] = unit_type.lower()
    # a trie of the words (names.literal_trie: the flat alternation's matches, a quarter
    # faster); no lookbehind for the word's start: 3x faster, find_localities checks it
    finder = re.compile(rf"({literal_trie(kind_of)})(?:[ \u00a0]+|(?<=\.))")
    return Index(
        finder=finder,
        kind_of=kind_of,
        typed={k: frozenset(v) for k, v in typed.items()},
        named={k: frozenset(v) for k, v in named.items()},
        type_of=type_of,
        swaps=swaps,
    )


@functools.lru_cache(maxsize=4096)  # the same few names come back on every page
def _key(name: str) -> str:
    """``_norm`` with the index's spellings, remembered: fifteen replaces per name were a
    fifth of the locality scan."""
    return _norm(name, index().swaps)


def _provinces_of(ix: Index, word: str, name: str) -> frozenset[str] | None:
    """The provinces a unit of this kind and name belongs to (narrowed by its type when
    that leaves one), or None when the package knows no such unit."""
    kind, key = ix.kind_of[word], _key(name)
    codes = ix.typed.get((kind, ix.type_of[word], key))
    if codes is not None and len(codes) == 1:
        return codes
    return ix.named.get((kind, key))


def find_localities(text: str, regions: list[list[int]] | None = None) -> list[Locality]:
    """Every district, town or ward named after its unit word in the regions, in text order;
    the longest name the package knows wins (``huyện Đông Anh`` before ``Đông``), and a
    name that two provinces share gives nothing (not a shorter name inside it)."""
    ix = index()
    out: list[Locality] = []
    for a, b in regions if regions is not None else [[0, len(text)]]:
        done = a  # a unit word inside a name already read is part of that name
        for m in ix.finder.finditer(text, a, b):
            if m.start() < done or (m.start() > 0 and text[m.start() - 1].isalnum()):
                continue  # inside a name already read, or inside a word
            first = text[m.end() : m.end() + 1]
            if not (first.isupper() or first.isdigit()):
                continue  # `xã hội`: a name starts with a capital (every \p{Lu} is isupper) or a digit
            name = _NAME.match(text, m.end(), b)
            if name is None:
                continue
            word, start = m.group(1), m.end()
            syllables = list(_SYLLABLES.finditer(name.group()))
            for n in range(len(syllables), 0, -1):
                end = start + syllables[n - 1].end()
                codes = _provinces_of(ix, word, text[start:end])
                if codes is not None:  # the longest known name; shared by two provinces: no evidence
                    if len(codes) == 1:
                        out.append(Locality(start, end, text[start:end], next(iter(codes))))
                    done = end
                    break
    return out
