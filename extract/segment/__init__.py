"""What the article is: lines, title, date, byline, paragraphs, sentences, words."""

from .meta import Layout, read_layout
from .sentences import split_sentences
from .words import word_spans

__all__ = ["Layout", "read_layout", "split_sentences", "word_spans"]
