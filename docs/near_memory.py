"""Bytes per distinct article held by the `--dedup near` index (MinHash LSH + signatures).

    python docs/near_memory.py [N]

Signs N distinct synthetic articles (random word ids, 300 words each), feeds them to the
index as a run does, and divides the memory traced while they are added by N.
"""

from __future__ import annotations

import random
import sys
import tracemalloc

from extract.run.near import NUM_PERM, SHINGLE, NearDedup, signature


class _Rec:
    def __init__(self, n):
        self.title, self.paragraphs = None, [[0, n]]


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 20000
    rng = random.Random(16)
    sigs = []
    for _ in range(n):
        text = " ".join(f"w{rng.randrange(50000)}" for _ in range(300))
        sigs.append(signature(text, _Rec(len(text))))
    index = NearDedup(0.8)
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    for k, sig in enumerate(sigs):
        index.mark(b'{"id":"x"}\n', bytes(bytearray(sig)), f"doc-{k:07d}")  # a fresh copy, as a worker sends
    after = tracemalloc.get_traced_memory()[0]
    print(f"{n} distinct articles, {NUM_PERM} permutations, {SHINGLE}-word shingles, bands {index.lsh.b} x {index.lsh.r}: "
          f"{(after - before) / n:.0f} bytes per article (signature {4 * NUM_PERM} bytes of it), "
          f"{index.marked} marked as near copies")


if __name__ == "__main__":
    main()
