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
import io
import os
import re
import stat
import sys
import tarfile
import zipfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

import orjson

from ..errors import ArchiveError, BadJSON, InputError, ReadError, TooLarge

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


def expand(inputs: list[str]) -> Iterator[str]:
    """Paths in input order: folders recursively (sorted), globs expanded (sorted)."""
    for arg in inputs:
        if arg == "-":
            yield arg
        elif os.path.isdir(arg):
            found = []
            for root, dirs, files in os.walk(arg):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))  # .venv, .git: never inputs
                for name in files:
                    if name.startswith("."):
                        continue
                    if _kind(name) != "text" or name.lower().endswith(TEXT_SUFFIXES):
                        found.append(os.path.join(root, name))
            yield from sorted(found)
        elif any(ch in arg for ch in "*?[") and not os.path.exists(arg):
            matches = sorted(glob.glob(arg, recursive=True))
            yield from matches if matches else [arg]
        else:
            yield arg


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
    for path in expand(inputs):
        if path == "-":
            data = sys.stdin.buffer.read(max_bytes + 1)  # an endless stream stops at the limit
            yield _sized(Item(id="stdin", source="-", data=data, html=looks_like_html(data)), max_bytes)
            continue
        if skip is not None and os.path.exists(path) and os.path.samefile(path, skip):
            continue  # the run's own output, inside an input folder: never read back
        for item in _guarded(_read_path(path, max_bytes), path):
            yield _printable(item)


def _read_path(path: str, max_bytes: int) -> Iterator[Item]:
    kind = _kind(path)
    if kind == "text" or kind == "html":
        yield _read_file(path, kind == "html", max_bytes)
    elif kind == "jsonl":
        opener = gzip.open if path.lower().endswith(".gz") else open
        with opener(path, "rb") as fh:
            yield from _read_jsonl(fh, path, max_bytes)
    elif kind == "zip":
        with zipfile.ZipFile(path) as zf:
            yield from _read_zip(zf, path, max_bytes, 0)
    elif kind == "tar":
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


def _read_jsonl(fh: IO[bytes], path: str, max_bytes: int) -> Iterator[Item]:
    """One document per line of a JSONL stream (``path`` names it in ids and sources)."""
    lineno = 0
    while True:
        try:
            raw = fh.readline(max_bytes + 1)
        except (EOFError, OSError, gzip.BadGzipFile) as exc:
            yield Item(
                id=f"{_stem(path)}:{lineno + 1}",
                source=f"{path}:{lineno + 1}",
                error=ArchiveError(f"truncated or corrupt after line {lineno}: {exc}"),
            )
            return
        if not raw:
            return
        lineno += 1
        source = f"{path}:{lineno}"
        if len(raw) > max_bytes and not raw.endswith(b"\n"):
            yield Item(
                id=f"{_stem(path)}:{lineno}",
                source=source,
                error=TooLarge(f"line {lineno} > --max-bytes {max_bytes}"),
            )
            while raw and not raw.endswith(b"\n"):  # skip the rest of the line
                raw = fh.readline(max_bytes)
            continue
        if lineno == 1 and raw.startswith(b"\xef\xbb\xbf"):
            raw = raw[3:]  # a UTF-8 BOM before the first line
        if not raw.strip():
            continue
        yield _jsonl_item(raw, path, lineno)


def _jsonl_item(raw: bytes, path: str, lineno: int) -> Item:
    source = f"{path}:{lineno}"
    try:
        obj = orjson.loads(raw)
    except orjson.JSONDecodeError as exc:
        return Item(id=f"{_stem(path)}:{lineno}", source=source, error=BadJSON(f"line {lineno}: {exc}"))
    page = obj.get("html") if isinstance(obj, dict) else None
    if not isinstance(obj, dict) or not (isinstance(obj.get("text"), str) or isinstance(page, str)):
        return Item(
            id=str(obj.get("id", f"{_stem(path)}:{lineno}"))
            if isinstance(obj, dict)
            else f"{_stem(path)}:{lineno}",
            source=source,
            error=BadJSON(f"line {lineno}: no string field 'text' or 'html'"),
        )
    item_id = _line_id(obj, raw) or str(obj.get("url") or f"{_stem(path)}:{lineno}")
    if isinstance(obj.get("text"), str):
        return Item(id=item_id, source=str(obj.get("url") or source), text=obj["text"])
    return Item(
        id=item_id, source=str(obj.get("url") or source), data=page.encode("utf-8"), html=True
    )  # a page: like .html


def _line_id(obj: dict, raw: bytes) -> str | None:
    """A JSONL line's own id, as written: ``0`` stays ``0``, a 30-digit number is not
    rounded to a float."""
    value = obj.get("id")
    if value is None or value == "":
        return None
    if isinstance(value, int | float) and not isinstance(value, bool):
        import json

        return str(json.loads(raw, parse_int=str, parse_float=str)["id"])
    return str(value)


MAX_DEPTH = 3  # archives inside archives are read this deep; deeper ones are error records
ARCHIVE_KINDS = ("zip", "tar", "jsonl", "warc")
_ZIP_METHODS = {zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED, zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA}


