"""The layout model's training, its cross-validation grouped by site and its weights file,
on pages built here (the labelled texts under ../shared are not needed)."""

from __future__ import annotations

import json

import pytest

from extract import lexicon
from extract.segment.features import CONTEXT, NAMES, line_features
from extract.segment.lines import split_lines
from extract.segment.model import ROLES, default_model
from extract.segment.train import STACKED, Page, cross_validate, fit, line_labels, score_layouts

from .test_layouts import A, B, C, D

pytest.importorskip("sklearn")

HEADLINES = [
    "Hội hữu nghị tỉnh trao học bổng cho sinh viên nghèo",
    "Tổ chức quốc tế tài trợ xây dựng trạm y tế xã vùng cao",
    "Đoàn đại biểu tỉnh bạn thăm và làm việc tại địa phương",
    "Khánh thành công trình nước sạch do viện trợ phi chính phủ",
    "Tổng kết công tác đối ngoại nhân dân năm qua",
    "Ký kết thỏa thuận hợp tác giáo dục với đối tác nước ngoài",
]


def _page(i: int) -> Page:
    """A page of site ``i % 6``: menu, headline, date, body, related links."""
    title = HEADLINES[i % len(HEADLINES)]
    lines = ["Trang chủ | Tin tức | Liên hệ", title, f"Cập nhật: {i % 27 + 1:02d}/05/2023 08:{i % 60:02d}",
             A, B, C, D, "Tin liên quan", HEADLINES[(i + 1) % 6], HEADLINES[(i + 2) % 6]]
    text = "\n".join(lines)
    starts = [text.index(x) for x in (A, B, C, D)]
    gold = {"title": title, "published": f"2023-05-{i % 27 + 1:02d}T08:{i % 60:02d}", "byline": None,
            "paragraphs": [[s, s + len(x)] for s, x in zip(starts, (A, B, C, D), strict=True)]}
    return Page(f"p{i}", f"site{i % 6}.vn", f"type{i % 2}", text, gold)


def test_line_labels_follow_the_gold():
    page = _page(3)
    rows, _ = line_features(split_lines(page.text), page.text)
    labels = line_labels(rows, page.gold)
    assert [rows[k].text for k in range(len(rows)) if labels["title"][k]] == [page.gold["title"]]
    assert sum(labels["paragraph"]) == 4 and sum(labels["date"]) == 1 and sum(labels["byline"]) == 0


def test_fit_and_grouped_cross_validation():
    pages = [_page(i) for i in range(18)]
    model = fit(pages)
    assert set(model.weights) == set(ROLES) and all(len(w) == len(NAMES) for w in model.weights.values())
    assert all(0.0 < t < 1.0 for t in model.thresholds.values())
    assert set(model.stack) == set(STACKED) and all(len(w) == len(NAMES) + len(CONTEXT) for w in model.stack.values())
    predicted = cross_validate(pages, folds=3)
    assert set(predicted) == {p.id for p in pages}
    table = score_layouts(pages, predicted)
    assert table.splitlines()[-1].split()[0] == "all"
    right = sum(predicted[p.id].title == p.gold["title"] for p in pages)
    assert right >= 15  # sites never seen in training, same layout


def test_shipped_weights_match_the_features():
    data = json.loads((lexicon.patterns_dir() / "layout_model.json").read_text(encoding="utf-8"))
    assert data["features"] == list(NAMES) and data["context"] == list(CONTEXT)
    assert set(data["roles"]) == set(ROLES)
    assert default_model().weights["paragraph"] == data["roles"]["paragraph"]


def test_a_fold_seed_deals_the_sites_differently_and_never_splits_one():
    from extract.segment.train import _site_folds

    sites = [f"site{i % 7}" for i in range(30)]
    for seed in (None, 1, 2):
        folds = _site_folds(sites, 3, seed)
        assert sorted(i for _, test in folds for i in test) == list(range(30))  # each page tested once
        for train, test in folds:
            assert not {sites[i] for i in train} & {sites[i] for i in test}
    deals = {tuple(tuple(test) for _, test in _site_folds(sites, 3, seed)) for seed in (None, 1, 2, 3)}
    assert len(deals) > 1
