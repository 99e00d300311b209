"""The article's province (SPEC section 8): the one a researcher would file it under.

Why a score and not the most frequent name: where a name stands says more than how often
it comes. A name in the title or the lead, or after a unit word (``UBND tỉnh X``,
``Liên hiệp các tổ chức hữu nghị tỉnh X``), marks the locality whose people and agencies
the article reports; a banner line outside the article (``CỔNG THÔNG TIN ĐIỆN TỬ TỈNH X``)
names its outlet's province. Districts, towns and wards named after their unit word
(``quận Hà Đông``, ``phường Lý Thái Tổ``) count for their province (``find/localities.py``),
except inside an address that names the province anyway; a province closing such an
address in the title or the lead (``H.Cam Lâm (Khánh Hòa)``) is named as the unit holding
the district and weighs as after a unit word (later, an address is most often a person's
home). Words that refer back to the
province in focus (``tỉnh nhà``, ``của TP``) add to the leader. The best province must
score enough (less when the text says ``tỉnh nhà`` or ``trên địa bàn tỉnh``, more when
neither title nor lead names it) and clearly beat the runner-up; else the record says
null (national, foreign or multi-province news, and round-ups such as ``Điểm tin``), as
it does when the lead lists several provinces in one run and the title names none (``các
tỉnh gồm Lào Cai, Yên Bái, Hà Giang và Sơn La``: each may get its own section), and a
deputy's province in brackets (``ĐBQH X (Hậu Giang)``) weighs as a plain mention. A
capital named up front only inside a school's name (``Học viện Âm nhạc Hà Nội``) is not the
city named up front for the capital rule below. Weights and cues are in ``patterns/province.yaml``.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections import defaultdict
from dataclasses import dataclass

import regex

from .. import lexicon
from ..find.localities import Locality, find_localities
from ..find.names import literal_trie
from ..find.places import bare_name, find_places
from ..find.provinces import provinces
from ..record.models import Place

_DASHES = ("-", "–", "—")
ADDRESS_GAP = 60  # characters between a district or ward and its province in one address
_ABBREVIATION = regex.compile(r"(?<![\p{L}\p{M}])\p{L}{1,2}\.")  # `Tp.`, `TX.`, `Q.`: no sentence end


@dataclass(frozen=True)
class Cues:
    unit_before: regex.Pattern
    home: regex.Pattern
    home_gate: re.Pattern  # the home cues' words alone (stdlib, a trie): no word, no cue
    stand_ins: dict[str, regex.Pattern]
    stand_in_words: dict[str, tuple[str, ...]]  # each pattern's literal words: a cheap gate
    weights: dict[str, float]
    min_score: float
    min_score_home: float
    min_score_body: float
    max_runner_up_share: float
    anaphor: re.Pattern  # stdlib re without lookarounds (a fast scan); _refers_back checks the context
    max_anaphors: int
    opening_chars: int
    lead_chars: int
    pair_joiners: frozenset[str]
    roundup: regex.Pattern
    roundup_words: tuple[str, ...]  # its literal titles and tags: a cheap gate
    dateline: regex.Pattern
    capitals: frozenset[str]
    national: regex.Pattern  # a national actor or the nation as a whole
    outlet_names: tuple[str, ...]  # their literal names
    outlet_gate: re.Pattern  # those names as one stdlib trie: one scan in C, not one per name
    outlets: regex.Pattern  # outlets carrying a province's name
    school: regex.Pattern  # a school's name runs up to the end of the text: searched backwards
    venue: regex.Pattern  # a hall's name up to the end of the text: searched backwards
    delegate: regex.Pattern  # a deputy's name and an open bracket end the text: searched backwards
    list_joiners: frozenset[str]
    lead_list_min: int
    route: regex.Pattern  # a route's name up to one of its ends: searched backwards


@functools.cache
def cues() -> Cues:
    data = lexicon.load("province")
    plural = lexicon.alternation(data["plural_words"])
    units = "|".join(regex.escape(w) for w in sorted(set(data["unit_words"]), key=len, reverse=True))
    home = "|".join(regex.escape(w) for w in sorted(set(data["home_cues"]), key=len, reverse=True))
    return Cues(
        unit_before=regex.compile(
            rf"(?:^|[^\p{{L}}\p{{M}}])(?<!(?:{plural})[ \u00a0])(?:{units}|\p{{Lu}}{{2,}})(?:[ \u00a0]+|(?<=\.))$",
            regex.REVERSE,  # anchored at the window's end: read from there, one start tried, not thirty
        ),
        home_gate=re.compile(literal_trie(set(data["home_cues"]))),
        home=regex.compile(rf"(?<![\p{{L}}\p{{M}}])(?:{home})(?![\p{{L}}\p{{M}}])"),
        stand_ins={
            str(code): regex.compile(
                rf"(?<![\p{{L}}\p{{M}}])(?:{'|'.join(regex.escape(w) for w in words)})(?![\p{{L}}\p{{M}}])(?![ \u00a0]+\p{{Lu}})"
            )
            for code, words in data["stand_ins"].items()
        },
        stand_in_words={str(code): tuple(words) for code, words in data["stand_ins"].items()},
        weights={str(k): float(v) for k, v in data["weights"].items()},
        min_score=float(data["min_score"]),
        min_score_home=float(data["min_score_home"]),
        min_score_body=float(data["min_score_body"]),
        max_runner_up_share=float(data["max_runner_up_share"]),
        anaphor=re.compile(literal_trie(set(data["anaphors"]))),  # the longest-first alternation, as a trie: faster
        max_anaphors=int(data["max_anaphors"]),
        opening_chars=int(data["opening_chars"]),
        lead_chars=int(data["lead_chars"]),
        pair_joiners=frozenset(str(x) for x in data["pair_joiners"]),
        roundup=regex.compile(
            rf"(?:{lexicon.alternation(data['roundup_titles'])})(?![\p{{L}}\p{{M}}])"
            rf"|[^:\n]{{0,40}}?(?<![\p{{L}}\p{{M}}\d])(?:{lexicon.alternation(data['roundup_title_tags'])})[ \u00a0]*:"
        ),
        roundup_words=(*data["roundup_titles"], *data["roundup_title_tags"]),
        dateline=regex.compile(rf"[ \u00a0]*(?:\((?:{lexicon.alternation(data['dateline_words'])})[ \u00a0]+)?$"),
        capitals=frozenset(str(x) for x in data["capitals"]),
        national=regex.compile(
            rf"(?<![\p{{L}}\p{{M}}])(?:(?:{lexicon.alternation(data['national_cues'])})(?![\p{{L}}\p{{M}}])"
            rf"|{regex.escape(data['national_ministry'])}[ \u00a0](?!Chỉ[ \u00a0]huy)\p{{Lu}}"
            rf"|(?<!(?:{lexicon.alternation(data['national_adjective_not_after'])})[ \u00a0])"
            rf"(?:{lexicon.alternation(data['national_adjectives'])})(?![\p{{L}}\p{{M}}])(?![ \u00a0]*[-–—]|[ \u00a0]+\p{{Lu}}))"
        ),
        outlet_names=tuple(data["outlet_names"]),
        outlet_gate=re.compile(literal_trie(set(data["outlet_names"]))),
        outlets=regex.compile(rf"(?<![\p{{L}}\p{{M}}])(?:{lexicon.alternation(data['outlet_names'])})(?![\p{{L}}\p{{M}}])"),
        list_joiners=frozenset(str(x) for x in data["list_joiners"]),
        lead_list_min=int(data["lead_list_min"]),
        route=regex.compile(
            rf"(?:^|[^\p{{L}}\p{{M}}])(?<!trực[ \u00a0])(?:{lexicon.alternation(data['route_words'])})[ \u00a0]+"
            rf"(?:(?:\p{{Lu}}[\p{{L}}\p{{M}}]*[ \u00a0]*){{1,4}}[-–—][ \u00a0]*)?$",
            regex.REVERSE,  # anchored at the window's end, as unit_before
        ),
        school=regex.compile(
            rf"(?<![\p{{L}}\p{{M}}])(?:{lexicon.alternation(data['school_words'])})[ \u00a0][^.,;:!?()\"“”\n]{{0,35}}$",
            regex.REVERSE,
        ),
        venue=regex.compile(
            rf"(?<![\p{{L}}\p{{M}}])(?:{lexicon.alternation(data['venue_words'])})[ \u00a0](?:[^.,;:!?()\"“”\n]{{0,35}}[ \u00a0.])?$",
            regex.REVERSE,
        ),
        delegate=regex.compile(
            rf"(?:^|[^\p{{L}}\p{{M}}])(?:{lexicon.alternation(data['delegate_words'])})[ \u00a0]+"
            rf"(?:\p{{Lu}}[\p{{L}}\p{{M}}]*[ \u00a0]+){{1,4}}\([ \u00a0]*(?:(?:{lexicon.alternation(data['delegation_words'])})[ \u00a0]+)?$",
            regex.REVERSE,  # anchored at the window's end, as unit_before
        ),
    )


@dataclass
class Evidence:
    """What the text says for each province: its weight, and whether the title, the lead
    or a banner names it (a province named only deep in the body is a weaker claim)."""

    scores: dict[str, float]
    front: set[str]
    frame: list[list[int]]  # the title, the lead and the body's opening: where the story says what it is
    titled: set[str]  # provinces the title names
    lead: list[int] | None  # the lead's span
    front_plain: set[str]  # named up front other than inside a school's name (`Đại học Y Hà Nội`)


def evidence(
    text: str, places: list[Place], regions: list[list[int]], title_span: list[int] | None
) -> Evidence:
    """Each named province's weight in the article (``places`` read by their bare names)."""
    c = cues()
    w = c.weights
    places = [bare_name(p) for p in places]
    out: dict[str, float] = defaultdict(float)
    front: set[str] = set()
    titled: set[str] = set()  # named in the title (a mention, a district, not a deputy's province)
    front_plain: set[str] = set()
    paragraphs = [r for r in regions if r != title_span]
    # a lead is a sentence or three; a page without paragraph breaks holds the whole
    # article in its first paragraph, and only that paragraph's opening is its lead
    lead = [paragraphs[0][0], min(paragraphs[0][1], paragraphs[0][0] + c.lead_chars)] if paragraphs else None
    # the body's opening: after a summary lead, the first sentence often says where it
    # happened; only a unit's name there (`tỉnh X`, `UBND huyện Y`) counts as saying so
    opening = [paragraphs[1][0], min(paragraphs[1][1], paragraphs[1][0] + c.opening_chars)] if len(paragraphs) > 1 else None

    def position(code: str, start: int, unit: bool) -> float:
        weight = 0.0
        if title_span and title_span[0] <= start < title_span[1]:
            titled.add(code)
            weight = w["title"]
        elif lead and lead[0] <= start < lead[1]:
            weight = w["lead"] + (w["dateline"] if c.dateline.match(text, lead[0], start) else 0.0)
        elif unit and opening and opening[0] <= start < opening[1]:
            weight = w["opening"]
        if weight:
            front.add(code)
            if code not in front_plain and not (code in c.capitals and _school_or_venue(c, text[max(0, start - 60) : start])):
                front_plain.add(code)
        return weight

    outlets = (  # the pattern is case-sensitive and spells its names: most texts hold none
        [m.span() for a, b in regions for m in c.outlets.finditer(text, a, b)]
        if places and c.outlet_gate.search(text)
        else []
    )

    def in_outlet(start: int) -> bool:  # `Pháp Luật TP.HCM` names who wrote, not where
        return any(a <= start < b for a, b in outlets)

    starts = [p.start for p in places]
    addressed: set[int] = set()  # places that close an address: named as the unit holding a district
    for loc in find_localities(text, regions):  # districts, towns, wards: their province
        i = _in_address(text, loc, places, starts)
        if i is None:
            out[loc.code] += w["locality"] + position(loc.code, loc.start, True)
        else:
            addressed.add(i)
    for i, p in enumerate(places):
        if outlets and in_outlet(p.start):
            continue
        if c.route.search(text[max(0, p.start - 60) : p.start]):
            continue  # `cao tốc Nội Bài - Lào Cai`: where a route runs, not where the story is
        if text.rfind("(", max(0, p.start - 50), p.start) >= 0 and c.delegate.search(text[max(0, p.start - 90) : p.start]):
            out[p.code] += w["mention"]  # `ĐBQH Trần Văn Nam (Hậu Giang)`: whom the deputy represents
            continue
        unit = c.unit_before.search(text[max(0, p.start - 30) : p.start]) is not None
        if unit or i not in addressed:
            out[p.code] += w["mention"] + position(p.code, p.start, unit) + (w["unit"] if unit else 0.0)
        else:  # an address in the title or lead names where the story is; later, often a person's home
            up_front = position(p.code, p.start, False)
            out[p.code] += w["mention"] + up_front + (w["unit"] if up_front else 0.0)
    for code, pattern in c.stand_ins.items():
        if not any(word in text for word in c.stand_in_words[code]):
            continue  # the pattern is case-sensitive and holds these words: no match anywhere
        for a, b in regions:
            out[code] += w["stand_in"] * sum(not in_outlet(m.start()) for m in pattern.finditer(text, a, b))
    for p in map(bare_name, find_places(text, _outside(regions, len(text)))):  # banners and outlet lines
        if c.unit_before.search(text[max(0, p.start - 30) : p.start]):
            out[p.code] += w["outside"]
            front.add(p.code)
            front_plain.add(p.code)
    frame = [r for r in (title_span, lead, opening) if r]
    return Evidence({k: v for k, v in out.items() if v}, front, frame, titled, lead, front_plain)


