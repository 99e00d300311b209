"""Paragraph-line F1 with and without ``--site-templates`` on one site's pages.

    python docs/site_templates_eval.py [SITE ...] [--siblings 8] [--shared ../shared]
    make site-templates-eval

For each site (a host of ``gold/layouts/SITES.tsv``; default: every site with two layout
pages), builds a folder in a temporary directory: the site's layout pages from
``../shared/layouts/raw`` and ``--siblings`` synthetic pages of the same site, each one of
the real pages' template lines (the lines above the first and below the last line the gold
labels as title, date, byline or paragraph) around another body: the gold title and
paragraphs of a layout page of another site. Nothing of the shared texts is written
anywhere but that temporary folder. Runs ``vnextract run`` on the folder without and with
``--site-templates`` and prints paragraph-line precision, recall and F1 over all pages and
over the real pages alone (scored against ``gold/layouts``).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _lines(text: str) -> list[tuple[int, int]]:
    spans, pos = [], 0
    for raw in text.split("\n"):
        spans.append((pos, pos + len(raw)))
        pos += len(raw) + 1
    return spans


def _article_lines(text: str, gold: dict) -> set[int]:
    """Indexes of the lines the gold labels (title, date, byline, paragraphs)."""
    spans = _lines(text)
    marks = [tuple(p) for p in gold.get("paragraphs") or []]
    for field in ("title", "byline"):
        if gold.get(field):
            at = text.find(gold[field])
            if at >= 0:
                marks.append((at, at + len(gold[field])))
    out = set()
    for k, (s, e) in enumerate(spans):
        if s == e:
            continue
        if any(a < e and s < b for a, b in marks):
            out.add(k)
    if gold.get("published") and out:  # a date line just above or below the headline
        first = min(out)
        for k in (first + 1, first + 2):
            if k < len(spans) and gold["published"][:4] in text[spans[k][0] : spans[k][1]]:
                out.add(k)
    return out


def _template(text: str, gold: dict, header_only: bool = False) -> tuple[list[str], list[str], str]:
    """The lines above and below the article (only above: ``header_only``; a text cut at
    2,000 bytes may end with a caption or a teaser that is no template), and the page's
    line separator."""
    raw = text.split("\n")
    art = _article_lines(text, gold)
    if not art:
        return [], [], "\n"
    head = [ln for ln in raw[: min(art)] if ln.strip()]
    foot = [] if header_only else [ln for ln in raw[max(art) + 1 :] if ln.strip()]
    sep = "\n\n" if "\n\n" in text else "\n"
    return head, foot, sep


def _bodies(layout_gold: Path, raw: Path, exclude: set[str]) -> list[tuple[str, list[str]]]:
    out = []
    for path in sorted(layout_gold.glob("l*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        if gold["id"] in exclude or not gold.get("title") or len(gold.get("paragraphs") or []) < 2:
            continue
        text = (raw / f"{gold['id']}.txt").read_text(encoding="utf-8")
        out.append((gold["title"], [text[s:e] for s, e in gold["paragraphs"]]))
    return out


def build(site: str, siblings: int, shared: Path, folder: Path, header_only: bool = False) -> dict[str, dict]:
    """The site's folder; returns the gold paragraphs of every page by record id."""
    rows = [line.split("\t") for line in (ROOT / "gold/layouts/SITES.tsv").read_text().splitlines()[1:]]
    ids = [r[0] for r in rows if r[1] == site]
    by_site = {r[0]: r[1] for r in rows}
    raw = shared / "layouts/raw"
    golds: dict[str, dict] = {}
    templates = []
    for i in ids:
        text = (raw / f"{i}.txt").read_text(encoding="utf-8")
        gold = json.loads((ROOT / f"gold/layouts/{i}.json").read_text(encoding="utf-8"))
        (folder / f"{i}.txt").write_text(text, encoding="utf-8")
        golds[i] = gold
        templates.append(_template(text, gold, header_only))
    bodies = _bodies(ROOT / "gold/layouts", raw, {k for k, v in by_site.items() if v == site})
    for n in range(siblings):
        head, foot, sep = templates[n % len(templates)]
        title, paras = bodies[(n * 7) % len(bodies)]
        lines = [*head, title, *paras, *foot]
        text = sep.join(lines) + "\n"
        spans, pos = [], 0
        for k, ln in enumerate(lines):
            if len(head) < k <= len(head) + len(paras):
                spans.append([pos, pos + len(ln)])
            pos += len(ln) + len(sep)
        name = f"sibling-{n:02d}"
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
        golds[name] = {"paragraphs": spans}
    return golds


