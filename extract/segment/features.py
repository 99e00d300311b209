"""The evidence the layout model reads: one vector of numbers per non-empty line.

Why a vector and not rules: a page from an unseen site mixes the same few kinds of
evidence in new proportions (a long banner, a short lead, a caption that ends with a full
stop), and a model fitted on many labelled layouts weighs them better than thresholds
tuned by hand on a few. The evidence is the line's own (length, punctuation, function
words, capitals, digits, cue matches), its place on the page (before or after the prose,
distance to the nearest prose line), its neighbours' evidence, and repetition (the same
text elsewhere on the page, or doubled inside the line). Everything is plain Python over
the ``Line`` objects ``split_lines`` already made, so inference stays fast.
"""

from __future__ import annotations

import math
from collections import Counter

import regex

from ..find.dates import TIME
from .lines import BLANK, FURNITURE, IMAGE, PROSE, RELATED, SHORT, Line, cues, is_date_line

_NOT_LETTER = regex.compile(r"[^\p{L}]+")
_NOT_DIGIT = regex.compile(r"\D+")
_BULLET = regex.compile(r"^(?:[-–•+*●▪►]\s|\(?(?:\d{1,2}(?:\.\d{1,2})*|[a-zđ]|[IVX]{1,4})[.)]\s|(?:[IVX]{1,4}|[A-ZĐ])[./]\s?\p{Lu}|\d{1,2}\.\s?\p{Lu})")
_TABLE_RESIDUE = regex.compile(r"!\[|\]\(|\|\s*$|^\s*\|")
_URL = regex.compile(r"https?://|www\.|\.(?:vn|com|org|net)\b")
_LETTERLESS = regex.compile(r"[\d\s:/.,|+\-–()\[\]GMTUTCgmtutc]+")
DATE_WORDS = regex.compile(
    r"(?i)\b(?:thứ\s+(?:hai|ba|tư|năm|sáu|bảy)|chủ\s+nhật|ngày|tháng|năm|cập\s+nhật|đăng|lúc|giờ|sáng|chiều|gmt|utc)\b"
)
# words that open a news sentence about when (``Sáng 4-8, ...``): a lead or body line, not a caption
_TIME_WORDS = frozenset(("sáng", "chiều", "tối", "trưa", "đêm", "ngày", "hôm", "sau", "trước", "chiều tối", "năm"))
_QUOTE_OPEN = ("“", '"', "‘", "'", "(", "[")

# own evidence, then the neighbours' short summaries, then place on the page
OWN = (
    "bias", "log_words", "log_chars", "w_le3", "w_le8", "w_le15", "w_le30", "w_gt40",
    "terminal", "ends_dot", "ends_colon", "ends_qmark", "ends_ellipsis", "ends_comma",
    "func_share", "cap_share", "all_upper", "starts_lower", "starts_digit", "starts_quote",
    "bullet", "letter_share", "digit_share", "sentences_inside",
    "has_date", "date_line", "has_time", "date_only", "date_cue",
    "byline_cue", "caption_cue", "related_cue", "furniture_cue", "image",
    "k_prose", "k_short", "k_furniture", "k_related",
    "table_residue", "url", "dup_elsewhere", "dup_earlier", "contained_near", "contains_near",
    "doubled_inside", "body_overlap", "pipe_or_bar", "caption_mark", "one_sentence", "len_vs_prose",
    "starts_function", "starts_time", "control", "place_date", "headline_length",
)
CONTEXT = ("log_words", "terminal", "k_prose", "date_line", "func_share", "caption_cue", "table_residue", "image")
PLACE = (
    "continues_prev", "continued_next", "subheading_shape", "short_subheading", "caption_shape", "title_overlap",
    "above_anchor", "dist_anchor", "longest_above_body", "repeated_later",
    "page_prose_share", "page_has_furniture", "page_log_rows", "rule_title", "rule_paragraph", "rule_byline",
    "rel_pos", "first_line", "last_line", "log_index", "before_body", "after_body",
    "in_body", "dist_prose", "prose_above", "prose_below", "after_related", "first_short_above_body",
    "lines_to_body",
)
NAMES = (
    OWN
    + tuple(f"prev_{n}" for n in CONTEXT)
    + tuple(f"next_{n}" for n in CONTEXT)
    + tuple(f"prev2_{n}" for n in ("k_prose", "log_words"))
    + tuple(f"next2_{n}" for n in ("k_prose", "log_words"))
    + PLACE
)
_OWN_AT = {n: i for i, n in enumerate(OWN)}
_CTX_AT = tuple(_OWN_AT[n] for n in CONTEXT)


def _norm(text: str) -> str:
    """The line's text for comparing lines: case and spacing folded (a long line by its
    first 500 characters and its length)."""
    if len(text) > 500:
        return " ".join(text[:500].lower().split()) + f"#{len(text)}"
    return " ".join(text.lower().split())


