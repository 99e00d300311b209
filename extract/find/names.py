"""Looking up written names (provinces, countries) in running text, fast and in linear time.

Why not one big regex alternation: with hundreds of names and case folding, a regex tries
every alternative at every position of every line, which made the place and country
stages the slowest of the pipeline. Names are proper names, so a name starts at a word
that begins with a capital letter and whose folded form begins some name: only there are
the next few words joined and looked up, longest first. The longest name at the leftmost
start wins and the scan goes on after it, as a regex alternation sorted longest first
would.

Why a gate in front of that walk: a page has hundreds of capitalised words and only a few
begin a name, and visiting each one in Python was most of the two stages' time. The gate
(``_gate``) is one case-sensitive stdlib regex, built from the names, that stops only at a
capital where a whole name could be written (each letter as itself or any character
that case-folds to it, any short gap between words). It is a superset: every start where
the walk finds a name is one it stops at (see ``_gate`` for why), and the walk itself
decides there, as before, so the names found are the same.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable, Iterator
from typing import Generic, TypeVar

import regex

V = TypeVar("V")
_TOKEN = regex.compile(r"[\p{L}\p{M}\p{N}]+")
_CAPITALISED = regex.compile(r"(?<![\p{L}\p{M}\p{N}])\p{Lu}[\p{L}\p{M}\p{N}]*")
_NEXT_WORD = regex.compile(r"[^\p{L}\p{M}\p{N}]{1,4}[\p{L}\p{M}\p{N}]+")
_SPACE = regex.compile(r"\s+")
_DASH = regex.compile(r"\s*[-–—]\s*")


@functools.lru_cache(maxsize=4096)  # the names of a page come back on every page
def key(form: str) -> str:
    """A written form as looked up: white space collapsed, dashes bare, case folded."""
    form = _DASH.sub("-", _SPACE.sub(" ", form.strip()))
    return unicodedata.normalize("NFC", form).casefold()


_NOT_PLAIN = frozenset("-–—\t\n\r\u00a0")


def _text_key(form: str) -> str:
    """``key`` for a stretch of canonical text (already NFC): a plain run of words with
    single spaces, the usual case, only needs case folding."""
    if "  " in form or not _NOT_PLAIN.isdisjoint(form):
        return key(form)
    return form.casefold()


class NameIndex(Generic[V]):
    """Names (already keyed) -> values; ``find`` yields the leftmost-longest matches."""

    def __init__(self, forms: dict[str, V]) -> None:
        self.forms = forms
        self.longest: dict[str, int] = {}  # first word -> most words of a name starting with it
        counts: dict[str, set[int]] = {}  # first word -> how many words its names have
        for form in forms:
            words = _TOKEN.findall(form)
            if words:
                self.longest[words[0]] = max(self.longest.get(words[0], 0), len(words))
                counts.setdefault(words[0], set()).add(len(words))
        self.counts = {word: tuple(sorted(ns, reverse=True)) for word, ns in counts.items()}

    @functools.cached_property
    def gate(self) -> re.Pattern:
        """Built on first use: compiling it takes a tenth of a second, and the pipeline
        scans with one gate for places and countries together (``joint_gate``)."""
        return _gate(self.forms)

    def starts(self, text: str, start: int, end: int, stops: Iterable[int] | None = None) -> Iterator[int]:
        """Where the gate stops in [start, end): the capitalised words where a name may
        begin, and some others (``find`` checks each). ``stops``: where a gate built from
        these names and maybe others (``joint_gate``) stopped in [start, end), if already
        known."""
        if stops is None:
            return (g.start() for g in self.gate.finditer(text, start, end))
        return iter(stops)

    def find(
        self, text: str, start: int = 0, end: int | None = None, stops: Iterable[int] | None = None
    ) -> Iterator[tuple[int, int, V]]:
        """The names in [start, end), leftmost first, the longest at each start.

        Only the word counts some name of that first word has are looked up (``counts``):
        keying keeps the number of words (folding keeps word characters word characters,
        see ``_gate``), so a stretch of another count is no name; a one-word stretch is
        the folded word itself (no space or dash in it to key)."""
        end = len(text) if end is None else end
        resume = start
        counts, forms = self.counts, self.forms
        capitalised, next_word = _CAPITALISED.match, _NEXT_WORD.match
        for s in self.starts(text, start, end, stops):
            if s < resume:
                continue
            m = capitalised(text, s, end)  # its look-behind sees text before s, as finditer's
            if m is None:
                continue
            word = m.group().casefold()
            ns = counts.get(word)
            if ns is None:
                continue
            ends, pos = [m.end()], m.end()
            while len(ends) < ns[0]:  # the next words, each after a short gap
                nxt = next_word(text, pos, end)
                if nxt is None:
                    break
                pos = nxt.end()
                ends.append(pos)
            for n in ns:  # the most words first
                if n > len(ends):
                    continue
                value = forms.get(word if n == 1 else _text_key(text[s : ends[n - 1]]), _MISSING)
                if value is not _MISSING:
                    yield s, ends[n - 1], value
                    resume = ends[n - 1]
                    break


_MISSING = object()


@functools.cache
def _fold_preimages() -> dict[str, frozenset[str]]:
    """Case folding backwards: a folded string -> the characters (other than itself) whose
    ``casefold()`` it is (``k`` <- ``K`` and the Kelvin sign, ``ss`` <- ``ß``, ``ẞ``).
    The Basic Multilingual Plane suffices: nothing beyond it folds into it (a test checks)."""
    out: dict[str, set[str]] = {}
    for i in range(0x10000):
        c = chr(i)
        f = c.casefold()
        if f != c:
            out.setdefault(f, set()).add(c)
    return {f: frozenset(cs) for f, cs in out.items()}


def _ranges(chars: Iterable[str]) -> str:
    """The inside of a stdlib regex character class holding ``chars``, in ranges."""
    codes = sorted({ord(c) for c in chars})
    parts, i = [], 0
    while i < len(codes):
        j = i
        while j + 1 < len(codes) and codes[j + 1] == codes[j] + 1:
            j += 1
        lo, hi = re.escape(chr(codes[i])), re.escape(chr(codes[j]))
        parts.append(lo if i == j else f"{lo}-{hi}")
        i = j + 1
    return "".join(parts)


# Word characters for the gate: stdlib's ``[^\W_]`` (what ``str.isalnum`` accepts) is a
# subset of the walk's ``[\p{L}\p{M}\p{N}]`` (a test checks all of Unicode), so "no word
# character here" in the gate holds wherever it holds for the walk.
_ALNUM = r"[^\W_]"
_NOT_ALNUM = r"[\W_]"


_GAP, _END = 0, 1  # trie keys besides characters


def _gate(forms: Iterable[str]) -> re.Pattern:
    """One stdlib regex that stops at the first letter of every place where one of the
    (keyed) ``forms`` may be written; a match is that one letter, so that no stop hides
    the next.

    Why it stops wherever the walk finds a name: the walk finds form F at [s, e) when
    ``_text_key(text[s:e]) == F`` for words w1 .. wn of the text with gaps of 1 to 4 other
    characters. Keying only changes the gaps (spaces, dashes) and folds case one character
    at a time, and folding keeps word characters word characters and the rest the rest
    (a test checks both over all of Unicode), so F's own words are casefold(w1) ..
    casefold(wn). The gate spells each word of F letter by letter with every character
    that folds to that letter (or to that run of letters, ``ß`` for ``ss``), allows any
    1 to 4 characters between words and wants no word character after the last; w1's
    first letter is a capital, which folds to something else (so the folded letter itself
    is left out where it is lower case, and the gate skips the many lower-case words)."""
    trie: dict = {}
    for form in forms:
        node = trie
        for i, word in enumerate(_TOKEN.findall(form)):
            if i:
                node = node.setdefault(_GAP, {})
            for ch in word:
                node = node.setdefault(ch, {})
        if node is not trie:
            node[_END] = {}
    pre = _fold_preimages()
    runs = [f for f in pre if len(f) > 1]

    def branches(node: dict, first: bool) -> list[tuple[str, dict]]:
        """(characters, subtree) for each way to spell the next letter(s)."""
        out = []
        for unit, child in node.items():
            if isinstance(unit, str):
                out.append((unit + "".join(sorted(pre.get(unit, ()))), child))
        for run in runs:  # one character folding to several letters
            sub = node
            for ch in run:
                sub = sub.get(ch)
                if sub is None:
                    break
            if sub is not None:
                out.append(("".join(sorted(pre[run])), sub))
        if first:  # a capital: leave out the lower-case letters (``k``, ``ß``)
            out = [("".join(c for c in chars if not c.islower()), child) for chars, child in out]
        return out

    def rest(node: dict) -> str:
        alts = [f"[{_ranges(chars)}]" + rest(child) for chars, child in branches(node, False)]
        if _GAP in node:
            alts.append(f"{_NOT_ALNUM}{{1,4}}" + rest(node[_GAP]))
        if _END in node:
            alts.append(f"(?!{_ALNUM})")
        return "(?:" + "|".join(alts) + ")" if len(alts) > 1 else alts[0]

    # One branch per first capital, each a literal: re then scans for those letters in C
    # and skips a branch on its letter alone; the letter is consumed (a match is that one
    # letter) and the rest of the name only looked at.
    heads = [
        f"{re.escape(c)}(?<!{_ALNUM}.)(?={rest(child)})"
        for chars, child in branches(trie, True)
        for c in chars
    ]
    return re.compile("|".join(heads) or r"(?!)", re.DOTALL)


def joint_gate(*indexes: NameIndex) -> re.Pattern:
    """One gate for the names of several indexes: it stops wherever each one's own gate
    would (a superset of a superset), so one scan of a page serves them all."""
    return _gate([form for index in indexes for form in index.forms])


def gate_stops(gate: re.Pattern, text: str, regions: list[list[int]]) -> list[list[int]]:
    """Where ``gate`` stops, region by region (for ``NameIndex.find``'s ``stops``)."""
    return [[m.start() for m in gate.finditer(text, start, end)] for start, end in regions]


def form_regex(form: str) -> str:
    """A regex for one written form: any run of spaces for a space, any dash for a dash
    (for the short context patterns built from word lists)."""
    out = []
    for part in regex.split(r"(\s*[-–—]\s*|\s+)", form):
        if not part:
            continue
        if regex.fullmatch(r"\s*[-–—]\s*", part):
            out.append(r"\s*[-–—]\s*")
        elif part.isspace():
            out.append(r"[ \u00a0]+")
        else:
            out.append(regex.escape(part))
    return "".join(out)


def literal_trie(words: Iterable[str]) -> str:
    """A stdlib regex alternation of literal ``words`` shaped as a trie
    (``t(?:h(?:ành phố|ị (?:trấn|xã))|p\\.)`` for ``thành phố|thị trấn|thị xã|tp.``).

    Why: ``re`` tries a flat alternation's branches one by one at every position whose
    letter starts some word (``t``, ``h`` and ``p`` start most Vietnamese syllables); a
    trie rejects such a position after one letter test per level. Same matches as the
    flat alternation sorted longest first: the words that match at one position are
    prefixes of each other, so they lie on one path of the trie, and trying a longer
    continuation before stopping at a word's end picks the longest first, falling back
    to the shorter ones in the same order when what follows the words fails."""
    trie: dict = {}
    for word in filter(None, words):
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[_END] = {}

    def emit(node: dict) -> str:
        alts = [re.escape(ch) + emit(child) for ch, child in sorted((k, v) for k, v in node.items() if k != _END)]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        if _END in node:  # a word ends here: the longer words first, then this one
            return f"(?:{body})?" if len(alts) == 1 else body + "?"
        return body

    return emit(trie) if trie else "(?!)"
