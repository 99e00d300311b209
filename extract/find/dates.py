"""The one date parser: a fast path for the numeric forms news sites write, dateparser
for the rest.

Fast path (no dateparser call): ``24/07/2019``, ``6-7-2011``, ``15.5.2017``,
``ngày 27 tháng 12 năm 2006``, ``2023-05-30``, each with an optional time (``08:53``,
``10h15``) and zone (``GMT+7`` -> ``+07:00``). Day comes before month, as in Vietnamese.
dateparser (Vietnamese, DMY) is tried only on short header lines the fast path cannot read.
"""

from __future__ import annotations

import datetime as dt
import functools

import regex

_D = r"(?P<d>\d{1,2})"
_M = r"(?P<m>\d{1,2})"
_Y = r"(?P<y>(?:19|20)\d{2})"
_Y_END = r"(?:(?!\d)|(?=\d{1,2}:\d\d))"  # a year may have a time glued after it (``201112:00``)
# month names as pages write them (``23 Tháng Hai 2011``, ``tháng Giêng``)
_MONTH_NAMES = {
    "giêng": 1, "một": 1, "hai": 2, "ba": 3, "tư": 4, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8,
    "chín": 9, "mười": 10, "mười một": 11, "mười hai": 12, "chạp": 12,
}
_MONTH_WORD_RE = "|".join(sorted(_MONTH_NAMES, key=len, reverse=True))
NUMERIC = rf"(?<![\d/.-]){_D}\s?(?P<sep>[/.-])\s?{_M}\s?(?P=sep)\s?{_Y}(?![\d/])"
WORDS = rf"(?i:ngày\s+)?(?<!\d){_D}\s+(?i:tháng)\s+(?:{_M}|(?P<mw>(?i:{_MONTH_WORD_RE})))\s*(?:(?i:năm)|,|/)?\s*{_Y}{_Y_END}"
ISO = r"(?<!\d)(?P<y>(?:19|20)\d{2})-(?P<m>\d{2})-(?P<d>\d{2})(?!\d)"
DATE = regex.compile(rf"{NUMERIC}|{WORDS}|{ISO}")
TIME = regex.compile(
    r"(?<![\d:])(?P<H>[01]?\d|2[0-3])\s?(?::|h|H|giờ\s?)\s?(?P<M>[0-5]\d)(?::[0-5]\d)?(?![\d])"
    r"(?:\s?(?P<half>(?i:AM|PM|SA|CH)\b))?"
)
ZONE = regex.compile(r"(?:GMT|UTC)\s?(?P<sign>[+-])\s?(?P<h>\d{1,2})(?::?(?P<mm>\d{2}))?")


def _ymd(m: regex.Match[str]) -> str | None:
    month = m.group("m") or _MONTH_NAMES[m.group("mw").lower()]
    try:
        return dt.date(int(m.group("y")), int(month), int(m.group("d"))).isoformat()
    except ValueError:
        return None


def parse_date(text: str) -> str | None:
    """The first valid date in ``text`` as ``YYYY-MM-DD``, else None."""
    for m in DATE.finditer(text):
        iso = _ymd(m)
        if iso:
            return iso
    return None


def date_at(text: str, pos: int, end: int | None = None) -> tuple[int, int, str] | None:
    """A date that starts exactly at ``pos`` (after optional spaces): (start, end, iso)."""
    m = DATE.match(text, pos, min(len(text) if end is None else end, pos + 40))
    if m:
        iso = _ymd(m)
        if iso:
            return m.start(), m.end(), iso
    return None


def parse_datetime(line: str) -> str | None:
    """A publication date-time from a header line: ``YYYY-MM-DD[THH:MM[+HH:MM]]``.

    The time is taken only when it is written next to the date (before or after it),
    the zone only when the line states one.
    """
    m = DATE.search(line)
    if m:
        iso = _ymd(m)
        if not iso:
            return None
    else:
        iso = _dateparser_date(line)
        if not iso:
            return None
        return iso
    time = None
    after = TIME.search(line[m.end() : m.end() + 16])  # sliced: a time may be glued to the year
    if after:
        time = after
    else:
        before = [t for t in TIME.finditer(line, max(0, m.start() - 16), m.start())]
        time = before[-1] if before else None
    if not time:
        return iso
    out = f"{iso}T{_hour(time):02d}:{time.group('M')}"
    zone = ZONE.search(line)
    if zone:
        hh = int(zone.group("h"))
        mm = int(zone.group("mm") or 0)
        out += f"{zone.group('sign')}{hh:02d}:{mm:02d}"
    return out


def _hour(time: regex.Match[str]) -> int:
    """24-hour clock from ``3:45:15 PM`` or ``9:44 SA`` (sáng) / ``CH`` (chiều)."""
    hour = int(time.group("H"))
    half = (time.group("half") or "").upper()
    if half in ("PM", "CH") and hour < 12:
        return hour + 12
    if half in ("AM", "SA") and hour == 12:
        return 0
    return hour


_YEAR = regex.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")  # dateparser fills a missing year with today's
_MONTH_WORD = regex.compile(r"(?i)tháng\s+(?:\d{1,2}|một|hai|ba|tư|bốn|năm|sáu|bảy|tám|chín|mười)")


def _dateparser_date(line: str) -> str | None:
    """dateparser for the written forms the fast path does not read (short lines only)."""
    if len(line) > 80 or not _MONTH_WORD.search(line) or not _YEAR.search(line):
        return None
    parser = _dateparser()
    found = parser.search.search_dates(line, languages=["vi"], settings={"DATE_ORDER": "DMY"})
    if not found:
        return None
    return found[0][1].date().isoformat()


@functools.cache
def _dateparser():
    import dateparser.search  # slow import: only when the fast path fails

    return dateparser
