"""The name index's gate (extract/find/names.py): it must stop wherever the plain walk over
every capitalised word finds a name, so that both give the same names. Examples are our own."""

from __future__ import annotations

import random
import re
import sys

import pytest
import regex

from extract.find import names as N
from extract.find.countries import names as country_names
from extract.find.names import NameIndex, key
from extract.find.places import gazetteer


def _plain(index: NameIndex, text: str, start: int = 0, end: int | None = None) -> list:
    """``find`` without the gate: every capitalised word is a start, as before the gate."""
    plain = NameIndex.__new__(NameIndex)
    plain.forms, plain.longest, plain.counts = index.forms, index.longest, index.counts
    every = [m.start() for m in N._CAPITALISED.finditer(text, start, len(text) if end is None else end)]
    return list(plain.find(text, start, end, every))


def test_the_unicode_facts_the_gate_relies_on():
    """Over all of Unicode: nothing beyond the BMP folds into it (the preimages are taken
    from the BMP only), folding keeps word characters word characters and the rest the rest,
    and stdlib's ``[^\\W_]`` only holds word characters of the walk's class."""
    word = regex.compile(r"[\p{L}\p{M}\p{N}]")
    alnum = re.compile(N._ALNUM)
    for i in range(sys.maxunicode + 1):
        c = chr(i)
        is_word = word.match(c) is not None
        if alnum.match(c):
            assert is_word, hex(i)
        f = c.casefold()
        if f != c:
            assert i <= 0xFFFF or all(ord(x) > 0xFFFF for x in f), hex(i)
            assert all((word.match(x) is not None) == is_word for x in f), hex(i)


INDEX = NameIndex({key(f): f for f in ("Phú Yên", "Kon Tum", "Bà Rịa - Vũng Tàu", "Vũng Tàu", "Essen", "Mỹ")})


@pytest.mark.parametrize(
    "text",
    [
        "Đoàn công tác tỉnh Phú Yên về thăm.",
        "Từ PHÚ YÊN ra, rồi tới Kon Tum.",
        "Đường về Bà Rịa – Vũng Tàu, và Bà Rịa-Vũng Tàu, và Bà  Rịa -  Vũng Tàu.",
        "Tàu cập cảng Vũng Tàu sáng nay.",
        "\u212aon Tum viết bằng dấu Kelvin",  # KELVIN SIGN folds to k
        "Thành phố E\u1e9eEN và ESSEN, Eßen",  # ẞ and ß fold to ss
        "Hàng Mỹ, người Mỹ, Mỹ.",
    ],
)
def test_the_gate_stops_where_a_name_is(text):
    found = list(INDEX.find(text))
    assert found, text
    assert found == _plain(INDEX, text)
    for s, _, _ in found:
        assert any(m.start() == s for m in INDEX.gate.finditer(text))


@pytest.mark.parametrize(
    "text",
    [
        "phú yên viết thường không phải tên riêng",  # no capital
        "Phú Yênx, Kon Tumy: the word goes on",  # the last word does not end there
        "Phú - - - Yên",  # a gap longer than four characters
        "Phú Thọ và Kon Rẫy",  # another second word
        "Bà Rịa và Vũng Liêm",
        "ĐÀ NẴNG",  # a name the index does not hold
    ],
)
def test_the_gate_stays_silent_where_no_name_is(text):
    assert _plain(INDEX, text) == [] == list(INDEX.find(text))
    heads = {m.start() for m in INDEX.gate.finditer(text)}
    assert not heads & {m.start() for m in N._CAPITALISED.finditer(text) if m.group().casefold() not in INDEX.longest}


def test_a_region_start_inside_a_word_sees_the_text_before_it():
    """Like the plain walk, the gate reads the character before ``start`` (``xMỹ`` is no name)."""
    text = "xMỹ và Mỹ"
    assert list(INDEX.find(text, 1)) == _plain(INDEX, text, 1) == [(7, 9, "Mỹ")]
    assert list(INDEX.find(text, 0, 8)) == _plain(INDEX, text, 0, 8) == []  # `M` then the end


