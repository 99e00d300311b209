"""``--resume``: continue an interrupted run into the same output.

The output's complete records are in input order, so the run skips that many inputs,
checking that the last one written is the input it expects. A half-written last line (a
kill in the middle of a write) is dropped. What the rest of the run needs from the part
already written is read back too: the ids (ids stay unique), each text's first copy and
its outcome (``--dedup`` writes the records a clean run writes) and the error records (the
exit status is the whole output's, not only the resumed part's).

An output that is not a vnextract output (garbage, records without ``source``) or that
does not match the inputs is a usage error: one line, exit 2, nothing written.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass, field

from ..errors import UsageError
from ..read.sources import Item
from ..record.models import loads
from ..record.write import Outcome


@dataclass
class Resume:
    done: int = 0  # complete records already written
    last_source: str | None = None
    outcomes: dict[str, Outcome] = field(default_factory=dict)  # sha256 -> the first copy's outcome
    ids: set[str] = field(default_factory=set)
    errors: int = 0
    failed: list[str] = field(default_factory=list)  # the first few error records


def _not_ours(path: str, lineno: int, why: str) -> UsageError:
    return UsageError(
        f"--resume: {path} line {lineno} is not a vnextract record ({why}); "
        "give the output of an earlier run of the same inputs, or run without --resume"
    )


def prepare_resume(path: str) -> Resume:
    """Read back what an earlier run wrote to ``path`` (and drop a half-written last line)."""
    state = Resume()
    if not os.path.exists(path):
        return state
    if not os.path.isfile(path):
        raise UsageError(f"--resume: {path} is not a file")
    with open(path, "rb+") as fh:
        end = 0  # where the last complete line ends
        for lineno, line in enumerate(fh, 1):
            if not line.endswith(b"\n"):
                break  # half-written: dropped below
            end += len(line)
            if not line.strip():
                continue
            _take(state, line, path, lineno)
        if end < fh.seek(0, os.SEEK_END):
            fh.truncate(end)
    return state


def _take(state: Resume, line: bytes, path: str, lineno: int) -> None:
    try:
        rec = loads(line)
    except ValueError:
        raise _not_ours(path, lineno, "not JSON") from None
    if (
        not isinstance(rec, dict)
        or not isinstance(rec.get("id"), str)
        or rec.get("status") not in ("ok", "error")
    ):
        raise _not_ours(path, lineno, "no id and status")
    if not isinstance(rec.get("source"), str):
        raise _not_ours(path, lineno, "no source, so the input it came from cannot be checked")
    state.done += 1
    state.last_source = rec["source"]
    state.ids.add(rec["id"])
    ok = rec["status"] == "ok"
    if not ok:
        state.errors += 1
        if len(state.failed) < 3:
            state.failed.append(f"{rec['source']} ({(rec.get('error') or {}).get('type', 'error')})")
    if rec.get("sha256") and not rec.get("duplicate_of"):
        state.outcomes.setdefault(rec["sha256"], Outcome(rec["id"], ok, rec.get("error")))


def skip_done(items: Iterator[Item], state: Resume) -> Iterator[Item]:
    """The inputs after those already written; refuses an output of other inputs."""
    last = None
    for _ in range(state.done):
        last = next(items, None)
        if last is None:
            break
    if state.done and (last is None or last.source != state.last_source):
        raise UsageError(
            "--resume: the output does not match these inputs "
            f"(record {state.done} is {state.last_source!r}, input {state.done} is "
            f"{getattr(last, 'source', None)!r}); run without --resume or with the same arguments"
        )
    return items
