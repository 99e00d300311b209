"""What the article is: its title, publication date, byline and paragraph lines.

The layout model (``model.py``) gives every line a probability for each role (zero where
a line cannot hold it: a caption is never a title, a photo credit never the byline); this
module turns them into the record's fields, with layered fallbacks in the manner of
trafilatura (a place-and-date line or a scraper's metadata date when no date line is
found; the prose lines when the model takes no line as body; a credit glued after the
last sentence when no byline line is found).
"""

from __future__ import annotations

import regex

from ..find.dates import DATE, TIME, parse_datetime
from .features import DATE_WORDS, line_features, never_text
from .lines import (
    BLANK,
    PROSE,
    SHORT,
    Line,
    cue_parts,
    cues,
    furniture_searched,
    has_anh,
    has_cue,
    is_date_line,
    split_lines,
)
from .model import can_be_title, default_model, foreign_banner
from .rules import Layout, glued_byline
from .runons import whole_sentences
from .templates import SiteLines, demote


def read_layout(text: str, model=None, site: SiteLines | None = None) -> Layout:
    """Title, date, byline and paragraph lines: a clean text is read as such (see
    ``clean_layout``), any other page from the layout model's line scores (the shipped
    model by default); ``site`` (``--site-templates``) says on how many pages of the page's
    site each line stands, and its template lines are no paragraphs (a page read with its
    site's lines always goes through the model)."""
    lines = split_lines(text)
    clean = clean_layout(text, lines) if site is None else None
    if clean is not None:
        return clean
    model = model or default_model()
    rows, feats = line_features(lines, text)
    if not rows:
        return Layout()
    return decode(text, rows, demote(rows, model.scores(rows, feats), site), model.thresholds)


def clean_layout(text: str, lines: list[Line]) -> Layout | None:
    """The layout of a text with no page furniture, else None (then the model reads it).

    A clean text (what trafilatura makes of an HTML page, or a corpus that keeps only
    the article) is a headline line followed by running prose only: every later line is
    prose of 15 words or more that ends like a sentence (the last may end with a glued
    credit instead), no line is repeated, none carries a caption or furniture cue or
    table residue, none is a date line, and the headline could be one (``can_be_title``). Its reading is not in doubt, so the
    per-line evidence is not computed: this path takes 3,796 of the 5,000 bench texts
    and agrees with the model on 3,780 of them (on the other 16 the model drops the lead,
    which the clean reading keeps), and on the labelled pages it takes it matches the gold
    on all but one page, which the model gets wrong too. That is most of the segmenter's
    speed on clean corpora."""
    rows = [ln for ln in lines if ln.kind != BLANK]
    if len(rows) < 2:
        return None
    head, body = rows[0], rows[1:]
    if head.terminal or not 3 <= head.words <= 30 or head.stamp:
        return None
    # the shape first, from the line evidence alone (a page with furniture mostly fails
    # here), then the repeated lines (hashing every line) and the cue searches: every
    # test must pass, so their order changes nothing
    for ln in body:
        if ln.kind != PROSE or ln.words < 15 or ln.stamp or is_date_line(ln):
            return None
    if len({ln.text for ln in rows}) < len(rows):
        return None
    if not all(ln.terminal for ln in body[:-1]):
        return None
    # a last line that ends no sentence needs a glued credit: a text whose last line has
    # none fails here, before the dearer tests below (about one bench text in twelve)
    last = body[-1]
    credit = glued_byline(last.text) if not last.terminal else None
    if not last.terminal and credit is None:
        return None
    if not can_be_title(head):
        return None
    c = cues()
    furniture, caption = cue_parts("furniture"), cue_parts("caption_cues")
    for ln in body:
        # the cues are read as the line classifier reads them: furniture on lines of up to
        # 40 words (a line of up to 25 was searched already: ``furniture_searched``),
        # captions where ``ảnh`` or a bracket stands
        short = len(ln.text) <= 400
        t = ln.text if short else ln.text[:200] + " " + ln.text[-200:]
        searched = short and furniture_searched(ln)
        if "|" in t or "![" in t or (ln.words <= 40 and not searched and has_cue(furniture, t)):
            return None
        if ("(" in t and c.caption_marks.search(t)) or (has_anh(t) and has_cue(caption, t)):
            return None
    if foreign_banner(head, rows):
        return None
    if last.terminal:
        credit = glued_byline(last.text)
    layout = Layout(title=head.text, title_span=(head.start, head.end))
    layout.paragraphs = [[ln.start, ln.end] for ln in body]
    if credit is not None:
        layout.byline = credit
        layout.glued_byline_start = text.rfind(credit, last.start, last.end)
    return layout


