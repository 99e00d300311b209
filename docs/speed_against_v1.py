"""The pipeline's speed against v1's, timed in the same minutes on the same machine.

Issue 12 asked that the pipeline "still runs at >= 7 MB/s": v1's speed (``15a7915``, 6.98
MB/s on the day the target was written). This shared machine's speed swings by more than
2x from day to day (v1 itself runs at 2.9-3.1 MB/s on some days), so an absolute figure
from one day says little about the code; the ratio of two trees timed in alternation in
the same run does. This script checks out v1 into a temporary git worktree and times, over
the bench corpus, in separate processes, round after round:

- ``v1``: v1's own stages (segment, sentences, directives, numbers, amounts, counts);
- ``v1 fields``: this tree's stages for the same fields (the layout model's segmenter and
  every later rule, without the v2 stages ``money_kind``, ``places``, ``province`` and
  ``countries``);
- ``whole``: this tree's whole default pipeline, v2 stages included.

Each figure is CPU seconds (``time.process_time``) for extracting and serialising every
record, the best of ``--passes`` passes in each of ``--rounds`` rounds (the slow passes
measure the neighbours, as ``timeit`` says); ``--by-stage`` prints each stage's share of
each round's best pass (the clock read around every stage costs a little). ``--instructions A B`` counts instructions
instead, under valgrind's callgrind, for bench documents A to B: a figure the host's load
cannot move (Debian's ``valgrind`` package; about a minute per hundred documents). Usage::

    python docs/speed_against_v1.py [--rev 15a7915] [--passes 3] [--rounds 2] [--limit N]
    python docs/speed_against_v1.py --instructions 100 1100

It needs the repository's history (a clone, not an export) and ``../shared/corpus-bench``.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
V1_STAGES = "segment,sentences,directives,numbers,amounts,counts"

# Runs inside either tree (v1 kept its modules at other paths): the bench documents A to B
# (B = 0: all) of the corpus, one document's work (``one``), and a warm-up (patterns
# compiled, lexicons loaded). Arguments: corpus, A, B, stages, then the script's own.
PRELUDE = r"""
import decimal, itertools, sys, time
try:
    from extract.run.bench import _texts
except ImportError:
    from extract.bench import _texts
try:
    from extract.record.models import Record, dumps
except ImportError:
    from extract.models import Record, dumps
from extract.pipeline import DEFAULT_STAGES, STAGES, Doc, sha256_text
path, a, b, stages = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
stages = DEFAULT_STAGES if stages == "default" else tuple(stages.split(","))
texts = [t for _, t, _ in itertools.islice(_texts([path], 1, None), b or None) if t]
work = texts[a:]
def one(t, acc=None):  # with ``acc``, each stage's CPU time is added to it
    record = Record(id="x", sha256=sha256_text(t))
    doc = Doc(text=t, record=record)
    for name in stages:
        t0 = time.process_time() if acc is not None else 0.0
        STAGES[name](doc)
        if acc is not None:
            acc[name] = acc.get(name, 0.0) + time.process_time() - t0
    dumps(record.to_dict())
with decimal.localcontext(prec=60):
    for t in texts[:20]:
        one(t)
"""

# Prints "seconds bytes [stage=seconds ...]" for the best of PASSES passes.
TIMER = (
    PRELUDE
    + r"""
passes, by_stage = int(sys.argv[5]), sys.argv[6] == "stages"
best, best_acc = None, {}
for _ in range(passes):
    acc = {} if by_stage else None
    t0 = time.process_time()
    with decimal.localcontext(prec=60):
        for t in work:
            one(t, acc)
    seconds = time.process_time() - t0
    if best is None or seconds < best:
        best, best_acc = seconds, acc or {}
print(best, sum(len(t.encode("utf-8")) for t in work), *(f"{k}={v:.3f}" for k, v in best_acc.items()))
"""
)

# Counts inside the builtin ``map`` only (valgrind toggles on ``map_next``).
COUNTER = (
    PRELUDE
    + r"""
with decimal.localcontext(prec=60):
    list(map(one, work))
