"""The one number parser: Vietnamese digits, scale words, number words, exact values."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extract.find.numbers import parse_number, qualifier_before, to_json_number


@pytest.mark.parametrize(
    "text, value",
    [
        ("8.500.000", 8500000), ("3.685,3", Decimal("3685.3")), ("32,5", Decimal("32.5")), ("05", 5),
        ("2.899.847", 2899847), ("4.000", 4000),
        ("1.5 triệu", 1500000),  # English decimal point: a thousands group has three digits
        ("1,234", Decimal("1.234")),  # the comma is the Vietnamese decimal mark
        ("1,234,567", 1234567),  # several groups of three: English grouping
        ("2,000 tỷ", 2000 * 10**9),  # three zeros after a comma are never decimals
        ("3.685,3 triệu", 3685300000), ("93,7 tỉ", 93700000000), ("140.304 tỷ", 140304 * 10**9),
        ("nghìn tỷ", 10**12), ("2 nghìn tỷ", 2 * 10**12), ("1 tỷ 200 triệu", 1200000000),
        ("2 triệu rưỡi", 2500000), ("5 ngàn", 5000), ("nửa triệu", 500000),
        ("hai mươi lăm", 25), ("một tỷ", 10**9), ("mười một", 11), ("ba mươi tư", 34), ("hai mươi mốt", 21),
        ("một trăm linh năm", 105), ("một trăm lẻ năm", 105), ("trăm rưỡi", 150), ("mười nhăm", 15),
        ("Hai tỷ không trăm năm mươi lăm triệu", 2055000000), ("năm trăm nghìn", 500000),
    ],
)
def test_parse_number(text, value):
    assert parse_number(text) == Decimal(value)


@pytest.mark.parametrize("text", ["hai năm", "mốt", "năm 2017", "lăm", "abc", ""])
def test_not_numbers(text):
    assert parse_number(text) is None


def test_exact_not_float():
    assert to_json_number(parse_number("3.685,3 triệu")) == 3685300000
    assert isinstance(to_json_number(parse_number("3.685,3 triệu")), int)
    assert to_json_number(parse_number("1,5")) == 1.5


def _vietnamese(value: Decimal) -> str:
    """Write a non-negative decimal the Vietnamese way: dots group thousands, comma decimal."""
    whole, _, frac = f"{value:f}".partition(".")
    grouped = f"{int(whole):,}".replace(",", ".")
    return grouped + ("," + frac if frac else "")


SCALES = {"": 1, " nghìn": 10**3, " ngàn": 10**3, " triệu": 10**6, " tỷ": 10**9, " tỉ": 10**9, " nghìn tỷ": 10**12}


@settings(max_examples=300)
@given(
    st.decimals(min_value=Decimal("0.01"), max_value=Decimal("999999999999"), places=2, allow_nan=False, allow_infinity=False),
    st.sampled_from(list(SCALES)),
)
def test_any_amount_parses_back_exactly(value, scale):
    value = value.normalize()
    if value == value.to_integral_value():
        value = value.quantize(Decimal(1))
    written = _vietnamese(value) + scale
    parsed = parse_number(written)
    frac = _vietnamese(value).partition(",")[2]
    if frac == "000":  # written 2,000: read as English grouping by rule (tested above)
        return
    assert parsed == value * SCALES[scale]


@given(st.integers(min_value=1, max_value=10**15))
def test_any_integer_parses_back_exactly(n):
    assert parse_number(_vietnamese(Decimal(n))) == n


@pytest.mark.parametrize(
    "before, approx",
    [("trên ", "over"), ("hơn ", "over"), ("vượt ", "over"), ("dưới ", "under"), ("gần ", "nearly"),
     ("xấp xỉ ", "nearly"), ("khoảng ", "about"), ("chừng ", "about"), ("ước ", "about"), ("ước tính ", "about"),
     ("ước đạt ", "about"), ("ít nhất ", "at_least"), ("tối thiểu ", "at_least"), ("tối đa ", "at_most"),
     ("không quá ", "at_most"), ("lên đến ", "at_most"), ("lên tới ", "at_most"), ("tối đa là ", "at_most"),
     ("đạt gần ", "nearly"), ("ít hơn ", None), ("cao hơn ", None), ("đến ", None), ("", None)],
)
def test_qualifiers(before, approx):
    text = f"Tổng số {before}5 tỷ đồng"
    assert qualifier_before(text, text.index("5")) == approx