_PUNCT = ".,;:!?…\"“”'()[]|-–"


def _words(text: str) -> set[str]:
    return {w.strip(_PUNCT) for w in text.lower().split()}


def _doubled(text: str) -> bool:
    """``Tiêu đề một tin Tiêu đề một tin``: a link's text written twice in one line."""
    squeezed = text.replace(" ", "")
    half = len(squeezed) // 2
    return half >= 8 and len(squeezed) % 2 == 0 and squeezed[:half] == squeezed[half:]


def _own(
    line: Line,
    norm: str,
    words: set[str],
    counts: Counter[str],
    seen: set[str],
    body_words: set[str],
    near: list[str],
    prose_words: float,
) -> list[float]:
    c = cues()
    w = line.words
    # cues are read at a line's ends: on a long line (running prose) its first and last
    # 100 characters stand for it, which keeps the cost per line bounded
    t = line.text if len(line.text) <= 200 else line.text[:100] + " … " + line.text[-100:]
    low = t.lower()
    head = line.text[:200]
    letters = len(_NOT_LETTER.sub("", head))
    digits = len(_NOT_DIGIT.sub("", head))
    n = len(head) or 1
    date_line = is_date_line(line)
    overlap = (len(words & body_words) / len(words)) if words and body_words else 0.0
    first_word = low.split(" ", 1)[0].strip(",.:")
    contained = contains = 0.0
    if 3 <= w <= 60:
        for other in near:
            if other != norm:
                if norm in other:
                    contained = 1.0
                elif other in norm and len(other) >= 12:
                    contains = 1.0
    return [
        1.0,
        math.log1p(w),
        math.log1p(len(line.text)),
        float(w <= 3),
        float(w <= 8),
        float(w <= 15),
        float(w <= 30),
        float(w > 40),
        float(line.terminal),
        float(t.endswith(".") and not t.endswith("...")),
        float(t.endswith(":")),
        float(t.endswith(("?", "!"))),
        float(t.endswith(("...", "…"))),
        float(t.endswith((",", ";", "-", "–"))),
        line.func_share,
        line.cap_share,
        float(t.isupper()),
        float(t[0].islower()),
        float(t[0].isdigit()),
        float(t.startswith(_QUOTE_OPEN)),
        float(bool(_BULLET.match(t))),
        letters / n,
        digits / n,
        min(3.0, float(line.text.count(". ", 0, 2000))),
        float(line.has_date),
        float(date_line),
        float(w <= 30 and bool(TIME.search(t))),
        float(line.has_date and len(DATE_WORDS.sub("", _LETTERLESS.sub("", t))) <= 3) if w <= 30 else 0.0,
        float(line.has_date and bool(c.date.search(t))),
        float(w <= 16 and bool(c.byline.search(t))),
        float(w <= 60 and bool(c.caption.search(t))),
        float(w <= 12 and bool(c.related.search(t))),
        float(w <= 25 and bool(c.furniture.search(t))),
        float(line.kind == IMAGE),
        float(line.kind == PROSE),
        float(line.kind == SHORT),
        float(line.kind == FURNITURE),
        float(line.kind == RELATED),
        float(("|" in t or "[" in t) and bool(_TABLE_RESIDUE.search(t))),
        float(bool(_URL.search(t))),
        float(counts[norm] > 1),
        float(norm in seen),
        contained,
        contains,
        float(w <= 60 and _doubled(line.text)),
        overlap,
        float("|" in t),
        float(w <= 60 and bool(c.caption_marks.search(t))),
        float(line.terminal and line.text.count(". ", 0, 2000) == 0),
        math.log((w + 1) / prose_words),
        float(first_word in c.function_words),
        float(first_word in _TIME_WORDS),
        float(w <= 12 and bool(c.controls.search(t))),
        float(line.has_date and bool(c.place_date.match(t))),
        float(6 <= w <= 30),  # most headlines; a kicker or section name is shorter
    ]


