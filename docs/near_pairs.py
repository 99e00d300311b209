"""Near-duplicate pairs of a `--dedup near --text` run, for checking by hand.

    vnextract run CORPUS.jsonl -o out/near.jsonl -j 1 --dedup near --text
    python docs/near_pairs.py out/near.jsonl [--low 0.7] [--show 30] [--seed 16]

Reads the records and their signatures (out/near.jsonl.minhash), finds every pair of
records whose estimated Jaccard similarity is at least --low (MinHash LSH at that
threshold, then the signatures compared), and prints: the number of pairs at >= 0.8 and in
[low, 0.8), the exact Jaccard of the shingle sets beside each estimate, and --show random
pairs of each band with the start of both articles, to be read side by side.
"""

from __future__ import annotations

import argparse
import random

from datasketch import MinHashLSH

from extract.record.models import loads
from extract.run.near import _MAGIC, ENTRY, LSH_WEIGHTS, NUM_PERM, article_text, shingles, similarity


class _Rec:
    def __init__(self, rec: dict):
        self.title, self.paragraphs = rec.get("title"), rec.get("paragraphs") or []


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("records")
    ap.add_argument("--low", type=float, default=0.7)
    ap.add_argument("--show", type=int, default=30)
    ap.add_argument("--seed", type=int, default=16)
    args = ap.parse_args()
    with open(args.records, "rb") as fh:
        recs = [loads(line) for line in fh if line.strip()]
    with open(args.records + ".minhash", "rb") as fh:
        assert fh.read(len(_MAGIC)) == _MAGIC
        sigs = [fh.read(ENTRY) for _ in recs]
    import numpy as np
    from datasketch import MinHash

    from extract.run.near import SCHEME, _permutations

    lsh = MinHashLSH(threshold=args.low, num_perm=NUM_PERM, weights=LSH_WEIGHTS)
    pairs = []
    for k, sig in enumerate(sigs):
        if sig == bytes(ENTRY):
            continue
        mh = MinHash(hashvalues=np.frombuffer(sig, "<u4"), permutations=_permutations(), scheme=SCHEME)
        for j in lsh.query(mh):
            est = similarity(sig, sigs[j])
            if est >= args.low:
                pairs.append((j, k, est))
        lsh.insert(k, mh, check_duplication=False)
    texts = [article_text(r["text"], _Rec(r)) if r.get("text") else "" for r in recs]

    def exact(j: int, k: int) -> float:
        a, b = shingles(texts[j]), shingles(texts[k])
        return len(a & b) / len(a | b) if a | b else 0.0

    high = [p for p in pairs if p[2] >= 0.8]
    band = [p for p in pairs if p[2] < 0.8]
    marked = sum("similarity" in r for r in recs)
    print(f"{len(recs)} records, {marked} marked duplicate_of by the run; pairs >= 0.8: {len(high)}; "
          f"pairs in [{args.low}, 0.8): {len(band)}")
    rng = random.Random(args.seed)
    for name, group in (("pairs >= 0.8", high), (f"pairs in [{args.low}, 0.8)", band)):
        picked = rng.sample(group, min(args.show, len(group)))
        print(f"\n=== {name}: {len(picked)} shown of {len(group)}")
        for j, k, est in sorted(picked):
            print(f"\n--- {recs[j]['id']}  ~  {recs[k]['id']}: estimated {est:.3f}, exact {exact(j, k):.3f}")
            print("  A:", texts[j][:300].replace("\n", " / "))
            print("  B:", texts[k][:300].replace("\n", " / "))


if __name__ == "__main__":
    main()