def _counts(golds: dict[str, dict], records: list[dict], only: set[str] | None = None) -> list[int]:
    tp = n_pred = n_gold = 0
    for rec in records:
        if rec["id"] not in golds or (only is not None and rec["id"] not in only):
            continue
        g = {tuple(x) for x in golds[rec["id"]]["paragraphs"]}
        p = {tuple(x) for x in rec["paragraphs"]}
        tp, n_pred, n_gold = tp + len(g & p), n_pred + len(p), n_gold + len(g)
    return [tp, n_pred, n_gold]


def _prf(counts: list[int]) -> str:
    tp, n_pred, n_gold = counts
    prec, rec_ = (tp / n_pred if n_pred else 1.0), (tp / n_gold if n_gold else 1.0)
    f1 = 2 * prec * rec_ / (prec + rec_) if prec + rec_ else 0.0
    return f"P {prec:.3f} R {rec_:.3f} F1 {f1:.3f} ({tp} right of {n_pred} predicted, {n_gold} gold)"


def _run(folder: Path, out: Path, *flags: str) -> list[dict]:
    subprocess.run([sys.executable, "-m", "extract", "run", str(folder), "-o", str(out), "-j", "1", "-q", *flags], check=True)
    return [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines() if line.strip()]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("sites", nargs="*")
    ap.add_argument("--siblings", type=int, default=8)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--header-only", action="store_true", help="siblings keep only the lines above the article")
    ap.add_argument("--every-site", action="store_true", help="every site of SITES.tsv, with totals")
    args = ap.parse_args()
    rows = [line.split("\t") for line in (ROOT / "gold/layouts/SITES.tsv").read_text().splitlines()[1:]]
    every = sorted({r[1] for r in rows})
    sites = every if args.every_site else args.sites or sorted({r[1] for r in rows if sum(x[1] == r[1] for x in rows) >= 2})
    totals = {key: [0, 0, 0] for key in ("all-", "all+", "real-", "real+")}
    changed = []
    for site in sites:
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp) / site
            folder.mkdir()
            golds = build(site, args.siblings, args.shared, folder, args.header_only)
            real = {k for k in golds if not k.startswith("sibling-")}
            plain = _run(folder, Path(tmp) / "plain.jsonl")
            learnt = _run(folder, Path(tmp) / "templates.jsonl", "--site-templates")
            got = {"all-": _counts(golds, plain), "all+": _counts(golds, learnt),
                   "real-": _counts(golds, plain, real), "real+": _counts(golds, learnt, real)}
            for key, value in got.items():
                totals[key] = [a + b for a, b in zip(totals[key], value, strict=True)]
            if got["all-"] != got["all+"]:
                changed.append(site)
            if not args.every_site or got["all-"] != got["all+"]:
                _report(f"{site}: {len(real)} layout pages + {args.siblings} synthetic siblings", got)
    if len(sites) > 1:
        _report(f"TOTAL over {len(sites)} sites ({len(changed)} changed by the flag)", totals)


def _report(head: str, got: dict[str, list[int]]) -> None:
    print(head)
    print(f"  all pages   without: {_prf(got['all-'])}")
    print(f"              with:    {_prf(got['all+'])}")
    print(f"  real pages  without: {_prf(got['real-'])}")
    print(f"              with:    {_prf(got['real+'])}")


if __name__ == "__main__":
    main()
