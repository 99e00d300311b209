"""Runs over many inputs: one record per input, in input order, whatever the number of
worker processes; resumable after a crash; optional de-duplication; progress and summary.

Crash safety: each record is written as one complete line with a single ``write`` and
flushed (``output.Writer``); ``--resume`` (``resume.py``) continues after the last complete
line. Memory stays flat whatever the speed of the reader of the output: at most a few
chunks of documents are in flight between the parent and the workers.
"""

from __future__ import annotations

import contextlib
import multiprocessing as mp
import os
import signal
import sys
import time
import zipfile
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import IO, Any

from ..errors import EmptyInput, InputError, Timeout
from ..pipeline import extract_canonical, sha256_text
from ..read.decode import canonicalize, check_text, decode_bytes
from ..read.sources import DEFAULT_MAX_BYTES, Item, iter_items
from ..record.models import Record, error_record
from ..record.write import Done, Duplicate, Summary, Writer, done, open_output  # noqa: F401 - open_output: the CLI's
from .deadline import DocTimeout, time_limit
from .resume import Resume, skip_done

CHUNK = 32  # documents sent to a worker at once
IN_FLIGHT = 4  # chunks in flight per worker: bounds the parent's memory when the output is read slowly


@dataclass
class Options:
    tokens: bool = False
    include_text: bool = False
    doc_timeout: float = 120.0  # seconds per document; 0 disables
    max_bytes: int = DEFAULT_MAX_BYTES
    output: str | None = None  # the run's own output file, never read as an input
    signatures: bool = False  # --dedup near: each record carries its article's MinHash to the parent
    site_templates: bool = False  # a first pass counts each site's recurring lines (extract/sites.py)


def decode_item(item: Item) -> tuple[str, list[str]]:
    """Canonical text of an item (bytes decoded, HTML through trafilatura)."""
    if item.text is not None:
        from ..read.legacy import repair_legacy

        text, repairs = check_text(item.text)
        if not text.strip():
            raise EmptyInput("empty text field")
        text, note = repair_legacy(text)
        return (canonicalize(text), repairs + [note]) if note else (text, repairs)
    decoded = decode_bytes(item.data or b"")
    text = decoded.text
    if item.html:
        text = canonicalize(_page(item, text).text)
        if not text.strip():
            raise EmptyInput("no main text found in the HTML page")
    return text, decoded.repairs


def _page(item: Item, html: str | None = None):
    """trafilatura's reading of an HTML item, made once per item (text and metadata);
    ``html`` is the decoded page when the caller has it, else the bytes are decoded here."""
    if item.page is None:
        from ..read.html import html_to_text

        item.page = html_to_text(decode_bytes(item.data or b"").text if html is None else html)
    return item.page


def process_item(item: Item, opts: Options, text: str | None = None) -> dict[str, Any]:
    """The record of one item; any failure becomes an error record (never an exception).
    An item the parent already decoded (``--dedup``: ``sha256`` set) holds its canonical text."""
    if item.error is not None:
        return error_record(item.id, item.source, item.error.as_dict(), item.sha256).to_dict()
    if text is None and item.sha256 is not None:
        text = item.text
    try:
        with time_limit(opts.doc_timeout):
            repairs = list(item.repairs)
            if text is None:
                text, more = decode_item(item)
                repairs += more
            record = extract_canonical(text, item.id, item.source, opts.tokens, opts.include_text, site=item.site)
            if item.html:
                _html_fallbacks(item, record, text)
            if repairs or item.notes:  # the record is good; say what was repaired or odd
                kind = "repaired" if repairs else "warning"
                record.error = {"type": kind, "message": "; ".join(repairs + item.notes)}
            rec = record.to_dict()
            if opts.signatures:
                from .near import SIG_KEY, signature

                rec[SIG_KEY] = signature(text, record)
            return rec
    except DocTimeout:
        err = Timeout(f"extraction took longer than --doc-timeout {opts.doc_timeout:g} s")
        return error_record(
            item.id, item.source, err.as_dict(), sha256_text(text) if text else None
        ).to_dict()
    except InputError as exc:
        return error_record(
            item.id, item.source, exc.as_dict(), sha256_text(text) if text else None
        ).to_dict()
    except Exception as exc:  # a bug must not cost the run: report it in the record
        err = {"type": "InternalError", "message": f"{type(exc).__name__}: {exc}"}
        return error_record(item.id, item.source, err, sha256_text(text) if text else None).to_dict()


def _html_fallbacks(item: Item, record: Record, text: str) -> None:
    """The page's own metadata where the segmenter found none: the title and the byline
    only as the canonical text writes them (offsets and credits stay checkable), the date
    with the time and zone the markup states."""
    try:
        meta = _page(item)
    except InputError:
        return
    if record.title is None and meta.title and canonicalize(meta.title) in text:
        record.title = canonicalize(meta.title)
    if record.byline is None and meta.byline and canonicalize(meta.byline) in text:
        record.byline = canonicalize(meta.byline)
    if meta.published and (
        record.published is None
        or (len(meta.published) > 10 and meta.published[:10] == record.published[:10])
    ):
        record.published = meta.published


def warm_up() -> None:
    """Compile the patterns and load the lexicons before the first document's clock starts:
    that takes longer than a short --doc-timeout, and is no document's fault."""
    extract_canonical("Chỉ thị số 04-CT/TW ngày 06/7/2011 có 3 hội viên và 5 tỷ đồng.", "warm-up")


def _work(item: Item | Duplicate, opts: Options) -> Done | Duplicate:
    if isinstance(item, Duplicate):  # its record is made by the writer, in order
        return item
    return safe_done(process_item(item, opts), item)