def _mixed_text(rng: random.Random, names: list[str]) -> str:
    """Names in every case, glued, split or cut short, among ordinary words and gaps."""
    parts = []
    for _ in range(rng.randrange(5, 40)):
        pick = rng.random()
        if pick < 0.5:
            name = rng.choice(names)
            name = rng.choice([name, name.upper(), name.lower(), name.title(), name[: rng.randrange(1, len(name) + 1)]])
            parts.append(name)
        else:
            parts.append(rng.choice(["và", "Tỉnh", "ông", "Người", "ĐOÀN", "x", "3", "Anhx", "Nam's"]))
        parts.append(rng.choice([" ", "  ", ", ", " - ", "–", "\n", ".", "", "(", " \u00a0"]))
    return "".join(parts)


@pytest.mark.parametrize("which", ["places", "countries"])
def test_gated_find_equals_the_plain_walk_on_generated_text(which):
    index = gazetteer().index if which == "places" else country_names().index
    written = sorted({f for f in index.forms})
    rng = random.Random(16)
    for _ in range(400):
        text = _mixed_text(rng, written)
        a, b = sorted(rng.randrange(len(text) + 1) for _ in range(2))
        assert list(index.find(text)) == _plain(index, text), text
        assert list(index.find(text, a, b)) == _plain(index, text, a, b), (text, a, b)


def test_one_scan_for_places_and_countries_gives_each_its_own_names():
    """``name_stops`` (one joint gate) stops wherever either index's own gate does, so the
    pipeline's shared scan finds the same places and countries as a scan per stage."""
    from extract.find.countries import find_countries, name_stops
    from extract.find.places import find_places

    text = "Đoàn Hà Nam sang Nam Phi.\nHÀ LAN và Lào Cai, Việt - Lào, Bà Rịa – Vũng Tàu\nNga, chị Nga"
    regions = [[0, 25], [26, len(text)]]
    stops = name_stops(text, regions)
    places = find_places(text, regions)
    assert places == find_places(text, regions, stops) and places
    masked = [(p.start, p.end) for p in places]
    countries = find_countries(text, regions, masked)
    assert countries == find_countries(text, regions, masked, stops) and countries
    rng = random.Random(61)
    written = sorted(set(gazetteer().index.forms) | set(country_names().index.forms))
    for _ in range(200):
        text = _mixed_text(rng, written)
        cut = rng.randrange(len(text) + 1)
        regions = [[0, cut], [cut, len(text)]]
        stops = name_stops(text, regions)
        assert find_places(text, regions, stops) == find_places(text, regions), text
        assert find_countries(text, regions, None, stops) == find_countries(text, regions), text