def _read_zip(zf: zipfile.ZipFile, path: str, max_bytes: int, depth: int) -> Iterator[Item]:
    for info in zf.infolist():
        if info.is_dir():
            continue
        name = info.filename
        source = f"{path}!{name}"
        if not (is_document_name(name) or _kind(name) in ARCHIVE_KINDS):
            yield Item(id=name, source=source, skipped="not a .txt or .html member")
            continue
        problem = _zip_problem(info, max_bytes)
        if problem is not None:
            yield Item(id=name, source=source, error=problem)
            continue
        try:
            with zf.open(info) as fh:
                data = fh.read(max_bytes + 1)
        except (
            zipfile.BadZipFile,
            OSError,
            EOFError,
            RuntimeError,
            NotImplementedError,
            ValueError,
            zlib.error,
        ) as exc:
            yield Item(
                id=name, source=source, error=ArchiveError(f"cannot read member: {type(exc).__name__}: {exc}")
            )
            continue
        if len(data) > max_bytes:
            yield Item(
                id=name, source=source, error=TooLarge(f"member inflates past --max-bytes {max_bytes}")
            )
            continue
        yield from _member(name, source, data, max_bytes, depth)


def _zip_problem(info: zipfile.ZipInfo, max_bytes: int) -> InputError | None:
    """Why a zip member cannot be read, before trying: encrypted, a compression method
    Python does not have (Deflate64, AES), a bomb, too large."""
    if info.flag_bits & 0x1:
        return ArchiveError("encrypted member (a password is needed); not read")
    if info.compress_type not in _ZIP_METHODS:
        return ArchiveError(
            f"compression method {info.compress_type} is not supported (Deflate64, AES, ...); not read"
        )
    if info.compress_size and info.file_size / info.compress_size > MAX_COMPRESSION_RATIO:
        return ArchiveError(
            f"compression ratio {info.file_size // max(info.compress_size, 1)}:1 looks like a zip bomb; not decompressed"
        )
    if info.file_size > max_bytes:
        return TooLarge(f"{info.file_size} bytes > --max-bytes {max_bytes}")
    return None


def _read_tar(tf: tarfile.TarFile, path: str, max_bytes: int, depth: int) -> Iterator[Item]:
    try:
        for member in tf:
            name = member.name
            source = f"{path}!{name}"
            if member.isdir():
                continue
            wanted = is_document_name(name) or _kind(name) in ARCHIVE_KINDS
            if not member.isfile():
                if wanted:  # a document name that is a link or a device: a record that says so
                    what = (
                        f"a {'hard' if member.islnk() else 'symbolic'} link to {member.linkname!r}"
                        if member.issym() or member.islnk()
                        else "not a regular file"
                    )
                    yield Item(
                        id=name,
                        source=source,
                        error=ArchiveError(
                            f"member is {what}; links are not followed (the target has its own record)"
                        ),
                    )
                continue
            if not wanted:
                yield Item(id=name, source=source, skipped="not a .txt or .html member")
                continue
            if member.size > max_bytes:
                yield Item(
                    id=name, source=source, error=TooLarge(f"{member.size} bytes > --max-bytes {max_bytes}")
                )
                continue
            fh = tf.extractfile(member)
            data = fh.read() if fh else b""
            yield from _member(name, source, data, max_bytes, depth)
    except (tarfile.TarError, EOFError, OSError, gzip.BadGzipFile, zlib.error) as exc:
        yield Item(
            id=f"{_stem(path)}!",
            source=f"{path}!",
            error=ArchiveError(f"truncated or corrupt archive: {exc}"),
        )


def _member(name: str, source: str, data: bytes, max_bytes: int, depth: int) -> Iterator[Item]:
    """An archive member: a document, or an archive inside the archive, read in memory
    (it is at most --max-bytes) to ``MAX_DEPTH`` levels."""
    kind = _kind(name)
    if is_document_name(name):
        yield Item(id=name, source=source, data=data, html=kind == "html", notes=_unsafe_name(name))
        return
    if depth + 1 > MAX_DEPTH:
        yield Item(
            id=name, source=source, error=ArchiveError(f"archive nested more than {MAX_DEPTH} deep; not read")
        )
        return
    try:
        if kind == "zip":
            with zipfile.ZipFile(io.BytesIO(data)) as zf:
                yield from _read_zip(zf, source, max_bytes, depth + 1)
        elif kind == "tar":
            with tarfile.open(fileobj=io.BytesIO(data), mode="r|*") as tf:
                yield from _read_tar(tf, source, max_bytes, depth + 1)
        elif kind == "jsonl":
            raw = io.BytesIO(data)
            fh = gzip.GzipFile(fileobj=raw) if name.lower().endswith(".gz") else raw
            yield from _read_jsonl(fh, source, max_bytes)
        elif kind == "warc":
            from .warc import read_warc_stream

            yield from read_warc_stream(io.BytesIO(data), source, max_bytes)
    except (OSError, EOFError, zipfile.BadZipFile, tarfile.TarError, gzip.BadGzipFile, zlib.error) as exc:
        yield Item(
            id=name,
            source=f"{source}!",
            error=ArchiveError(f"nested archive cannot be read: {type(exc).__name__}: {exc}"),
        )


def _unsafe_name(name: str) -> list[str]:
    """Member names that would escape a folder are reported (nothing is ever written)."""
    if name.startswith("/") or ".." in Path(name).parts:
        return [f"unsafe member name {name!r} (reported only; nothing is extracted to disk)"]
    return []

