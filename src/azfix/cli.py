"""Command line: ``azfix clean | translit | check | suggest | train | build-dictionaries | export-hunspell``.

Everything here is a thin front end over the public API; the cleaning itself
is :class:`azfix.Cleaner`. Results go to stdout (or the file named), messages
to stderr. Exit status: 0 success, 1 findings (``check``), 2 usage or input
error. Input files are never damaged: ``--in-place`` writes a temporary file
in the same folder, copies the permissions, then renames it over the input.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import deque
from pathlib import Path
from typing import Iterator

from . import __version__
from .cli_translit import add_translit_command
from .files import InputError, read_text, stream_text, write_pieces

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
MAX_WARNINGS = 20  # warnings printed per file; the summary counts the rest


def edit_record(edit) -> dict:
    return {"start": edit.start, "end": edit.end, "original": edit.original,
            "replacement": edit.replacement, "kind": edit.kind, "confidence": edit.confidence}


def make_cleaner(args):
    from .cleaner import Cleaner

    options = {}
    if getattr(args, "min_confidence", None) is not None:
        if not 0.0 <= args.min_confidence <= 1.0:
            raise InputError(f"--min-confidence takes a number from 0 to 1, not {args.min_confidence}")
        options["min_confidence"] = args.min_confidence
    if getattr(args, "protect", None):
        options["protect"] = args.protect
    if getattr(args, "script", None):
        options["script"] = args.script
    if getattr(args, "stats", None):
        check_stats(args.stats)
        options["stats"] = args.stats
    for stage in STAGE_SWITCHES:
        if getattr(args, f"no_{stage}", False):
            options[stage] = False
    return Cleaner(**options)


# Cleaner options a user can switch off from the command line (--no-layout …).
STAGE_SWITCHES = ("mojibake", "normalize", "layout", "correct", "realword", "splits", "merges", "hyphen_suffix")


def check_stats(path: str) -> None:
    """Raise InputError unless ``path`` holds context statistics made by ``azfix train``.

    Checked here, once: a worker process that failed to read them would fail the run later and less clearly.
    """
    from .data.stats import ContextStats

    file = Path(path)
    if not file.exists():
        raise InputError(f"--stats {path}: no such file")
    if not file.is_file():
        raise InputError(f"--stats {path}: not a regular file")
    try:
        ContextStats.load(file)
    except (OSError, EOFError, ValueError, UnicodeDecodeError, IndexError) as exc:
        raise InputError(f"--stats {path}: not context statistics made by 'azfix train' ({exc})") from exc


def check_targets(files: list[str], args, roots: dict[Path, Path]) -> None:
    """Refuse a run in which two inputs would be written to one file (the first would be lost)."""
    if not args.output_dir:
        return
    seen: dict[Path, str] = {}
    for name in files:
        target = output_for(Path(name), args, roots).resolve()
        if target in seen:
            raise InputError(f"{seen[target]} and {name} would both be written to {target}")
        seen[target] = name


def output_for(path: Path, args, roots: dict[Path, Path]) -> Path | None:
    """Where the cleaned text of ``path`` goes (None: standard output); in place, the file a link points to."""
    if args.in_place:
        return Path(os.path.realpath(path))
    if args.output:
        return Path(args.output)
    if args.output_dir:
        root = roots.get(path)
        relative = path.relative_to(root) if root else Path(path.name)
        return Path(args.output_dir) / relative
    return None


def input_files(names: list[str], glob: str) -> tuple[list[str], dict[Path, Path]]:
    """The files named (folders searched with ``glob``), and the folder each found file came from."""
    from .parallel.batch import find_files

    roots: dict[Path, Path] = {}
    files: list[str] = []
    for name in names:
        if name != "-" and Path(name).is_dir():
            try:
                for found in find_files([name], glob):
                    roots[found] = Path(name)
                    files.append(str(found))
            except FileNotFoundError as exc:
                raise InputError(str(exc)) from exc
        else:
            if name != "-" and not Path(name).exists():
                raise InputError(f"{name}: no such file")
            files.append(name)
    return files, roots


def cmd_clean(args) -> int:
    import time

    from .parallel.batch import Summary, WorkerError

    cleaner = make_cleaner(args)
    names = args.files or ["-"]
    if (args.in_place or args.output_dir) and "-" in names:
        raise InputError("--in-place and --output-dir need file names, not standard input")
    if args.jobs is not None and args.jobs < 1:
        raise InputError(f"--jobs takes a whole number of at least 1, not {args.jobs}")
    files, roots = input_files(names, args.glob)
    if args.output and len(files) > 1:
        raise InputError("-o takes one input; use --in-place or --output-dir for several files")
    if args.output and Path(args.output).is_dir():
        raise InputError(f"-o {args.output}: is a directory (use --output-dir)")
    check_targets(files, args, roots)
    summary = Summary()
    started = time.perf_counter()
    if args.html:
        write_html_report(files, cleaner, args, summary)
    failed = []
    for number, name in enumerate(files):
        if args.html and not (args.output or args.in_place or args.output_dir):
            continue  # the report is the output
        if args.json or args.diff:
            report_file(name, cleaner, args, summary)
            continue
        try:
            clean_file(name, output_for(Path(name), args, roots), cleaner, args, summary)
        except WorkerError as exc:
            raise InputError(f"{name}: {exc}") from exc
        except InputError as exc:
            rest = files[number + 1:]
            if not (args.in_place or args.output_dir) and rest:
                # (one output stream: going on would leave a hole in it)
                raise InputError(f"{exc}; not cleaned either: {', '.join(rest)}") from exc
            if not (args.in_place or args.output_dir):
                raise
            print(f"azfix: error: {exc}", file=sys.stderr)  # each file has its own output: go on
            failed.append(name)
            continue
        if not args.jsonl_field:
            summary.documents += 1  # (JSON lines count their records)
    summary.seconds = time.perf_counter() - started
    if not args.quiet:
        print(summary.line(), file=sys.stderr)
    if failed:
        print(f"azfix: {len(failed)} of {len(files)} files not cleaned (left as they were): {', '.join(failed)}",
              file=sys.stderr)
        return EXIT_ERROR
    return EXIT_OK


def clean_file(name: str, target: Path | None, cleaner, args, summary) -> None:
    """Clean one file (or standard input) into ``target`` (None: standard output), counting into ``summary``."""
    from .parallel.batch import chunks_of, clean_jsonl

    if args.output_dir and target is not None:
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise InputError(f"{target.parent}: cannot create ({exc.strerror})") from exc
    if target is None and name != "-":
        # Standard output cannot be taken back: a file is read through once
        # first, so that a bad byte late in it fails the run before any output.
        deque(stream_text(name, args.encoding), maxlen=0)
    lines = stream_text(name, args.encoding)
    if args.jsonl_field:
        records, skipped_before = summary.documents, summary.skipped

        def skipped(number: int, problem: str) -> None:
            summary.skipped += 1
            if summary.skipped - skipped_before <= MAX_WARNINGS:
                print(f"azfix: warning: {name}: line {number}: {problem}; copied unchanged", file=sys.stderr)

        pieces = clean_jsonl(lines, args.jsonl_field, cleaner, args.jobs, summary, on_bad_line=skipped)
        write_pieces(pieces, target, args.output_encoding, name)
        if summary.documents == records and summary.skipped > skipped_before:
            raise InputError(f"{name}: no line is a JSON record with a string field {args.jsonl_field!r}")
        return
    progress = make_progress(name)

    def cleaned() -> Iterator[str]:
        for result, original in zip_results(chunks_of(lines), cleaner, args.jobs):
            summary.add(result, original)
            if progress is not None:
                progress.update(len(original))
            yield result.text

    write_pieces(cleaned(), target, args.output_encoding, name)
    if progress is not None:
        progress.close()


def zip_results(chunks, cleaner, jobs):
    """(result, original chunk) pairs, in order."""
    from .parallel.batch import clean_chunks

    originals: list[str] = []

    def remember():
        for chunk in chunks:
            originals.append(chunk)
            yield chunk

    for result in clean_chunks(remember(), cleaner, jobs):
        yield result, originals.pop(0)


def make_progress(name: str):
    """A progress bar on a terminal (tqdm), else None."""
    if not sys.stderr.isatty() or name == "-":
        return None
    from tqdm import tqdm

    return tqdm(total=Path(name).stat().st_size, unit="B", unit_scale=True, desc=name, file=sys.stderr)


def write_html_report(files: list[str], cleaner, args, summary) -> None:
    from .report import render

    documents = []
    for name in files:
        text = read_text(name, args.encoding)
        documents.append((name, text, cleaner.correct(text)))
    page = render(documents, title="azfix: " + ", ".join(files))
    write_pieces([page], Path(args.html), "utf-8", "-")
    if not (args.output or args.in_place or args.output_dir):
        for _name, text, result in documents:
            summary.add(result, text)
            summary.documents += 1


def report_file(name: str, cleaner, args, summary) -> None:
    text = read_text(name, args.encoding)
    result = cleaner.correct(text)
    summary.add(result, text)
    summary.documents += 1
    if args.json:
        record = {"file": name, "edits": [edit_record(e) for e in result.edits]}
        sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
    else:
        import difflib

        lines = difflib.unified_diff(text.splitlines(keepends=True), result.text.splitlines(keepends=True),
                                     fromfile=name, tofile=f"{name} (azfix)")
        sys.stdout.writelines(coloured_diff(lines) if use_colour(args.color) else lines)


_DIFF_COLOURS = (("+++", "\033[1m"), ("---", "\033[1m"), ("@@", "\033[36m"), ("+", "\033[32m"), ("-", "\033[31m"))


def coloured_diff(lines):
    """Unified-diff lines with ANSI colours: additions green, removals red, hunks cyan."""
    for line in lines:
        colour = next((c for prefix, c in _DIFF_COLOURS if line.startswith(prefix)), None)
        if colour is None:
            yield line
        else:
            body = line.rstrip("\n")
            yield f"{colour}{body}\033[0m" + line[len(body):]


def use_colour(choice: str) -> bool:
    """--color auto: colour a terminal, unless NO_COLOR is set (https://no-color.org)."""
    if choice == "auto":
        return sys.stdout.isatty() and not os.environ.get("NO_COLOR")
    return choice == "always"


def cmd_check(args) -> int:
    from .data.lexicon import default_lexicon
    from .text.tokenize import TokenKind, iter_tokens

    lexicon = default_lexicon()
    corrector = make_cleaner(args).corrector()
    found = 0
    for path in args.files:
        text = read_text(path, args.encoding)
        line_starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]
        import bisect

        for token in iter_tokens(text):
            if token.kind is not TokenKind.WORD or not token.text.isalpha():
                continue
            if lexicon.is_known(token.text):
                continue
            line = bisect.bisect_right(line_starts, token.start)
            col = token.start - line_starts[line - 1] + 1
            suggestions = ", ".join(s for s, _ in corrector.suggest(token.text, 3)) or "?"
            print(f"{path}:{line}:{col}: {token.text} -> {suggestions}")
            found += 1
    return EXIT_FINDINGS if found else EXIT_OK


