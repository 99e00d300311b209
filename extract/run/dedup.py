"""``--dedup``: a text already seen in the run is not extracted again.

Texts are decoded in the parent, in input order, so that the first of identical texts is
the one extracted; the decoding runs under the same ``--doc-timeout`` as extraction (a
document that decodes slowly is a Timeout record, not a stalled run). A later copy becomes
a :class:`~extract.record.write.Duplicate`, whose record the writer makes from the first copy's
outcome: ``ok`` only when the first copy's record is ``ok``.

The decoded item keeps what the record needs from its input: whether it was an HTML page
(and trafilatura's reading of it, for the date and author fallbacks), its notes and the
repairs made while decoding.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace

from ..errors import InputError, Timeout
from ..pipeline import sha256_text
from ..read.sources import Item
from ..record.write import Duplicate
from .batch import Options, decode_item
from .deadline import DocTimeout, time_limit


def dedup_stream(items: Iterable[Item], opts: Options, seen: set[str]) -> Iterator[Item | Duplicate]:
    """Each item decoded (its text canonical, ``sha256`` set), or a Duplicate of an
    earlier one; ``seen`` holds the sha-256 of every first copy (a resumed run passes those
    of the records already written)."""
    for item in items:
        if item.error is not None:
            yield item
            continue
        try:
            with time_limit(opts.doc_timeout):
                text, repairs = decode_item(item)
        except DocTimeout:
            yield replace(
                item,
                data=None,
                text=None,
                error=Timeout(f"decoding took longer than --doc-timeout {opts.doc_timeout:g} s"),
            )
            continue
        except InputError:
            yield item  # the worker writes its error record
            continue
        except Exception:  # noqa: BLE001 - a bug: the worker meets it again and writes an InternalError record
            yield item
            continue
        sha = sha256_text(text)
        if sha in seen:
            yield Duplicate(id=item.id, source=item.source, sha256=sha, size=item.size)
            continue
        seen.add(sha)
        yield replace(item, data=None, text=text, repairs=item.repairs + repairs, sha256=sha)
