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
from pathlib import Path
from typing import Any

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
        kind = _kind(path)
        try:
            if kind == "text" or kind == "html":
                yield _read_file(path, kind == "html", max_bytes)
            elif kind == "jsonl":
                yield from _read_jsonl(path, max_bytes)
            elif kind == "zip":
                yield from _read_zip(path, max_bytes)
            elif kind == "tar":
                yield from _read_tar(path, max_bytes)
            elif kind == "warc":
                from .warc import read_warc

                yield from read_warc(path, max_bytes)
        except InputError as exc:
            yield Item(id=_stem(path), source=path, error=exc)
        except (OSError, EOFError, zipfile.BadZipFile, tarfile.TarError, gzip.BadGzipFile) as exc:
            yield Item(id=_stem(path), source=path, error=ArchiveError(f"{type(exc).__name__}: {exc}"))


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


def _read_jsonl(path: str, max_bytes: int) -> Iterator[Item]:
    opener = gzip.open if path.lower().endswith(".gz") else open
    with opener(path, "rb") as fh:
        lineno = 0
        while True:
            try:
                raw = fh.readline(max_bytes + 1)
            except (EOFError, OSError, gzip.BadGzipFile) as exc:
                yield Item(id=f"{_stem(path)}:{lineno + 1}", source=f"{path}:{lineno + 1}",
                           error=ArchiveError(f"truncated or corrupt after line {lineno}: {exc}"))
                return
            if not raw:
                return
            lineno += 1
            source = f"{path}:{lineno}"
            if len(raw) > max_bytes and not raw.endswith(b"\n"):
                yield Item(id=f"{_stem(path)}:{lineno}", source=source, error=TooLarge(f"line {lineno} > --max-bytes {max_bytes}"))
                while raw and not raw.endswith(b"\n"):  # skip the rest of the line
                    raw = fh.readline(max_bytes)
                continue
            if lineno == 1 and raw.startswith(b"\xef\xbb\xbf"):
                raw = raw[3:]  # a UTF-8 BOM before the first line
            if not raw.strip():
                continue
            try:
                obj = orjson.loads(raw)
            except orjson.JSONDecodeError as exc:
                yield Item(id=f"{_stem(path)}:{lineno}", source=source, error=BadJSON(f"line {lineno}: {exc}"))
                continue
            page = obj.get("html") if isinstance(obj, dict) else None
            if not isinstance(obj, dict) or not (isinstance(obj.get("text"), str) or isinstance(page, str)):
                yield Item(id=str(obj.get("id", f"{_stem(path)}:{lineno}")) if isinstance(obj, dict) else f"{_stem(path)}:{lineno}",
                           source=source, error=BadJSON(f"line {lineno}: no string field 'text' or 'html'"))
                continue
            item_id = _line_id(obj, raw) or str(obj.get("url") or f"{_stem(path)}:{lineno}")
            if isinstance(obj.get("text"), str):
                yield Item(id=item_id, source=str(obj.get("url") or source), text=obj["text"])
            else:  # an HTML page saved in the line: read like an .html file
                yield Item(id=item_id, source=str(obj.get("url") or source), data=page.encode("utf-8"), html=True)


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


def _read_zip(path: str, max_bytes: int) -> Iterator[Item]:
    with zipfile.ZipFile(path) as zf:
        for info in zf.infolist():
            if info.is_dir():
                continue
            name = info.filename
            source = f"{path}!{name}"
            kind = _kind(name)
            if not is_document_name(name):
                yield Item(id=name, source=source, skipped="not a .txt or .html member")
                continue
            notes = _unsafe_name(name)
            if info.compress_size and info.file_size / info.compress_size > MAX_COMPRESSION_RATIO:
                yield Item(id=name, source=source, error=ArchiveError(
                    f"compression ratio {info.file_size // max(info.compress_size, 1)}:1 looks like a zip bomb; not decompressed"))
                continue
            if info.file_size > max_bytes:
                yield Item(id=name, source=source, error=TooLarge(f"{info.file_size} bytes > --max-bytes {max_bytes}"))
                continue
            try:
                with zf.open(info) as fh:
                    data = fh.read(max_bytes + 1)
            except (zipfile.BadZipFile, OSError, EOFError) as exc:
                yield Item(id=name, source=source, error=ArchiveError(f"cannot read member: {exc}"))
                continue
            if len(data) > max_bytes:
                yield Item(id=name, source=source, error=TooLarge(f"member inflates past --max-bytes {max_bytes}"))
                continue
            yield Item(id=name, source=source, data=data, html=kind == "html", notes=notes)


def _read_tar(path: str, max_bytes: int) -> Iterator[Item]:
    with tarfile.open(path, mode="r|*") as tf:  # streaming mode: one pass, no seeking
        try:
            for member in tf:
                if not member.isfile():
                    continue
                name = member.name
                kind = _kind(name)
                source = f"{path}!{name}"
                if not is_document_name(name):
                    yield Item(id=name, source=source, skipped="not a .txt or .html member")
                    continue
                if member.size > max_bytes:
                    yield Item(id=name, source=source, error=TooLarge(f"{member.size} bytes > --max-bytes {max_bytes}"))
                    continue
                fh = tf.extractfile(member)
                data = fh.read() if fh else b""
                yield Item(id=name, source=source, data=data, html=kind == "html", notes=_unsafe_name(name))
        except (tarfile.TarError, EOFError, OSError, gzip.BadGzipFile) as exc:
            yield Item(id=f"{_stem(path)}!", source=f"{path}!", error=ArchiveError(f"truncated or corrupt archive: {exc}"))


def _unsafe_name(name: str) -> list[str]:
    """Member names that would escape a folder are reported (nothing is ever written)."""
    if name.startswith("/") or ".." in Path(name).parts:
        return [f"unsafe member name {name!r} (reported only; nothing is extracted to disk)"]
    return []

