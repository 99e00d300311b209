"""Amount kind and stage (SPEC section 10): the example corpus, every cue, the record fields.

``patterns/money_kind.examples.jsonl`` holds sentences written for the cue lexicon, each with
every amount in it and the kind and stage that amount must get."""

from __future__ import annotations

import pytest
import regex

from extract import lexicon
from extract.find.amounts import find_amounts
from extract.pipeline import extract_text
from extract.resolve.money_kind import KINDS, STAGES, resolve_kinds


def _resolved(text: str) -> list[dict]:
    amounts = find_amounts(text)
    resolve_kinds(text, amounts)
    return [{"text": a.text, "kind": a.kind, "stage": a.stage} for a in amounts]


EXAMPLES = lexicon.examples("money_kind")


@pytest.mark.parametrize("example", [pytest.param(e, id=f"money_kind-{i}") for i, e in enumerate(EXAMPLES, 1)])
def test_example(example):
    assert _resolved(example["text"]) == example["expect"], example["text"]


def test_corpus_size_and_labels():
    amounts = [a for e in EXAMPLES for a in e["expect"]]
    assert len(EXAMPLES) >= 120 and len(amounts) >= 150
    assert {a["kind"] for a in amounts} == set(KINDS)
    assert {a["stage"] for a in amounts} == set(STAGES) | {None}
    assert sum(1 for e in EXAMPLES if len(e["expect"]) > 1) >= 25  # governing needs company


def _mentions(cue: str, text: str) -> bool:
    return bool(regex.search(rf"(?i)(?<!\p{{L}}){regex.escape(cue)}(?![\p{{L}}\d])", text))


@pytest.mark.parametrize("family", ["kinds", "stages"])
def test_every_cue_has_an_example(family):
    """Duckling style: no cue in the lexicon without a sentence that exercises it."""
    data = lexicon.load("money_kind")
    missing = [cue for group in data[family].values() for cue in group if not any(_mentions(cue, e["text"]) for e in EXAMPLES)]
    assert not missing, missing


def test_the_governing_cue_wins_over_one_sharing_the_sentence():
    got = _resolved("Vốn FDI đăng ký 2 tỷ USD, giải ngân 1,2 tỷ USD.")
    assert [(a["kind"], a["stage"]) for a in got] == [("investment", "registered"), ("investment", "disbursed")]


def test_giver_decides_aid_or_donation():
    assert _resolved("Kiều bào ở Đức ủng hộ 200 triệu đồng cho quê nhà.")[0]["kind"] == "aid"
    assert _resolved("Hội Chữ thập đỏ xã ủng hộ 200 triệu đồng cho quê nhà.")[0]["kind"] == "donation"
    assert _resolved("Một nhà hảo tâm giấu tên tặng 5.000 USD cho trường.")[0]["kind"] == "aid"  # foreign currency


def test_a_cue_in_a_name_says_nothing():
    assert _resolved("Công ty TNHH Xuất khẩu Thủy sản Minh Phú lãi 60 tỷ đồng.")[0]["kind"] == "other"
    assert _resolved("Xuất khẩu thủy sản đạt 60 triệu USD.")[0]["kind"] == "trade"


def test_paragraph_context_for_an_amount_without_a_cue():
    text = "Tỉnh đẩy mạnh vận động viện trợ. Năm nay tổng giá trị đạt 4 triệu USD.\n"
    rec = extract_text(text)
    assert [(a["kind"], a["stage"]) for a in rec["amounts"]] == [("aid", None)]


def test_every_amount_of_a_record_carries_kind_and_stage():
    rec = extract_text("Giá vàng giảm 100 nghìn đồng/lượng.\n\nTỉnh tiếp nhận 2 triệu USD viện trợ, giải ngân 1 triệu USD.\n")
    assert [(a["kind"], a["stage"]) for a in rec["amounts"]] == [("other", None), ("aid", "approved"), ("aid", "disbursed")]
    assert all(set(a) >= {"kind", "stage"} for a in rec["amounts"])


def test_title_amount_is_read_in_its_line():
    rec = extract_text("Trao 5 tỷ đồng học bổng cho sinh viên nghèo\nNgày 1/6, quỹ đã trao học bổng.\n")
    assert rec["amounts"] and rec["amounts"][0]["kind"] == "donation"
