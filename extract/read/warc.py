"""WARC and WARC.gz archives (warcio): every HTML or text response is one document;
``id`` is the WARC record id, ``source`` the target URI. A response whose HTTP status is
not 2xx (a redirect, a 404 page) is an ``HTTPStatus`` error record, not an article."""

from __future__ import annotations

from collections.abc import Iterator

from ..errors import ArchiveError, HTTPStatus, TooLarge
from .sources import Item


def read_warc(path: str, max_bytes: int) -> Iterator[Item]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    with open(path, "rb") as fh:
        try:
            for rec in ArchiveIterator(fh):
                if rec.rec_type not in ("response", "resource"):
                    continue
                ctype = (rec.http_headers.get_header("Content-Type") if rec.http_headers else None) or (
                    rec.rec_headers.get_header("Content-Type") or ""
                )
                ctype = ctype.lower()
                rec_id = (rec.rec_headers.get_header("WARC-Record-ID") or "").strip("<>")
                uri = rec.rec_headers.get_header("WARC-Target-URI") or f"{path}!{rec_id}"
                if "html" not in ctype and "text/plain" not in ctype:
                    yield Item(id=rec_id, source=uri, skipped=ctype.split(";")[0] or "no content type")
                    continue
                status = rec.http_headers.get_statuscode() if rec.http_headers else None
                if status and not status.startswith("2"):  # a redirect or an error page is not the article
                    yield Item(id=rec_id, source=uri, error=HTTPStatus(f"HTTP {rec.http_headers.statusline}"))
                    continue
                data = rec.content_stream().read(max_bytes + 1)
                if len(data) > max_bytes:
                    yield Item(id=rec_id, source=uri, error=TooLarge(f"record > --max-bytes {max_bytes}"))
                    continue
                missing = getattr(rec.raw_stream, "limit", 0) or 0
                if missing > 0:  # the stream ended before the record's Content-Length
                    yield Item(id=rec_id, source=uri, error=ArchiveError(
                        f"truncated WARC record: {missing} of {rec.length} bytes missing"))
                    return
                yield Item(id=rec_id, source=uri, data=data, html="html" in ctype)
        except (ArchiveLoadFailed, EOFError, OSError, ValueError) as exc:
            yield Item(id=f"{path}!truncated", source=f"{path}!", error=ArchiveError(f"truncated or corrupt WARC: {exc}"))
