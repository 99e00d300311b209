"""HTML pages to text with trafilatura: the main text with one paragraph a line, and the
page's own title, date and author as fallbacks for the segmenter."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class HtmlText:
    text: str
    title: str | None
    published: str | None
    byline: str | None


def html_to_text(html: str) -> HtmlText:
    import trafilatura

    body = trafilatura.extract(
        html, output_format="txt", include_comments=False, include_tables=False, favor_precision=True
    ) or ""
    meta = trafilatura.extract_metadata(html)
    title = getattr(meta, "title", None) if meta else None
    date = getattr(meta, "date", None) if meta else None
    author = getattr(meta, "author", None) if meta else None
    text = f"{title}\n{body}" if title and not body.startswith(title) else body
    return HtmlText(text=text, title=title, published=date, byline=author)
