"""Where documents come from: files, folders, globs, standard input, and archives
(zip, tar, tar.gz, JSONL, JSONL.gz, WARC, WARC.gz) and HTML pages.

Everything is streamed: an archive member is read when its turn comes, nothing is
unpacked to disk, and memory does not grow with the archive. Each input yields one
``Item``; an input that cannot be read yields an ``Item`` carrying its error, so that
the run writes an error record for it and goes on.
"""

from __future__ import annotations

import glob
import gzip
import os
import re
import stat
import sys
import tarfile
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from ..errors import ArchiveError, InputError, ReadError, TooLarge

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
MAX_COMPRESSION_RATIO = 200  # a member that inflates more than this is a zip bomb
TEXT_SUFFIXES = (".txt",)
HTML_SUFFIXES = (".html", ".htm")


@dataclass
class Item:
    """One document to extract, or the error that stopped it."""

    id: str
    source: str
    data: bytes | None = None
    text: str | None = None  # already decoded (a JSONL ``text`` field)
    html: bool = False  # data is an HTML page: trafilatura extracts its text
    page: Any = None  # trafilatura's reading of it, once made (read.html.HtmlText)
    skipped: str | None = None  # not a document (an image in a WARC, a .pdf member): why
    error: InputError | None = None
    notes: list[str] = field(default_factory=list)  # warnings about the input (odd member names)
    repairs: list[str] = field(default_factory=list)  # repairs already made while decoding (--dedup)
    sha256: str | None = None  # of the canonical text, once the parent has decoded it (--dedup)
    site: Any = None  # --site-templates: the lines its site repeats (segment.templates.SiteLines)

    @property
    def size(self) -> int:
        if self.data is not None:
            return len(self.data)
        return len(self.text.encode("utf-8")) if self.text is not None else 0


_HTML_START = re.compile(rb"(?is)\A(?:\xef\xbb\xbf)?\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title)\b")


def looks_like_html(data: bytes) -> bool:
    """An HTML page by its first tag (standard input has no file name to say so)."""
    return bool(_HTML_START.match(data[:4096]))


def _stem(name: str) -> str:
    """The id of a file input: its name without the extension (``a/b/c.txt`` -> ``c``;
    never empty: ``nosuchdir/`` -> ``nosuchdir``)."""
    base = name.rstrip("/").rsplit("/", 1)[-1] or name
    for suffix in (".txt", ".html", ".htm"):
        if base.lower().endswith(suffix):
            return base[: -len(suffix)]
    return base


def is_document_name(name: str) -> bool:
    """An archive member read as a document: ``.txt`` and the other text names, or HTML."""
    kind = _kind(name)
    return kind == "html" or (kind == "text" and name.lower().endswith(TEXT_SUFFIXES))


def _kind(path: str) -> str:
    low = path.lower()
    for suffix, kind in (
        (".jsonl.gz", "jsonl"), (".jsonl", "jsonl"), (".ndjson", "jsonl"),
        (".warc.gz", "warc"), (".warc", "warc"),
        (".tar.gz", "tar"), (".tgz", "tar"), (".tar", "tar"), (".zip", "zip"),
        (".html", "html"), (".htm", "html"),
    ):
        if low.endswith(suffix):
            return kind
    return "text"


def hidden_member(name: str) -> bool:
    """A file or folder no input walk reads, in a folder or an archive alike: hidden
    (``.DS_Store``, ``.git/``, ``.venv/``) or the resource forks macOS zips carry
    (``__MACOSX/``). Left out without a word. ``name`` may be a path inside an archive."""
    parts = PurePosixPath(name.replace("\\", "/")).parts
    return any((part.startswith(".") and part != "..") or part == "__MACOSX" for part in parts)


