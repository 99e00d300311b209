"""Work done by the whole default pipeline, counted in instructions: a speed figure the
shared host's load cannot move (``vnextract bench`` times seconds, which swing by a third
from one run to the next here).

The script runs every stage of the pipeline, and serialises each record, over bench
documents ``A`` to ``B`` inside one ``map`` call, after a warm-up on the first 20 (patterns
compiled, lexicons loaded), so that callgrind, told to count only inside ``map_next``,
counts the work and nothing else. Compare two trees by running it in each::

    valgrind --tool=callgrind --collect-atstart=no --toggle-collect=map_next \\
        --callgrind-out-file=/tmp/cg.out .venv/bin/python docs/pipeline_instructions.py 100 400

and reading the ``Collected`` line valgrind prints (Debian's ``valgrind`` package).
"""

import decimal
import itertools
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
from extract.pipeline import DEFAULT_STAGES, STAGES, Doc, sha256_text  # noqa: E402
from extract.record.models import Record, dumps  # noqa: E402
from extract.run.bench import DEFAULT_BENCH, _texts  # noqa: E402


def one(text: str) -> None:
    record = Record(id="x", sha256=sha256_text(text))
    doc = Doc(text=text, record=record)
    for name in DEFAULT_STAGES:
        STAGES[name](doc)
    dumps(record.to_dict())


def main() -> None:
    a, b = int(sys.argv[1]), int(sys.argv[2])
    bench = REPO / DEFAULT_BENCH
    texts = [t for _, t, _ in itertools.islice(_texts([str(bench)], 1, None), b) if t]
    with decimal.localcontext(prec=60):  # as run_stages does
        for text in texts[:20]:
            one(text)
        list(map(one, texts[a:b]))


if __name__ == "__main__":
    main()