def line_features(lines: list[Line], text: str) -> tuple[list[Line], list[list[float]]]:
    """The non-empty lines of a page and one feature vector each (order of ``NAMES``).
    The v1 hand rules' reading of the page (``rules.py``) is evidence too."""
    from .rules import read_layout_rules

    rows = [ln for ln in lines if ln.kind != BLANK]
    if not rows:
        return rows, []
    norms = [_norm(ln.text) for ln in rows]
    row_words = [_words(ln.text) if ln.words <= 60 else set() for ln in rows]
    counts = Counter(norms)
    last_at = {norm: k for k, norm in enumerate(norms)}
    body_words: set[str] = set()
    lengths = []
    for ln in rows:
        if ln.kind == PROSE:
            body_words |= _words(ln.text[:500])
            lengths.append(ln.words)
    lengths.sort()
    prose_words = lengths[len(lengths) // 2] + 1.0 if lengths else 40.0
    own: list[list[float]] = []
    seen: set[str] = set()
    for k, ln in enumerate(rows):
        near = norms[max(0, k - 3) : k] + norms[k + 1 : k + 4]
        own.append(_own(ln, norms[k], row_words[k], counts, seen, body_words, near, prose_words))
        seen.add(norms[k])
    prose = [k for k, ln in enumerate(rows) if ln.kind == PROSE]
    first = prose[0] if prose else len(rows)
    last = prose[-1] if prose else -1
    related_at = next((k for k, ln in enumerate(rows) if ln.kind == RELATED and k > first), len(rows))
    n = len(rows)
    zeros = [0.0] * len(CONTEXT)
    out = []
    prose_seen = 0
    short_above = -1
    for k in range(first - 1, -1, -1):
        if rows[k].kind == SHORT and rows[k].words >= 3 and not is_date_line(rows[k]):
            short_above = k
            break
    anchor = short_above if short_above >= 0 else (first - 1 if first > 0 else 0)
    anchor_words = row_words[anchor]
    above = [k for k in range(first) if rows[k].kind in (SHORT, PROSE) and not is_date_line(rows[k])]
    longest = max(above, key=lambda k: rows[k].words, default=-1)
    furniture_at = [_OWN_AT[n] for n in ("caption_cue", "related_cue", "furniture_cue", "image", "control", "table_residue", "url", "date_line")]
    by_rules = read_layout_rules(text, lines)
    rule_title = by_rules.title_span[0] if by_rules.title_span else -1
    rule_pars = {(s, e) for s, e in by_rules.paragraphs}
    page = [
        len(prose) / n,
        float(any(vec[i] for vec in own for i in furniture_at)),
        math.log1p(n),
    ]
    nxt = 0
    for k, vec in enumerate(own):
        while nxt < len(prose) and prose[nxt] < k:
            nxt += 1
        dist = min(
            (k - prose[nxt - 1]) if nxt > 0 else 99,
            (prose[nxt] - k) if nxt < len(prose) else 99,
        )
        if rows[k].kind == PROSE:
            dist = 0
        prev = [own[k - 1][i] for i in _CTX_AT] if k > 0 else zeros
        after = [own[k + 1][i] for i in _CTX_AT] if k + 1 < n else zeros
        prev2 = own[k - 2] if k > 1 else None
        next2 = own[k + 2] if k + 2 < n else None
        ln = rows[k]
        prev_open = k > 0 and not rows[k - 1].terminal and rows[k - 1].kind in (SHORT, PROSE)
        # between paragraphs: prose right after it and prose a few lines above (an image
        # file name or a caption may stand between)
        between = k + 1 < n and rows[k + 1].kind == PROSE and any(r.kind == PROSE for r in rows[max(0, k - 3) : k])
        words = row_words[k]
        place = [
            float(prev_open and ln.text[0].islower()),
            float(not ln.terminal and k + 1 < n and rows[k + 1].text[0].islower()),
            float(between and ln.words <= 20 and not ln.terminal),
            # a topic heading names no one (few capitals), a caption names people and places
            float(between and ln.words <= 10 and not ln.terminal and ln.kind == SHORT and ln.cap_share <= 0.34),
            float(between and ln.terminal and 8 <= ln.words <= 45 and ln.text.count(". ") == 0),
            (len(words & anchor_words) / len(words)) if words and k != anchor else 0.0,
            float(k == anchor),
            max(-5.0, min(5.0, float(k - anchor))),
            float(k == longest),
            float(last_at[norms[k]] > k),
            *page,
            float(ln.start == rule_title),
            float((ln.start, ln.end) in rule_pars),
            float(ln.text == by_rules.byline),
            k / max(1, n - 1),
            float(k == 0),
            float(k == n - 1),
            math.log1p(k),
            float(k < first),
            float(k > last),
            float(first <= k <= last),
            min(5.0, float(dist)),
            min(5.0, float(prose_seen)),
            min(5.0, float(len(prose) - prose_seen - (rows[k].kind == PROSE))),
            float(k > related_at),
            float(k == short_above),
            min(8.0, float(first - k)) if k < first else 0.0,
        ]
        if rows[k].kind == PROSE:
            prose_seen += 1
        out.append(
            vec
            + prev
            + after
            + ([prev2[_OWN_AT["k_prose"]], prev2[_OWN_AT["log_words"]]] if prev2 else [0.0, 0.0])
            + ([next2[_OWN_AT["k_prose"]], next2[_OWN_AT["log_words"]]] if next2 else [0.0, 0.0])
            + place
        )
    return rows, out