def expand(inputs: list[str], not_document: Callable[[str], None] | None = None) -> Iterator[str]:
    """Paths in input order: folders recursively (sorted), globs expanded (sorted). A file
    in a folder that is no document and no container (an image, a PDF, a CSV) is passed
    to ``not_document`` instead, before the folder's first path, so that a run can say
    what it left out."""
    for arg in inputs:
        if arg == "-":
            yield arg
        elif os.path.isdir(arg):
            found = []
            for root, dirs, files in os.walk(arg):
                dirs[:] = sorted(d for d in dirs if not hidden_member(d))  # .venv, .git: never inputs
                for name in files:
                    if hidden_member(name):
                        continue
                    if _kind(name) != "text" or name.lower().endswith(TEXT_SUFFIXES):
                        found.append(os.path.join(root, name))
                    elif not_document is not None:
                        not_document(os.path.join(root, name))
            yield from sorted(found)
        else:
            yield from named_paths(arg)


def named_paths(arg: str) -> list[str]:
    """The paths an input that is no folder names: itself, or a glob's matches (sorted;
    a glob that matches nothing stays itself, so that the run says it is missing)."""
    if any(ch in arg for ch in "*?[") and not os.path.exists(arg):
        return sorted(glob.glob(arg, recursive=True)) or [arg]
    return [arg]


def iter_items(
    inputs: list[str], max_bytes: int = DEFAULT_MAX_BYTES, skip: str | None = None, on_skip: Callable[[Item], None] | None = None
) -> Iterator[Item]:
    """Every document of every input, in input order (``skip``: the run's output file).
    Archive members and WARC records that are not documents (images, PDFs) are passed to
    ``on_skip`` instead, so that a run can say how many it left out."""
    for item in _all_items(inputs, max_bytes, skip):
        if item.skipped is None:
            yield item
        elif on_skip is not None:
            on_skip(item)


def _all_items(inputs: list[str], max_bytes: int, skip: str | None) -> Iterator[Item]:
    left_out: list[str] = []  # files of an input folder that are no documents
    for path in expand(inputs, left_out.append):
        yield from _not_documents(left_out)
        if path == "-":
            yield from _stdin_items(max_bytes)
            continue
        if skip is not None and os.path.exists(path) and os.path.samefile(path, skip):
            continue  # the run's own output, inside an input folder: never read back
        for item in _guarded(_read_path(path, max_bytes), path):
            yield _printable(item)
    yield from _not_documents(left_out)


def _stdin_items(max_bytes: int) -> Iterator[Item]:
    """Standard input: JSON Lines when its first line is a JSON object with a string
    ``text`` or ``html`` (``cat news.jsonl | vnextract run -``), read line by line as a
    ``.jsonl`` file is; else one document (an endless stream stops at the limit)."""
    import orjson

    from .archives import _read_jsonl

    stream = sys.stdin.buffer
    first = stream.readline(max_bytes + 1)
    try:
        head = orjson.loads(first.removeprefix(b"\xef\xbb\xbf")) if first.lstrip().startswith((b"{", b"\xef")) else None
    except orjson.JSONDecodeError:
        head = None
    if isinstance(head, dict) and any(isinstance(head.get(k), str) for k in ("text", "html")):
        yield from _read_jsonl(_Joined(first, stream), "-", max_bytes)
        return
    data = first + stream.read(max_bytes + 1 - len(first)) if len(first) <= max_bytes else first
    yield _sized(Item(id="stdin", source="-", data=data, html=looks_like_html(data)), max_bytes)


class _Joined:
    """A line already read, then the rest of the stream: what ``_read_jsonl`` reads from."""

    def __init__(self, first: bytes, rest) -> None:
        self._first: bytes | None = first
        self._rest = rest

    def readline(self, size: int = -1) -> bytes:
        if self._first is not None:
            line, self._first = self._first, None
            return line
        return self._rest.readline(size)


def _not_documents(paths: list[str]) -> Iterator[Item]:
    """The folder files ``expand`` left out, as items a run counts and names (emptied)."""
    for path in paths:
        yield Item(id=os.path.basename(path), source=path, skipped="not a text, HTML, JSONL, WARC or archive file")
    paths.clear()


