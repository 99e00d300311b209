"""SPEC section 1: every encoding of the same article gives the same canonical text."""

from __future__ import annotations

import codecs
import hashlib
import unicodedata

import pytest

from extract.errors import BinaryInput, EmptyInput
from extract.read.decode import decode_bytes

from .conftest import CORPUS, to_cp1258

ARTICLE = (CORPUS / "000_b98956806c35580f.txt").read_text(encoding="utf-8")


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


ENCODINGS = {
    "utf-8": lambda t: t.encode("utf-8"),
    "utf-8 with BOM": lambda t: codecs.BOM_UTF8 + t.encode("utf-8"),
    "utf-16-le with BOM": lambda t: codecs.BOM_UTF16_LE + t.encode("utf-16-le"),
    "utf-16-be with BOM": lambda t: codecs.BOM_UTF16_BE + t.encode("utf-16-be"),
    "windows-1258": to_cp1258,
    "CRLF": lambda t: t.replace("\n", "\r\n").encode("utf-8"),
    "CR": lambda t: t.replace("\n", "\r").encode("utf-8"),
    "NFD": lambda t: unicodedata.normalize("NFD", t).encode("utf-8"),
    "NFD + CRLF + BOM": lambda t: codecs.BOM_UTF8 + unicodedata.normalize("NFD", t).replace("\n", "\r\n").encode("utf-8"),
}


@pytest.mark.parametrize("name", list(ENCODINGS))
def test_same_canonical_text(name):
    data = ENCODINGS[name](ARTICLE)
    assert data != ARTICLE.encode("utf-8") or name == "utf-8"
    decoded = decode_bytes(data)
    assert decoded.text == ARTICLE
    assert _sha(decoded.text) == _sha(ARTICLE)


def test_windows_1258_is_really_legacy_bytes():
    data = to_cp1258(ARTICLE)
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    assert decode_bytes(data).encoding == "cp1258"


def test_nothing_else_changes():
    text = "Uỷ ban\u00a0và Ủy ban “hoà” HOÀ\ttab"
    assert decode_bytes(text.encode("utf-8")).text == text


def test_binary_and_empty_are_typed_errors():
    with pytest.raises(BinaryInput):
        decode_bytes(b"PK\x03\x04\x00\x00binary")
    with pytest.raises(EmptyInput):
        decode_bytes(b"")
    with pytest.raises(EmptyInput):
        decode_bytes(b" \n\t\r\n")


def test_a_few_bad_bytes_in_utf8_are_repaired_and_noted():
    data = ARTICLE.encode("utf-8")
    broken = data[:500] + b"\xff\xfe" + data[500:]
    decoded = decode_bytes(broken)
    assert decoded.encoding == "utf-8"
    assert decoded.repairs and "invalid UTF-8" in decoded.repairs[0]
    assert "\ufffd" in decoded.text


def test_a_short_utf8_text_with_one_stray_latin1_byte_stays_utf8():
    data = "Huyện Ba Vì nhận 3 tỷ đồng từ quỹ Caf".encode() + b"\xe9" + " của Pháp.".encode()
    dec = decode_bytes(data)
    assert dec.encoding == "utf-8" and "Huyện Ba Vì nhận 3 tỷ đồng" in dec.text and "\ufffd" in dec.text
    assert dec.repairs and "U+FFFD" in dec.repairs[0]


def test_bytes_full_of_control_codes_are_binary_not_legacy_text():
    import random

    rng = random.Random(5)
    noise = bytes(rng.choice([b for b in range(1, 256)]) for _ in range(3000))
    with pytest.raises(BinaryInput):
        decode_bytes(noise)


def test_a_windows_1258_text_says_how_it_was_read():
    dec = decode_bytes(to_cp1258("Người dân được hỗ trợ 5 triệu đồng."))
    assert dec.encoding == "cp1258" and dec.text == "Người dân được hỗ trợ 5 triệu đồng." and any("Windows-1258" in r for r in dec.repairs)
