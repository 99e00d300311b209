"""The ``vnextract`` command line. Exit status: 0 all records ok, 3 some inputs gave
error records (a one-line summary goes to standard error), 2 usage errors."""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Callable

EXIT_OK, EXIT_USAGE, EXIT_ERRORS = 0, 2, 3

COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {}


def command(name: str):
    def wrap(fn):
        COMMANDS[name] = fn
        return fn

    return wrap


_UNITS = {"": 1, "b": 1, "kb": 1024, "k": 1024, "mb": 1024**2, "m": 1024**2, "gb": 1024**3, "g": 1024**3}


def byte_size(text: str) -> int:
    """``20MB``, ``10 KB``, ``512`` (bytes) -> bytes."""
    import re

    m = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([a-zA-Z]*)\s*", text)
    if not m or m.group(2).lower() not in _UNITS:
        raise argparse.ArgumentTypeError(f"{text!r} is not a size (bytes, or a number with KB, MB or GB)")
    size = int(float(m.group(1)) * _UNITS[m.group(2).lower()])
    if size < 1:
        raise argparse.ArgumentTypeError(f"{text!r} would turn every document away: give a size of 1 byte or more")
    return size


def seconds(text: str) -> float:
    """A time limit: a non-negative number of seconds; ``0`` and ``inf`` mean none."""
    import math

    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of seconds") from None
    if math.isnan(value) or value < 0:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of seconds (0 or more)")
    return 0.0 if math.isinf(value) else value


class _Parser(argparse.ArgumentParser):
    """Usage errors in one line (``vnextract tables: error: ...``), exit 2."""

    def error(self, message: str):
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message} (see {self.prog} --help)\n")


def _parser() -> argparse.ArgumentParser:
    from . import __version__

    p = _Parser(prog="vnextract", description="Vietnamese news articles to structured JSON Lines records.")
    p.add_argument("--version", action="version", version=f"vnextract {__version__}")
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")

    r = sub.add_parser("run", help="extract records from files, folders, archives or standard input")
    r.add_argument("inputs", nargs="+", metavar="INPUT", help="files, folders (recursive), globs, archives, or - for standard input")
    r.add_argument("-o", "--output", metavar="OUT.jsonl", help="write records here (default: standard output)")
    r.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 1, help="worker processes (default: all cores)")
    r.add_argument("--tokens", action="store_true", help="add word spans (underthesea word segmentation)")
    r.add_argument("--text", action="store_true", help="add the canonical text to each record")
    r.add_argument("--resume", action="store_true", help="continue an interrupted run into the same -o file")
    r.add_argument("--dedup", nargs="?", const="exact", choices=["exact", "near"], default=None,
                   help="exact (the default): a document whose canonical text was already seen is marked and not "
                        "extracted again; near: a record whose article text is a near copy of an earlier one gets "
                        "duplicate_of and similarity, and is still extracted")
    r.add_argument("--near-threshold", type=float, default=None, metavar="J",
                   help="--dedup near: estimated Jaccard similarity from which an article is a near copy (default 0.8)")
    r.add_argument("--site-templates", action="store_true",
                   help="a first pass learns the lines each site repeats on many pages (menus, banners, footers): "
                        "they are no paragraphs")
    r.add_argument("--engine", choices=["local", "dask"], default="local", help="local processes or a Dask cluster")
    r.add_argument("--scheduler", metavar="ADDRESS", help="Dask scheduler address (default: start a local cluster)")
    r.add_argument("--max-bytes", type=byte_size, default=20 * 1024 * 1024, metavar="SIZE",
                   help="largest document accepted: bytes, or with KB, MB, GB (default 20MB)")
    r.add_argument("--doc-timeout", type=seconds, default=120.0, help="seconds allowed per document, 0 or inf = none (default 120)")
    r.add_argument("-q", "--quiet", action="store_true", help="print nothing but errors")

    t = sub.add_parser("text", help="print the canonical text of a file (the text all offsets point into)")
    t.add_argument("file", help=DOCUMENT_HELP)

    for register in _REGISTRARS:
        register(sub)
    return p


