"""Sub-commands beyond ``run`` and ``text``; each registers its parser and its handler."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from .cli import DOCUMENT_HELP, EXIT_ERRORS, EXIT_OK, EXIT_USAGE, command, read_one, subcommand
from .errors import UsageError


def _texts_arg(p: argparse.ArgumentParser) -> None:
    p.add_argument("--texts", action="append", metavar="DIR",
                   help="folder holding ID.txt for the gold ids (repeatable; default: corpus/, ../shared/articles/, ../shared/layouts/raw/)")


def _text_dirs(args: argparse.Namespace) -> list[str]:
    from .score.gold import default_text_dirs

    missing = [d for d in args.texts or [] if not Path(d).is_dir()]
    if missing:
        raise UsageError(f"--texts {missing[0]}: no such folder")
    return args.texts or default_text_dirs()


@subcommand
def _register_validate(sub) -> None:
    p = sub.add_parser("validate", help="check that every gold record is well formed")
    p.add_argument("gold", help="gold folder (ID.json / *.jsonl) or file")
    _texts_arg(p)
    p.add_argument("--skip-missing", action="store_true", help="skip gold ids whose text is in no --texts folder")


@command("validate")
def cmd_validate(args: argparse.Namespace) -> int:
    from .score.validate import validate_gold

    problems, checked, skipped = validate_gold(args.gold, _text_dirs(args), args.skip_missing)
    for p in problems:
        print(p, file=sys.stderr)
    note = f", {len(skipped)} skipped (text not found)" if skipped else ""
    if problems:
        print(f"vnextract validate: {len(problems)} problem(s) in {checked} gold records{note}", file=sys.stderr)
        if any(": id: no text " in p for p in problems):  # most often run from another folder
            print("vnextract validate: texts are looked up in --texts folders (default: corpus/ and ../shared/ "
                  "beside the current folder); give --texts DIR, or --skip-missing", file=sys.stderr)
        return EXIT_ERRORS
    print(f"vnextract validate: {checked} gold records are valid{note}")
    return EXIT_OK


@subcommand
def _register_eval(sub) -> None:
    p = sub.add_parser("eval", help="score predicted records against the gold set (SPEC section 7)")
    p.add_argument("--gold", required=True, help="gold folder or file")
    p.add_argument("--pred", help="predicted records (JSONL); required unless --layout-cv")
    p.add_argument("--layout-cv", action="store_true",
                   help="cross-validate the layout model grouped by site over the gold pages (needs the [train] extra)")
    p.add_argument("--fold-seed", type=int, metavar="N",
                   help="with --layout-cv: shuffle which sites share a fold (default: sites in name order)")
    _texts_arg(p)
    p.add_argument("--per-doc", action="store_true", help="one row per document")
    p.add_argument("--errors", action="store_true", help="list every miss and false alarm")
    p.add_argument("--json", metavar="FILE", help="write every figure as JSON")
    p.add_argument("--html", metavar="FILE", help="write an HTML report with highlighted spans")
    p.add_argument("--skip-missing", action="store_true", help="score only gold ids whose text is in a --texts folder")


@command("eval")
def cmd_eval(args: argparse.Namespace) -> int:
    import orjson

    from .score.evaluate import evaluate, format_errors, format_table
    from .score.gold import find_text, load_gold, load_records, read_text

    if args.layout_cv:
        return _layout_cv(args)
    if not args.pred:
        print("vnextract eval: --pred is required (or --layout-cv)", file=sys.stderr)
        return EXIT_USAGE
    gold = load_gold(args.gold)
    if args.skip_missing:
        gold = {k: v for k, v in gold.items() if find_text(k, _text_dirs(args)) is not None}
    if not gold:
        print(f"vnextract eval: no gold records in {args.gold}", file=sys.stderr)
        return EXIT_USAGE
    pred = load_records(args.pred)
    if not set(gold) & set(pred):
        print(f"vnextract eval: no predicted record has the id of a gold record ({len(pred)} predicted, "
              f"e.g. {next(iter(pred), 'none')!r}; gold ids are like {next(iter(gold))!r})", file=sys.stderr)
        return EXIT_ERRORS
    missing = [k for k in gold if k not in pred]
    if missing:  # scored as empty records: say so, a partial run scores far below the pipeline
        print(f"vnextract eval: warning: {len(missing)} of {len(gold)} gold ids have no predicted record and are "
              f"scored as empty (e.g. {missing[0]!r})", file=sys.stderr)
    ev = evaluate(gold, pred)
    print(format_table(ev, per_doc=args.per_doc))
    texts = {}
    if args.errors or args.html:
        for doc_id in gold:
            path = find_text(doc_id, _text_dirs(args))
            if path is not None:
                texts[doc_id] = read_text(Path(path))
    if args.errors:
        print()
        print(format_errors(ev, texts))
    if args.json:
        Path(args.json).parent.mkdir(parents=True, exist_ok=True)
        Path(args.json).write_bytes(orjson.dumps(ev.as_dict(), option=orjson.OPT_INDENT_2))
    if args.html:
        from .score.report import write_html

        write_html(args.html, ev, gold, pred, texts)
        print(f"HTML report: {args.html}")
    return EXIT_OK


def _layout_cv(args: argparse.Namespace) -> int:
    """The layout model scored by 10-fold cross-validation grouped by site (no page is
    read by a model that saw its site), beside the v1 hand rules on the same pages."""
    from .extras import require

    require("sklearn", "eval --layout-cv")
    from .segment.rules import read_layout_rules
    from .segment.train import cross_validate, load_pages, score_layouts

    pages = load_pages(args.gold, _text_dirs(args))
    if not pages:
        print(f"vnextract eval: no gold pages with their texts in {args.gold}", file=sys.stderr)
        return EXIT_USAGE
    sites = len({p.site for p in pages})
    seeded = "" if args.fold_seed is None else f", sites shuffled into folds with seed {args.fold_seed}"
    print(f"Layout model, 10-fold cross-validation grouped by site: {len(pages)} pages from {sites} sites{seeded}")
    print(score_layouts(pages, cross_validate(pages, seed=args.fold_seed)))
    print("\nv1 hand rules on the same pages (tuned on the seeds and the aggregator, not on the layouts)")
    print(score_layouts(pages, {p.id: read_layout_rules(p.text) for p in pages}))
    return EXIT_OK


@subcommand
def _register_labelstudio(sub) -> None:
    p = sub.add_parser("labelstudio", help="round trip with Label Studio (export tasks, import annotations)")
    lsub = p.add_subparsers(dest="ls_command", required=True)
    e = lsub.add_parser("export", help="records -> Label Studio tasks with pre-annotations (+ labelling config)")
    e.add_argument("records", help="pipeline records (JSONL)")
    e.add_argument("-o", "--output", required=True, metavar="tasks.json")
    _texts_arg(e)
    i = lsub.add_parser("import", help="a Label Studio JSON export -> gold records")
    i.add_argument("export", help="the JSON file Label Studio exported")
    i.add_argument("-o", "--output", required=True, metavar="gold/")
    i.add_argument("--accept-predictions", action="store_true",
                   help="also write tasks nobody annotated (their pipeline pre-annotations) as gold")


@command("labelstudio")
def cmd_labelstudio(args: argparse.Namespace) -> int:
    from .score.gold import read_records
    from .score.labelstudio import export_tasks, import_export

    if args.ls_command == "import":
        written = import_export(args.export, args.output, args.accept_predictions)
        print(f"vnextract labelstudio: wrote {len(written)} gold records to {args.output}")
        return EXIT_OK
    records = read_records(args.records)
    texts, missing = _texts_for(records, args)
    config = export_tasks(records, texts, args.output)
    print(f"vnextract labelstudio: {len(texts)} tasks -> {args.output}; labelling config -> {config}")
    if missing:
        print(f"vnextract labelstudio: no text for {len(missing)} records (run with --text or give --texts): {', '.join(missing[:5])}", file=sys.stderr)
        return EXIT_ERRORS
    return EXIT_OK


def _texts_for(records: list[dict], args: argparse.Namespace) -> tuple[dict[str, str], list[str]]:
    """Each record's canonical text: its own ``text`` field, its source file, or --texts."""
    from .errors import InputError
    from .read.sources import iter_items
    from .run.batch import decode_item
    from .score.gold import find_text, read_text

    texts: dict[str, str] = {}
    missing: list[str] = []
    for rec in records:
        if rec.get("status") != "ok":
            continue
        if rec.get("text") is not None:
            texts[rec["id"]] = rec["text"]
            continue
        path = find_text(rec["id"], args.texts or []) if args.texts else None
        if path is not None:
            texts[rec["id"]] = read_text(path)
            continue
        src = rec.get("source")
        if src and Path(src).is_file():
            try:
                texts[rec["id"]] = decode_item(next(iter_items([src])))[0]
                continue
            except (InputError, StopIteration):
                pass
        missing.append(rec["id"])
    return texts, missing


