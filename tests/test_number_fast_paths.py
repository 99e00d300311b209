"""Fast paths of the number finder (issue 16 speed): the scans run once per document and
each region gets what a scan of that region alone gives; digit groups no later stage
reads are left out where they cannot change the grouping. Examples are our own."""

from __future__ import annotations

import re

import pytest

from extract.find import numbers as N
from extract.find.counts import number_anchors, number_gate
from extract.find.numbers import _scans, find_number_spans, find_numbers
from extract.find.numscan import (
    DIGIT_RUN,
    digit_runs,
    digit_runs_by_region,
    literal_starts,
    literal_starts_by_region,
)

TEXTS = [
    "Xã có 1.250 hộ, thu 3,5 tỷ đồng và 12.345.678 đồng; hai mươi lăm hội viên.",
    "Ba Triệu hai  trăm nghìn, TỶ lệ; năm   dự án, mười tổ chức và bảy\tđoàn",
    "Có ba hội viên,ba  dự án;khai dự án, sáu\u00a0tổ chức, Bảy tổ chức mới.",
    "12.5 tri triệu 7tỷđồng 40 TỶ nghìn tỷ rưỡi",
]


def _cuts(text: str) -> list[list[list[int]]]:
    """Region lists whose edges fall everywhere: two regions meeting at each position,
    and three with a gap of two characters between them."""
    n = len(text)
    out = [[[0, k], [k, n]] for k in range(n + 1)]
    out += [[[0, k], [k + 2, min(n, k + 9)], [min(n, k + 11), n]] for k in range(0, max(0, n - 11))]
    return out


@pytest.mark.parametrize("text", TEXTS)
def test_digit_runs_by_region_are_those_of_each_region(text):
    pattern = re.compile(DIGIT_RUN)
    for regions in _cuts(text):
        want = [[m.span() for m in pattern.finditer(text, a, b)] for a, b in regions]
        assert digit_runs_by_region(text, regions) == want == [digit_runs(text, a, b) for a, b in regions]


@pytest.mark.parametrize("text", TEXTS)
def test_scale_word_starts_by_region_are_those_of_each_region(text):
    words = _scans()[1]
    for regions in _cuts(text):
        assert literal_starts_by_region(text, words, regions) == [literal_starts(text, words, a, b) for a, b in regions]


@pytest.mark.parametrize("text", TEXTS)
def test_anchor_stops_by_region_are_the_pattern_match_ends_of_each_region(text):
    anchors = number_anchors()
    for regions in _cuts(text):
        want = [[m.end() for m in anchors.pattern.finditer(text, a, b)] for a, b in regions]
        assert anchors.stops_by_region(text, regions) == want


def test_the_scans_see_what_the_cut_leaves():
    """A region edge inside a digit group, a scale word or a head changes what is found."""
    text = "thu 12.345 triệu, hai hội viên"
    cut_digits = [[0, 7], [7, len(text)]]  # "thu 12." | "345 triệu, ..."
    assert digit_runs_by_region(text, cut_digits) == [[(4, 6)], [(7, 10)]]
    cut_word = [[0, 14], [14, len(text)]]  # "... tri" | "ệu, ..."
    assert literal_starts_by_region(text, _scans()[1], cut_word) == [[], []]
    anchors = number_anchors()
    whole = anchors.stops_by_region(text, [[0, len(text)]])
    assert whole == [[22]]
    assert anchors.stops_by_region(text, [[0, 25], [25, len(text)]]) == [[22], []]  # "hội" whole in the first
    assert anchors.stops_by_region(text, [[0, 24], [24, len(text)]]) == [[], []]  # "hộ|i" cut: no head
    assert anchors.stops_by_region(text, [[0, 18], [18, len(text)]]) == [[], [22]]  # "hai" starts the second
    assert anchors.stops_by_region(text, [[0, 19], [19, len(text)]]) == [[], []]  # "h|ai" cut: no number word


@pytest.mark.parametrize("text", TEXTS)
def test_find_numbers_is_find_number_spans_region_by_region(text):
    anchors, keep = number_anchors(), number_gate()
    for regions in _cuts(text)[::3]:
        want = [n for a, b in regions for n in find_number_spans(text, a, b, anchors, keep)]
        assert find_numbers(text, regions, anchors, keep) == want


@pytest.mark.parametrize(
    "text, numbers",
    [
        # no written-out word: the groups before "người", "tuổi" are left out, nothing else moves
        ("Năm 2023 có 12 người, 5 - 10 tỷ đồng, 7 hội viên và 45 tuổi.", ["5", "10 tỷ", "7"]),
        ("Hai triệu, ba tổ chức 15 năm tỷ", ["Hai triệu", "ba", "15"]),
        # a word after a comma: "12" (before "người") stops the walk to "triệu", so no join
        ("Ba tỷ, hai hội viên 12 người triệu", ["Ba tỷ", "hai"]),
    ],
)
def test_left_out_digit_groups_change_no_grouping(monkeypatch, text, numbers):
    anchors, keep = number_anchors(), number_gate()
    fast = find_number_spans(text, 0, len(text), anchors, keep)
    monkeypatch.setattr(N, "_x_tokens_matter", lambda tokens: True)  # the plain path: every group a token
    plain = find_number_spans(text, 0, len(text), anchors, keep)
    assert fast == plain
    assert [text[n.start : n.end] for n in fast] == numbers


def test_a_left_out_group_matters_only_after_a_word(monkeypatch):
    """Why the fast path keeps the ``x`` tokens where a written-out word stands: without
    them, the group after a comma would reach a scale word past the digits."""
    text = "Ba tỷ, hai hội viên 12 người triệu"
    anchors, keep = number_anchors(), number_gate()
    assert N._x_tokens_matter({0: (0, 2, "w"), 3: (3, 5, "s")})
    assert not N._x_tokens_matter({3: (3, 5, "s"), 8: (8, 10, "d")})
    kept = [text[n.start : n.end] for n in find_number_spans(text, 0, len(text), anchors, keep)]
    monkeypatch.setattr(N, "_x_tokens_matter", lambda tokens: False)
    never = [text[n.start : n.end] for n in find_number_spans(text, 0, len(text), anchors, keep)]
    assert kept == ["Ba tỷ", "hai"] and never == ["Ba tỷ, hai"]


def test_a_digit_group_between_spaces_is_a_token_by_the_general_rules():
    """The shortcut of ``_digit_token_ok`` (a space on each side: yes) is what the general
    rules say: at the text's edges they read a space there, and say yes."""
    assert N._digit_token_ok("12", 0, 2)  # the general rules, a space assumed on each side
    assert N._digit_token_ok("có 12 hội", 3, 5)  # the shortcut
    assert not N._digit_token_ok("mã K12 nhé", 5, 7) and not N._digit_token_ok("ngày 6/12 ", 7, 9)


def test_parsed_digit_strings_are_remembered_and_bounded(monkeypatch):
    from extract.find import numparse

    monkeypatch.setattr(numparse, "_PARSED", {})
    monkeypatch.setattr(numparse, "_PARSED_MAX", 3)
    first = numparse.parse_digits("3.685,3")
    assert numparse.parse_digits("3.685,3") is first and str(first) == "3685.3"
    for _ in range(2):  # a string in no known form raises each time
        with pytest.raises(ValueError):
            numparse.parse_digits("0.0,0.0")
    for s in ("1", "2", "3", "4"):
        assert numparse.parse_digits(s) == int(s)
    assert len(numparse._PARSED) <= 3
