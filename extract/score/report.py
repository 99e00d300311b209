"""The HTML evaluation report: the score table, then each article's text with gold and
predicted mentions highlighted; matches, misses and false alarms each have their colour.

Spans are drawn by character runs, so overlapping gold and predicted spans both show.
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

from .evaluate import KEYS, Evaluation, format_table, match_mentions

STYLE = """
body{font-family:system-ui,sans-serif;max-width:70em;margin:2em auto;line-height:1.6;color:#222}
pre.table{background:#f6f6f6;padding:1em;overflow-x:auto;font-size:13px}
.doc{border-top:2px solid #ccc;margin-top:2em;padding-top:1em}
.text{white-space:pre-wrap;font-size:15px}
mark{padding:0 1px;border-radius:3px}
mark.match{background:#b7e4c7} mark.miss{background:#ffb3b3;text-decoration:underline wavy #c00}
mark.false{background:#ffe08a;outline:2px dashed #c90} mark.miss.false{background:#f7a8e8}
sup.money{font-size:11px;color:#366;margin-left:2px} sup.money.wrong{color:#c00;font-weight:bold}
ul.layout{font-size:13px;color:#a33}
.legend mark{margin-right:1em} .sum{color:#555;font-size:13px}
"""


def _label(name: str, m: dict[str, Any]) -> str:
    keys = {k: v for k, v in m.items() if k not in ("start", "end", "text")}
    return f"{name}: " + ", ".join(f"{k}={v}" for k, v in keys.items())


def render_doc(doc_id: str, text: str, gold: dict[str, Any], pred: dict[str, Any] | None) -> str:
    """One article with its mentions: green = matched, red = missed, yellow = false alarm."""
    pred = pred or {}
    marks: list[tuple[int, int, str, str]] = []  # start, end, class, tooltip
    tags: dict[int, str] = {}  # end offset -> the amount's kind and stage, shown after it
    counts = {"match": 0, "miss": 0, "false": 0}
    for name, key in KEYS.items():
        g, p = gold.get(name) or [], pred.get(name) or []
        pairs = match_mentions(g, p, key)
        mg, mp = {i for i, _ in pairs}, {j for _, j in pairs}
        if name == "amounts":
            for i, j in pairs:
                tags[g[i]["end"]] = _money_tag(g[i], p[j])
        for i, m in enumerate(g):
            cls = "match" if i in mg else "miss"
            counts[cls] += 1
            marks.append((m["start"], m["end"], cls, ("gold " if cls == "miss" else "") + _label(name, m)))
        for j, m in enumerate(p):
            if j not in mp:
                counts["false"] += 1
                marks.append((m["start"], m["end"], "false", "predicted " + _label(name, m)))
    bounds = sorted({0, len(text), *(s for s, _, _, _ in marks), *(e for _, e, _, _ in marks)})
    parts = []
    for a, b in zip(bounds, bounds[1:], strict=False):
        here = [(c, t) for s, e, c, t in marks if s <= a and b <= e]
        chunk = html.escape(text[a:b])
        if here:
            classes = " ".join(sorted({c for c, _ in here}))
            tips = html.escape(" | ".join(t for _, t in here), quote=True)
            parts.append(f'<mark class="{classes}" title="{tips}">{chunk}</mark>')
        else:
            parts.append(chunk)
        if b in tags:
            parts.append(tags[b])
    summary = f"{counts['match']} matched, {counts['miss']} missed, {counts['false']} false alarms"
    prov = str((gold.get("province") or {}).get("name")) if "province" in gold else "-"
    return (
        f'<section class="doc" id="{html.escape(doc_id)}"><h2>{html.escape(doc_id)}</h2>'
        f'<p class="sum">title: {html.escape(str(gold.get("title")))} — province: {html.escape(prov)} — {summary}</p>'
        f"{_layout_errors(text, gold, pred)}"
        f'<div class="text">{"".join(parts)}</div></section>'
    )


def _money_tag(gold: dict[str, Any], pred: dict[str, Any]) -> str:
    """A matched amount's kind and stage (SPEC section 10) after it; red with the gold
    value when the prediction differs."""

    def shown(m: dict[str, Any]) -> str:
        return f"{m.get('kind')}·{m.get('stage') or '–'}"

    if (gold.get("kind"), gold.get("stage")) == (pred.get("kind"), pred.get("stage")):
        return f'<sup class="money">{html.escape(shown(pred))}</sup>'
    return f'<sup class="money wrong">{html.escape(shown(pred))} (gold {html.escape(shown(gold))})</sup>'


def _layout_errors(text: str, gold: dict[str, Any], pred: dict[str, Any]) -> str:
    """The segmenter's errors on this article: document fields that differ, article lines
    it missed and lines it took that are not article text."""
    items = [
        f"{name}: gold {html.escape(repr(gold.get(name)))}, predicted {html.escape(repr(pred.get(name)))}"
        for name in ("title", "published", "byline") if gold.get(name) != pred.get(name)
    ]
    g_prov, p_prov = (gold.get("province") or {}).get("code"), (pred.get("province") or {}).get("code")
    if "province" in gold and g_prov != p_prov:
        names = [(r.get("province") or {}).get("name") for r in (gold, pred)]
        items.append(f"province: gold {html.escape(repr(names[0]))}, predicted {html.escape(repr(names[1]))}")
    g = {tuple(x) for x in gold.get("paragraphs") or []}
    p = {tuple(x) for x in pred.get("paragraphs") or []}
    for kind, spans in (("missed paragraph", g - p), ("false paragraph", p - g)):
        for s, e in sorted(spans):
            line = text[s:e]
            items.append(f"{kind} [{s},{e}]: {html.escape(line[:100] + ('…' if len(line) > 100 else ''))}")
    return '<ul class="layout">' + "".join(f"<li>{i}</li>" for i in items) + "</ul>" if items else ""


def write_html(path: str, ev: Evaluation, gold: dict[str, dict], pred: dict[str, dict], texts: dict[str, str]) -> None:
    body = [
        "<!doctype html><html lang='vi'><head><meta charset='utf-8'><title>vnextract evaluation</title>",
        f"<style>{STYLE}</style></head><body><h1>vnextract evaluation</h1>",
        '<p class="legend"><mark class="match">matched</mark><mark class="miss">missed (gold only)</mark>'
        '<mark class="false">false alarm (prediction only)</mark></p>',
        f'<pre class="table">{html.escape(format_table(ev, per_doc=True))}</pre>',
    ]
    for doc_id in sorted(gold):
        if doc_id in texts:
            body.append(render_doc(doc_id, texts[doc_id], gold[doc_id], pred.get(doc_id)))
    body.append("</body></html>")
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    Path(path).write_text("\n".join(body), encoding="utf-8")
