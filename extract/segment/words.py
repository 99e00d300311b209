"""Word spans from underthesea's word segmentation, computed only when asked (``--tokens``).

underthesea splits designations (``04-CT/TW`` -> ``04 - CT / TW``) and glues punctuation to
some words; the spans here are re-anchored to the canonical text, and every designation,
number with its separators, date and amount number is forced to be one token.
"""

from __future__ import annotations

import regex

from ..find.dates import DATE
from ..find.directives import load_lexicon

_NUMBER = regex.compile(r"(?<![\p{L}\d])\d+(?:[.,/]\d+)+(?![\p{L}\d])")


def word_spans(text: str, spans: list[list[int]]) -> list[list[int]]:
    """Word spans inside ``spans`` (paragraphs, or the title and paragraphs)."""
    from ..extras import require

    require("underthesea", "word tokens (--tokens)")
    from underthesea import word_tokenize

    out: list[list[int]] = []
    for start, end in spans:
        chunk = text[start:end]
        keep = _atomic_spans(chunk)
        pos = 0
        words: list[list[int]] = []
        for word in word_tokenize(chunk):
            for piece in _pieces(word):
                found = chunk.find(piece, pos, pos + len(piece) + 256)  # nearby: a miss costs no scan to the end
                if found < 0:
                    continue
                words.append([found, found + len(piece)])
                pos = found + len(piece)
        for a, b in _merge(words, keep):
            piece = chunk[a:b]
            a2 = a + len(piece) - len(piece.lstrip())
            b2 = b - (len(piece) - len(piece.rstrip()))
            if b2 > a2:
                out.append([start + a2, start + b2])
    return out


def _pieces(word: str) -> list[str]:
    """underthesea may join syllables with spaces or glue ``USD.``; split off trailing dots
    that end a sentence so each token is a word as written."""
    word = word.replace("_", " ")
    if len(word) > 1 and word.endswith(".") and not regex.search(r"\.\p{L}", word):
        return [word[:-1], "."]
    return [word]


def _atomic_spans(chunk: str) -> list[tuple[int, int]]:
    lex = load_lexicon()
    found = [m.span() for m in lex.designation.finditer(chunk)]
    found += [m.span() for m in DATE.finditer(chunk)]
    found += [m.span() for m in _NUMBER.finditer(chunk)]
    return sorted(found)


def _merge(words: list[list[int]], keep: list[tuple[int, int]]) -> list[list[int]]:
    """Re-cut the words so that every atomic span (designation, date, number) is exactly
    one token: word edges inside an atomic span go, its own edges come in. Linear in the
    text: positions are marked in arrays, never tested against every span."""
    if not keep:
        return words
    size = max(max(b for _, b in words) if words else 0, max(b for _, b in keep)) + 1
    inside = bytearray(size)  # 1 where a cut would split an atomic span
    covered = bytearray(size)
    is_cut = bytearray(size)
    for a, b in keep:
        inside[a + 1 : b] = b"\x01" * max(0, b - a - 1)
        covered[a:b] = b"\x01" * (b - a)
        is_cut[a] = is_cut[b] = 1
    for a, b in words:
        covered[a:b] = b"\x01" * (b - a)
        is_cut[a] = is_cut[b] = 1
    edges = [c for c in range(size) if is_cut[c] and not inside[c]]
    return [[a, b] for a, b in zip(edges, edges[1:], strict=False) if covered[a]]
