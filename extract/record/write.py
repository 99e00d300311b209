"""Writing a run's records: one whole line per record, flushed at once, ids unique within
the run, duplicate records made from their first copy's outcome, and the run's summary.

Both engines (local processes and Dask) write through :class:`Writer`, so they write the
same bytes for the same inputs.
"""

from __future__ import annotations

import contextlib
import os
import sys
from dataclasses import dataclass, field
from typing import IO, Any

import orjson

from ..errors import UsageError
from ..run.near import SIG_KEY
from .models import Record, dumps, loads


@dataclass(slots=True)
class Stats:
    """What the summary and the writer need to know about a finished record (made in the
    worker, so that no record travels back to the parent as objects)."""

    id: str
    ok: bool
    duplicate: bool
    directives: int
    amounts: int
    counts: int
    failed: str | None  # "source (ErrorType)" for an error record
    sha256: str | None
    error: dict[str, str] | None
    signature: bytes | None = None  # --dedup near: the article's MinHash (near.py), decided on in the parent


Done = tuple[bytes, int, Stats]  # JSON line, input bytes, stats


def done(rec: dict[str, Any], size: int) -> Done:
    """A finished record as its JSON line and its stats."""
    signature = rec.pop(SIG_KEY, None)
    ok = rec["status"] == "ok"
    failed = (
        None if ok else f"{rec.get('source') or rec['id']} ({(rec.get('error') or {}).get('type', 'error')})"
    )
    stats = Stats(
        id=rec["id"],
        ok=ok,
        duplicate=bool(rec.get("duplicate_of")),
        directives=len(rec["directives"]),
        amounts=len(rec["amounts"]),
        counts=len(rec["counts"]),
        failed=failed,
        sha256=rec.get("sha256"),
        error=rec.get("error"),
        signature=signature,
    )
    return dumps(rec) + b"\n", size, stats


@dataclass(slots=True)
class Duplicate:
    """An input whose canonical text an earlier input of the run already had (``--dedup``).
    Its record is made by the writer, in input order, from the first copy's outcome."""

    id: str
    source: str | None
    sha256: str
    size: int


@dataclass(slots=True)
class Outcome:
    """What became of the first copy of a text: its final id and its error, if it failed."""

    id: str
    ok: bool
    error: dict[str, str] | None


def duplicate_record(dup: Duplicate, first: Outcome | None) -> dict[str, Any]:
    """The record of a later copy. It is not extracted again, so it is ``ok`` only when the
    first copy was: a copy of a text that failed (a Timeout) fails the same way, and says so."""
    rec = Record(id=dup.id, source=dup.source, sha256=dup.sha256, duplicate_of=first.id if first else None)
    if first is None:
        rec.status, rec.error = (
            "error",
            {"type": "InternalError", "message": "duplicate of a text with no record"},
        )
    elif not first.ok:
        kind = (first.error or {}).get("type", "error")
        rec.status = "error"
        rec.error = {
            "type": kind,
            "message": f"same text as {first.id}, which failed: {(first.error or {}).get('message', '')}",
        }
    return rec.to_dict()


def _first_few(shown: list[str], total: int) -> str:
    more = f" and {total - len(shown)} more" if total > len(shown) else ""
    return ", ".join(shown) + more