def safe_done(rec: dict[str, Any], item: Item) -> Done:
    """The record's line; a record that cannot be written (a bug) is still one record."""
    try:
        return done(rec, item.size)
    except Exception as exc:
        err = {"type": "InternalError", "message": f"record not serialisable: {type(exc).__name__}: {exc}"}
        return done(error_record(item.id, item.source, err, rec.get("sha256")).to_dict(), item.size)


def _work_chunk(chunk: list[Item | Duplicate], opts: Options) -> list[Done | Duplicate]:
    return [_work(item, opts) for item in chunk]


def _worker_init(parent: int) -> None:
    """A worker whose parent is gone (killed, or its output pipe closed) dies quietly:
    no BrokenPipe traceback, and no orphan left waiting forever on the task queue (on Linux
    the kernel ends it with its parent). Ctrl-C is the parent's to handle."""
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    with contextlib.suppress(OSError, AttributeError):
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    if os.getppid() != parent:  # the parent died before the line above
        os._exit(0)


def iter_lines(
    items: Iterable[Item], opts: Options, jobs: int = 1, dedup: bool = False, seen: set[str] | None = None
) -> Iterator[Done | Duplicate]:
    """Every item's finished record (or, with ``dedup``, a later copy to be written as a
    duplicate), in input order, with ``jobs`` worker processes."""
    if dedup:
        from .dedup import dedup_stream

        items = dedup_stream(items, opts, set() if seen is None else seen)
    warm_up()  # forked workers inherit the compiled patterns instead of each compiling
    if jobs <= 1:
        for item in items:
            yield _work(item, opts)
        return
    ctx = mp.get_context("fork") if hasattr(os, "fork") else mp.get_context()
    with ctx.Pool(jobs, initializer=_worker_init, initargs=(os.getpid(),)) as pool:
        window: deque = deque()  # chunks in flight, in input order
        for chunk in _chunks(items, CHUNK):
            window.append(pool.apply_async(_work_chunk, (chunk, opts)))
            if len(window) >= IN_FLIGHT * jobs:
                yield from window.popleft().get()
        while window:
            yield from window.popleft().get()


def _chunks(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    chunk: list[Any] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def run(
    inputs: list[str],
    out: IO[bytes],
    opts: Options,
    jobs: int = 1,
    dedup: bool = False,
    resume: Resume | None = None,
    progress: bool = False,
    near: Any = None,
) -> Summary:
    """Extract every input and write its record line to ``out`` (binary, opened by caller);
    ``near`` (``--dedup near``, a ``near.NearDedup``) marks near copies as they are written."""
    resume = resume or Resume()
    summary = Summary(
        skipped=resume.done, earlier_errors=resume.errors, failed=list(resume.failed), ids=set(resume.ids)
    )
    items: Iterator[Item] = skip_done(with_site_lines(inputs, opts, summary), resume)
    writer = Writer(out, summary, dict(resume.outcomes), near)
    bar = _progress_bar(inputs) if progress else None
    start = time.perf_counter()
    for finished in iter_lines(items, opts, jobs, dedup, set(resume.outcomes)):
        writer.write(finished)
        if bar is not None:
            bar.update(1)
            elapsed = time.perf_counter() - start
            bar.set_postfix_str(
                f"{summary.bytes / 1e6 / max(elapsed, 1e-9):.2f} MB/s, {summary.error} errors", refresh=False
            )
    summary.seconds = time.perf_counter() - start
    if bar is not None:
        bar.close()
    return summary


def with_site_lines(inputs: list[str], opts: Options, summary: Summary) -> Iterator[Item]:
    """The run's items; with ``--site-templates``, each carrying the lines its site repeats
    (a first pass over the inputs counts them: ``sites.py``)."""
    items: Iterator[Item] = iter_items(inputs, opts.max_bytes, skip=opts.output, on_skip=summary.note_skip)
    if opts.site_templates:
        from .sites import first_pass, with_evidence

        items = with_evidence(items, first_pass(inputs, opts))
    return items


def _progress_bar(inputs: list[str]):
    from tqdm import tqdm

    from ..read.sources import _kind, expand

    counts = [_count_documents(p, _kind(p)) for p in expand(inputs)]
    total = None if None in counts else sum(counts)  # an ETA whenever every input can be counted cheaply
    return tqdm(total=total, unit="doc", file=sys.stderr, dynamic_ncols=True)


def _count_documents(path: str, kind: str) -> int | None:
    """How many records an input gives, for the progress bar's ETA: a file is one, a JSONL
    file one per line, a zip one per document member (its directory). Any other container
    (gzipped JSONL, tar, WARC) is read once through its reader without extracting: reading
    and decompressing run at tens of MB/s, extraction at a few, so the count costs a small
    share of the run and matches its records exactly. Standard input is not counted."""
    from ..read.sources import is_document_name, iter_items

    if path == "-":
        return None
    if kind in ("text", "html"):
        return 1
    try:
        if kind == "jsonl" and not path.lower().endswith(".gz"):
            with open(path, "rb") as fh:
                return sum(chunk.count(b"\n") for chunk in iter(lambda: fh.read(1 << 20), b""))
        if kind == "zip":
            with zipfile.ZipFile(path) as zf:
                return sum(1 for info in zf.infolist() if not info.is_dir() and is_document_name(info.filename))
        return sum(1 for item in iter_items([path]) if item.skipped is None)
    except (OSError, zipfile.BadZipFile):
        return None
    except Exception:  # a reader's failure shows in the run itself; the bar goes without an ETA
        return None
