"""The layout model: one logistic regression per line role, weights in a data file.

``patterns/layout_model.json`` holds, for each role (``paragraph``, ``title``, ``date``,
``byline``), one weight per feature of ``features.NAMES`` (the bias folded in). It is
written by ``make train-layout`` and read here; inference is a dot product and a
logistic function per line and role, in plain Python.
"""

from __future__ import annotations

import functools
import json
import math
from dataclasses import dataclass

from .. import lexicon
from .features import _WORD, NAMES
from .lines import Line

ROLES = ("paragraph", "title", "date", "byline")
CHOICE_ROLES = ("title", "date", "byline")


@dataclass
class LayoutModel:
    """Two stages: the first scores each line from its own evidence; the second reads
    that evidence again together with the first stage's scores around the line (where the
    body starts, whether the neighbours are paragraphs), so that a caption between two
    paragraphs or a headline right above the lead is judged in its place."""

    first: dict[str, list[float]]
    second: dict[str, list[float]] | None
    thresholds: dict[str, float]

    def scores(self, rows: list[Line], features: list[list[float]]) -> dict[str, list[float]]:
        """Probability of each role for each line."""
        p = _apply(self.first, features)
        if self.second is None:
            return p
        return _apply(self.second, [x + s for x, s in zip(features, stack_features(rows, p), strict=True)])

    def to_json(self) -> dict[str, object]:
        return {"thresholds": self.thresholds, "first": self.first, "second": self.second}


def _apply(weights: dict[str, list[float]], features: list[list[float]]) -> dict[str, list[float]]:
    """Paragraph: a logistic probability per line. Title, date and byline: a page has at
    most one line of each, so the lines compete in a softmax with "none of them"."""
    out = {}
    for role in ROLES:
        w = weights[role]
        z = [sum(map(float.__mul__, w, x)) for x in features]
        if role in CHOICE_ROLES:
            top = max(max(z, default=0.0), 0.0)
            e = [math.exp(v - top) for v in z]
            total = math.exp(-top) + sum(e)
            out[role] = [v / total for v in e]
        else:
            out[role] = [_logistic(v) for v in z]
    return out


STACK_NAMES = (
    "s_paragraph", "s_title", "s_date", "s_byline", "s_prev_par", "s_next_par", "s_max_par_above",
    "s_max_par_below", "s_dist_body", "s_just_above_body", "s_best_title", "s_next_date", "s_prev_date",
    "s_prev_title", "s_next_title", "s_pars_above", "s_pars_below", "s_lead_overlap", "s_dist_title",
)


def stack_features(rows: list[Line], p: dict[str, list[float]]) -> list[list[float]]:
    """The second stage's extra evidence: the first stage's scores in the line's place."""
    n = len(rows)
    par, title, date = p["paragraph"], p["title"], p["date"]
    taken = [x >= 0.5 for x in par]
    body = next((k for k in range(n) if taken[k]), n)
    lead = set(_WORD.findall(rows[body].text[:600].lower())) if body < n else set()
    best_title = max(range(n), key=title.__getitem__) if n else -1
    above = 0
    total = sum(taken)
    out = []
    for k in range(n):
        words = set(_WORD.findall(rows[k].text[:600].lower())) if rows[k].words <= 60 else set()
        out.append([
            par[k], title[k], date[k], p["byline"][k],
            par[k - 1] if k else 0.0,
            par[k + 1] if k + 1 < n else 0.0,
            max(par[max(0, k - 3) : k], default=0.0),
            max(par[k + 1 : k + 4], default=0.0),
            max(-5.0, min(5.0, float(k - body))),
            float(k == body - 1),
            float(k == best_title),
            date[k + 1] if k + 1 < n else 0.0,
            date[k - 1] if k else 0.0,
            title[k - 1] if k else 0.0,
            title[k + 1] if k + 1 < n else 0.0,
            min(5.0, float(above)),
            min(5.0, float(total - above - taken[k])),
            (len(words & lead) / len(words)) if words and k != body else 0.0,
            max(-5.0, min(5.0, float(k - best_title))),
        ])
        above += taken[k]
    return out


def _logistic(z: float) -> float:
    if z < -30:
        return 0.0
    return 1.0 / (1.0 + math.exp(-z))


@functools.cache
def default_model() -> LayoutModel:
    """The shipped model; its feature list must be the code's (retrain after changing either)."""
    with open(lexicon.patterns_dir() / "layout_model.json", encoding="utf-8") as fh:
        data = json.load(fh)
    if tuple(data["features"]) != NAMES + STACK_NAMES:
        raise ValueError("patterns/layout_model.json was trained on other features: run `make train-layout`")
    return LayoutModel(first=data["first"], second=data["second"], thresholds=data["thresholds"])
