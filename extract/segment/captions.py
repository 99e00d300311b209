"""Unmarked photo captions: the grammar of a line that describes a photo's scene.

A caption without a credit or a position mark (``Các đại biểu dự lễ khởi công.``,
``Đồng chí Lê Văn Hai, Bí thư Huyện ủy, trao quà cho các hộ nghèo``) reads like
narration and stands between paragraphs, so length and punctuation do not tell it from
the text. Its grammar does: one sentence in the bare present that opens with who is
shown or shows an act of ceremony, with none of what narration writes (a time, a tense
or discourse marker, an opening adverbial, an attendance list). The language data is
``patterns/captions.yaml``; the three numbers here are evidence for the layout model
(``features.CAPTION``), never a verdict. Under the grouped-by-site cross-validation they
took paragraph errors from 42 to 29 (fold assignment of the CLI) and from 42 to 33 on
average over three fold assignments. Tried and dropped as title evidence (session 5): the
same grammar with no date line in the three lines below (a lead photo's caption first on
a page whose headline was not scraped): title 0.961 to 0.951 over five fold deals, since
13 headlines of the labelled pages have that grammar with no date line under them.
"""

from __future__ import annotations

import functools
from types import SimpleNamespace

import regex

from .. import lexicon
from .lines import PROSE, Line, cues
from .sentences import split_sentences

CAPTION = ("scene_caption", "scene_act", "caption_between")
# an opening phrase of up to five words in lower case after the first, set off by a comma
# (``Phát biểu kết luận, ...``, ``Dịp này, ...``): narration sets the scene before its
# subject; a caption's early comma follows a name (``Đồng chí Lê Văn Hai, ...``)
_OPENING_PHRASE = regex.compile(r"^\p{Lu}\p{Ll}*(?:\s+\p{Ll}+){0,4},")
_NONE = (0.0, 0.0, 0.0)


@functools.cache
def caption_cues() -> SimpleNamespace:
    data = lexicon.load("captions")

    def words(key: str, flags: str = "") -> str:
        return f"(?{flags}:{'|'.join(data[key])})"

    return SimpleNamespace(
        subject=regex.compile(rf"^{words('subjects')}(?!\p{{L}})"),
        act=regex.compile(rf"(?<!\p{{L}}){words('scene_verbs', 'i')}(?!\p{{L}})"),
        time=regex.compile(rf"(?<!\p{{L}}){words('time_expressions', 'i')}(?!\p{{L}})"),
        narration=regex.compile(rf"(?<!\p{{L}}){words('narration', 'i')}(?!\p{{L}})"),
        opener=regex.compile(rf"^{words('openers')}(?!\p{{L}})"),
    )


def bare_sentence(line: Line, bullet: bool = False) -> bool:
    """One sentence in the bare present, as a caption writes it: 4 to 60 words, no colon,
    quote, question or semicolon, no bullet, not a fragment (lower-case start), and none
    of narration's marks (``narrative_marks``, a time, a copula or attendance list, an
    opening adverbial). The cheap tests run first; the sentence split last."""
    if not _plain(line, bullet):
        return False
    t = line.text
    c = caption_cues()
    if c.opener.match(t) or _OPENING_PHRASE.match(t):
        return False
    if cues().narrative.search(t) or c.time.search(t) or c.narration.search(t):
        return False
    return len(split_sentences(t, [[0, len(t)]])) == 1


def _plain(line: Line, bullet: bool) -> bool:
    """The cheap tests of ``bare_sentence``: length, no bullet, no fragment, no colon,
    quote, question or semicolon."""
    t = line.text
    if not 4 <= line.words <= 60 or bullet or t[0].islower() or t.endswith(","):
        return False
    return not (":" in t or ";" in t or "?" in t or "“" in t or '"' in t)


def caption_evidence(rows: list[Line], k: int, bullet: bool) -> tuple[float, float, float]:
    """``CAPTION`` for row ``k``: a bare sentence that opens with who is shown
    (``scene_caption``), one that shows an act (``scene_act``), and either of them of at
    least eight words (or ending like a sentence) with prose within three lines above and
    two below (``caption_between``: a short heading between paragraphs is a subheading)."""
    line = rows[k]
    if not 4 <= line.words <= 60:
        return _NONE
    # every number needs who is shown or an act: those two searches first, then the rest
    # (a line that fails the cheap tests of ``bare_sentence`` gives none of them whatever
    # the act search says: about a third of the lines read here, spared that search)
    if not _plain(line, bullet):
        return _NONE
    c = caption_cues()
    subject = bool(c.subject.match(line.text))
    act = bool(c.act.search(line.text))
    if not (subject or act) or not bare_sentence(line, bullet):
        return _NONE
    between = (
        (line.words >= 8 or line.terminal)
        and any(rows[j].kind == PROSE for j in range(max(0, k - 3), k))
        and any(rows[j].kind == PROSE for j in range(k + 1, min(len(rows), k + 3)))
    )
    return float(subject), float(act), float(between)
