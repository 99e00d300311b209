"""The cue lexicon of ``patterns/money_kind.yaml`` as patterns, and the cues found in a span.

Why a module of its own: the rules that choose among cues (``money_kind.py``) read better
without the loading. Matching runs with ``re`` over a lower-cased copy of the document,
made once, offset for offset, and shared with the number finder: a case-insensitive
alternation of some 250 phrases is four times slower, and this stage reads every sentence
that holds an amount.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import NamedTuple

import regex

from .. import lexicon
from ..find.names import literal_trie
from ..find.numscan import lowered as _lowered


class Hit(NamedTuple):
    """A cue found in the text. A named tuple rather than a frozen dataclass: thousands are
    made per thousand texts, and a frozen dataclass sets each field through
    ``object.__setattr__``, which costs three times as much; both are immutable and equal
    by their fields."""

    start: int
    end: int
    label: str | None  # a kind or stage; None for a phrase that hides a cue


@dataclass(frozen=True)
class Cues:
    kind: Lowered
    kind_of: dict[str, str | None]
    stage: Lowered
    stage_of: dict[str, str | None]
    cue_start: Lowered  # one character where a kind or a stage cue starts (sentence_hits)
    foreign: Lowered
    state: Lowered
    firm_giver: Lowered  # a firm giving plain support pays compensation, not charity
    firm_name: Lowered  # a firm's name opens: a lower-case cue inside it is no cue
    firm_name_kinds: frozenset[str]  # the kinds a firm is named for (`xuất khẩu`, `đầu tư`)
    plain_support: frozenset[str]  # the gift words a firm's compensation and an agency's grant are said with
    state_agency: regex.Pattern[str]  # a named State agency (`Sở Y tế`, `Ban An toàn giao thông`)
    policy: Lowered  # a scheme's words (`mức hỗ trợ`, `chế độ`, `Nghị định`): the State pays
    state_first: Lowered  # a local unit at the sentence's start: the State as giver
    state_opening: Lowered  # the same after a clause mark
    state_invests: regex.Pattern[str]  # a State body, its name and adverbs, ending right before `đầu tư`
    adverbs_only: regex.Pattern[str]  # fullmatch: only those adverbs between a subject and `đầu tư`
    project: Lowered  # a project or a work named near an amount with no cue: its capital
    project_built: Lowered  # a verb of building right after such an amount
    per_unit: regex.Pattern[str]
    per_area: regex.Pattern[str]  # a support rate per hectare: a State scheme's
    same: Lowered
    measure: Lowered  # `tiền`, `vốn`: the amount's own noun opens right after it (`5 tỷ đồng tiền thuế`)
    stage_break: Lowered
    within: regex.Pattern[str]  # `trong` before a stage noun after the amount: where it stands
    requests: frozenset[str]  # the blocked words that govern a stage verb after them (`đề nghị`)
    clause_break: Lowered
    overrides: dict[str, frozenset[str]]
    own_sentence_kinds: frozenset[str]  # families whose cues name no money of the sentences after
    reads_as: dict[str, str]  # a label that is a SPEC kind once chosen (`price` is `other`)
    lenders: regex.Pattern  # development lenders, as written: credit in their sentence is `oda`
    official_loan: regex.Pattern  # `ODA` named: credit in its sentence is `oda`
    lender_after_amount: regex.Pattern  # a country's name after these, just after the amount, lent it (searched backwards)
    borrowed_from: regex.Pattern  # a country's name after these, before the amount, lent it (searched backwards)
    lends: regex.Pattern  # `cho ... vay` after a country's name: it lends


class Lowered:
    """A pattern over lower-case text: ``finditer``/``search`` take the original text and
    return matches at the same offsets."""

    def __init__(self, pattern: str) -> None:
        self.pattern = re.compile(pattern)

    def finditer(self, text: str, pos: int, endpos: int):
        return self.pattern.finditer(_lowered(text), pos, endpos)

    def search(self, text: str, pos: int, endpos: int) -> re.Match[str] | None:
        return self.pattern.search(_lowered(text), pos, endpos)

    def match(self, text: str, pos: int, endpos: int) -> re.Match[str] | None:
        return self.pattern.match(_lowered(text), pos, endpos)


_LETTER = r"[^\W\d_]"


def _word_alternatives(words: list[str], after: str, ahead: bool = False) -> list[str]:
    """The cue phrases as a trie (``c(?:am kết|hi)|...``), one alternative per first letter,
    each with the ``no letter before`` check right after that letter and ``after`` at its end.

    Why this shape: a pattern that opens with a lookbehind is tried at every position; one
    whose alternatives all open with a letter lets ``re`` skip in C to where some cue's first
    letter stands. The matches are those of the plain alternation, longest first: the
    branches of a trie node start with different characters, so the only choice is to go on
    or to stop, and going on is tried first. With ``ahead``, each alternative consumes its
    first letter only and reads the rest in a lookahead: it matches, one character long,
    wherever one of the words starts (``cue_start``)."""
    groups: dict[str, list[str]] = {}
    for w in sorted({w.lower() for w in words}):
        groups.setdefault(w[0], []).append(w[1:])
    alts = []
    for first, rests in groups.items():
        tail = literal_trie(rests) if any(rests) else ""
        rest = f"(?:{tail})" + ("?" if "" in rests else "") if tail else ""
        alts.append(rf"{re.escape(first)}(?<!{_LETTER}[\s\S])" + (f"(?={rest}{after})" if ahead else f"{rest}{after}"))
    return alts


_AFTER = r"(?![^\W_])"  # no letter or digit glued after a cue


def _words(words: list[str]) -> Lowered:
    # no letter glued before (a digit may be: `105% kế hoạch`), no letter or digit glued after
    return Lowered("|".join(_word_alternatives(words, _AFTER)))


def _table(groups: dict[str, list[str]]) -> tuple[Lowered, dict[str, str | None]]:
    """One pattern for a cue family; the table maps a lower-cased cue to its label (None for
    a phrase that hides a cue), and a cue the lexicon writes with capitals (``ODA``) to
    itself under the key ``"=" + cue`` so that capitals in the text are no name there."""
    label_of: dict[str, str | None] = {}
    for label, words in groups.items():
        for w in words:
            label_of[w.lower()] = None if label == "none" else label
            if w.lower() != w:
                label_of["=" + w.lower()] = w
    return _words([w for w in label_of if not w.startswith("=")]), label_of


def _state_invests(investors: list[str], adverbs: list[str]) -> regex.Pattern[str]:
    """A State body, then only its name (capitalised words or a unit word) and adverbs, then
    the end of the searched window (the verb `đầu tư` stands there). Searched in a bounded
    window before each verb, so it stays linear."""
    who = lexicon.alternation(investors)
    units = lexicon.alternation([w for w in investors if w.islower()])
    how = lexicon.alternation(adverbs)
    return regex.compile(
        rf"(?<![\p{{L}}\d])(?i:{who})(?:[ \t]+(?:[\p{{Lu}}\d][\p{{L}}\d.\-]*|(?i:{units})))*(?:[ \t]+(?i:{how}))*[ \t]+$"
    )


def _state_agency(data: dict, units: list[str]) -> regex.Pattern[str]:
    """A named State agency, in its own case: a head before a capitalised name or a unit word
    (`Sở Tài chính`, `Công an huyện`; not `Bộ đội`), or a full name (`ban ngành`); not one of
    ``state_agency_not`` (`Ban Tổ chức`)."""
    heads = lexicon.alternation(data["state_agency_heads"])
    full = lexicon.alternation(data["state_agencies"])
    nots = lexicon.alternation(data["state_agency_not"])
    unit = lexicon.alternation(units)
    return regex.compile(
        rf"(?<![\p{{L}}\d])(?!(?:{nots})(?![\p{{L}}\d]))"
        rf"(?:(?:{heads})(?=[ \t]+(?:\p{{Lu}}|(?:{unit})(?![\p{{L}}\d])))|(?:{full})(?![\p{{L}}\d]))"
    )


@functools.cache
def load_cues() -> Cues:
    data = lexicon.load("money_kind")
    kind, kind_of = _table(data["kinds"])
    stage, stage_of = _table(data["stages"])
    breaks = [b for b in data["stage_breaks"] if b[0].isalpha()]
    marks = [re.escape(b) for b in data["stage_breaks"] if len(b) == 1]
    glued = [re.escape(b.lower()) for b in data["stage_breaks"] if len(b) > 1 and not b[0].isalpha()]
    # marks, glued marks, words: every alternative opens with a character (see _word_alternatives)
    stage_break = Lowered("|".join(marks + glued + _word_alternatives(breaks, f"(?!{_LETTER})")))
    units = literal_trie(sorted({w.lower() for w in data["state_opening"] if not w.endswith(".")}))
    dotted = literal_trie(sorted({w.lower() for w in data["state_opening"] if w.endswith(".")}))
    nots = literal_trie(sorted({w.lower() for w in data["state_opening_not"]}))
    # a word ends at a non-letter; an abbreviation at its dot, a name may follow unspaced
    unit = rf"(?<![^\W_])(?:(?:{units})(?![^\W_])|(?:{dotted}))(?!\s*(?:{nots})(?![^\W_]))"
    return Cues(
        kind=kind,
        kind_of=kind_of,
        stage=stage,
        stage_of=stage_of,
        cue_start=Lowered("|".join(_word_alternatives([w for w in {**kind_of, **stage_of} if not w.startswith("=")], _AFTER, True))),
        foreign=_words(data["foreign"]),
        state=_words(data["state"]),
        firm_giver=_words(data["firm_giver"]),
        firm_name=_words(data["firm_name"]),
        firm_name_kinds=frozenset(data["firm_name_kinds"]),
        plain_support=frozenset(w.lower() for w in data["plain_support"]),
        state_agency=_state_agency(data, data["state_opening"]),
        policy=_words(data["policy"]),
        state_first=Lowered(rf"\s*{unit}"),
        state_opening=Lowered(rf"(?<=[,;:!?(“\"])\s*{unit}"),
        state_invests=_state_invests(data["state_investor"], data["state_investor_adverbs"]),
        adverbs_only=regex.compile(rf"(?:[ \t]+(?i:{lexicon.alternation(data['state_investor_adverbs'])}))*[ \t]+"),
        project=_words(data["project"]),
        project_built=_words(data["project_built"]),
        per_unit=regex.compile(rf"[ \t]*/[ \t]*(?i:{lexicon.alternation(data['per_unit'])})(?![\p{{L}}\d])"),
        per_area=regex.compile(rf"[ \t]*/[ \t]*(?i:{lexicon.alternation(data['per_area'])})(?![\p{{L}}\d])"),
        same=_words(data["same_as_previous"]),
        measure=Lowered("|".join(_word_alternatives(data["measured_noun"], r"(?![^\W_])"))),
        stage_break=stage_break,
        within=regex.compile(rf"[ \t]*(?i:{lexicon.alternation(data['stage_within'])})[ \t]"),
        requests=frozenset(w.lower() for w in data["stage_requests"]),
        clause_break=_words(breaks),  # the word breaks: a list of parts runs on over `;`
        overrides={k: frozenset(v) for k, v in data["overrides"].items()},
        own_sentence_kinds=frozenset(data["own_sentence_kinds"]),
        reads_as=dict(data["reads_as"]),
        lenders=regex.compile(rf"(?<![\p{{L}}\d])(?:{lexicon.alternation(data['development_lenders'])})(?![\p{{L}}\d])"),
        official_loan=regex.compile(rf"(?<![\p{{L}}\d])(?:{lexicon.alternation(data['official_loan_words'])})(?![\p{{L}}\d])"),
        lender_after_amount=_word_at_end(data["lender_after_amount"]),
        borrowed_from=_word_at_end(data["borrowed_from"]),
        lends=regex.compile(r"[ \t]+cho[ \t][^,.;:!?\n]{0,30}?(?<![\p{L}])vay(?![\p{L}])"),
    )


def _word_at_end(words: list[str]) -> regex.Pattern:
    """One of ``words`` ending a stretch (a whole word, any case), searched from the end."""
    return regex.compile(rf"(?:^|[^\p{{L}}\d])(?i:{lexicon.alternation(words)})[ \t]*$", regex.REVERSE)


def find_hits(
    pattern: Lowered, label_of: dict[str, str | None], text: str, start: int, end: int
) -> list[Hit]:
    """Every cue of one family in [start, end). A cue the lexicon writes in lower case but the
    text capitalises inside a sentence is part of a name (``Công ty CP Đầu tư X``,
    ``Quỹ Hỗ trợ nông dân``): it hides nothing and says nothing."""
    return [_hit(m, label_of, text, start) for m in pattern.finditer(text, start, end)]


def _hit(m: re.Match[str], label_of: dict[str, str | None], text: str, start: int) -> Hit:
    s, e = m.span()
    label = label_of[m.group()]
    if text[s].isupper() and "=" + text[s:e].lower() not in label_of and _named(text, s, start):
        label = None
    return Hit(s, e, label)


def sentence_hits(cues: Cues, text: str, start: int, end: int) -> tuple[list[Hit], list[Hit]]:
    """The kind cues and the stage cues of [start, end), as ``find_hits`` gives them for
    each family, found with one scan of the text instead of two (the scan is most of this
    stage's time).

    ``cue_start`` matches, one character long, at every position where a cue of either
    family can match: its alternatives are both families' words, with the same checks
    before and after, the rest of each word read by a lookahead. ``finditer`` tries a
    pattern at each position in turn from the end of its last match, and a family's
    pattern can match nowhere else, so trying it at those positions only, in the same
    order, finds the same matches (tests/test_money_cues.py checks this both ways)."""
    low = _lowered(text)
    kind, stage = cues.kind.pattern, cues.stage.pattern
    kinds: list[Hit] = []
    stages: list[Hit] = []
    kind_from = stage_from = start
    for g in cues.cue_start.pattern.finditer(low, start, end):
        at = g.start()
        if at >= kind_from:
            m = kind.match(low, at, end)
            if m is not None:
                kinds.append(_hit(m, cues.kind_of, text, start))
                kind_from = m.end()
        if at >= stage_from:
            m = stage.match(low, at, end)
            if m is not None:
                stages.append(_hit(m, cues.stage_of, text, start))
                stage_from = m.end()
    return kinds, stages


def _named(text: str, pos: int, floor: int) -> bool:
    """Whether a capitalised word at ``pos`` is inside a name rather than at a clause start."""
    before = text[max(floor, pos - 3) : pos].rstrip()
    return pos > floor and bool(before) and before[-1] not in ".:;!?\"'“(-–"
