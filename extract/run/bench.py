"""``vnextract bench``: throughput of the whole pipeline and of each stage, against
underthesea's ``word_tokenize`` over the same text in the same process.

Documents are streamed (read, decoded, extracted, serialised, dropped), so the peak
memory it reports is what a run over an archive of any size needs. Speed is measured
here and only here, never asserted in a unit test.
"""

from __future__ import annotations

import gc
import resource
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputError, UsageError
from ..pipeline import DEFAULT_STAGES, STAGES, Doc, sha256_text
from ..read.sources import iter_items
from ..record.models import Record, dumps
from .batch import Options, decode_item, iter_lines

DEFAULT_BENCH = Path("../shared/corpus-bench/articles.jsonl")


def default_path() -> str:
    return str(DEFAULT_BENCH) if DEFAULT_BENCH.exists() else "corpus"


def peak_rss_mb() -> float:
    """Peak resident memory of this process (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


@dataclass
class StageTimes:
    seconds: dict[str, float] = field(default_factory=dict)
    docs: int = 0
    errors: int = 0
    bytes: int = 0  # UTF-8 bytes of canonical text
    mentions: dict[str, int] = field(default_factory=lambda: {"directives": 0, "amounts": 0, "counts": 0})

    def add(self, stage: str, dt: float) -> None:
        self.seconds[stage] = self.seconds.get(stage, 0.0) + dt


def _texts(paths: list[str], repeat: int, limit: int | None) -> Iterator[tuple[str, str, float]]:
    """(id, canonical text, decode seconds) for each document, ``repeat`` times over."""
    for _ in range(repeat):
        n = 0
        for item in iter_items(paths):
            if limit is not None and n >= limit:
                break
            n += 1
            t0 = time.perf_counter()
            try:
                if item.error:
                    raise item.error
                text, _ = decode_item(item)
            except InputError:
                yield item.id, "", time.perf_counter() - t0
                continue
            yield item.id, text, time.perf_counter() - t0


def time_stages(paths: list[str], repeat: int = 1, limit: int | None = None) -> StageTimes:
    """One process, stage by stage: decode, each pipeline stage, serialise."""
    times = StageTimes()
    for doc_id, text, t_decode in _texts(paths, repeat, limit):
        times.add("decode", t_decode)
        if not text:
            times.errors += 1
            continue
        times.docs += 1
        times.bytes += len(text.encode("utf-8"))
        record = Record(id=doc_id, sha256=sha256_text(text))
        doc = Doc(text=text, record=record)
        for name in DEFAULT_STAGES:
            t0 = time.perf_counter()
            STAGES[name](doc)
            times.add(name, time.perf_counter() - t0)
        t0 = time.perf_counter()
        dumps(record.to_dict())
        times.add("serialise", time.perf_counter() - t0)
        for key in times.mentions:
            times.mentions[key] += len(getattr(record, key))
    return times


def time_parallel(paths: list[str], jobs: int, repeat: int = 1, limit: int | None = None) -> tuple[float, int, int]:
    """Wall seconds, documents and input bytes of a real ``vnextract run -j N`` in a fresh
    process: what a researcher gets, start-up and worker pool included."""
    import subprocess
    import tempfile

    if repeat != 1 or limit is not None:  # the CLI reads whole inputs: time them in-process
        return _time_parallel_in_process(paths, jobs, repeat, limit)
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "records.jsonl"
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-m", "extract", "run", *paths, "-o", str(out), "-j", str(jobs), "-q"], check=False)
        wall = time.perf_counter() - t0
        docs = size = 0
        for item in iter_items(paths):
            docs += 1
            size += item.size
    return wall, docs, size


def _time_parallel_in_process(paths: list[str], jobs: int, repeat: int, limit: int | None) -> tuple[float, int, int]:
    def items():
        for _ in range(repeat):
            for n, item in enumerate(iter_items(paths)):
                if limit is not None and n >= limit:
                    break
                yield item

    t0 = time.perf_counter()
    docs = size = 0
    for _, nbytes, *_ in iter_lines(items(), Options(), jobs=jobs):
        docs += 1
        size += nbytes
    return time.perf_counter() - t0, docs, size


def time_word_tokenize(paths: list[str], repeat: int = 1, limit: int | None = None) -> tuple[float, int]:
    from underthesea import word_tokenize

    word_tokenize("Khởi động mô hình.")  # load the model outside the clock
    total = 0.0
    size = 0
    for _, text, _ in _texts(paths, repeat, limit):
        if not text:
            continue
        t0 = time.perf_counter()
        word_tokenize(text)
        total += time.perf_counter() - t0
        size += len(text.encode("utf-8"))
    return total, size


def run_bench(
    paths: list[str], repeat: int, limit: int | None, jobs: list[int], reference: bool, out=None, passes: int = 3
) -> dict:
    out = out or sys.stdout  # looked up per call: a caller may have replaced sys.stdout since import

    def say(line: str = "") -> None:
        print(line, file=out, flush=True)

    say(f"vnextract bench: {', '.join(paths)}" + (f" x{repeat}" if repeat > 1 else "") + (f" (first {limit} documents)" if limit else ""))
    gc.collect()
    # best of several passes, as timeit does: on a shared machine the slow passes measure
    # the neighbours, not the code
    times = min((time_stages(paths, repeat, limit) for _ in range(passes)), key=lambda t: sum(t.seconds.values()))
    if not times.docs:
        raise UsageError(f"no readable document in {', '.join(paths)}: nothing to time")
    rss_pipeline = peak_rss_mb()
    mb = times.bytes / 1e6
    total = sum(times.seconds.values())
    say(f"{times.docs} documents ({times.errors} unreadable), {mb:.2f} MB of canonical text (UTF-8)")
    say(f"mentions: {times.mentions['directives']} directives, {times.mentions['amounts']} amounts, {times.mentions['counts']} counts")
    say("")
    say(f"{'stage':<12} {'seconds':>8} {'share':>7} {'MB/s':>9} {'docs/s':>9}")
    for stage in ("decode", *DEFAULT_STAGES, "serialise"):
        s = times.seconds.get(stage, 0.0)
        say(f"{stage:<12} {s:8.2f} {s / total:7.1%} {mb / s if s else float('inf'):9.2f} {times.docs / s if s else float('inf'):9.0f}")
    say(f"{'pipeline':<12} {total:8.2f} {1:7.1%} {mb / total:9.2f} {times.docs / total:9.0f}   (best of {passes} passes)")
    say(f"peak memory after the pipeline pass: {rss_pipeline:.0f} MB")
    result = {
        "documents": times.docs, "mb": mb, "seconds": times.seconds, "pipeline_mb_s": mb / total,
        "pipeline_docs_s": times.docs / total, "peak_rss_mb": rss_pipeline, "mentions": times.mentions,
    }
    if jobs:
        say("")
        walls = {}
        for j in jobs:
            runs = [time_parallel(paths, j, repeat, limit) for _ in range(passes)]
            wall, docs, size = min(runs)
            walls[j] = wall
            say(f"run -j {j}: {docs} documents in {wall:.2f} s = {size / 1e6 / wall:.2f} MB/s of input, {docs / wall:.0f} docs/s"
                f"   (best of {passes}: {', '.join(f'{r[0]:.2f}' for r in runs)} s)")
        if len(walls) > 1:
            base = min(walls)
            for j in sorted(walls):
                if j != base:
                    say(f"speed-up -j {j} over -j {base}: {walls[base] / walls[j]:.2f}x")
        result["parallel_seconds"] = walls
    if reference:
        say("")
        wt, wsize = time_word_tokenize(paths, repeat, limit)
        say(f"underthesea word_tokenize: {wt:.2f} s = {wsize / 1e6 / wt:.3f} MB/s over the same text")
        say(f"pipeline / word_tokenize throughput: {(mb / total) / (wsize / 1e6 / wt):.1f}x")
        result["word_tokenize_mb_s"] = wsize / 1e6 / wt
        result["ratio"] = (mb / total) / (wsize / 1e6 / wt)
        say(f"peak memory with underthesea loaded: {peak_rss_mb():.0f} MB")
    return result
