"""vnextract as spaCy components: plug the extractor into your own pipelines, render it
with displaCy.

- ``nlp.add_pipe("vnextract")`` (registered through the ``spacy_factories`` entry point)
  runs the same core pipeline on ``doc.text`` and puts the results on the Doc: span groups
  ``doc.spans["directives" | "amounts" | "counts" | "places" | "countries"]`` (and
  ``"vnextract"`` with all of them, for displaCy), every field as a Span extension
  (``span._.ref``, ``span._.value``, ``span._.kind``, ``span._.code``, ``span._.country``, ...),
  ``doc._.title``, ``doc._.published``, ``doc._.byline``, ``doc._.province``,
  ``doc._.record`` and sentence starts from the segmenter.
- ``vnextract.UndertheseaTokenizer.v1``: a tokenizer from underthesea's word segmentation,
  for pipelines that want Vietnamese words rather than syllables.
- :func:`load` returns ``spacy.blank("vi")`` (without pyvi) with the component added.

Spans keep the core's character offsets exactly: where a mention or a sentence starts or
ends inside a token (``USD,`` from a whitespace tokenizer), the component splits that
token first. ``span._.core_span`` repeats the core's offsets for checking.
"""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import registry

from .analysis.display import COLOURS, LABELS
from .pipeline import extract_canonical

FIELDS = {
    "directives": ("doc_type", "number", "ref", "date", "issuer", "short"),
    "amounts": ("value", "value_max", "currency", "approx", "kind", "stage"),
    "counts": ("value", "approx", "category", "noun"),
    "places": ("code", "name"),
    "countries": ("country",),
}
COLORS = {LABELS[k]: COLOURS[k] for k in LABELS}  # displaCy's, the same as ``vnextract show``


def _register_extensions() -> None:
    for name in ("title", "published", "byline", "province", "record"):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)
    for field in {f for fields in FIELDS.values() for f in fields} | {"core_span"}:
        if not Span.has_extension(field):
            Span.set_extension(field, default=None)


_register_extensions()


class VnExtract:
    """The spaCy component: one call of the core pipeline per Doc."""

    def __init__(self, nlp: Language, name: str = "vnextract", set_sentences: bool = True) -> None:
        self.name = name
        self.set_sentences = set_sentences

    def __call__(self, doc: Doc) -> Doc:
        record = extract_canonical(doc.text, id=doc.user_data.get("id", "doc")).to_dict()
        _split_tokens(doc, {x for g in LABELS for m in record[g] for x in (m["start"], m["end"])}
                      | {s for s, _ in record["sentences"]})
        doc._.record = record
        doc._.title, doc._.published, doc._.byline = record["title"], record["published"], record["byline"]
        doc._.province = record["province"]
        every: list[Span] = []
        for group, label in LABELS.items():
            spans = []
            for m in record[group]:
                span = doc.char_span(m["start"], m["end"], label=label, alignment_mode="expand")
                if span is None:
                    continue
                for field in FIELDS[group]:
                    span._.set(field, m.get(field))
                span._.core_span = (m["start"], m["end"])
                spans.append(span)
            doc.spans[group] = spans
            every.extend(spans)
        doc.spans["vnextract"] = sorted(every, key=lambda s: (s.start, s.end))
        if self.set_sentences and len(doc):
            starts = {s for s, _ in record["sentences"]}
            for token in doc:
                token.is_sent_start = token.i == 0 or token.idx in starts
        return doc


def _split_tokens(doc: Doc, offsets: set[int]) -> None:
    """Split every token that a mention or sentence edge falls inside."""
    cuts: list[tuple[Any, list[int]]] = []
    for token in doc:
        inner = sorted(o - token.idx for o in offsets if token.idx < o < token.idx + len(token.text))
        if inner:
            cuts.append((token, inner))
    if not cuts:
        return
    with doc.retokenize() as retokenizer:
        for token, inner in cuts:
            edges = [0, *inner, len(token.text)]
            orths = [token.text[a:b] for a, b in zip(edges, edges[1:], strict=False)]
            retokenizer.split(token, orths, heads=[(token, 0)] * len(orths))


@Language.factory("vnextract", default_config={"set_sentences": True})
def make_vnextract(nlp: Language, name: str, set_sentences: bool) -> VnExtract:
    return VnExtract(nlp, name, set_sentences)


class UndertheseaTokenizer:
    """Words from underthesea's word segmentation (``Bộ Chính trị`` is one token)."""

    def __init__(self, vocab) -> None:
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        from .segment.words import word_spans

        spans = word_spans(text, [[0, len(text)]]) if text.strip() else []
        words, spaces = [], []
        pos = 0
        for s, e in spans:
            if s > pos and text[pos:s].strip():
                words.append(text[pos:s].strip())  # anything the segmenter skipped
                spaces.append(False)
            words.append(text[s:e])
            spaces.append(e < len(text) and text[e] == " ")
            pos = e + (1 if spaces[-1] else 0)
        if not words:
            return Doc(self.vocab, words=[text] if text else [], spaces=[False] if text else [])
        return Doc(self.vocab, words=words, spaces=spaces)

    # spaCy pickles tokenizers for nlp.pipe(n_process=...)
    def to_bytes(self, **kwargs: Any) -> bytes:
        return b""

    def from_bytes(self, data: bytes, **kwargs: Any) -> UndertheseaTokenizer:
        return self


@registry.tokenizers("vnextract.UndertheseaTokenizer.v1")
def create_underthesea_tokenizer():
    def make(nlp: Language) -> UndertheseaTokenizer:
        return UndertheseaTokenizer(nlp.vocab)

    return make


def load(underthesea_tokenizer: bool = False, **config: Any) -> Language:
    """``spacy.blank("vi")`` without pyvi, with the ``vnextract`` component added."""
    import spacy

    tokenizer = (
        {"@tokenizers": "vnextract.UndertheseaTokenizer.v1"} if underthesea_tokenizer else {"use_pyvi": False}
    )
    nlp = spacy.blank("vi", config={"nlp": {"tokenizer": tokenizer}})
    nlp.add_pipe("vnextract", config=config)
    return nlp


def render_html(doc: Doc, page: bool = True) -> str:
    """displaCy's span view of every mention (DIRECTIVE, AMOUNT, COUNT, PLACE, COUNTRY)."""
    from spacy import displacy

    return displacy.render(doc, style="span", page=page, options={"spans_key": "vnextract", "colors": COLORS})
