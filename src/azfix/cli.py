"""Command line: ``azfix clean | check | suggest | train | build-dictionaries``.

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
import tempfile
from pathlib import Path

from . import __version__

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


class InputError(Exception):
    """A file that cannot be read or written as asked."""


def read_text(path: str, encoding: str) -> str:
    if path == "-":
        data = sys.stdin.buffer.read()
        name = "<stdin>"
    else:
        file = Path(path)
        if not file.exists():
            raise InputError(f"{path}: no such file")
        if file.is_dir():
            raise InputError(f"{path}: is a directory")
        try:
            data = file.read_bytes()
        except OSError as exc:
            raise InputError(f"{path}: cannot read ({exc.strerror})") from exc
        name = path
    nul = data.find(b"\0")
    if nul >= 0:
        raise InputError(f"{name}: binary file (NUL byte at offset {nul})")
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{name}: not valid {encoding} at byte offset {exc.start} (use --encoding to choose another)"
        ) from exc
    except LookupError as exc:
        raise InputError(f"unknown encoding {encoding!r}") from exc


def write_atomic(path: Path, text: str, encoding: str = "utf-8") -> None:
    """Write ``text`` to ``path`` through a temporary file and a rename."""
    folder = path.parent if str(path.parent) else Path(".")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".azfix.tmp", dir=folder)
    except OSError as exc:
        raise InputError(f"{path}: cannot write ({exc.strerror})") from exc
    try:
        with os.fdopen(fd, "w", encoding=encoding, newline="") as out:
            out.write(text)
        if path.exists():
            os.chmod(tmp, path.stat().st_mode & 0o7777)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def edit_record(edit) -> dict:
    return {"start": edit.start, "end": edit.end, "original": edit.original,
            "replacement": edit.replacement, "kind": edit.kind, "confidence": edit.confidence}


def make_cleaner(args):
    from .pipeline import Cleaner

    options = {}
    if getattr(args, "min_confidence", None) is not None:
        options["min_confidence"] = args.min_confidence
    if getattr(args, "protect", None):
        options["protect"] = args.protect
    if getattr(args, "stats", None):
        options["stats"] = args.stats
    return Cleaner(**options)


def cmd_clean(args) -> int:
    cleaner = make_cleaner(args)
    paths = args.files or ["-"]
    if args.in_place and "-" in paths:
        raise InputError("--in-place needs file names, not standard input")
    if args.output and len(paths) > 1:
        raise InputError("-o takes one input; use --in-place for several files")
    texts = [(p, read_text(p, args.encoding)) for p in paths]  # read everything first: fail early
    for path, text in texts:
        result = cleaner.correct(text)
        if args.json:
            record = {"file": path, "edits": [edit_record(e) for e in result.edits]}
            sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
        elif args.diff:
            import difflib

            sys.stdout.writelines(difflib.unified_diff(
                text.splitlines(keepends=True), result.text.splitlines(keepends=True),
                fromfile=path, tofile=f"{path} (azfix)"))
        elif args.in_place:
            if result.text != text:
                write_atomic(Path(path), result.text, args.encoding)
        elif args.output:
            write_atomic(Path(args.output), result.text, args.encoding)
        else:
            sys.stdout.write(result.text)
        if not args.quiet:
            kinds: dict[str, int] = {}
            for edit in result.edits:
                kinds[edit.kind] = kinds.get(edit.kind, 0) + 1
            summary = ", ".join(f"{k} {n}" for k, n in sorted(kinds.items())) or "no changes"
            print(f"azfix: {path}: {len(result.edits)} edits ({summary})", file=sys.stderr)
    return EXIT_OK


def cmd_check(args) -> int:
    from .lexicon import default_lexicon
    from .tokenize import TokenKind, iter_tokens

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
    from .context import ContextStats

    stats = ContextStats()
    for path in args.corpus:
        stats.add_text(read_text(path, args.encoding))
    out = Path(args.output)
    stats.save(out)
    print(f"azfix: {out}: {len(stats.unigrams)} words, {len(stats.bigrams)} word pairs", file=sys.stderr)
    return EXIT_OK


def cmd_build(args) -> int:
    from .build import main as build_main

    return build_main(["--source", str(args.source), "--out", str(args.out)])


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="azfix", description="Azerbaijani text normalization and OCR cleanup.")
    top.add_argument("--version", action="version", version=f"azfix {__version__}")
    sub = top.add_subparsers(dest="command", required=True)

    def common(p):
        p.add_argument("--encoding", default="utf-8", help="input encoding (default utf-8)")
        p.add_argument("--min-confidence", type=float, help="apply only edits at least this sure (0-1)")
        p.add_argument("--protect", action="append", help="a word never to change (repeatable)")
        p.add_argument("--stats", help="context statistics made by 'azfix train'")

    clean = sub.add_parser("clean", help="clean text files or standard input")
    clean.add_argument("files", nargs="*", help="files to clean ('-' or none: standard input)")
    where = clean.add_mutually_exclusive_group()
    where.add_argument("-o", "--output", help="write the cleaned text here")
    where.add_argument("--in-place", action="store_true", help="replace each file with its cleaned text")
    where.add_argument("--json", action="store_true", help="print the edits as JSON lines")
    where.add_argument("--diff", action="store_true", help="print a unified diff")
    clean.add_argument("-q", "--quiet", action="store_true", help="no summary on stderr")
    common(clean)
    clean.set_defaults(run=cmd_clean)

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
