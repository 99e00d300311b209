"""Fast paths of the province resolver and the locality scan (issue 16 speed): each gives
the answer of the plain pattern it stands in front of. Examples are our own."""

from __future__ import annotations

import pytest
import regex

from extract.resolve import province as P


def _regions(text: str) -> list[list[int]]:
    out, pos = [], 0
    for line in text.split("\n"):
        out.append([pos, pos + len(line)])
        pos += len(line) + 1
    return out


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Bà con tỉnh nhà phấn khởi đón mùa lúa mới.", True),  # a cue: the gate says yes, the pattern too
        ("Hôm qua\nUBND tỉnh họp bàn về mùa mưa bão.", True),  # in a later region
        ("Trận đấu diễn ra sôi nổi trên sân vận động.", False),  # no cue word: the gate says no
        ("Anh ấy ngủ say, rồi tỉnh nhàn nhã đi dạo.", False),  # a cue's letters inside a longer word: the gate yes, the pattern no
        ("Ông Ba nói: TỈNH NHÀ đẹp lắm.", False),  # case-sensitive, as the pattern
        ("", False),
    ],
)
def test_says_home_agrees_with_the_plain_search(text, expected):
    c = P.cues()
    regions = _regions(text)
    plain = any(c.home.search(text, a, b) for a, b in regions)
    assert P._says_home(c, text, regions) is plain is expected


def test_the_home_gate_says_no_only_where_the_pattern_finds_nothing():
    c = P.cues()
    text = "Cán bộ toàn tỉnh tham gia; của tỉnh; Thành ủy chỉ đạo."
    assert c.home_gate.search(text) and c.home.search(text)
    assert c.home_gate.search("Mưa lớn kéo dài ba ngày.") is None
    longer = "Anh ấy ngủ say, rồi tỉnh nhàn nhã đi dạo."  # the gate's yes, the pattern's no
    assert c.home_gate.search(longer) and c.home.search(longer) is None


@pytest.mark.parametrize(
    "window",
    [
        "Lãnh đạo UBND tỉnh ",  # a unit word before the name
        "theo lời ông Tư ở TP.",  # a glued dot
        "các tỉnh ",  # a plural word before: no unit
        "Hội LHPN ",  # initials
        "người dân huyện nhà và ",  # no unit at the end
        "tỉnh",  # no space after
        "",
    ],
)
def test_unit_before_read_backwards_answers_as_forwards(window):
    backwards = P.cues().unit_before
    assert backwards.flags & regex.REVERSE
    forwards = regex.compile(backwards.pattern, backwards.flags & ~regex.REVERSE)
    assert (backwards.search(window) is None) == (forwards.search(window) is None)


def test_unit_before_can_say_both():
    c = P.cues()
    assert c.unit_before.search("Lãnh đạo UBND tỉnh ") is not None
    assert c.unit_before.search("người dân huyện nhà và ") is None


def test_outlet_gate_spells_every_outlet_the_pattern_finds():
    """The outlet pattern runs only when one of its literal names is in the text: every
    match must be one of those names, as written."""
    c = P.cues()
    text = "Theo tin của Sài Gòn Giải Phóng và Hà Nội Mới, hai báo cùng đưa tin về lễ hội ở Huế."
    found = [m.group() for m in c.outlets.finditer(text)]
    assert found == ["Sài Gòn Giải Phóng", "Hà Nội Mới"]
    assert all(name in c.outlet_names for name in found)
    assert not any(name in "Sài Gòn giải phóng mặt bằng" for name in c.outlet_names)


