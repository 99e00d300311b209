"""The same pipeline on a Dask bag, for archives past one machine.

``run_dask`` streams the inputs in chunks, maps :func:`extract.run.batch.process_item` over a
bag per chunk on the cluster (a scheduler address, or a local cluster of worker
processes) and writes the records in input order: the records are the ones a local run
writes, through the same writer (duplicates, unique ids, ``--resume``). ``--doc-timeout``
holds on Dask too: a worker runs tasks in a thread, where the limit is a watchdog
(``extract.run.deadline``). ``extract_bag`` does the same for a researcher's own bag of texts.
"""

from __future__ import annotations

import contextlib
import itertools
import logging
import os
import time
import warnings
from collections.abc import Iterable
from typing import IO, Any

from ..read.sources import Item
from ..record.write import Duplicate, Summary, Writer
from .batch import Options, process_item, safe_done, warm_up, with_site_lines
from .resume import Resume, skip_done

CHUNK = 2000  # documents per bag: bounds the driver's memory whatever the archive size


def _to_item(x: Any, position: str = "text") -> Item:
    """A bag element: an Item, a text, or a dict with ``text`` (and ``id``/``source``).
    A text without an id of its own is named by its ``position`` in the bag."""
    if isinstance(x, Item):
        return x
    if isinstance(x, str):
        return Item(id=position, source=None, text=x)
    return Item(id=str(x.get("id", position)), source=x.get("source") or x.get("url"), text=x["text"])


def _process(x: Any, position: str, opts: Options) -> dict[str, Any] | Duplicate:
    if isinstance(x, Duplicate):  # its record is made by the writer, in order
        return x
    return process_item(_to_item(x, position), opts)


def _process_partition(part: Iterable[Any], number: int, opts: Options) -> list[dict[str, Any] | Duplicate]:
    warm_up()  # outside every document's time limit (cheap once the worker has the patterns)
    _no_gc_diagnosis()
    return [_process(x, f"{number}-{i}", opts) for i, x in enumerate(part)]


def _no_gc_diagnosis() -> None:
    """A Dask worker logs how long full garbage collections take from a ``gc`` callback:
    Python code that runs inside the task's thread and swallows any exception raised in
    it, the --doc-timeout watchdog's included. It is a logging aid; vnextract's workers go
    without it."""
    with contextlib.suppress(Exception):
        from distributed.gc import disable_gc_diagnosis

        disable_gc_diagnosis(force=True)


def extract_bag(bag, opts: Options | None = None):
    """A Dask bag of records from a bag of texts, dicts with ``text`` or Items. A text
    without an id gets its place in the bag as one: ``PARTITION-INDEX`` (``0-0``, ``0-1``,
    ..., ``1-0``), unique and the same on every run of the same bag."""
    import dask
    import dask.bag as db

    opts = opts or Options()
    parts = [dask.delayed(_process_partition)(part, n, opts) for n, part in enumerate(bag.to_delayed())]
    return db.from_delayed(parts)


def _client(scheduler: str | None, quiet: bool = False):
    from dask.distributed import Client, LocalCluster

    if quiet:  # -q: the cluster's own warnings (ports, memory, closing workers) are not errors of the run
        for name in ("distributed", "dask"):
            logging.getLogger(name).setLevel(logging.ERROR)
        warnings.filterwarnings("ignore", module=r"(distributed|dask)(\.|$)")
    if scheduler:
        return Client(scheduler), None
    cluster = LocalCluster(
        n_workers=os.cpu_count() or 1,
        threads_per_worker=1,
        processes=True,
        dashboard_address=None,
        silence_logs=logging.ERROR if quiet else logging.WARNING,
    )
    return Client(cluster), cluster


def run_dask(
    inputs: list[str],
    out: IO[bytes],
    opts: Options,
    scheduler: str | None = None,
    dedup: bool = False,
    quiet: bool = False,
    resume: Resume | None = None,
    near: Any = None,
) -> Summary:
    """Extract every input on the cluster and write the records in input order through the
    same ``Writer`` as a local run; ``near`` (``--dedup near``) is decided there, in the
    driver, in input order."""
    import dask.bag as db

    resume = resume or Resume()
    summary = Summary(
        skipped=resume.done, earlier_errors=resume.errors, failed=list(resume.failed), ids=set(resume.ids)
    )
    writer = Writer(out, summary, dict(resume.outcomes), near)
    client, cluster = _client(scheduler, quiet)
    start = time.perf_counter()
    try:
        items: Iterable[Any] = skip_done(with_site_lines(inputs, opts, summary), resume)
        if dedup:
            from .dedup import dedup_stream

            items = dedup_stream(items, opts, set(resume.outcomes))
        it = iter(items)
        while chunk := list(itertools.islice(it, CHUNK)):
            parts = max(1, min(len(chunk), 4 * len(client.scheduler_info()["workers"] or [1])))
            records = extract_bag(db.from_sequence(chunk, npartitions=parts), opts).compute()
            for x, rec in zip(chunk, records, strict=True):
                writer.write(rec if isinstance(rec, Duplicate) else safe_done(rec, x))
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    summary.seconds = time.perf_counter() - start
    return summary
