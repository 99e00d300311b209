"""WARC and WARC.gz archives (warcio): every HTML or text response is one document;
``id`` is the WARC record id, ``source`` the target URI. A response whose HTTP status is
not 2xx (a redirect, a 404 page) is an ``HTTPStatus`` error record, not an article.

A record whose ``Content-Length`` is shorter than its body would be read cut (warcio
reads what the header says) while the rest of the body stands where the next record
should start. That record is an ``ArchiveError`` record, not a cut ``ok`` one; reading
goes on at the next ``WARC/`` header, so the records after it are not lost; and warcio's
warning about it (the whole remainder, on standard error) is not printed.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import IO

from ..errors import ArchiveError, HTTPStatus, TooLarge
from .sources import Item


def _iterator_class():
    from warcio.archiveiterator import ArchiveIterator

    class _Resyncing(ArchiveIterator):
        """An ArchiveIterator that counts the bytes between the end of a record (as its
        Content-Length says) and the next ``WARC/`` header, and skips them quietly."""

        junk = 0

        def _consume_blanklines(self):
            empty_size = 0
            while True:
                line = self.reader.readline()
                if not line:
                    return None, empty_size
                if line.strip() and not line.startswith(b"WARC/"):
                    self.junk += len(line)
                elif line.strip():
                    return line, empty_size
                empty_size += len(line)

    return _Resyncing


def read_warc(path: str, max_bytes: int) -> Iterator[Item]:
    with open(path, "rb") as fh:
        yield from read_warc_stream(fh, path, max_bytes)


def read_warc_stream(fh: IO[bytes], path: str, max_bytes: int) -> Iterator[Item]:
    """The documents of a WARC read from ``fh`` (``path`` names it in ids and sources).
    Each item is given out once the record after it has been reached, so that a record
    followed by the rest of its own body is known to be cut."""
    from warcio.exceptions import ArchiveLoadFailed

    it = _iterator_class()(fh)
    pending: Item | None = None
    junk_before = 0
    try:
        for rec in it:
            if pending is not None:
                yield _checked(pending, it.junk > junk_before)
                pending = None
            junk_before = it.junk
            item, stop = _record_item(rec, path, max_bytes)
            if stop:
                yield item
                return
            pending = item
        if pending is not None:
            yield _checked(pending, it.junk > junk_before)
    except (ArchiveLoadFailed, EOFError, OSError, ValueError) as exc:
        if pending is not None:
            yield _checked(pending, it.junk > junk_before)
        yield Item(
            id=f"{path}!truncated", source=f"{path}!", error=ArchiveError(f"truncated or corrupt WARC: {exc}")
        )


def _checked(item: Item, cut: bool) -> Item:
    if not cut or item.error is not None or item.skipped is not None:
        return item
    return Item(
        id=item.id,
        source=item.source,
        error=ArchiveError(
            "WARC record longer than its Content-Length header: its body was cut, so it is not read"
        ),
    )


def _record_item(rec, path: str, max_bytes: int) -> tuple[Item | None, bool]:
    """(the item of one WARC record or None, whether the archive ends here)."""
    if rec.rec_type not in ("response", "resource"):
        return None, False
    ctype = (rec.http_headers.get_header("Content-Type") if rec.http_headers else None) or (
        rec.rec_headers.get_header("Content-Type") or ""
    )
    ctype = ctype.lower()
    rec_id = (rec.rec_headers.get_header("WARC-Record-ID") or "").strip("<>")
    uri = rec.rec_headers.get_header("WARC-Target-URI") or f"{path}!{rec_id}"
    if "html" not in ctype and "text/plain" not in ctype:
        return Item(id=rec_id, source=uri, skipped=ctype.split(";")[0] or "no content type"), False
    status = rec.http_headers.get_statuscode() if rec.http_headers else None
    if status and not status.startswith("2"):  # a redirect or an error page is not the article
        return Item(id=rec_id, source=uri, error=HTTPStatus(f"HTTP {rec.http_headers.statusline}")), False
    data = rec.content_stream().read(max_bytes + 1)
    if len(data) > max_bytes:
        return Item(id=rec_id, source=uri, error=TooLarge(f"record > --max-bytes {max_bytes}")), False
    missing = getattr(rec.raw_stream, "limit", 0) or 0
    if missing > 0:  # the stream ended before the record's Content-Length
        return Item(
            id=rec_id,
            source=uri,
            error=ArchiveError(f"truncated WARC record: {missing} of {rec.length} bytes missing"),
        ), True
    return Item(id=rec_id, source=uri, data=data, html="html" in ctype), False
