"""Runs over many inputs: one record per input, in input order, whatever the number of
worker processes; resumable after a crash; optional de-duplication; progress and summary.

Crash safety: each record is written as one complete line with a single ``write`` and
flushed. ``--resume`` drops a half-written last line, counts the complete records (they
are in input order) and skips that many inputs, checking that the last one written is
the input it expects; the run then appends the rest.
"""

from __future__ import annotations

import contextlib
import multiprocessing as mp
import os
import signal
import sys
import threading
import time
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import IO, Any

from .dedup import NearDedup, write_line
from .errors import InputError, Timeout
from .models import Record, dumps, error_record, loads
from .pipeline import extract_canonical, sha256_text
from .read.decode import canonicalize, decode_bytes
from .read.sources import DEFAULT_MAX_BYTES, Item, iter_items


@dataclass
class Options:
    tokens: bool = False
    include_text: bool = False
    doc_timeout: float = 120.0  # seconds per document; 0 disables
    max_bytes: int = DEFAULT_MAX_BYTES
    output: str | None = None  # the run's own output file, never read as an input
    signatures: bool = False  # --dedup near: each record carries its article's MinHash to the parent
    site_templates: bool = False  # a first pass counts each site's recurring lines (extract/sites.py)


def _first_few(shown: list[str], total: int) -> str:
    more = f" and {total - len(shown)} more" if total > len(shown) else ""
    return ", ".join(shown) + more


@dataclass
class Summary:
    ok: int = 0
    error: int = 0
    duplicates: int = 0
    skipped: int = 0  # already written before a --resume
    bytes: int = 0
    mentions: dict[str, int] = field(default_factory=lambda: {"directives": 0, "amounts": 0, "counts": 0})
    seconds: float = 0.0
    failed: list[str] = field(default_factory=list)  # the first few inputs that gave error records
    ids: set[str] = field(default_factory=set)  # every id written, so that ids join
    renamed: list[str] = field(default_factory=list)  # "a -> a~2" for a repeated id
    not_documents: int = 0  # archive members and WARC records left out (images, PDFs)
    not_documents_seen: list[str] = field(default_factory=list)

    def note_skip(self, item: Item) -> None:
        self.not_documents += 1
        if len(self.not_documents_seen) < 2:
            self.not_documents_seen.append(f"{item.source} ({item.skipped})")

    def unique(self, line: bytes, rec_id: str) -> bytes:
        """The record line with an id no earlier record of the run has: a repeated id
        (two inputs named ``a.txt`` in different folders) gets ``~2``, ``~3``, ..."""
        if rec_id not in self.ids:
            self.ids.add(rec_id)
            return line
        n = 2
        while f"{rec_id}~{n}" in self.ids:
            n += 1
        new = f"{rec_id}~{n}"
        self.ids.add(new)
        self.renamed.append(f"{rec_id} -> {new}")
        rec = loads(line)
        rec["id"] = new
        return dumps(rec) + b"\n"

    def add(self, stats: Stats, size: int) -> None:
        ok, duplicate, n_dir, n_amt, n_cnt, failed, _ = stats
        if failed and len(self.failed) < 3:
            self.failed.append(failed)
        self.bytes += size
        self.ok += ok
        self.error += not ok
        self.duplicates += duplicate
        self.mentions["directives"] += n_dir
        self.mentions["amounts"] += n_amt
        self.mentions["counts"] += n_cnt

    def failures(self) -> str:
        """``a.txt (ReadError), b.zip!x.txt (BinaryInput) and 4 more``."""
        return _first_few(self.failed, self.error)

    def renames(self) -> str:
        """``a -> a~2, b -> b~2 and 3 more``."""
        return _first_few(self.renamed[:3], len(self.renamed))

    def line(self) -> str:
        mb = self.bytes / 1e6
        rate = mb / self.seconds if self.seconds else 0.0
        m = self.mentions
        extra = f", {self.duplicates} duplicate" if self.duplicates else ""
        extra += f", {self.skipped} already done" if self.skipped else ""
        if self.not_documents:
            extra += f", {self.not_documents} members or records not documents, left out (e.g. {'; '.join(self.not_documents_seen)})"
        return (
            f"{self.ok + self.error} documents: {self.ok} ok, {self.error} error{extra}; "
            f"{m['directives']} directives, {m['amounts']} amounts, {m['counts']} counts; "
            f"{mb:.1f} MB in {self.seconds:.1f} s ({rate:.2f} MB/s)"
        )


class _Alarm(Exception):
    pass


def _on_alarm(signum, frame):  # noqa: ARG001
    raise _Alarm()