def _school_or_venue(c: Cues, before: str) -> bool:
    """Whether a capital's name closes a school's name (``Đại học Y Hà Nội``) or a hall's
    (``tại Nhà hát Lớn Hà Nội``): not the city named up front as what the story is about."""
    return bool(c.school.search(before) or c.venue.search(before))


def scores(
    text: str, places: list[Place], regions: list[list[int]], title_span: list[int] | None
) -> dict[str, float]:
    """Each named province's weight in the article."""
    return evidence(text, places, regions, title_span).scores


def _in_address(text: str, loc: Locality, places: list[Place], starts: list[int]) -> int | None:
    """The index of the province's mention that closes the locality's address (``phường Đại
    Kim, quận Thanh Xuân, Hà Nội``), or None: then the province's mention already counts,
    and a winner's or suspect's home address does not outweigh the article's place. That
    mention names the province as the unit holding the district, as ``tỉnh X`` does, and
    weighs as a unit's mention (``H.Cam Lâm (Khánh Hòa)`` opening a local report)."""
    i = bisect.bisect_left(starts, loc.end)
    if i == len(places) or places[i].code != loc.code:
        return None
    between = _ABBREVIATION.sub("", text[loc.end : places[i].start])
    return i if len(between) <= ADDRESS_GAP and not any(c in between for c in ".;:!?\n") else None