def _flat(words: list[str]) -> re.Pattern:
    """The alternation ``literal_trie`` replaces: the words longest first."""
    return re.compile("|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True)))


_TRIE_WORDS = ["phố", "phố cổ", "phố cổ Hội", "phòng", "Ph.", "Ph", "P", "cầu", "cầu Rồng", "c."]


@pytest.mark.parametrize(
    "text",
    [
        "Dạo phố cổ Hội An, rồi qua cầu Rồng và cầu Trần Thị Lý.",  # the longest word wins
        "Phố cổ vắng; Ph. Minh nói phố cổ Hộiquán đã đóng.",  # a longer word cut short falls back
        "Phòng P.3, cầu c. đông, Ph Trung",  # one-letter and dotted words
        "không có gì ở đây",  # no word: no match
        "",
    ],
)
def test_literal_trie_matches_the_flat_alternation(text):
    trie = re.compile(N.literal_trie(_TRIE_WORDS))
    flat = _flat(_TRIE_WORDS)
    got = [(m.start(), m.end()) for m in trie.finditer(text)]
    assert got == [(m.start(), m.end()) for m in flat.finditer(text)]
    # followed by a test on what comes next (as the locality finder's separator), the
    # trie backs off to the shorter words in the flat order too
    trie_sep, flat_sep = (re.compile(f"({p.pattern}) ") for p in (trie, flat))
    assert [m.span(1) for m in trie_sep.finditer(text)] == [m.span(1) for m in flat_sep.finditer(text)]


def test_literal_trie_picks_the_longest_word_and_can_fail():
    trie = re.compile(N.literal_trie(_TRIE_WORDS))
    assert trie.search("xem phố cổ Hội An").group() == "phố cổ Hội"
    assert trie.search("xem phố cổ hội").group() == "phố cổ"
    assert trie.search("không gì") is None
    assert re.compile(N.literal_trie([])).search("phố") is None


def test_literal_trie_equals_the_flat_alternation_on_generated_text():
    rng = random.Random(16)
    pieces = [*_TRIE_WORDS, " ", ".", "a", "Hội", "cổ", "ph", "ố"]
    trie, flat = re.compile(N.literal_trie(_TRIE_WORDS)), _flat(_TRIE_WORDS)
    for _ in range(300):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 25)))
        assert [m.span() for m in trie.finditer(text)] == [m.span() for m in flat.finditer(text)], text


def test_the_locality_finder_matches_its_flat_alternation():
    """localities.index().finder is built with literal_trie: same unit words found as the
    flat alternation of them, longest first (our own sentences)."""
    from extract.find import localities

    ix = localities.index()
    flat = re.compile(rf"({_flat(list(ix.kind_of)).pattern})(?:[ \u00a0]+|(?<=\.))")
    text = (
        "Người dân thị xã Sơn Ca, TP.Bình Minh, Tp. Ngọc Lâm và thị trấn Hòa Yên; "
        "xã hội phát triển ở huyện Núi Đá, quận 3, P.Tân Phú, TX Hồng Phúc, thành phố Lam."
    )
    got = [(m.start(), m.end(), m.group(1)) for m in ix.finder.finditer(text)]
    assert got == [(m.start(), m.end(), m.group(1)) for m in flat.finditer(text)]
    assert [g[2] for g in got][:3] == ["thị xã", "TP.", "Tp."]


def _every_count(index: NameIndex, text: str) -> list:
    """``find`` as before ``counts``: every count of words up to the longest looked up."""
    out, resume = [], 0
    for m in N._CAPITALISED.finditer(text):
        s = m.start()
        if s < resume:
            continue
        most = index.longest.get(m.group().casefold(), 0)
        ends, pos = [m.end()], m.end()
        while most and len(ends) < most:
            nxt = N._NEXT_WORD.match(text, pos)
            if nxt is None:
                break
            pos = nxt.end()
            ends.append(pos)
        for e in reversed(ends if most else []):
            value = index.forms.get(N._text_key(text[s:e]), N._MISSING)
            if value is not N._MISSING:
                out.append((s, e, value))
                resume = e
                break
    return out


@pytest.mark.parametrize(
    "text",
    [
        "Đường về Bà Rịa – Vũng Tàu, về Vũng Tàu và Bà Rịa, rồi BÀ RỊA-VŨNG TÀU.",
        "Đoàn khách Hàn Quốc, Hàn Quốc Quốc, Triều Tiên và Hàn đến Thái Lan, Thái Bình.",
        "Người Mỹ, nước Mỹ Latinh, Mỹ - Trung; Kon  Tum, Kon-Tum, Kon Tumx.",
        "\u212aon Tum, Eßen, ESSEN, Hà Nội Mới, Sài Gòn Giải Phóng, Hồ Chí Minh City.",
    ],
)
def test_find_looks_up_only_the_word_counts_names_have(text):
    for index in (INDEX, gazetteer().index, country_names().index):
        assert list(index.find(text)) == _every_count(index, text)