def decode(text: str, rows: list[Line], p: dict[str, list[float]], thresholds: dict[str, float]) -> Layout:
    """The layout from each line's role probabilities: the best title line, the best date
    line whose date parses, the best byline line (else a credit glued after the last
    sentence), and every other line likely enough to be article text. A role is taken
    only when its probability reaches the role's threshold (chosen in training)."""
    layout = Layout()
    title_at = _best(p["title"], thresholds["title"])
    if title_at != 0 and headline_on_clean_page(rows, p["title"]):
        title_at = 0
    if title_at is not None:
        layout.title, layout.title_span = rows[title_at].text, (rows[title_at].start, rows[title_at].end)
    date_at, layout.published = _date_line(rows, p, thresholds, title_at)
    if layout.published is None:
        layout.published = _published_otherwise(rows, p, thresholds)
    byline_at = _best(p["byline"], thresholds["byline"])
    if byline_at == title_at:
        byline_at = None
    if byline_at is not None:
        layout.byline = credit_text(rows[byline_at].text)
    elif date_at is not None:  # a credit sharing the date line: ``Minh Châu - 07:40, 02/03/2021``
        line = rows[date_at].text
        credit = credit_text(line)
        if credit != line and _is_name(credit) and not cues().place_date.match(line):
            layout.byline = credit
    taken = {title_at, date_at, byline_at}
    never = never_text(rows)
    body = _body(rows, p, thresholds, taken, never)
    for lead in (_repeated_sapo(rows, title_at), lead_on_clean_page(rows, title_at)):
        if lead is not None and lead not in taken and lead not in body and lead not in never:
            body = sorted([*body, lead])
    if layout.byline is not None:  # the credit printed again as a line of its own, after the text
        body = [k for k in body if rows[k].text != layout.byline]
    layout.paragraphs = [[rows[k].start, rows[k].end] for k in body]
    if layout.byline is None and layout.paragraphs:
        last = layout.paragraphs[-1]
        layout.byline = glued_byline(text[last[0] : last[1]])
        if layout.byline is not None:
            layout.glued_byline_start = text.rfind(layout.byline, last[0], last[1])
    return layout


def _date_line(
    rows: list[Line], p: dict[str, list[float]], thresholds: dict[str, float], title_at: int | None
) -> tuple[int | None, str | None]:
    """The likeliest line whose date parses, and its date; a date line above the
    headline's neighbours is a header clock (today's date over the menus), not the page's,
    and a line that calls its date a print, access or crawl date (``Ngày in``, ``Truy cập
    ngày``) is never the page's."""
    not_publication = cues().not_publication
    for k in sorted(range(len(rows)), key=lambda k: -p["date"][k]):
        if p["date"][k] < thresholds["date"]:
            break
        if title_at is not None and k < title_at - 1:
            continue
        if not_publication.search(rows[k].text):
            continue
        published = parse_datetime(rows[k].text) if rows[k].words <= 40 else None
        if published:
            return k, published
    return None, None


def _published_otherwise(rows: list[Line], p: dict[str, list[float]], thresholds: dict[str, float]) -> str | None:
    """Without a date line: a document's place-and-date line above its text (``Hà Tĩnh,
    ngày 15 tháng 6 năm 2021``), else a scraper's full metadata stamp."""
    first = next((k for k in range(len(rows)) if p["paragraph"][k] >= thresholds["paragraph"]), len(rows))
    place = cues().place_date
    line = next((r for r in rows[:first] if r.has_date and place.match(r.text)), None)
    if line is not None:
        return parse_datetime(line.text)
    return next((r.stamp for r in rows if r.stamp and len(r.stamp) == 10), None)


def _body(
    rows: list[Line], p: dict[str, list[float]], thresholds: dict[str, float], taken: set[int | None], never: set[int]
) -> list[int]:
    """The article lines: those likely enough (never a teaser copying a nearby line or a
    caption above a lone photo credit: ``never``, the lines of ``never_text``, which
    ``decode`` computes once for this and for the leads), with every piece of a sentence
    wrapped across lines one of whose pieces is taken (``runons``); when the model is sure
    of none, the prose lines; else the sentences (a one-line text: ``Chỉ thị 04 được triển
    khai.``). Every text has a body."""
    free = [k for k in range(len(rows)) if k not in taken]
    likely = [k for k in free if p["paragraph"][k] >= thresholds["paragraph"] and k not in never]
    if likely:
        return whole_sentences(likely, rows, taken | never)
    return (
        [k for k in free if rows[k].kind == PROSE]
        or [k for k in free if rows[k].kind == SHORT and rows[k].terminal and rows[k].words >= 4]
    )


def _repeated_sapo(rows: list[Line], title_at: int | None) -> int | None:
    """The sapo printed twice (under the headline and again after the date line): the line
    right under the title, running prose, whose text recurs within the next three lines.
    Its first copy is text whatever the model says, as a teaser's copy never is
    (``never_text``): the repetition marks captions and teasers more often than leads, and
    a layout that prints its lead twice is too rare for every training fold to hold one."""
    if title_at is None or title_at + 1 >= len(rows):
        return None
    k = title_at + 1
    line = rows[k]
    if line.kind != PROSE:
        return None
    return k if any(r.text == line.text for r in rows[k + 1 : k + 4]) else None