def _says_home(c: Cues, text: str, regions: list[list[int]]) -> bool:
    """Whether a region holds a home cue (``tỉnh nhà``, ``UBND tỉnh``), each region read
    once (linear). Fast path: the cue pattern is case-sensitive and spells its words
    literally, so a region where the stdlib trie of those words finds none has no cue;
    that scan in C is faster than the pattern's own look-behind at every position."""
    return any(c.home_gate.search(text, a, b) and c.home.search(text, a, b) for a, b in regions)


def _refers_back(text: str, start: int, end: int) -> bool:
    """A whole word (``TP``, not ``TPHCM``) that no name follows (``Thành ủy TPHCM`` names
    its city): up to three spaces, dots or dashes, then no capital letter. A word joined
    to the one before it by a dash is the tail of a compound name (a stage name
    ``K-TP``, ``K - TP``), not the city."""
    if (start and text[start - 1].isalnum()) or (end < len(text) and text[end].isalnum()):
        return False
    if text[max(0, start - 3) : start].rstrip(" \u00a0").endswith(_DASHES):
        return False
    after = text[end : end + 4].lstrip(" \u00a0.-–")
    return not (after and after[0].isupper() and len(text[end : end + 4]) - len(after) <= 3)


def _anaphors(c: Cues, text: str, regions: list[list[int]]) -> int:
    """How many words refer back to the province in focus, up to ``max_anaphors`` (no
    need to read on)."""
    back = 0
    for a, b in regions:
        for m in c.anaphor.finditer(text, a, b):
            if _refers_back(text, m.start(), m.end()):
                back += 1
                if back >= c.max_anaphors:
                    return back
    return back


