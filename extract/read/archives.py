"""Archives and JSON Lines, read as streams: zip and tar members, JSONL lines, and archives
inside archives (a ``.zip`` in a ``.tar``, a ``.jsonl`` in a ``.zip``) read in memory to
``MAX_DEPTH`` levels, each at most ``--max-bytes``.

A member that cannot be read (encrypted, a compression method Python lacks, a link, a bomb,
too large, too deeply nested) is one error record; the members after it are still read.
"""

from __future__ import annotations

import gzip
import io
import tarfile
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import IO

import orjson

from ..errors import ArchiveError, BadJSON, InputError, TooLarge
from .sources import MAX_COMPRESSION_RATIO, Item, _kind, _stem, hidden_member, is_document_name


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
        if info.is_dir() or hidden_member(info.filename):
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
            if member.isdir() or hidden_member(name):
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

