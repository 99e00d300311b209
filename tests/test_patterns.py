"""Every pattern family ships its example corpus (Duckling style); this walks all of it.

Each line of ``patterns/NAME.examples.jsonl`` is a sentence and the complete list of
mentions the extractor must find in it (an empty list for a negative example)."""

from __future__ import annotations

import pytest

from extract import lexicon
from extract.find.amounts import find_amounts
from extract.find.countries import find_countries
from extract.find.counts import find_counts
from extract.find.directives import find_directives
from extract.find.places import find_places

from .conftest import line_regions

FINDERS = {"directives": find_directives, "amounts": find_amounts, "counts": find_counts,
           "places": find_places, "countries": find_countries}
MINIMUM = {"directives": (80, 30), "amounts": (100, 30), "counts": (80, 30), "places": (80, 40), "countries": (80, 40)}


def _cases(name):
    return [pytest.param(ex, id=f"{name}-{i}") for i, ex in enumerate(lexicon.examples(name), 1)]


def _found(name: str, text: str) -> list[dict]:
    regions = line_regions(text)
    directives = find_directives(text, regions)
    if name == "directives":
        return [d.__dict__ for d in directives]
    if name == "places":
        return [dict(vars(p)) for p in find_places(text, regions)]
    if name == "countries":  # as in the pipeline: province names mask the words inside them
        places = [(p.start, p.end) for p in find_places(text, regions)]
        return [dict(vars(c)) for c in find_countries(text, regions, places)]
    designations = [(d.start, d.end) for d in directives]
    mentions = find_amounts(text, regions, designations)
    if name == "counts":
        mentions = find_counts(text, regions, [(a.start, a.end) for a in mentions] + designations)
    return [m.to_dict() if hasattr(m, "to_dict") else m.__dict__ for m in mentions]


@pytest.mark.parametrize("name", list(FINDERS))
def test_corpus_size(name):
    examples = lexicon.examples(name)
    positives = sum(1 for e in examples if e["expect"])
    negatives = sum(1 for e in examples if not e["expect"])
    assert positives >= MINIMUM[name][0] and negatives >= MINIMUM[name][1]
    assert sum(len(e["expect"]) for e in examples if name != "directives") >= (100 if name == "amounts" else 80) or name == "directives"
    assert all(m["text"] in e["text"] for e in examples for m in e["expect"])


@pytest.mark.parametrize("example", _cases("directives") + _cases("amounts") + _cases("counts")
                         + _cases("places") + _cases("countries"))
def test_example(example, request):
    name = request.node.callspec.id.split("-")[0]
    # kind and stage are the money_kind stage's, walked by tests/test_money_kind.py
    drop = ("start", "end", "kind", "stage")
    got = [{k: v for k, v in m.items() if k not in drop} for m in _found(name, example["text"])]
    assert got == example["expect"], example["text"]


def _cue_cases():
    return [pytest.param(ex, id=f"boilerplate-{i}") for i, ex in enumerate(lexicon.examples("boilerplate"), 1)]


@pytest.mark.parametrize("example", _cue_cases())
def test_boilerplate_cue(example):
    from extract.segment.features import layout_cues
    from extract.segment.lines import cues

    pattern = getattr(cues(), example["cue"], None) or getattr(layout_cues(), example["cue"])
    assert bool(pattern.match(example["text"]) if example["cue"] == "stamp" else pattern.search(example["text"])) is example["match"]


def test_boilerplate_examples_cover_every_cue_both_ways():
    seen = {(e["cue"], e["match"]) for e in lexicon.examples("boilerplate")}
    cues = ("caption", "caption_marks", "byline", "related", "furniture", "date", "controls", "place_date", "stamp",
            "image", "narrative", "apposition", "publication", "not_publication", "keyword_line", "money", "photo_number")
    for cue in cues:
        assert (cue, True) in seen and (cue, False) in seen, cue


def test_every_caption_cue_names_anh():
    """The layout features test caption cues only on lines holding "ảnh" (a cheap gate)."""
    assert all("ảnh" in p.lower() for p in lexicon.load("boilerplate")["caption_cues"])


# The four pattern files that hold no mentions of their own (number words, qualifiers,
# sentence rules, legacy encodings) have their example corpora too, walked here.


@pytest.mark.parametrize("example", lexicon.examples("numbers"), ids=lambda e: e["text"])
def test_number_example(example):
    from decimal import Decimal

    from extract.find.numparse import parse_number

    value = parse_number(example["text"])
    assert value == (None if example["value"] is None else Decimal(example["value"]))


@pytest.mark.parametrize("example", lexicon.examples("qualifiers"), ids=lambda e: e["text"])
def test_qualifier_example(example):
    from extract.find.qualifiers import qualifier_before, vague_before

    text, pos = example["text"], example["text"].index(example["number"])
    assert qualifier_before(text, pos) == example["approx"]
    assert vague_before(text, pos) is example["vague"]


@pytest.mark.parametrize("example", lexicon.examples("sentences"), ids=lambda e: e["text"][:30])
def test_sentence_example(example):
    from extract.segment.sentences import split_sentences

    text = example["text"]
    assert [text[a:b] for a, b in split_sentences(text, [[0, len(text)]])] == example["sentences"]


@pytest.mark.parametrize("example", lexicon.examples("legacy"), ids=lambda e: e["text"][:30])
def test_legacy_example(example):
    from extract.read.legacy import repair_legacy

    text, note = repair_legacy(example["text"])
    assert text == example["expect"]
    assert (note is None) == (example["encoding"] is None)
    if example["encoding"]:
        assert {"tcvn3": "TCVN3", "vni": "VNI"}[example["encoding"]] in note


def test_every_patterns_file_has_examples():
    from pathlib import Path

    folder = Path(lexicon.patterns_dir())
    for yaml_file in folder.glob("*.yaml"):
        examples = folder / f"{yaml_file.stem}.examples.jsonl"
        assert examples.exists() and lexicon.examples(yaml_file.stem), yaml_file.name