_REGISTRARS: list[Callable] = []
DOCUMENT_HELP = "a file, an archive member (ARCHIVE!path/in/archive, a record's source) or a JSONL line (FILE.jsonl#id)"


def subcommand(register: Callable) -> Callable:
    """Modules add their sub-parsers through this hook, so the CLI lists them all."""
    _REGISTRARS.append(register)
    return register


@command("run")
def cmd_run(args: argparse.Namespace) -> int:
    from .extras import require
    from .run import batch

    if args.jobs < 1:
        print("vnextract run: -j must be at least 1", file=sys.stderr)
        return EXIT_USAGE
    if args.tokens:
        require("underthesea", "--tokens")
    if args.engine == "dask":
        require("distributed", "--engine dask")
    if args.scheduler and args.engine != "dask":
        print("vnextract run: --scheduler needs --engine dask", file=sys.stderr)
        return EXIT_USAGE
    if args.resume and (not args.output or args.output == "-"):
        print("vnextract run: --resume needs -o OUT.jsonl", file=sys.stderr)
        return EXIT_USAGE
    if args.near_threshold is not None and args.dedup != "near":
        print("vnextract run: --near-threshold needs --dedup near", file=sys.stderr)
        return EXIT_USAGE
    clash = _named_input(args.output, args.inputs)
    if clash is not None:
        print(f"vnextract run: -o {args.output} is the input {clash}: writing would empty it first; "
              "write the records to another file", file=sys.stderr)
        return EXIT_USAGE
    opts = batch.Options(tokens=args.tokens, include_text=args.text, doc_timeout=args.doc_timeout, max_bytes=args.max_bytes,
                         output=args.output if args.output not in (None, "-") else None,
                         site_templates=args.site_templates)
    if args.dedup == "near":
        require("datasketch", "--dedup near")
        opts.signatures = True
    resume = None
    if args.resume:
        from .run.resume import prepare_resume

        resume = prepare_resume(args.output)
    progress = not args.quiet and sys.stderr.isatty()
    exact = args.dedup == "exact"
    with batch.open_output(args.output, append=args.resume) as out, _near_index(args, opts, resume) as near:
        if args.engine == "dask":
            from .run.dask import run_dask

            summary = run_dask(args.inputs, out, opts, scheduler=args.scheduler, dedup=exact, quiet=args.quiet,
                               resume=resume, near=near)
        else:
            summary = batch.run(args.inputs, out, opts, jobs=args.jobs, dedup=exact, resume=resume, progress=progress,
                                near=near)
    if summary.renamed:  # ids must join: say which records got a new one
        print(f"vnextract: warning: {len(summary.renamed)} repeated ids renamed: {summary.renames()}", file=sys.stderr)
    if summary.total_errors:  # the whole output's: error records written before a --resume count too
        total = summary.ok + summary.error + summary.skipped
        print(f"vnextract: {summary.total_errors} of {total} inputs gave error records: {summary.failures()}; "
              f"{summary.line()}", file=sys.stderr)
        return EXIT_ERRORS
    if not args.quiet:
        print(f"vnextract: {summary.line()}", file=sys.stderr)
    return EXIT_OK


def _named_input(output: str | None, inputs: list[str]) -> str | None:
    """The input (a file named on the command line, or a glob's match) that ``output`` is,
    or None. Opening the output empties it, so such a run would lose that input; an output
    inside an input folder is fine (the folder walk never reads the run's own output)."""
    from .read.sources import named_paths

    if not output or output == "-" or not os.path.exists(output):
        return None
    for arg in inputs:
        for path in named_paths(arg):
            if os.path.isfile(path) and os.path.samefile(path, output):
                return arg
    return None


@contextlib.contextmanager
def _near_index(args: argparse.Namespace, opts, resume):
    """``--dedup near``: the index of distinct articles (rebuilt on ``--resume``), else None."""
    if args.dedup != "near":
        yield None
        return
    from .run.near import open_index

    threshold = 0.8 if args.near_threshold is None else args.near_threshold
    near = open_index(opts.output, threshold, resume.done if resume is not None else None)
    try:
        yield near
    finally:
        near.close()