def _clears_without_anaphors(c: Cues, best: float, front: bool) -> bool:
    """Fast path: whether the leader's score already clears every bar the anaphors could
    help it over. They only add (a weight of zero or more) and the score is only compared
    with ``min_score`` (then ``min_score_home``, a lower bar, is not asked) and, for a
    leader not named up front, ``min_score_body``: a score at or over those bars stays
    over them, so the scan of the whole text for the words is not needed."""
    return c.weights["anaphor"] >= 0 and best >= c.min_score and (front or best >= c.min_score_body)


def _roundup(c: Cues, text: str, title_span: list[int]) -> bool:
    """Whether the title is a round-up's. Fast path: the pattern is case-sensitive and
    each of its matches holds one of its literal titles or tags; a title holding none of
    them (the usual case) cannot match, and the pattern's lazy search for a tag before a
    colon at each of forty starts is not run."""
    title = text[title_span[0] : title_span[1]]
    if not any(word in title for word in c.roundup_words):
        return False
    return c.roundup.match(text, title_span[0], title_span[1]) is not None


def _title_pair(c: Cues, text: str, places: list[Place], title_span: list[int]) -> bool:
    """Whether the title opens with two provinces joined by a dash (``Hải Phòng - Nam
    Định: ...``, a match or a pairing): it bills both, so no single one is the focus."""
    if len(places) < 2:
        return False
    before = text[title_span[0] : places[0].start]
    if before.strip() and not (len(before) <= 12 and c.unit_before.search(before)):
        return False  # only a unit word (`TP.`, `Tỉnh`) may stand before the first name
    a, b = places[0], places[1]
    return b.end <= title_span[1] and a.code != b.code and text[a.end : b.start].strip(" \u00a0") in c.pair_joiners