@subcommand
def _register_bench(sub) -> None:
    p = sub.add_parser("bench", help="throughput per stage and against underthesea's word_tokenize")
    p.add_argument("paths", nargs="*", metavar="PATH", help="inputs (default: ../shared/corpus-bench/articles.jsonl, else corpus/)")
    p.add_argument("--repeat", type=int, default=1, help="stream the input this many times (memory must not grow)")
    p.add_argument("--limit", type=int, help="only the first N documents of each pass")
    p.add_argument("--jobs", default="1,2", help="comma-separated -j values to time a real run with (default 1,2; empty: skip)")
    p.add_argument("--no-reference", action="store_true", help="skip the underthesea word_tokenize reference")
    p.add_argument("--passes", type=int, default=3, help="time each measurement this many times and keep the best (default 3)")
    p.add_argument("--json", metavar="FILE", help="write the figures as JSON")


@command("bench")
def cmd_bench(args: argparse.Namespace) -> int:
    import orjson

    from .run.bench import default_path, run_bench

    if not args.no_reference:
        from .extras import require

        require("underthesea", "bench's word_tokenize reference (skip it with --no-reference)", load=False)
    paths = args.paths or [default_path()]
    missing = [p for p in paths if not Path(p).exists()]
    if missing:
        raise UsageError(f"no such file or folder: {missing[0]}")
    try:
        jobs = [int(j) for j in args.jobs.split(",") if j.strip()] if args.jobs else []
    except ValueError:
        raise UsageError(f"--jobs takes numbers separated by commas, not {args.jobs!r}") from None
    result = run_bench(paths, args.repeat, args.limit, jobs, not args.no_reference, passes=max(1, args.passes))
    if args.json:
        # OPT_NON_STR_KEYS: the -j figures are keyed by the number of jobs
        Path(args.json).write_bytes(orjson.dumps(result, option=orjson.OPT_INDENT_2 | orjson.OPT_NON_STR_KEYS))
    return EXIT_OK


