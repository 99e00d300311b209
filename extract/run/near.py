"""Near-duplicate articles (``--dedup near``): the same press release on the provincial
portal, the provincial paper and two aggregators, with other menus, bylines and a trimmed
sentence.

Each worker signs the record's *article text* (the title and the paragraph lines, not the
page furniture) with a MinHash over word shingles (datasketch); the parent, in input
order, asks a MinHash LSH index for earlier articles like it. A record whose estimated
Jaccard similarity with an earlier distinct article reaches the threshold gets
``duplicate_of`` (the earliest such article's id) and ``similarity``; it is still extracted,
so a researcher chooses what to drop. Only distinct articles enter the index, so memory
grows with the number of distinct articles: about 5.8 KB each (``python docs/near_memory.py``).

Shingles are 5 consecutive words. Vietnamese puts a space between syllables, so five
"words" are two or three real words, the span a 3-word shingle has in English; shorter
shingles make two different articles on one topic look alike (``ủy ban nhân dân tỉnh`` is
five syllables by itself), longer ones let one changed word hide more of the text.

Because the decision happens in the parent in input order and a signature depends only on
the record, ``-j N`` and the Dask engine give the records of a single process. With ``-o
OUT`` the signatures are kept in ``OUT.minhash`` (fixed-size entries, one per record line,
each written before its line), so ``--resume`` rebuilds the index without reading the
inputs again.
"""

from __future__ import annotations

import os
import re
import struct
from dataclasses import dataclass, field
from typing import IO, Any

NUM_PERM = 128
SHINGLE = 5
SCHEME = "affine32"  # datasketch >= 2.0: uint32 hash values, 4 bytes per permutation
LSH_WEIGHTS = (0.05, 0.95)  # datasketch's weights of false positives and false negatives
SIG_KEY = "_minhash"  # the signature's key in a record dict on its way from a worker
ENTRY = 4 * NUM_PERM  # bytes per record in OUT.minhash
_MAGIC = b"VNXMH\x00\x01\x00" + struct.pack("<HH", NUM_PERM, SHINGLE) + b"\x00" * 4
_WORD = re.compile(r"[^\W_]+")  # letters and digits (the standard library is faster here than regex)


def article_text(text: str, record: Any) -> str:
    """The title and the paragraph lines, one a line: what a copy of the article keeps."""
    parts = [record.title] if record.title else []
    parts += [text[s:e] for s, e in record.paragraphs]
    return "\n".join(parts)


def _words(article: str) -> list[str]:
    return _WORD.findall(article.lower())


def shingles(article: str, n: int = SHINGLE) -> set[bytes]:
    """Lower-cased runs of ``n`` words, punctuation left out (a changed comma or quote is
    no change); a text shorter than ``n`` words is one shingle. (For reading and measuring:
    signatures hash the same shingles through :func:`shingle_hashes`.)"""
    words = _words(article)
    if len(words) <= n:
        return {" ".join(words).encode("utf-8")} if words else set()
    return {" ".join(words[i : i + n]).encode("utf-8") for i in range(len(words) - n + 1)}


# odd 64-bit multipliers, one per place in a shingle: a shingle's hash is the sum of its
# words' CRC-32 times these (mod 2**64), top 32 bits; computed for all shingles at once
_PLACES = (0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9, 0xD6E8FEB86659FD93, 0xFF51AFD7ED558CCD)


_WORD_HASH: dict[str, int] = {}
_WORD_CACHE = 200_000  # words whose hash a worker keeps (about 20 MB at most)