@dataclass
class Summary:
    ok: int = 0
    error: int = 0
    duplicates: int = 0
    skipped: int = 0  # already written before a --resume
    earlier_errors: int = 0  # error records among those already written
    bytes: int = 0
    mentions: dict[str, int] = field(default_factory=lambda: {"directives": 0, "amounts": 0, "counts": 0})
    seconds: float = 0.0
    failed: list[str] = field(default_factory=list)  # the first few inputs that gave error records
    ids: set[str] = field(default_factory=set)  # every id written, so that ids join
    renamed: list[str] = field(default_factory=list)  # "a -> a~2" for a repeated id
    not_documents: int = 0  # archive members and WARC records left out (images, PDFs)
    not_documents_seen: list[str] = field(default_factory=list)

    def note_skip(self, item: Any) -> None:
        self.not_documents += 1
        if len(self.not_documents_seen) < 2:
            self.not_documents_seen.append(f"{item.source} ({item.skipped})")

    def unique(self, line: bytes, rec_id: str) -> tuple[bytes, str]:
        """The record line with an id no earlier record of the run has: a repeated id
        (two inputs named ``a.txt`` in different folders) gets ``~2``, ``~3``, ...
        Only the id is rewritten (the line's first field), so every other byte, exact
        numbers included, stays as the worker wrote it."""
        if rec_id not in self.ids:
            self.ids.add(rec_id)
            return line, rec_id
        n = 2
        while f"{rec_id}~{n}" in self.ids:
            n += 1
        new = f"{rec_id}~{n}"
        self.ids.add(new)
        self.renamed.append(f"{rec_id} -> {new}")
        head = b'{"id":' + orjson.dumps(rec_id)
        if line.startswith(head):
            return b'{"id":' + orjson.dumps(new) + line[len(head) :], new
        rec = loads(line)
        rec["id"] = new
        return dumps(rec) + b"\n", new

    def add(self, stats: Stats, size: int) -> None:
        if stats.failed and len(self.failed) < 3:
            self.failed.append(stats.failed)
        self.bytes += size
        self.ok += stats.ok
        self.error += not stats.ok
        self.duplicates += stats.duplicate
        self.mentions["directives"] += stats.directives
        self.mentions["amounts"] += stats.amounts
        self.mentions["counts"] += stats.counts

    @property
    def total_errors(self) -> int:
        """Error records in the whole output, those written before a ``--resume`` included."""
        return self.error + self.earlier_errors

    def failures(self) -> str:
        """``a.txt (ReadError), b.zip!x.txt (BinaryInput) and 4 more``."""
        return _first_few(self.failed, self.total_errors)

    def renames(self) -> str:
        """``a -> a~2, b -> b~2 and 3 more``."""
        return _first_few(self.renamed[:3], len(self.renamed))

    def line(self) -> str:
        mb = self.bytes / 1e6
        rate = mb / self.seconds if self.seconds else 0.0
        m = self.mentions
        extra = f", {self.duplicates} duplicate" if self.duplicates else ""
        if self.skipped:
            extra += f", {self.skipped} already done ({self.earlier_errors} of them error records)"
        if self.not_documents:
            extra += f", {self.not_documents} files, members or records not documents, left out (e.g. {'; '.join(self.not_documents_seen)})"
        return (
            f"{self.ok + self.error} documents: {self.ok} ok, {self.error} error{extra}; "
            f"{m['directives']} directives, {m['amounts']} amounts, {m['counts']} counts; "
            f"{mb:.1f} MB in {self.seconds:.1f} s ({rate:.2f} MB/s)"
        )


class Writer:
    """Writes finished records in input order: the duplicate records are made here (the
    first copy's outcome is known by then), ids made unique, each line flushed at once
    (a run that is killed, or blocked on a later input, has lost nothing it finished)."""

    def __init__(
        self, out: IO[bytes], summary: Summary, outcomes: dict[str, Outcome] | None = None, near: Any = None
    ):
        self.out = out
        self.summary = summary
        self.outcomes = {} if outcomes is None else outcomes
        self.near = near  # --dedup near: near.NearDedup, which marks near copies in input order

    def write(self, finished: Done | Duplicate) -> None:
        if isinstance(finished, Duplicate):
            finished = done(duplicate_record(finished, self.outcomes.get(finished.sha256)), finished.size)
        line, size, stats = finished
        line, final_id = self.summary.unique(line, stats.id)
        if self.near is not None:
            before = self.near.marked
            line = self.near.mark(line, stats.signature, final_id)
            self.summary.duplicates += self.near.marked - before
        self.out.write(line)  # one whole line per write: a crash leaves at most one partial line
        self.out.flush()
        self.summary.add(stats, size)
        if stats.sha256 and not stats.duplicate:
            self.outcomes.setdefault(stats.sha256, Outcome(final_id, stats.ok, stats.error))


@contextlib.contextmanager
def open_output(path: str | None, append: bool):
    if path is None or path == "-":
        yield sys.stdout.buffer
        return
    try:
        os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
        fh = open(path, "ab" if append else "wb")  # noqa: SIM115 - closed below
    except OSError as exc:  # a directory, a path through a file, no permission: one line, exit 2
        why = (
            "a folder on its path is a file"
            if isinstance(exc, FileExistsError | NotADirectoryError)
            else exc.strerror or exc
        )
        raise UsageError(f"cannot write the output {path}: {why}") from None
    with fh:
        yield fh
