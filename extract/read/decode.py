"""Bytes to canonical text (SPEC section 1), with a note for every repair.

Canonical text = decoded (UTF-8, UTF-8 with BOM, UTF-16 or UTF-32 with BOM, else Windows-1258),
BOM removed, ``\\r\\n``/``\\r`` to ``\\n``, Unicode NFC. Nothing else changes, so every
offset a record gives can be reproduced with ``vnextract text FILE``; with one guard:
a run of more than ``MAX_MARKS`` combining marks on one letter is cut to its first
``MAX_MARKS`` before normalising (no writing system stacks more; CPython's NFC is quadratic
in the length of such a run and, being C code, no time limit interrupts it).

One rule for NUL: a NUL character in a document's text, whether a file's bytes, UTF-16/32
or a JSONL ``text`` field hold it, makes the document ``BinaryInput``.
"""

from __future__ import annotations

import codecs
import unicodedata
from dataclasses import dataclass, field

import regex

from ..errors import BinaryInput, DecodeError, EmptyInput
from .legacy import _vietnamese_score, decode_tcvn3, repair_legacy


@dataclass
class Decoded:
    text: str
    encoding: str
    repairs: list[str] = field(default_factory=list)


MAX_MARKS = 10  # combining marks kept on one letter (Vietnamese needs two)
_MARK_RUN = regex.compile(r"\p{M}{" + str(MAX_MARKS + 1) + ",}")


def bound_marks(text: str) -> tuple[str, int]:
    """(text, marks dropped): every run of combining marks cut to ``MAX_MARKS``."""
    dropped = 0

    def cut(m: regex.Match) -> str:
        nonlocal dropped
        dropped += len(m.group()) - MAX_MARKS
        return m.group()[:MAX_MARKS]

    return _MARK_RUN.sub(cut, text), dropped


def check_text(text: str) -> tuple[str, list[str]]:
    """A decoded string to canonical text with the notes of what was changed; a NUL in it
    is ``BinaryInput`` (the same rule for files and JSONL text fields)."""
    nul = text.find("\x00")
    if nul >= 0:
        raise BinaryInput(f"binary data: NUL character at offset {nul}")
    text, dropped = bound_marks(text)
    note = (
        [f"{dropped} combining mark(s) dropped from runs longer than {MAX_MARKS} on one letter"]
        if dropped
        else []
    )
    return _line_ends_nfc(text), note  # runs already bounded: bounding again changes nothing


def canonicalize(text: str) -> str:
    """Steps 2 and 3 of SPEC section 1: line endings to ``\\n``, then NFC (combining
    runs bounded first, see ``bound_marks``)."""
    return _line_ends_nfc(bound_marks(text)[0])


def _line_ends_nfc(text: str) -> str:
    """``canonicalize`` of a text whose combining runs are already bounded."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    return text


def _utf8_share(data: bytes) -> tuple[int, int]:
    """Count (valid multi-byte sequences, invalid bytes) in ``data`` read as UTF-8."""
    text = data.decode("utf-8", errors="replace")
    invalid = text.count("\ufffd") - data.decode("utf-8", errors="ignore").count("\ufffd")
    multibyte = sum(1 for ch in text if ord(ch) > 0x7F and ch != "\ufffd")
    return multibyte, invalid


_CONTROLS = bytes(b for b in range(32) if b not in b"\t\n\x0b\x0c\r") + b"\x7f"


def _control_bytes(body: bytes) -> int:
    """C0 control bytes other than white space: no legacy Vietnamese encoding uses them
    for letters, so more than one in a hundred bytes is binary data, not text."""
    return len(body) - len(body.translate(None, _CONTROLS))


def _legacy_8bit(body: bytes) -> tuple[str, str]:
    """Bytes that are not UTF-8: Windows-1258 or TCVN3, whichever reads as Vietnamese."""
    try:
        cp = body.decode("cp1258")
    except UnicodeDecodeError:
        cp = None
    tcvn = decode_tcvn3(body)
    # scored on a bounded, canonical sample: Windows-1258 holds combining marks, and NFC
    # of a long run of them is quadratic
    if cp is None or _vietnamese_score(canonicalize(tcvn[:20000])) > _vietnamese_score(canonicalize(cp[:20000])):
        return tcvn, "tcvn3"
    return cp, "cp1258"


def decode_bytes(data: bytes) -> Decoded:
    """Decode raw bytes to canonical text, or raise a typed error.

    Invalid UTF-8 bytes inside an otherwise UTF-8 file (a few bad bytes among many good
    multi-byte sequences) are replaced with U+FFFD and noted as a repair; a file that is
    not UTF-8 at all is read as Windows-1258, the legacy Vietnamese code page.
    """
    if data.startswith(codecs.BOM_UTF8):
        enc, body = "utf-8-sig", data[3:]
    elif data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):  # before UTF-16: FF FE 00 00 starts both
        enc, body = "utf-32", data
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        enc, body = "utf-16", data
    else:
        enc, body = "utf-8", data
    repairs: list[str] = []
    if enc in ("utf-16", "utf-32"):
        try:
            text = body.decode(enc)
        except UnicodeDecodeError as exc:
            raise DecodeError(f"invalid {enc.upper()} at byte {exc.start}") from None
        text = text.lstrip("\ufeff")
    else:
        nul = body.find(b"\x00")
        if nul >= 0:
            raise BinaryInput(f"binary data: NUL byte at offset {nul}")
        try:
            text = body.decode("utf-8")
        except UnicodeDecodeError as exc:
            good, bad = _utf8_share(body)
            # legacy Vietnamese text makes almost no valid multi-byte sequence (its letters are
            # single high bytes before ASCII), so five good ones per bad byte mean UTF-8 with a
            # stray byte, even in a short file (one Latin-1 `é` among a line of Vietnamese)
            if good >= 3 and bad * 5 <= good:
                text = body.decode("utf-8", errors="replace")
                repairs.append(
                    f"{bad} invalid UTF-8 byte(s) replaced with U+FFFD (first at byte {exc.start})"
                )
            else:
                controls = _control_bytes(body)
                if controls >= 4 and controls * 100 > len(body):
                    raise BinaryInput(f"binary data: {controls} control bytes in {len(body)}, and not UTF-8") from None
                text, enc = _legacy_8bit(body)
                repairs.append(
                    "decoded as TCVN3 (ABC), a legacy Vietnamese font encoding" if enc == "tcvn3"
                    else "decoded as Windows-1258, the legacy Vietnamese code page (not UTF-8)"
                )
    text, notes = check_text(text)
    repairs += notes
    if enc != "tcvn3":
        text, note = repair_legacy(text)
        if note:
            text = canonicalize(text)
            repairs.append(note)
    if not text.strip():
        raise EmptyInput("empty input" if not text else "input holds only white space")
    return Decoded(text=text, encoding=enc, repairs=repairs)
