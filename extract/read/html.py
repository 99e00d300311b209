"""HTML pages to text with trafilatura: the main text with one paragraph a line, and the
page's own title, date and author as fallbacks for the segmenter.

The date keeps the time and zone the page states: a ``<time datetime>`` attribute or an
``article:published_time`` meta value (``2019-07-24T08:53:00+07:00`` gives
``2019-07-24T08:53+07:00``), else trafilatura's date (a day). The author is a fallback only
where the canonical text writes it as it is (a byline is the credit as written).
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

# <meta property="article:published_time" content="..."> or <time datetime="...">, either order of attributes
_STATED = regex.compile(
    r"""(?is)<meta\b[^>]*?(?:property|name|itemprop)\s*=\s*["'](?:article:published_time|datePublished|pubdate|publishdate)["'][^>]*?content\s*=\s*["']([^"']+)["']"""
    r"""|<meta\b[^>]*?content\s*=\s*["']([^"']+)["'][^>]*?(?:property|name|itemprop)\s*=\s*["'](?:article:published_time|datePublished|pubdate|publishdate)["']"""
    r"""|<time\b[^>]*?datetime\s*=\s*["']([^"']+)["']"""
)
_ISO = regex.compile(r"(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?")


@dataclass
class HtmlText:
    text: str
    title: str | None
    published: str | None
    byline: str | None


def stated_datetime(html: str) -> str | None:
    """The publication date-time a page states in its markup, as SPEC section 2 writes it."""
    m = _STATED.search(html)
    if not m:
        return None
    iso = _ISO.match(next(g for g in m.groups() if g).strip())
    if not iso:
        return None
    day, clock, zone = iso.groups()
    if not clock:
        return day
    if zone == "Z":
        zone = "+00:00"
    elif zone and ":" not in zone:
        zone = f"{zone[:3]}:{zone[3:]}"
    return f"{day}T{clock}{zone or ''}"


def html_to_text(html: str) -> HtmlText:
    import trafilatura

    body = trafilatura.extract(
        html, output_format="txt", include_comments=False, include_tables=False, favor_precision=True
    ) or ""
    # not ``extensive``: a date the page states in its markup, never one guessed from the
    # body's text (a directive's ``ngày 06/7/2011`` is not the article's date)
    meta = trafilatura.extract_metadata(html, extensive=False)
    title = getattr(meta, "title", None) if meta else None
    date = getattr(meta, "date", None) if meta else None
    author = getattr(meta, "author", None) if meta else None
    text = f"{title}\n{body}" if title and not body.startswith(title) else body
    return HtmlText(text=text, title=title, published=stated_datetime(html) or date, byline=author)