@pytest.mark.parametrize(
    "text",
    [
        "Theo Hà Nội Mới, thành phố sẽ mở thêm tuyến xe buýt.",  # an outlet: gate and pattern say yes
        "Bạn đọc báo Sài Gòn Tiếp thị gửi thư về tòa soạn.",
        "Mưa lớn ở Đà Nẵng làm ngập nhiều tuyến phố.",  # none: both say no
        "Người Hà Nội mớizz đến",  # the letters inside a longer word: the gate yes, the pattern no
        "",
    ],
)
def test_outlet_gate_finds_a_name_wherever_the_pattern_does(text):
    """The stdlib trie of the outlets' literal names stands in front of the pattern: where
    it finds nothing, the pattern finds nothing either."""
    c = P.cues()
    plain = any(name in text for name in c.outlet_names)
    assert (c.outlet_gate.search(text) is not None) is plain
    if c.outlets.search(text):
        assert plain


@pytest.mark.parametrize(
    "title, expected",
    [
        ("Điểm tin sáng: giá xăng giảm, mưa lớn ở miền Trung", True),  # a round-up title
        ("Thời sự 24h: nắng nóng kéo dài ở Bắc Bộ", True),  # a tag before the colon
        ("Ông Ba kể chuyện 24 năm gác đèn biển: vui lắm", False),  # digits but no tag: the gate says no
        ("Đà Nẵng khai trương cầu mới", False),  # none: the gate says no
        ("Bản tinh thần mới của đội bóng", False),  # a title's letters inside a longer word
    ],
)
def test_roundup_gate_agrees_with_the_plain_match(title, expected):
    c = P.cues()
    span = [0, len(title)]
    plain = c.roundup.match(title, 0, len(title)) is not None
    assert P._roundup(c, title, span) is plain is expected


_ANAPHOR_TEXTS = [
    # named once, in the lead: the words that refer back lift it over the bar (no home cue)
    "Mùa du lịch biển\nDu khách đổ về Đà Nẵng trong dịp nghỉ lễ. Khách sạn của thành phố kín "
    "phòng; toàn thành phố có thêm nhiều điểm vui chơi và TP sẽ mở thêm lễ hội.",
    "Nông dân phấn khởi\nBà con Quảng Trị vào vụ mùa. Tỉnh nhà có thêm giống lúa mới; "
    "nông dân toàn tỉnh đều vui. UBND tỉnh hứa hỗ trợ phân bón.",
    # named in the title, the lead and after a unit word: clear without them
    "Quảng Trị mở đường mới\nUBND tỉnh Quảng Trị khánh thành tuyến đường ven biển ở Quảng Trị. "
    "Lãnh đạo tỉnh nhà dự lễ.",
    # two provinces and words that refer back
    "Hội chợ nông sản\nNông sản Huế và Đà Nẵng có mặt ở hội chợ. Toàn thành phố tham gia.",
    "Không có tỉnh nào ở đây\nMột câu chuyện chung về thời tiết.",
]


@pytest.mark.parametrize(
    "text", _ANAPHOR_TEXTS + [ex["text"] for ex in __import__("extract").lexicon.examples("province") if "province" in ex]
)
def test_anaphor_scan_skipped_only_where_it_cannot_change_the_province(text, monkeypatch):
    """The fast path skips counting the words that refer back when the leader clears every
    bar without them: the province must be the same as with the count."""
    import extract

    fast = extract.extract_text(text)["province"]
    monkeypatch.setattr(P, "_clears_without_anaphors", lambda c, best, front: False)
    assert extract.extract_text(text)["province"] == fast


def test_clears_without_anaphors_both_ways():
    c = P.cues()
    assert P._clears_without_anaphors(c, c.min_score, True)
    assert not P._clears_without_anaphors(c, c.min_score - 0.5, True)  # the words may lift it
    assert not P._clears_without_anaphors(c, c.min_score, False) or c.min_score >= c.min_score_body
    assert P._clears_without_anaphors(c, max(c.min_score, c.min_score_body), False)


def test_the_first_text_needs_its_anaphors(monkeypatch):
    """In the first text the words that refer back decide: without them no province."""
    import extract

    text = _ANAPHOR_TEXTS[0]
    assert extract.extract_text(text)["province"] is not None
    monkeypatch.setattr(P, "_anaphors", lambda c, t, r: 0)
    assert extract.extract_text(text)["province"] is None
