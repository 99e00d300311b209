"""Hard-wrapped sentences: lines that one sentence runs across.

Some pages break their text at a fixed width, or inside a quotation (``CLB “`` over
``Xanh” có 40 thành viên ...``), so a sentence stands on two or more lines. The pieces are
one sentence, so they are text together or not at all; the model reads each piece alone,
and a fragment's own evidence (a line of three words, a line that opens on a name) says
little, so it keeps one piece and drops the other. A break is read from typography only:
the line does not end a sentence and the next one carries on, in lower case, after a
comma, or inside a quotation the line opened and left open.
"""

from __future__ import annotations

from .lines import PROSE, SHORT, Line, is_date_line

# a line that ends on one of these has opened a quotation or a bracket the next one closes
_OPENERS = ("“", "‘", "(", "[")


def runs_on(line: Line, after: Line) -> bool:
    """Whether the sentence of ``line`` carries on into ``after``: ``line`` ends no
    sentence (no full stop, and is no date line) and ``after`` starts in lower case, or
    ``line`` ends with a comma or an opening mark, or holds a curly quotation it does not
    close. A capital after a line that ends mid-phrase proves nothing (a heading over its
    paragraph), so that case needs the comma or the open quotation."""
    if line.terminal or line.kind not in (SHORT, PROSE) or after.kind not in (SHORT, PROSE):
        return False
    if is_date_line(line) or is_date_line(after):
        return False
    t = line.text
    return after.text[0].islower() or t.endswith((",", *_OPENERS)) or t.count("“") > t.count("”")


def wrapped_runs(rows: list[Line]) -> list[list[int]]:
    """Runs of two or more consecutive rows that one sentence spans (``runs_on``)."""
    out: list[list[int]] = []
    run: list[int] = []
    for k in range(len(rows) - 1):
        if runs_on(rows[k], rows[k + 1]):
            run = run or [k]
            run.append(k + 1)
        elif run:
            out.append(run)
            run = []
    if run:
        out.append(run)
    return out


def whole_sentences(body: list[int], rows: list[Line], barred: set[int | None]) -> list[int]:
    """``body`` with every piece of a wrapped sentence one of whose pieces it holds
    (``barred``: rows taken by another role, or never text)."""
    have = set(body)
    for run in wrapped_runs(rows):
        if have.intersection(run):
            have.update(k for k in run if k not in barred)
    return sorted(have) if len(have) > len(body) else body
