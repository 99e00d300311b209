"""An article with its mentions marked, for a person to read: ``vnextract show`` prints it
on the terminal or writes it as one HTML page.

Both views are drawn from the record ``run`` writes for the same input, so what is shown
is what is extracted. Every mention carries its label and its values (an amount's exact
value, currency, kind and stage; a directive's reference, date and issuer; ...), the
title and each paragraph stand apart, and the document fields (published, byline,
province) head the page. The HTML needs no spaCy: it is plain markup with the same
colours as the displaCy view of ``spacy_ext``.
"""

from __future__ import annotations

import html
from typing import Any

LISTS = ("directives", "amounts", "counts", "places", "countries")
LABELS = {"directives": "DIRECTIVE", "amounts": "AMOUNT", "counts": "COUNT", "places": "PLACE", "countries": "COUNTRY"}
COLOURS = {"directives": "#9ecae1", "amounts": "#a1d99b", "counts": "#fdae6b", "places": "#d4b9da", "countries": "#9edae5"}
_TERMINAL = {"directives": "\033[1;34m", "amounts": "\033[1;32m", "counts": "\033[1;33m",
             "places": "\033[1;35m", "countries": "\033[1;36m"}  # fmt: skip


def mention_values(kind: str, m: dict[str, Any]) -> str:
    """What a mention says, in a few words: ``8500000 USD · aid · committed``."""
    if kind == "directives":
        parts = [m.get("ref") or m.get("number"), m.get("date"), m.get("issuer"), "short form" if m.get("short") else None]
    elif kind == "amounts":
        value = f"{m['value']}" + (f"–{m['value_max']}" if m.get("value_max") is not None else "")
        parts = [f"{m.get('approx')} " * bool(m.get("approx")) + f"{value} {m['currency']}", m.get("kind"), m.get("stage")]
    elif kind == "counts":
        parts = [f"{m.get('approx')} " * bool(m.get("approx")) + str(m["value"]), m.get("category"), m.get("noun")]
    elif kind == "places":
        parts = [m.get("code"), m.get("name")]
    else:
        parts = [m.get("country")]
    return " · ".join(str(p) for p in parts if p not in (None, ""))


def _marks(rec: dict[str, Any]) -> list[tuple[int, int, str, dict[str, Any]]]:
    """Every mention, outer ones first where two start together; a mention that crosses
    another's edge (never nested in it) is left out of the view, not out of the record."""
    marks = sorted(((m["start"], m["end"], k, m) for k in LISTS for m in rec.get(k) or []), key=lambda x: (x[0], -x[1]))
    kept: list[tuple[int, int, str, dict[str, Any]]] = []
    open_ends: list[int] = []
    for mark in marks:
        while open_ends and open_ends[-1] <= mark[0]:
            open_ends.pop()
        if open_ends and mark[1] > open_ends[-1]:
            continue
        kept.append(mark)
        open_ends.append(mark[1])
    return kept


def _header(rec: dict[str, Any]) -> list[tuple[str, str]]:
    province = rec.get("province") or {}
    where = f"{province.get('name')} ({province.get('code')}; from 2025: {province.get('name_2025')})" if province else None
    fields = [("title", rec.get("title")), ("published", rec.get("published")), ("byline", rec.get("byline")),
              ("province", where)]  # fmt: skip
    return [(name, "-" if value is None else value) for name, value in fields]  # a field not found shows as "-"


def render_terminal(text: str, rec: dict[str, Any], color: bool = False) -> str:
    """Document fields, then each paragraph with its mentions marked ``[[text|LABEL
    values]]`` (or coloured on a terminal)."""
    marks = _marks(rec)
    lines = [f"{name}: {value}" for name, value in _header(rec)] + [""]
    for ps, pe in rec.get("paragraphs") or []:
        out, pos = [], ps
        for s, e, kind, m in marks:
            if s < max(ps, pos) or e > pe:
                continue  # outside this paragraph, or inside a mention already shown
            out.append(text[pos:s])
            label = f"{LABELS[kind]} {mention_values(kind, m)}"
            out.append(f"{_TERMINAL[kind]}{text[s:e]}\033[0m" if color else f"[[{text[s:e]}|{label}]]")
            pos = e
        out.append(text[pos:pe])
        lines += ["".join(out), ""]
    return "\n".join(lines)


_STYLE = """
body { font: 16px/1.6 system-ui, sans-serif; max-width: 50rem; margin: 2rem auto; padding: 0 1rem; }
dl { display: grid; grid-template-columns: max-content auto; gap: .2rem 1rem; color: #444; }
dt { font-weight: 600; } dd { margin: 0; }
mark { padding: .1rem .2rem; border-radius: .25rem; }
mark > small { font-size: .7rem; font-weight: 600; margin-left: .3rem; color: #222; white-space: nowrap; }
.legend mark { margin-right: .5rem; }
"""


def _marked_html(text: str, start: int, end: int, marks: list[tuple[int, int, str, dict[str, Any]]]) -> str:
    """``text[start:end]`` with every mention inside it as a (possibly nested) ``<mark>``."""
    inside = [m for m in marks if start <= m[0] and m[1] <= end]
    out: list[str] = []
    pos = start
    stack: list[tuple[int, str]] = []  # open marks: (end, closing markup)
    for s, e, kind, m in inside:
        while stack and stack[-1][0] <= s:
            close_at, closing = stack.pop()
            out.append(html.escape(text[pos:close_at]) + closing)
            pos = close_at
        out.append(html.escape(text[pos:s]))
        label = f"{LABELS[kind]} {mention_values(kind, m)}"
        out.append(f'<mark style="background:{COLOURS[kind]}" title="{html.escape(label)}">')
        stack.append((e, f"<small>{html.escape(label)}</small></mark>"))
        pos = s
    while stack:
        close_at, closing = stack.pop()
        out.append(html.escape(text[pos:close_at]) + closing)
        pos = close_at
    out.append(html.escape(text[pos:end]))
    return "".join(out)


def render_html(text: str, rec: dict[str, Any]) -> str:
    """One HTML page: the document fields, a legend, then the title and each paragraph
    as a block of its own with every mention marked and labelled with its values."""
    marks = _marks(rec)
    fields = "".join(f"<dt>{name}</dt><dd>{html.escape(str(value))}</dd>" for name, value in _header(rec))
    counts = {k: len(rec.get(k) or []) for k in LISTS}
    legend = "".join(f'<mark style="background:{COLOURS[k]}">{LABELS[k]} {counts[k]}</mark>' for k in LISTS)
    body = []
    title_span = _title_span(text, rec)
    if title_span:
        body.append(f"<h1>{_marked_html(text, *title_span, marks)}</h1>")
    body += [f"<p>{_marked_html(text, s, e, marks)}</p>" for s, e in rec.get("paragraphs") or []]
    name = html.escape(str(rec.get("id")))
    return (f'<!DOCTYPE html>\n<html lang="vi"><head><meta charset="utf-8"><title>{name}</title>'
            f"<style>{_STYLE}</style></head><body><dl>{fields}</dl><p class=\"legend\">{legend}</p>"
            + "\n".join(body) + "</body></html>\n")  # fmt: skip


def _title_span(text: str, rec: dict[str, Any]) -> tuple[int, int] | None:
    """Where the title stands in the text: the first line equal to it, before the first
    paragraph (the record keeps the title's text, not its offsets)."""
    title = rec.get("title")
    if not title:
        return None
    limit = rec["paragraphs"][0][0] if rec.get("paragraphs") else len(text)
    at = text.find(title, 0, limit + len(title))
    return (at, at + len(title)) if at >= 0 else None