def _read_path(path: str, max_bytes: int) -> Iterator[Item]:
    kind = _kind(path)
    if kind == "text" or kind == "html":
        yield _read_file(path, kind == "html", max_bytes)
    elif kind == "jsonl":
        from .archives import _read_jsonl

        opener = gzip.open if path.lower().endswith(".gz") else open
        with opener(path, "rb") as fh:
            yield from _read_jsonl(fh, path, max_bytes)
    elif kind == "zip":
        from .archives import _read_zip

        with zipfile.ZipFile(path) as zf:
            yield from _read_zip(zf, path, max_bytes, 0)
    elif kind == "tar":
        from .archives import _read_tar

        with tarfile.open(path, mode="r|*") as tf:  # streaming mode: one pass, no seeking
            yield from _read_tar(tf, path, max_bytes, 0)
    elif kind == "warc":
        from .warc import read_warc

        yield from read_warc(path, max_bytes)


def _guarded(items: Iterator[Item], path: str) -> Iterator[Item]:
    """The items of one input; a reader that fails gives one error record for the rest of
    that input, and the run goes on with the next input (nothing escapes as a traceback)."""
    try:
        yield from items
    except InputError as exc:
        yield Item(id=_stem(path), source=path, error=exc)
    except (OSError, EOFError, zipfile.BadZipFile, tarfile.TarError, gzip.BadGzipFile) as exc:
        yield Item(id=_stem(path), source=path, error=ArchiveError(f"{type(exc).__name__}: {exc}"))
    except Exception as exc:  # a reader's fault on a hostile archive: one record, not a lost run
        yield Item(
            id=_stem(path), source=path, error=ArchiveError(f"cannot read: {type(exc).__name__}: {exc}")
        )


def _printable(item: Item) -> Item:
    """A file or member name that is not valid UTF-8 (Linux allows any bytes) cannot be
    written in JSON as it is: its bad bytes are shown as ``\\xff`` escapes, with a note."""
    bad = [s for s in (item.id, item.source) if s is not None and not _utf8_ok(s)]
    if not bad and (item.error is None or _utf8_ok(str(item.error))):
        return item
    item.id, item.source = _escaped(item.id), _escaped(item.source) if item.source is not None else None
    if item.error is not None:
        item.error = type(item.error)(_escaped(str(item.error)))
    if bad:
        item.notes = item.notes + [
            f"name is not valid UTF-8; its bytes are written as \\x escapes: {item.source}"
        ]
    return item


def _utf8_ok(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _escaped(text: str) -> str:
    try:
        return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:  # a surrogate that is no escaped byte
        return text.encode("utf-8", "backslashreplace").decode("utf-8")


def _sized(item: Item, max_bytes: int) -> Item:
    if item.error is None and item.size > max_bytes:
        return Item(id=item.id, source=item.source, error=TooLarge(f"{item.size} bytes > --max-bytes {max_bytes}"))
    return item


def _read_file(path: str, html: bool, max_bytes: int) -> Item:
    item_id = _stem(path)
    try:
        info = os.stat(path)
        if not stat.S_ISREG(info.st_mode):  # a FIFO, a socket, /dev/zero: reading could block or never end
            return Item(id=item_id, source=path, error=ReadError(f"not a regular file: {path}"))
        size = info.st_size
        if size > max_bytes:
            return Item(id=item_id, source=path, error=TooLarge(f"{size} bytes > --max-bytes {max_bytes}"))
        data = Path(path).read_bytes()
    except FileNotFoundError:
        return Item(id=item_id, source=path, error=ReadError(f"no such file: {path}"))
    except IsADirectoryError:
        return Item(id=item_id, source=path, error=ReadError(f"is a directory: {path}"))
    except PermissionError:
        return Item(id=item_id, source=path, error=ReadError(f"permission denied: {path}"))
    except OSError as exc:
        return Item(id=item_id, source=path, error=ReadError(f"cannot read {path}: {exc.strerror or exc}"))
    return Item(id=item_id, source=path, data=data, html=html)