"""
)


def count_tree(tree: Path, stages: str, bench: str, a: int, b: int) -> int:
    env = dict(os.environ, PYTHONPATH=str(tree))
    valgrind = ["valgrind", "--tool=callgrind", "--collect-atstart=no", "--toggle-collect=map_next",
                "--callgrind-out-file=/dev/null"]  # fmt: skip
    err = subprocess.run(
        [*valgrind, sys.executable, "-c", COUNTER, bench, str(a), str(b), stages],
        cwd=tree,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stderr
    return int(next(ln for ln in err.splitlines() if "Collected" in ln).split()[-1].replace(",", ""))


def time_tree(
    tree: Path, stages: str, bench: str, limit: int, passes: int, by_stage: bool = False
) -> tuple[float, int, list[str]]:
    """CPU seconds of the best pass, the text's bytes, and (``by_stage``) each stage's seconds."""
    env = dict(os.environ, PYTHONPATH=str(tree))
    out = subprocess.run(
        [
            sys.executable,
            "-c",
            TIMER,
            bench,
            "0",
            str(limit),
            stages,
            str(passes),
            "stages" if by_stage else "total",
        ],
        cwd=tree,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split()
    return float(out[0]), int(out[1]), out[2:]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--rev", default="15a7915", help="the v1 commit (default 15a7915)")
    ap.add_argument("--passes", type=int, default=3)
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--limit", type=int, default=0, help="only the first N bench documents")
    ap.add_argument(
        "--instructions", nargs=2, type=int, metavar=("A", "B"), help="count instructions for documents A-B"
    )
    ap.add_argument("--by-stage", action="store_true", help="also time each stage (printed per round)")
    ap.add_argument("--bench", default=str((REPO / "../shared/corpus-bench/articles.jsonl").resolve()))
    args = ap.parse_args()
    if not Path(args.bench).exists():
        print(f"speed_against_v1: no bench corpus at {args.bench}", file=sys.stderr)
        return 2
    runs = {"v1": [], "v1 fields": [], "whole": []}
    size = 0
    with tempfile.TemporaryDirectory() as tmp:
        v1 = Path(tmp) / "v1"
        subprocess.run(
            ["git", "-C", str(REPO), "worktree", "add", "-q", "--detach", str(v1), args.rev], check=True
        )
        try:
            if args.instructions:
                return _instructions(v1, args.bench, *args.instructions)
            for r in range(args.rounds):
                for name, tree, stages in (
                    ("v1", v1, "default"),
                    ("v1 fields", REPO, V1_STAGES),
                    ("whole", REPO, "default"),
                ):
                    seconds, size, per_stage = time_tree(
                        tree, stages, args.bench, args.limit, args.passes, args.by_stage
                    )
                    runs[name].append(seconds)
                    print(
                        f"round {r + 1}: {name:10s} {seconds:7.2f} s", *per_stage, file=sys.stderr, flush=True
                    )
        finally:
            subprocess.run(["git", "-C", str(REPO), "worktree", "remove", "--force", str(v1)], check=False)
    v1_best = min(runs["v1"])
    print(
        f"{size / 1e6:.2f} MB of canonical text; CPU seconds, best of {args.rounds} rounds x {args.passes} passes"
    )
    print(f"{'tree':12s} {'seconds':>8s} {'MB/s':>7s} {'speed vs v1':>12s}")
    for name, times in runs.items():
        best = min(times)
        print(f"{name:12s} {best:8.2f} {size / 1e6 / best:7.2f} {v1_best / best:11.2f}x")
    return 0


def _instructions(v1: Path, bench: str, a: int, b: int) -> int:
    counts = {
        name: count_tree(tree, stages, bench, a, b)
        for name, tree, stages in (
            ("v1", v1, "default"),
            ("v1 fields", REPO, V1_STAGES),
            ("whole", REPO, "default"),
        )
    }
    print(f"instructions for bench documents {a}-{b} (callgrind)")
    print(f"{'tree':12s} {'millions':>10s} {'fewer than v1':>14s}")
    for name, n in counts.items():
        print(f"{name:12s} {n / 1e6:10.1f} {counts['v1'] / n:13.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