def cmd_suggest(args) -> int:
    from . import is_known, suggest

    for word in args.words:
        known = "known" if is_known(word) else "unknown"
        ranked = suggest(word, args.n)
        listing = ", ".join(f"{s} ({p:.2f})" for s, p in ranked) or "no suggestions"
        print(f"{word} [{known}]: {listing}")
    return EXIT_OK


def cmd_train(args) -> int:
    from .data.stats import ContextStats

    stats = ContextStats()
    for path in args.corpus:
        stats.add_text(read_text(path, args.encoding))
    out = Path(args.output)
    if out.is_dir() or not out.parent.is_dir():
        raise InputError(f"-o {out}: not a file in an existing folder")
    stats.save(out)
    print(f"azfix: {out}: {len(stats.unigrams)} words, {len(stats.bigrams)} word pairs", file=sys.stderr)
    return EXIT_OK


def cmd_build(args) -> int:
    from .build.dictionaries import main as build_main

    return build_main(["--source", str(args.source), "--out", str(args.out)])


def cmd_export_hunspell(args) -> int:
    from .export.hunspell import export_hunspell

    out = Path(args.output)
    for option, value in (("--inner", args.inner), ("--outer", args.outer)):
        if not 1 <= value <= 3:
            raise InputError(f"{option} takes 1, 2 or 3 suffixes, not {value}")
    if out.exists() and not out.is_dir():
        raise InputError(f"-o {out}: not a folder")
    if not out.exists() and not out.parent.is_dir():
        raise InputError(f"-o {out}: its parent folder {out.parent} does not exist")
    try:
        out.mkdir(exist_ok=True)
        summary = export_hunspell(out, inner=args.inner, outer=args.outer)
    except OSError as exc:
        raise InputError(f"-o {out}: cannot write ({exc.strerror or exc})") from exc
    print(f"azfix: {summary.describe()}", file=sys.stderr)
    return EXIT_OK


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="azfix", description="Azerbaijani text normalization and OCR cleanup.")
    top.add_argument("--version", action="version", version=f"azfix {__version__}")
    sub = top.add_subparsers(dest="command", required=True)

    def common(p):
        p.add_argument("--encoding", default="utf-8", help="input encoding (default utf-8)")
        p.add_argument("--min-confidence", type=float, help="apply only edits at least this sure (0-1)")
        p.add_argument("--protect", action="append", help="a word never to change (repeatable)")
        p.add_argument("--stats", help="context statistics made by 'azfix train'")
        for stage in STAGE_SWITCHES:
            p.add_argument(f"--no-{stage.replace('_', '-')}", dest=f"no_{stage}", action="store_true",
                           help=f"switch off: {stage.replace('_', ' ')}")

    clean = sub.add_parser("clean", help="clean text files or standard input")
    clean.add_argument("files", nargs="*", help="files to clean ('-' or none: standard input)")
    where = clean.add_mutually_exclusive_group()
    where.add_argument("-o", "--output", help="write the cleaned text here")
    where.add_argument("--in-place", action="store_true", help="replace each file with its cleaned text")
    where.add_argument("--json", action="store_true", help="print the edits as JSON lines")
    where.add_argument("--diff", action="store_true", help="print a unified diff")
    clean.add_argument("--color", choices=("auto", "always", "never"), default="auto",
                       help="colour the --diff output (default: auto, on a terminal)")
    where.add_argument("--output-dir", help="write each cleaned file under this folder")
    clean.add_argument("--html", help="write a standalone HTML page showing every change")
    clean.add_argument("--output-encoding", default="utf-8", help="encoding of written files (default utf-8)")
    clean.add_argument("--glob", default="*.txt", help="files to take from directories (default *.txt)")
    clean.add_argument("--jsonl-field", help="input is JSON lines: clean this field, keep the rest")
    clean.add_argument("--jobs", type=int, default=None, help="worker processes (default: all cores)")
    clean.add_argument("-q", "--quiet", action="store_true", help="no summary on stderr")
    clean.add_argument("--script", choices=("latin", "auto", "cyrillic"),
                       help="auto, cyrillic: spell Azerbaijani Cyrillic in Latin first (default latin)")
    common(clean)
    clean.set_defaults(run=cmd_clean)

    add_translit_command(sub)
    check = sub.add_parser("check", help="list unknown words with suggestions (exit 1 if any)")
    check.add_argument("files", nargs="+")
    common(check)
    check.set_defaults(run=cmd_check)

    suggest = sub.add_parser("suggest", help="suggest corrections for words")
    suggest.add_argument("words", nargs="+")
    suggest.add_argument("-n", type=int, default=5)
    suggest.set_defaults(run=cmd_suggest)

    train = sub.add_parser("train", help="build context statistics from your own corpus")
    train.add_argument("corpus", nargs="+")
    train.add_argument("-o", "--output", required=True)
    train.add_argument("--encoding", default="utf-8")
    train.set_defaults(run=cmd_train)

    build = sub.add_parser("build-dictionaries", help="rebuild dictionaries/ from the source lexicons")
    build.add_argument("--source", type=Path, default=Path("../shared/data"))
    build.add_argument("--out", type=Path, default=Path("dictionaries"))
    build.set_defaults(run=cmd_build)

    export = sub.add_parser("export-hunspell", help="write a Hunspell dictionary (az_AZ.aff, az_AZ.dic)")
    export.add_argument("-o", "--output", required=True, help="folder to write into (created if missing)")
    export.add_argument("--inner", type=int, default=2, help="suffixes in a stem's own chains (default 2)")
    export.add_argument("--outer", type=int, default=2, help="suffixes in the chains that may follow (default 2)")
    export.set_defaults(run=cmd_export_hunspell)
    return top


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return args.run(args)
    except InputError as exc:
        print(f"azfix: error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except BrokenPipeError:
        return EXIT_OK
    except KeyboardInterrupt:
        print("azfix: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    raise SystemExit(main())