def shingle_hashes(article: str, n: int = SHINGLE):
    """One 32-bit hash per ``n``-word shingle (repeats included: a minimum ignores them),
    from each word's CRC-32, in a few array operations instead of a hash call per shingle."""
    import zlib

    import numpy as np

    words = _words(article)
    if not words:
        return np.zeros(0, dtype=np.uint64)
    known = _WORD_HASH
    for x in set(words).difference(known):
        if len(known) >= _WORD_CACHE:  # the syllables of Vietnamese are few; names and numbers are not
            known.clear()
        known[x] = zlib.crc32(x.encode("utf-8"))
    w = np.fromiter(map(known.__getitem__, words), dtype=np.uint64, count=len(words))
    if len(w) < n:
        w = np.concatenate([w, np.zeros(n - len(w), dtype=np.uint64)])  # a short text: one shingle
    count = len(w) - n + 1
    h = np.zeros(count, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for place in range(n):
            h += w[place : place + count] * np.uint64(_PLACES[place])
    return h >> np.uint64(32)


def _permutations():
    from datasketch import MinHash

    global _PERMS
    if _PERMS is None:
        _PERMS = MinHash(num_perm=NUM_PERM, seed=1, scheme=SCHEME).permutations
    return _PERMS


_PERMS = None


def _given(h):
    """The hash function of a MinHash fed hashes already made (:func:`shingle_hashes`)."""
    return h


def signature(text: str, record: Any) -> bytes | None:
    """The MinHash of the record's article text as ``NUM_PERM`` uint32 values (None when the
    record has no article text)."""
    from datasketch import MinHash

    hashes = shingle_hashes(article_text(text, record))
    if not len(hashes):
        return None
    mh = MinHash(num_perm=NUM_PERM, seed=1, hashfunc=_given, permutations=_permutations(), scheme=SCHEME)
    mh.update_batch(hashes.tolist())
    return mh.hashvalues.astype("<u4").tobytes()


def similarity(a: bytes, b: bytes) -> float:
    """Estimated Jaccard similarity: the share of permutations whose minimum agrees."""
    import numpy as np

    return float(np.count_nonzero(np.frombuffer(a, "<u4") == np.frombuffer(b, "<u4"))) / NUM_PERM


@dataclass
class NearDedup:
    """The parent's index of distinct articles, fed in input order."""

    threshold: float = 0.8
    sidecar: IO[bytes] | None = None  # OUT.minhash, unbuffered
    ids: list[str] = field(default_factory=list)  # distinct article k's record id
    sigs: list[bytes] = field(default_factory=list)
    marked: int = 0
    lsh: Any = None

    def __post_init__(self) -> None:
        from datasketch import MinHashLSH

        try:  # bands that miss few near copies (a pair at the threshold is a candidate 95 times in 100):
            # candidates cost one signature comparison each, a missed copy cannot be undone
            self.lsh = MinHashLSH(threshold=self.threshold, num_perm=NUM_PERM, weights=LSH_WEIGHTS)
        except ValueError:  # near 1 datasketch finds no banding of two or more bands: two halves
            self.lsh = MinHashLSH(num_perm=NUM_PERM, params=(2, NUM_PERM // 2))

    def _minhash(self, sig: bytes):
        import numpy as np
        from datasketch import MinHash

        return MinHash(hashvalues=np.frombuffer(sig, "<u4"), permutations=_permutations(), scheme=SCHEME)

    def find(self, sig: bytes, mh=None) -> tuple[int, float] | None:
        """The earliest distinct article at least ``threshold`` like ``sig``, and how like."""
        for k in sorted(self.lsh.query(mh or self._minhash(sig))):
            sim = similarity(sig, self.sigs[k])
            if sim >= self.threshold:
                return k, sim
        return None

    def add(self, sig: bytes, rec_id: str, mh=None) -> None:
        self.lsh.insert(len(self.ids), mh or self._minhash(sig), check_duplication=False)
        self.ids.append(rec_id)
        self.sigs.append(sig)

    def mark(self, line: bytes, sig: bytes | None, rec_id: str) -> bytes:
        """The record line as written: a near copy gets ``duplicate_of`` and ``similarity``
        (the line ends with them: they are the record's last fields); a distinct article
        joins the index. The signature goes to ``OUT.minhash`` before the line is written."""
        if self.sidecar is not None:
            self.sidecar.write(sig or bytes(ENTRY))
        if sig is None:
            return line
        mh = self._minhash(sig)
        hit = self.find(sig, mh)
        if hit is None:
            self.add(sig, rec_id, mh)
            return line
        self.marked += 1
        from ..record.models import dumps

        first, sim = hit
        return line[:-2] + b',"duplicate_of":' + dumps(self.ids[first]) + b',"similarity":' + dumps(round(sim, 4)) + b"}\n"

    def close(self) -> None:
        if self.sidecar is not None:
            self.sidecar.close()


def sidecar_path(output: str) -> str:
    return output + ".minhash"


def open_index(output: str | None, threshold: float, resume_count: int | None = None) -> NearDedup:
    """The index for a run writing ``output``: new, or (``--resume``) rebuilt from the
    output's first ``resume_count`` records and their signatures in ``OUT.minhash``."""
    from ..errors import UsageError

    if not 0.0 < threshold <= 1.0:
        raise UsageError(f"--near-threshold must be above 0 and at most 1, not {threshold:g}")
    if output is None:
        return NearDedup(threshold)
    path = sidecar_path(output)
    if not resume_count:
        fh = open(path, "wb", buffering=0)  # noqa: SIM115 (closed by NearDedup.close)
        fh.write(_MAGIC)
        return NearDedup(threshold, fh)
    index = NearDedup(threshold)
    try:
        with open(path, "rb") as fh:
            head = fh.read(len(_MAGIC))
            entries = [fh.read(ENTRY) for _ in range(resume_count)]
    except FileNotFoundError:
        head, entries = b"", []
    if head != _MAGIC or not entries or len(entries[-1]) != ENTRY:
        raise UsageError(f"--resume --dedup near needs {path} as the interrupted run left it; "
                         "run again without --resume")
    _rebuild(index, output, entries)
    fh = open(path, "r+b", buffering=0)  # noqa: SIM115
    fh.truncate(len(_MAGIC) + ENTRY * resume_count)  # a signature whose line was never completed
    fh.seek(0, os.SEEK_END)
    index.sidecar = fh
    return index


def _rebuild(index: NearDedup, output: str, entries: list[bytes]) -> None:
    """The distinct articles of the records already written, in their order."""
    from ..record.models import loads

    with open(output, "rb") as fh:
        for line, sig in zip((ln for ln in fh if ln.strip()), entries, strict=False):
            rec = loads(line)
            if rec.get("status") == "ok" and not rec.get("duplicate_of") and sig != bytes(ENTRY):
                index.add(sig, rec["id"])  # a near copy never entered the index
