"""Legacy Vietnamese text from old archives, detected and converted to Unicode.

- TCVN3 (ABC): the 8-bit font encoding of the 1990s and 2000s. Read as Latin-1 or
  Windows-1258 it shows as ``Hµ Néi`` for ``Hà Nội``. Each byte is one letter, so a table
  converts it back (``patterns/legacy.yaml``). Its upper-case toned letters lived in
  separate fonts and come back in lower case.
- VNI typing: text typed with the VNI input method switched off keeps the key strokes:
  ``Ha2 No65i`` for ``Hà Nội`` (1 acute, 2 grave, 3 hook, 4 tilde, 5 dot below, 6
  circumflex, 7 horn, 8 breve, 9 stroke). Converted only when most words carry strokes,
  because codes such as ``QL1A`` or ``F-16`` look alike.

Detection never trusts one character: the text is converted only when the conversion
yields more Vietnamese function words than the text had. The record notes the repair.
"""

from __future__ import annotations

import functools
import re
import unicodedata

import regex

from .. import lexicon


@functools.cache
def _tables() -> tuple[dict[int, str], frozenset[str]]:
    data = lexicon.load("legacy")
    tcvn3 = {int(str(k), 16): v for k, v in data["tcvn3"].items()}
    return tcvn3, frozenset(lexicon.load("boilerplate")["function_words"])


_WORD = regex.compile(r"\p{L}+")


def _vietnamese_score(text: str) -> int:
    """How many function words a text holds: a cheap "is this Vietnamese" measure."""
    _, words = _tables()
    return sum(1 for w in _WORD.findall(text[:20000]) if w.lower() in words)


def decode_tcvn3(data: bytes) -> str:
    """TCVN3 bytes -> Unicode."""
    return tcvn3_to_unicode(data.decode("latin-1"))


def tcvn3_to_unicode(text: str) -> str:
    """Map TCVN3 code points (as Latin-1 characters) to Unicode letters."""
    table, _ = _tables()
    return text.translate(table)


def unicode_to_tcvn3(text: str) -> bytes:
    """The reverse, for tests and tools: Unicode -> TCVN3 bytes."""
    table, _ = _tables()
    reverse = {v: k for k, v in table.items()}
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        if ch in reverse:
            out.append(reverse[ch])
        elif ch.lower() in reverse:
            out.append(reverse[ch.lower()])
        else:
            out.extend(ch.encode("latin-1"))
    return bytes(out)


_TONES = {"1": "\u0301", "2": "\u0300", "3": "\u0309", "4": "\u0303", "5": "\u0323"}
_SHAPES = {"6": {"a": "â", "e": "ê", "o": "ô"}, "7": {"o": "ơ", "u": "ư"}, "8": {"a": "ă"}}
# A run of letters and stroke digits, taken whole (possessive: no backtracking into it);
# whether it is a VNI word is then decided in Python, in one pass over the run.
_VNI_RUN = regex.compile(r"\b[A-Za-z1-9]++\b")


def _is_vni(word: str) -> bool:
    """Letters holding a vowel (or a ``d`` for ``d9``), then a stroke digit, then letters
    and digits: ``No65i``, ``d9o6ng5``; not ``F16`` (no vowel before the digit)."""
    for i, ch in enumerate(word):
        if ch.isdigit():
            return i > 0 and any(c in "aeiouyAEIOUYdD" for c in word[:i])
    return False


def vni_word(word: str) -> str:
    """``No65i`` -> ``Nội``: apply VNI key strokes to the letters before them."""
    letters: list[str] = []
    tone = ""
    for ch in word:
        if ch in "6789":
            for i in range(len(letters) - 1, -1, -1):
                low = letters[i].lower()
                if ch == "9" and low == "d":
                    letters[i] = "đ" if letters[i] == "d" else "Đ"
                    break
                shaped = _SHAPES.get(ch, {}).get(low)
                if shaped:
                    letters[i] = shaped if letters[i].islower() else shaped.upper()
                    break
        elif ch in _TONES:
            tone = _TONES[ch]
        else:
            letters.append(ch)
    base = "".join(letters)
    if tone:
        idx = _tone_position(base)
        if idx is not None:
            base = base[: idx + 1] + tone + base[idx + 1 :]
    return unicodedata.normalize("NFC", base)


def _tone_position(word: str) -> int | None:
    """Where the tone mark goes: on ơ/ê/â/ô/ă/ư if present, else the main vowel."""
    low = word.lower()
    for i, ch in enumerate(low):
        if ch in "ăâêôơư":
            if ch == "ư" and i + 1 < len(low) and low[i + 1] == "ơ":
                return i + 1
            return i
    vowels = [i for i, ch in enumerate(low) if ch in "aeiouy"]
    if not vowels:
        return None
    if low.startswith(("qu", "gi")) and len(vowels) > 1:
        vowels = vowels[1:]
    if len(vowels) >= 2 and vowels[-1] == len(low) - 1:
        return vowels[-2]  # "hòa"-style old placement: the vowel before a final vowel
    return vowels[-1] if len(vowels) >= 2 else vowels[0]


def vni_to_unicode(text: str) -> str:
    return _VNI_RUN.sub(lambda m: vni_word(m.group()) if _is_vni(m.group()) else m.group(), text)


# Vietnamese letters outside Latin-1 only: TCVN3 read as Latin-1 (``B×nh ThuËn``) is full
# of ``â ê ô`` and the other Latin-1 letters, never of these.
_MODERN = re.compile(r"[\u1ea0-\u1ef9ăđĩũơưĂĐĨŨƠƯ]")  # stdlib re: plain code points, faster here


def looks_modern(text: str) -> bool:
    """Unicode Vietnamese: plenty of its own letters early on (the fast path). Only letters
    that no legacy text read as Latin-1 can hold count, so TCVN3 mojibake never passes.

    At least 8 of them in the first 600 characters or 20 in the first 4,000; counted one
    by one and stopped as soon as either holds (Vietnamese reaches 8 within a line)."""
    for n, m in enumerate(_MODERN.finditer(text, 0, 4000), 1):
        if n >= 20 or (n >= 8 and m.start() < 600):
            return True
    return False


def repair_legacy(text: str) -> tuple[str, str | None]:
    """(text, note): the text converted from TCVN3 or VNI typing when it clearly is one."""
    if looks_modern(text):
        return text, None
    sample = text[:20000]
    table, _ = _tables()
    marks = sum(1 for ch in sample if ord(ch) in table)
    if marks >= 5:
        converted = tcvn3_to_unicode(text)
        if _vietnamese_score(converted) > _vietnamese_score(text) + 2:
            return converted, "converted from TCVN3 (ABC) legacy encoding"
    words = regex.findall(r"[A-Za-z0-9]++", sample)
    strokes = sum(1 for w in words if "0" not in w and _is_vni(w))
    if words and strokes >= 5 and strokes >= 0.3 * len(words):
        converted = vni_to_unicode(text)
        if _vietnamese_score(converted) > _vietnamese_score(text) + 2:
            return converted, "converted from VNI key strokes (typed without the input method)"
    return text, None
