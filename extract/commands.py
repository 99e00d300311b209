"""Sub-commands beyond ``run`` and ``text``; each registers its parser and its handler."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .cli import EXIT_ERRORS, EXIT_OK, EXIT_USAGE, command, subcommand


def _texts_arg(p: argparse.ArgumentParser) -> None:
    p.add_argument("--texts", action="append", metavar="DIR",
                   help="folder holding ID.txt for the gold ids (repeatable; default: corpus/ and ../shared/articles/)")


def _text_dirs(args: argparse.Namespace) -> list[str]:
    from .score.gold import default_text_dirs

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
        return EXIT_ERRORS
    print(f"vnextract validate: {checked} gold records are valid{note}")
    return EXIT_OK


@subcommand
def _register_eval(sub) -> None:
    p = sub.add_parser("eval", help="score predicted records against the gold set (SPEC section 7)")
    p.add_argument("--gold", required=True, help="gold folder or file")
    p.add_argument("--pred", required=True, help="predicted records (JSONL)")
    _texts_arg(p)
    p.add_argument("--per-doc", action="store_true", help="one row per document")
    p.add_argument("--errors", action="store_true", help="list every miss and false alarm")
    p.add_argument("--json", metavar="FILE", help="write every figure as JSON")
    p.add_argument("--html", metavar="FILE", help="write an HTML report with highlighted spans")


@command("eval")
def cmd_eval(args: argparse.Namespace) -> int:
    import orjson

    from .score.evaluate import evaluate, format_errors, format_table
    from .score.gold import find_text, load_gold, load_records, read_text

    gold = load_gold(args.gold)
    if not gold:
        print(f"vnextract eval: no gold records in {args.gold}", file=sys.stderr)
        return EXIT_USAGE
    try:
        pred = load_records(args.pred)
    except FileNotFoundError:
        print(f"vnextract eval: no such file: {args.pred}", file=sys.stderr)
        return EXIT_USAGE
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