def lead_on_clean_page(rows: list[Line], title_at: int | None) -> int | None:
    """The lead of a clean page: on a text that is a headline line, then text (what an
    aggregator or a corpus keeps: no furniture, image, related-links, date or caption
    line), the line right under the headline is its lead whatever the model says, when
    it runs to eight words or more, is no second copy of the headline, and running prose
    (or nothing) follows it. Such a lead often lacks its full stop (``Sáng 6-2, ông A đề
    xuất ...``), and the model, trained on scraped pages where the line under a headline
    is as often a kicker, a date or a caption, put such leads at 0.49-0.50 on the bench
    texts; no labelled page shows one, so a rule and not a feature. An unmarked caption
    standing right under the headline of such a text is taken too (rare: there the
    aggregator prints the lead). A line wholly in quotes is no lead (``quoted_title``).
    """
    if title_at != 0 or len(rows) < 2:
        return None
    lead = rows[1]
    if lead.kind not in (SHORT, PROSE) or lead.words < 8 or lead.text.endswith(":"):
        return None
    if lead.text.casefold() == rows[0].text.casefold():  # the headline printed twice
        return None
    if quoted_title(lead.text):
        return None
    if len(rows) > 2 and rows[2].kind != PROSE:
        return None
    return 1 if _text_only(rows) else None


def quoted_title(text: str) -> bool:
    """A line wholly in quotation marks that ends no sentence inside them (``“Giữ gìn bản
    sắc văn hóa trong thời kỳ hội nhập”``): the title of a speech, a report or a listed
    item, never a lead (a quoted lead ends its sentence: ``“Chúng tôi sẽ làm.”``)."""
    return len(text) > 2 and text[0] in "“\"" and text[-1] in "”\"" and text[-2] not in ".!?…"


def headline_on_clean_page(rows: list[Line], title_p: list[float]) -> bool:
    """Whether the first line of a clean page (a headline, a lead of eight words or more,
    then running prose only, with no caption: ``_text_only``; what an aggregator or a
    corpus keeps) is its headline whatever the model says: a line that can be a title
    (``title_p`` above zero: ``model.eligible``), of at most 25 words, with no full stop,
    and shorter than the line below it (a headline is shorter than its lead). The model,
    trained on scraped pages where a kicker or a site name often stands above the
    headline, ranked a short headline (five or six words) below the longer lead under
    it, or below none, on aggregator texts that a glued photo credit keeps from being
    read as clean; no labelled page shows that, so a rule. On the labelled pages it fires
    on five pages the model reads and agrees with the gold on all five (a listing page's
    heading among them, which the model had missed): cross-validated title 0.955 to
    0.963 (mean of five fold deals 0.955 to 0.961)."""
    if len(rows) < 2 or title_p[0] <= 0.0:
        return False
    head = rows[0]
    if head.words > 25 or head.words >= rows[1].words or head.text.endswith("."):
        return False
    if rows[1].words < 8 or any(ln.kind != PROSE for ln in rows[2:]):  # a lead, then running prose
        return False
    return _text_only(rows)


def _text_only(rows: list[Line]) -> bool:
    """Every line is text (no furniture, image, related-links or date line) and no line
    of up to 60 words is a marked caption."""
    c = cues()
    for ln in rows:  # a caption glued inside a long paragraph (``... Ảnh: TTXVN Năm nay, ...``) is the scraper's, not furniture
        if ln.kind not in (SHORT, PROSE) or is_date_line(ln) or ln.words <= 60 and has_anh(ln.text) and c.caption.search(ln.text):
            return False
    return True


def _best(probs: list[float], threshold: float) -> int | None:
    k = max(range(len(probs)), key=probs.__getitem__)
    return k if probs[k] >= threshold else None


_NAME_WORD = regex.compile(r"^(?:\p{Lu}[\p{L}]*\.?)+$")  # Minh, CHÂU, T.Hải, N.Q


def _is_name(text: str) -> bool:
    """A person's or an outlet's name: one to six capitalised words, nothing else."""
    words = text.split()
    if not 1 <= len(words) <= 6 or DATE_WORDS.search(text):
        return False
    return all(_NAME_WORD.match(w.strip(",()")) for w in words)


_SEPARATORS = " \t-–|,·/"


def credit_text(line: str) -> str:
    """The credit on a byline line; a date written beside it (``Minh Châu - 07:40,
    02/03/2021``) is not part of it."""
    marks = [m.span() for m in DATE.finditer(line)] + [m.span() for m in TIME.finditer(line)]
    if not marks:
        return line
    first = min(s for s, _ in marks)
    last = max(e for _, e in marks)
    before = line[:first].strip(_SEPARATORS)
    return before or line[last:].strip(_SEPARATORS) or line
