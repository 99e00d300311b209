"""``vnextract bench``'s in-process run reads the lines ``batch.iter_lines`` yields (their
shape changed once without the bench noticing: keep the two together)."""

from __future__ import annotations

from extract.run.bench import _time_parallel_in_process

from .conftest import CORPUS


def test_in_process_run_counts_documents_and_bytes():
    seconds, docs, size = _time_parallel_in_process([str(CORPUS)], 1, 1, 3)
    assert docs == 3 and size == sum(p.stat().st_size for p in sorted(CORPUS.glob("*.txt"))[:3]) and seconds > 0
