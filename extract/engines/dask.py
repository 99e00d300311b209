"""The same pipeline on a Dask bag, for archives past one machine.

``run_dask`` streams the inputs in chunks, maps :func:`extract.batch.process_item` over a
bag per chunk on the cluster (a scheduler address, or a local cluster of worker
processes) and writes the records in input order: the records are the ones a local run
writes. ``extract_bag`` does the same for a researcher's own bag of texts.
"""

from __future__ import annotations

import itertools
import os
import time
from collections.abc import Iterable
from typing import IO, Any

from ..batch import Options, Summary, _dedup_stream, _done, process_item
from ..dedup import write_line
from ..read.sources import Item, iter_items

CHUNK = 2000  # documents per bag: bounds the driver's memory whatever the archive size


def _to_item(x: Any, position: str = "text") -> Item:
    """A bag element: an Item, a text, or a dict with ``text`` (and ``id``/``source``).
    A text without an id of its own is named by its ``position`` in the bag."""
    if isinstance(x, Item):
        return x
    if isinstance(x, str):
        return Item(id=position, source=None, text=x)
    return Item(id=str(x.get("id", position)), source=x.get("source") or x.get("url"), text=x["text"])


def _process(x: Any, position: str, opts: Options) -> dict[str, Any]:
    if isinstance(x, tuple):  # a duplicate record made by the driver
        return x[0]
    return process_item(_to_item(x, position), opts)


def _process_partition(part: Iterable[Any], number: int, opts: Options) -> list[dict[str, Any]]:
    return [_process(x, f"{number}-{i}", opts) for i, x in enumerate(part)]


def extract_bag(bag, opts: Options | None = None):
    """A Dask bag of records from a bag of texts, dicts with ``text`` or Items. A text
    without an id gets its place in the bag as one: ``PARTITION-INDEX`` (``0-0``, ``0-1``,
    ..., ``1-0``), unique and the same on every run of the same bag."""
    import dask
    import dask.bag as db

    opts = opts or Options()
    parts = [dask.delayed(_process_partition)(part, n, opts) for n, part in enumerate(bag.to_delayed())]
    return db.from_delayed(parts)


def _client(scheduler: str | None):
    from dask.distributed import Client, LocalCluster

    if scheduler:
        return Client(scheduler), None
    cluster = LocalCluster(n_workers=os.cpu_count() or 1, threads_per_worker=1, processes=True, dashboard_address=None)
    return Client(cluster), cluster


def run_dask(
    inputs: list[str], out: IO[bytes], opts: Options, scheduler: str | None = None, dedup: bool = False, quiet: bool = False,
    near=None,
) -> Summary:
    """Extract every input on the cluster and write the records in input order; ``near``
    (``--dedup near``) is decided here in the driver, in input order, as a local run does."""
    import dask.bag as db

    summary = Summary()
    client, cluster = _client(scheduler)
    start = time.perf_counter()
    try:
        items: Iterable[Any] = iter_items(inputs, opts.max_bytes, skip=opts.output, on_skip=summary.note_skip)
        if opts.site_templates:
            from ..sites import first_pass, with_evidence

            items = with_evidence(items, first_pass(inputs, opts))
        if dedup:
            items = _dedup_stream(items, opts, {})
        it = iter(items)
        while chunk := list(itertools.islice(it, CHUNK)):
            parts = max(1, min(len(chunk), 4 * len(client.scheduler_info()["workers"] or [1])))
            records = extract_bag(db.from_sequence(chunk, npartitions=parts), opts).compute()
            for x, rec in zip(chunk, records, strict=True):
                line, size, stats, sig = _done(rec, x[1] if isinstance(x, tuple) else x.size)
                out.write(write_line(summary, near, line, stats[-1], sig))
                summary.add(stats, size)
            out.flush()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    summary.seconds = time.perf_counter() - start
    return summary
