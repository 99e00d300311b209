"""Baselines the segmenter was chosen against, scored on the gold set.

- paragraphs: jusText (with its Vietnamese stoplist) classifying each line as good or
  boilerplate, against vnextract's line classifier;
- sentences: underthesea's sent_tokenize (with the same protections) against the rules.

Usage: python docs/compare_baselines.py [--texts DIR ...]   (make baselines)
"""

from __future__ import annotations

import html
import sys
from pathlib import Path

from extract.score.evaluate import _boundaries_prf, _spans_prf
from extract.score.gold import default_text_dirs, find_text, load_gold, read_text
from extract.segment import read_layout, split_sentences
from extract.segment.lines import split_lines


def justext_paragraphs(text: str) -> list[list[int]]:
    import justext

    lines = [ln for ln in split_lines(text) if ln.text]
    page = "<html><body>" + "".join(f"<p>{html.escape(ln.text)}</p>" for ln in lines) + "</body></html>"
    blocks = justext.justext(page.encode("utf-8"), justext.get_stoplist("Vietnamese"))
    good = {b.text.strip() for b in blocks if not b.is_boilerplate}
    return [[ln.start, ln.end] for ln in lines if " ".join(ln.text.split()) in good]


def main(text_dirs: list[str]) -> None:
    gold = load_gold("gold")
    par = {"vnextract": [0, 0, 0], "jusText": [0, 0, 0]}
    sen = {"rules": [0, 0, 0], "underthesea": [0, 0, 0]}
    for doc_id, g in sorted(gold.items()):
        path = find_text(doc_id, text_dirs)
        if path is None:
            continue
        text = read_text(Path(path))
        for name, pred in (("vnextract", read_layout(text).paragraphs), ("jusText", justext_paragraphs(text))):
            prf = _spans_prf(g["paragraphs"], pred)
            par[name] = [par[name][0] + prf.tp, par[name][1] + prf.n_pred, par[name][2] + prf.n_gold]
        for engine in sen:  # both engines on the gold paragraphs, so only splitting is compared
            prf = _boundaries_prf(g["sentences"], split_sentences(text, g["paragraphs"], engine=engine))
            sen[engine] = [sen[engine][0] + prf.tp, sen[engine][1] + prf.n_pred, sen[engine][2] + prf.n_gold]

    def f1(tp: int, p: int, g: int) -> str:
        prec, rec = tp / p if p else 0, tp / g if g else 0
        return f"P {prec:.3f}  R {rec:.3f}  F1 {2 * prec * rec / (prec + rec) if prec + rec else 0:.3f}"

    for name, v in par.items():
        print(f"paragraph lines, {name:<12} {f1(*v)}")
    for name, v in sen.items():
        print(f"sentence boundaries, {name:<12} {f1(*v)}")


if __name__ == "__main__":
    dirs = [a for i, a in enumerate(sys.argv[1:]) if sys.argv[i] == "--texts"] or default_text_dirs()
    main(dirs)