def dedup_compat(argv: list[str]) -> list[str]:
    """``--dedup`` alone is the exact mode, as it always was, also before an input
    (``run --dedup corpus/``): only ``exact``, ``near`` or a bare word that names no file
    (``--dedup fuzzy``, a mistyped mode that argparse then refuses by name) right after it
    is its value."""
    return [("--dedup=exact" if a == "--dedup" and not _mode_word(argv[i + 1 : i + 2]) else a)
            for i, a in enumerate(argv)]


def _mode_word(following: list[str]) -> bool:
    """Whether the argument after ``--dedup`` is meant as its mode, not an input."""
    if not following:
        return False
    word = following[0]
    return word in ("exact", "near") or (word.isalpha() and word.isascii() and not os.path.exists(word))


def _select(path: str) -> list:
    """The items ``path`` names: a file, an archive member (``archive.zip!dir/a.txt``, the
    record's ``source``) or a JSONL line by its id (``news.jsonl#bai-12``), so that any
    record's offsets can be reproduced from its own source."""
    from .read.sources import iter_items

    for mark in ("!", "#"):
        container, _, key = path.partition(mark)
        if key and not os.path.exists(path) and os.path.isfile(container):
            field = "source" if mark == "!" else "id"
            return [it for it in iter_items([container]) if getattr(it, field) == (path if mark == "!" else key)]
    return list(iter_items([path]))


def read_one(path: str, name: str):
    """(item, canonical text) of the one document at ``path``, or the exit status after
    saying why not (a usage error for an archive, an input error otherwise)."""
    from .errors import InputError
    from .run.batch import decode_item

    items = _select(path)
    container, mark, key = path.partition("#")
    if not items and mark and key and os.path.isfile(container):
        print(f"vnextract {name}: {container} holds no document with id {key!r}", file=sys.stderr)
        return EXIT_USAGE
    if len(items) != 1:
        print(f"vnextract {name}: {path} holds {len(items)} documents; give one document "
              "(ARCHIVE!member/path or FILE.jsonl#id)", file=sys.stderr)
        return EXIT_USAGE
    try:
        if items[0].error:
            raise items[0].error
        return items[0], decode_item(items[0])[0]
    except InputError as exc:
        print(f"vnextract {name}: {exc.kind}: {exc}", file=sys.stderr)
        # a path that is not there is a usage error, as in every sub-command; a document
        # that is there but cannot be read (binary, too large) is an input error
        return EXIT_USAGE if not os.path.lexists(path.partition("!")[0].partition("#")[0]) else EXIT_ERRORS


@command("text")
def cmd_text(args: argparse.Namespace) -> int:
    got = read_one(args.file, "text")
    if isinstance(got, int):
        return got
    sys.stdout.write(got[1])
    return EXIT_OK


def _command_parser(parser: argparse.ArgumentParser, command: str) -> argparse.ArgumentParser:
    """The sub-command's own parser (``vnextract run``)."""
    for action in parser._subparsers._group_actions:  # argparse keeps them there, with no public accessor
        if command in getattr(action, "choices", {}):
            return action.choices[command]
    return parser


def _load_plugins() -> None:
    """Import the modules that register more sub-commands."""
    from . import commands  # noqa: F401


def main(argv: list[str] | None = None) -> int:
    from .errors import UsageError
    from .extras import MissingExtra

    _load_plugins()
    parser = _parser()
    args, unknown = parser.parse_known_args(dedup_compat(sys.argv[1:] if argv is None else list(argv)))
    if unknown:  # named by the sub-command, so that its help is the one pointed to
        _command_parser(parser, args.command).error(f"unrecognized arguments: {' '.join(unknown)}")
    try:
        return COMMANDS[args.command](args)
    except BrokenPipeError:
        return EXIT_OK
    except (UsageError, MissingExtra) as exc:
        print(f"vnextract {args.command}: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except OSError as exc:  # a path that is not there, or an output that cannot be written (-o /dev/full)
        where = f": {exc.filename}" if exc.filename else ""
        print(f"vnextract {args.command}: {exc.strerror or exc}{where}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("vnextract: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