def _lead_list(c: Cues, text: str, places: list[Place], lead: list[int] | None) -> bool:
    """Whether the lead lists ``lead_list_min`` provinces or more in one run, the names
    joined only by commas or ``và`` (``gồm Lào Cai, Yên Bái, Hà Giang và Sơn La``)."""
    if lead is None:
        return False
    run: set[str] = set()
    prev: Place | None = None
    for p in places:  # in text order
        if p.start < lead[0]:
            continue
        if p.start >= lead[1]:
            break
        if prev is not None and _joined(c, text[prev.end : p.start]):
            run.add(p.code)
        else:
            run = {p.code}
        if len(run) >= c.lead_list_min:
            return True
        prev = p
    return False


def _joined(c: Cues, between: str) -> bool:
    """Whether the text between two names only joins them (``, ``, `` và ``)."""
    words = between.replace(",", " , ").replace(";", " ; ").split()
    return 0 < len(words) <= 2 and all(w in c.list_joiners for w in words)


def _outside(regions: list[list[int]], n: int) -> list[list[int]]:
    """The stretches of text outside the title and paragraphs."""
    out, pos = [], 0
    for a, b in sorted(regions):
        if a > pos:
            out.append([pos, a])
        pos = max(pos, b)
    return out + ([[pos, n]] if pos < n else [])


def resolve_province(
    text: str, places: list[Place], regions: list[list[int]], title_span: list[int] | None = None
) -> dict[str, str] | None:
    """The record's ``province`` object, or None.

    A round-up of unrelated items (``Điểm tin``, ``Tài chính 24h:``) is national news
    whatever its first item's place. Words that refer back to the one province in focus
    without naming it (``tỉnh nhà``, ``của TP``, a bare ``Thành ủy``) add to the leader.
    A leader that neither the title nor the lead names needs more weight: features about
    a person and national interviews name provinces in passing in the body. A capital
    that leads although the title, lead and opening do not name it, where these name a
    ministry, the Government or the nation, is where a national story is told from."""
    c = cues()
    places = [bare_name(p) for p in places]
    if title_span and (_roundup(c, text, title_span) or _title_pair(c, text, places, title_span)):
        return None
    ev = evidence(text, places, regions, title_span)
    ranked = sorted(ev.scores.items(), key=lambda kv: -kv[1])
    if not ranked:
        return None
    if not ev.titled and _lead_list(c, text, places, ev.lead):
        return None  # the lead bills several provinces alike and the title none
    code, best = ranked[0]
    if not _clears_without_anaphors(c, best, code in ev.front):
        best += c.weights["anaphor"] * _anaphors(c, text, regions)
    need = c.min_score
    if best < need and _says_home(c, text, regions):
        need = c.min_score_home
    if code not in ev.front:
        need = max(need, c.min_score_body)
    if best < need:
        return None
    if code in c.capitals and code not in ev.front_plain and any(c.national.search(text, a, b) for a, b in ev.frame):
        return None  # a national story told from the capital: the city is not named up front
    if len(ranked) > 1 and ranked[1][1] >= c.max_runner_up_share * ranked[0][1]:
        return None  # words that refer back cannot tell which of two close names they mean
    return provinces()[code].as_dict()