@subcommand
def _register_tables(sub) -> None:
    p = sub.add_parser("tables", help="flat tables (documents, directives, amounts, counts, places, countries) for pandas or a spreadsheet")
    p.add_argument("records", help="pipeline records (JSONL)")
    p.add_argument("-o", "--output", required=True, metavar="DIR", help="folder for the tables (made if missing)")
    p.add_argument("--format", choices=["csv", "parquet"], default="csv", help="csv (default) or parquet (needs the [tables] extra)")


@command("tables")
def cmd_tables(args: argparse.Namespace) -> int:
    from .analysis.tables import write_tables
    from .score.gold import read_records

    written = write_tables(read_records(args.records, pipeline=True), args.output, args.format)
    print("vnextract tables: " + ", ".join(str(p) for p in written.values()))
    return EXIT_OK


@subcommand
def _register_citations(sub) -> None:
    p = sub.add_parser("citations", help="one row per cited ref: articles, mentions, dates and issuers given")
    p.add_argument("records", help="pipeline records (JSONL)")
    p.add_argument("--csv", metavar="FILE", help="write the whole index as CSV")
    p.add_argument("--top", type=int, default=30, help="rows to print (default 30; 0 = all)")


@command("citations")
def cmd_citations(args: argparse.Namespace) -> int:
    from .analysis.citations import citation_index, format_index, unindexed, write_csv
    from .score.gold import read_records

    if args.csv and os.path.exists(args.csv) and os.path.samefile(args.csv, args.records):
        print(f"vnextract citations: --csv {args.csv} is the records file: write the index to another file", file=sys.stderr)
        return EXIT_USAGE
    records = read_records(args.records, pipeline=True)
    rows = citation_index(records)
    print(format_index(rows, args.top or None))
    left_out = unindexed(records)
    print(f"({len(rows)} distinct refs" + (f"; {left_out} citations without a ref are not indexed)" if left_out else ")"))
    if args.csv:
        write_csv(rows, args.csv)
    return EXIT_OK


@subcommand
def _register_show(sub) -> None:
    p = sub.add_parser("show", help="an article with its mentions highlighted (terminal, or displaCy HTML)")
    p.add_argument("file", help=DOCUMENT_HELP)
    p.add_argument("--html", metavar="OUT.html", help="write the article with its mentions and their values as an HTML page")


@command("show")
def cmd_show(args: argparse.Namespace) -> int:
    got = read_one(args.file, "show")
    if isinstance(got, int):
        return got
    item, text = got
    from .analysis.display import LISTS, render_html, render_terminal
    from .run.batch import Options, process_item

    # the record `run` writes for the same input (an HTML page's metadata fallbacks included)
    rec = process_item(item, Options(), text=text)
    if args.html:
        Path(args.html).write_text(render_html(text, rec), encoding="utf-8")
        print(f"vnextract show: {sum(len(rec.get(k) or []) for k in LISTS)} mentions -> {args.html}")
        return EXIT_OK
    print(render_terminal(text, rec, color=sys.stdout.isatty()))
    return EXIT_OK