def decode_item(item: Item) -> tuple[str, list[str]]:
    """Canonical text of an item (bytes decoded, HTML through trafilatura)."""
    if item.text is not None:
        from .read.legacy import repair_legacy

        text = canonicalize(item.text)
        if not text.strip():
            from .errors import EmptyInput

            raise EmptyInput("empty text field")
        text, note = repair_legacy(text)
        return (canonicalize(text), [note]) if note else (text, [])
    decoded = decode_bytes(item.data or b"")
    text = decoded.text
    if item.html:
        text = canonicalize(_page(item, text).text)
        if not text.strip():
            from .errors import EmptyInput

            raise EmptyInput("no main text found in the HTML page")
    return text, decoded.repairs


def _page(item: Item, html: str | None = None):
    """trafilatura's reading of an HTML item, made once per item (text and metadata);
    ``html`` is the decoded page when the caller has it, else the bytes are decoded here."""
    if item.page is None:
        from .read.html import html_to_text

        item.page = html_to_text(decode_bytes(item.data or b"").text if html is None else html)
    return item.page


def process_item(item: Item, opts: Options, text: str | None = None) -> dict[str, Any]:
    """The record of one item; any failure becomes an error record (never an exception)."""
    if item.error is not None:
        return error_record(item.id, item.source, item.error.as_dict()).to_dict()
    timer = (
        opts.doc_timeout > 0
        and hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()  # signals need the main thread
    )
    try:
        if timer:
            old = signal.signal(signal.SIGALRM, _on_alarm)
            signal.setitimer(signal.ITIMER_REAL, opts.doc_timeout)
        try:
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
                from .dedup import SIG_KEY, signature

                rec[SIG_KEY] = signature(text, record)
            return rec
        finally:
            if timer:
                signal.setitimer(signal.ITIMER_REAL, 0)
                signal.signal(signal.SIGALRM, old)
    except _Alarm:
        err = Timeout(f"extraction took longer than --doc-timeout {opts.doc_timeout:g} s")
        return error_record(item.id, item.source, err.as_dict(), sha256_text(text) if text else None).to_dict()
    except InputError as exc:
        return error_record(item.id, item.source, exc.as_dict()).to_dict()
    except Exception as exc:  # a bug must not cost the run: report it in the record
        return error_record(item.id, item.source, {"type": "InternalError", "message": f"{type(exc).__name__}: {exc}"}).to_dict()


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
    if meta.published and (record.published is None or (len(meta.published) > 10 and meta.published[:10] == record.published[:10])):
        record.published = meta.published


def _duplicate_record(item: Item, sha: str, first: str) -> dict[str, Any]:
    rec = Record(id=item.id, source=item.source, sha256=sha, duplicate_of=first)
    return rec.to_dict()


Stats = tuple[bool, bool, int, int, int, str | None, str]  # ok, duplicate, mention counts, what failed, id
Done = tuple[bytes, int, Stats, bytes | None]  # JSON line, input bytes, stats, MinHash (--dedup near)


def _done(rec: dict[str, Any], size: int) -> Done:
    """A finished record as its JSON line and the figures the summary needs: made in the
    worker, so the parent only writes bytes (no record travels back as objects)."""
    from .dedup import SIG_KEY

    sig = rec.pop(SIG_KEY, None)
    ok = rec["status"] == "ok"
    failed = None if ok else f"{rec.get('source') or rec['id']} ({(rec.get('error') or {}).get('type', 'error')})"
    stats = (
        ok, bool(rec.get("duplicate_of")),
        len(rec["directives"]), len(rec["amounts"]), len(rec["counts"]), failed, rec["id"],
    )
    return dumps(rec) + b"\n", size, stats, sig


def _work(args: tuple[Any, Options]) -> Done:
    item, opts = args
    if isinstance(item, tuple):  # a duplicate record made by the parent
        return _done(*item)
    return _done(process_item(item, opts), item.size)


def iter_lines(
    items: Iterable[Item], opts: Options, jobs: int = 1, dedup: bool = False, seen: dict[str, str] | None = None
) -> Iterator[Done]:
    """Every item's record line, in input order, with ``jobs`` worker processes."""
    seen = {} if seen is None else seen
    if dedup:
        items = _dedup_stream(items, opts, seen)
    if jobs <= 1:
        for item in items:
            yield _work((item, opts))
        return
    ctx = mp.get_context("fork") if hasattr(os, "fork") else mp.get_context()
    # compile the patterns once here: forked workers inherit them instead of each compiling
    extract_canonical("Chỉ thị số 04-CT/TW ngày 06/7/2011 có 3 hội viên và 5 tỷ đồng.", "warm-up")
    with ctx.Pool(jobs) as pool:
        yield from pool.imap(_work, ((item, opts) for item in items), chunksize=32)


