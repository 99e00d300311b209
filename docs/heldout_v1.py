"""Score ``directives``, ``amounts`` and ``counts`` on the first held-out set for the v1
entities: 25 bench articles nobody tuned the rules to (docs/draw_heldout_v1.py, seed 7007),
labelled by reading (docs/heldout-v1.jsonl; the texts stay in the shared folder).

Usage: python docs/heldout_v1.py [RECORDS.jsonl] [--labels docs/heldout-v1-2.jsonl]
(``--labels`` scores another set instead: the second, 30 articles drawn with seed 7117, or the third, seed 7337;
or docs/heldout-layouts-v1.jsonl, the 105 layout pages, ids such as ``l2-07``, whose texts are
``../shared/layouts/raw/ID.txt``).
With RECORDS (a ``vnextract run`` over lines that include the 25), those records are scored;
records of pages the labels do not hold are left out. Without it, the held-out bench lines are
written to a scratch folder outside the repo, the held-out layout pages are copied there, and
``vnextract run`` is run on them with this checkout's code. Prints, per list, precision,
recall and F1 under SPEC 7's value match and strict match (as ``vnextract eval`` does), the
attribute accuracy over value-matched pairs, and then every disagreement.
"""

import json
import subprocess
import sys
import tempfile
from pathlib import Path

from extract.score.evaluate import evaluate

HERE = Path(__file__).resolve().parent
BENCH = HERE.parent.parent / "shared" / "corpus-bench" / "articles.jsonl"
LAYOUTS = HERE.parent.parent / "shared" / "layouts" / "raw"  # layout pages: ID.txt, ids not in the bench
LISTS = ("directives", "amounts", "counts")
EMPTY = {"title": None, "published": None, "byline": None, "paragraphs": [], "sentences": [],
         "places": [], "countries": [], "province": None}  # fmt: skip


def run_pipeline(ids: set[str], scratch: Path) -> Path:
    """Run this checkout's pipeline over the held-out bench lines; returns the records file."""
    lines = scratch / "heldout-v1-texts.jsonl"
    with open(BENCH, encoding="utf-8") as fh, open(lines, "w", encoding="utf-8") as out:
        out.writelines(line for line in fh if json.loads(line)["id"] in ids)
    records = scratch / "heldout-v1-records.jsonl"
    subprocess.run([sys.executable, "-m", "extract", "run", str(lines), "-o", str(records), "-q"], check=True)
    pages = [LAYOUTS / f"{i}.txt" for i in sorted(ids) if (LAYOUTS / f"{i}.txt").is_file()]
    if pages:  # layout pages are files, not bench lines: run them as a folder and append
        folder = scratch / "layouts"
        folder.mkdir()
        for page in pages:
            (folder / page.name).write_bytes(page.read_bytes())
        more = scratch / "heldout-layouts-records.jsonl"
        subprocess.run([sys.executable, "-m", "extract", "run", str(folder), "-o", str(more), "-q"], check=True)
        with open(records, "a", encoding="utf-8") as out:
            out.write(more.read_text(encoding="utf-8"))
    return records


def show(m: dict) -> str:
    """One mention: span, text and its key and attribute fields."""
    fields = {k: v for k, v in m.items() if k not in ("start", "end", "text")}
    return f"[{m['start']},{m['end']}] {m['text']!r} {json.dumps(fields, ensure_ascii=False)}"


def main() -> None:
    args = sys.argv[1:]
    labels = Path(args.pop(args.index("--labels") + 1)) if "--labels" in args else HERE / "heldout-v1.jsonl"
    args = [a for a in args if a != "--labels"]
    with open(labels, encoding="utf-8") as fh:
        gold = {g["id"]: EMPTY | g for g in map(json.loads, fh)}
    with tempfile.TemporaryDirectory() as tmp:
        records = Path(args[0]) if args else run_pipeline(set(gold), Path(tmp))
        pred = {}
        with open(records, encoding="utf-8") as fh:
            for r in map(json.loads, fh):
                if r["id"] in gold:
                    pred[r["id"]] = EMPTY | {"id": r["id"]} | {k: r.get(k) or [] for k in LISTS}
    missing = sorted(set(gold) - set(pred))
    if missing:
        print(f"no record for {len(missing)} held-out ids: {' '.join(missing)}")
    ev = evaluate(gold, pred)
    print(f"{len(gold)} held-out articles ({labels.name})")
    for name in LISTS:
        ls = ev.lists[name]
        for label, prf in (("value", ls.value), ("strict", ls.strict)):
            print(f"{name:<10} {label:<6} P {prf.precision:.3f}  R {prf.recall:.3f}  F1 {prf.f1:.3f}  "
                  f"({prf.tp} of {prf.n_pred} predicted, {prf.n_gold} gold)")
        print(" " * 11 + "  ".join(f"{a} {r.value:.3f} ({r.right}/{r.total})" for a, r in ls.attributes.items()))
    print("\ndisagreements (value match; wrong attributes of matched pairs too):")
    for e in (e for d in ev.docs for e in d.errors if e["list"] in LISTS):
        sides = " | ".join(f"{s} {show(e[s])}" for s in ("gold", "pred") if e.get(s))
        print(f"  {e['doc']} {e['list']} {e['kind']}: {sides}")


if __name__ == "__main__":
    main()
