"""The one-scan cue finder of the money stage (``money_cues.sentence_hits``) against the plain
computation it replaces: ``find_hits`` run once per cue family over the same range.

House style of tests/test_fast_paths.py: the fast path must give what the general path gives,
on sentences written here (cues of both families overlapping, capitalised names, a range
starting inside a word) and on every sentence of the money_kind examples corpus."""

from __future__ import annotations

import pytest

from extract import lexicon
from extract.resolve.money_cues import find_hits, load_cues, sentence_hits


def _plain(text: str, start: int, end: int):
    cues = load_cues()
    return find_hits(cues.kind, cues.kind_of, text, start, end), find_hits(cues.stage, cues.stage_of, text, start, end)


def _same(text: str, start: int = 0, end: int | None = None):
    end = len(text) if end is None else end
    got = sentence_hits(load_cues(), text, start, end)
    assert got == _plain(text, start, end), text[start:end]
    return got


def _family_overlaps() -> list[tuple[str, str]]:
    """Pairs (longer cue, shorter cue of the other family inside it): where one family's
    match covers the start of the other's, so the two scans go different ways."""
    cues = load_cues()
    kinds = [w for w in cues.kind_of if not w.startswith("=")]
    stages = [w for w in cues.stage_of if not w.startswith("=")]
    pairs = [(k, s) for k in kinds for s in stages if k != s and f" {s} " in f" {k} "]
    pairs += [(s, k) for k in kinds for s in stages if k != s and f" {k} " in f" {s} "]
    return pairs


def test_overlapping_cues_of_the_two_families_are_found_as_by_two_scans():
    pairs = _family_overlaps()
    assert len(pairs) >= 10  # the lexicon has such pairs: the case this test is for
    for longer, shorter in pairs:
        kinds, stages = _same(f"Năm nay {longer} 5 tỷ đồng, sau đó {shorter} thêm 2 tỷ đồng.")
        assert kinds or stages


def test_sentences_written_for_this_test():
    kinds, stages = _same("Xã đã cam kết tài trợ 3 tỷ đồng và giải ngân vốn ODA 1 tỷ đồng cho trường.")
    assert [h.label for h in stages] == ["committed", "disbursed"]
    assert any(h.label == "oda" for h in kinds)
    # a capitalised cue inside a sentence is part of a name: it says nothing
    kinds, _ = _same("Ông làm việc ở Quỹ Hỗ Trợ Nông Dân, nơi nhận 2 tỷ đồng.")
    assert all(h.label is None for h in kinds if h.start > 10)
    # no cue at all: both lists empty
    assert _same("Trời mưa to suốt đêm qua ở miền núi.") == ([], [])


@pytest.mark.parametrize("start", [0, 1, 2, 3, 5, 8])
def test_a_range_that_starts_inside_a_word_reads_the_letter_before_it(start):
    """A cue glued to a letter before the range is no cue: both paths read before ``start``."""
    _same("Vviện trợ 3 triệu USD, đầu tư 5 tỷ đồng", start)


def test_every_sentence_of_the_examples_corpus():
    for example in lexicon.examples("money_kind"):
        text = example["text"]
        _same(text)
        _same(text, 0, len(text) // 2)  # a range that ends inside a cue cuts it as finditer does
        _same(text, len(text) // 3, len(text))