def _dedup_stream(items: Iterable[Item], opts: Options, seen: dict[str, str]) -> Iterator[Any]:
    """Decode in input order, so the first of identical texts is the one extracted."""
    for item in items:
        if item.error is not None:
            yield item
            continue
        try:
            text, repairs = decode_item(item)
        except InputError:
            yield item  # the worker writes its error record
            continue
        sha = sha256_text(text)
        if sha in seen:
            yield _duplicate_record(item, sha, seen[sha]), item.size
            continue
        seen[sha] = item.id
        yield Item(id=item.id, source=item.source, text=text, notes=item.notes, repairs=item.repairs + repairs, site=item.site)


def prepare_resume(path: str) -> tuple[int, str | None, dict[str, str], set[str]]:
    """Drop a half-written last line; return (complete records, last source, sha -> id,
    the ids written)."""
    if not os.path.exists(path):
        return 0, None, {}, set()
    with open(path, "rb+") as fh:
        data = fh.read()
        cut = data.rfind(b"\n") + 1
        if cut < len(data):
            fh.truncate(cut)
    count, last, seen, ids = 0, None, {}, set()
    for line in data[:cut].splitlines():
        if not line.strip():
            continue
        rec = loads(line)
        count += 1
        last = rec.get("source")
        ids.add(rec["id"])
        if rec.get("sha256") and not rec.get("duplicate_of") and rec.get("status") == "ok":
            seen.setdefault(rec["sha256"], rec["id"])
    return count, last, seen, ids


def run(
    inputs: list[str],
    out: IO[bytes],
    opts: Options,
    jobs: int = 1,
    dedup: bool = False,
    resume_from: int = 0,
    resume_source: str | None = None,
    seen: dict[str, str] | None = None,
    progress: bool = False,
    written_ids: set[str] | None = None,
    near: NearDedup | None = None,
) -> Summary:
    """Extract every input and write its record line to ``out`` (binary, opened by caller)."""
    summary = Summary(skipped=resume_from, ids=set(written_ids or ()))
    items: Iterator[Item] = iter_items(inputs, opts.max_bytes, skip=opts.output, on_skip=summary.note_skip)
    if opts.site_templates:
        from .sites import first_pass, with_evidence

        items = with_evidence(items, first_pass(inputs, opts))
    if resume_from:
        last = None
        for _ in range(resume_from):
            last = next(items, None)
        if last is None or (resume_source is not None and last.source != resume_source):
            raise SystemExit(
                "vnextract: --resume: the output does not match these inputs "
                f"(record {resume_from} is {resume_source!r}, input {resume_from} is "
                f"{getattr(last, 'source', None)!r}); run without --resume or with the same arguments"
            )
    bar = _progress_bar(inputs) if progress else None
    start = time.perf_counter()
    last_flush = start
    for line, size, stats, sig in iter_lines(items, opts, jobs, dedup, seen):
        out.write(write_line(summary, near, line, stats[-1], sig))  # whole lines only; a crash leaves at most one partial line
        summary.add(stats, size)
        now = time.perf_counter()
        if now - last_flush > 0.5:
            out.flush()
            last_flush = now
        if bar is not None:
            bar.update(1)
            elapsed = time.perf_counter() - start
            bar.set_postfix_str(f"{summary.bytes / 1e6 / max(elapsed, 1e-9):.2f} MB/s, {summary.error} errors", refresh=False)
    out.flush()
    summary.seconds = time.perf_counter() - start
    if bar is not None:
        bar.close()
    return summary


def _progress_bar(inputs: list[str]):
    from tqdm import tqdm

    from .read.sources import _kind, expand

    counts = [_count_documents(p, _kind(p)) for p in expand(inputs)]
    total = None if None in counts else sum(counts)  # an ETA whenever every input can be counted cheaply
    return tqdm(total=total, unit="doc", file=sys.stderr, dynamic_ncols=True)


def _count_documents(path: str, kind: str) -> int | None:
    """How many records an input gives, where that is cheap to know: a file is one, a
    JSONL file one per line, a zip one per document member (its directory); else None."""
    from .read.sources import is_document_name

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
    except (OSError, zipfile.BadZipFile):
        return None
    return None


@contextlib.contextmanager
def open_output(path: str | None, append: bool):
    if path is None or path == "-":
        yield sys.stdout.buffer
        return
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    with open(path, "ab" if append else "wb") as fh:
        yield fh
