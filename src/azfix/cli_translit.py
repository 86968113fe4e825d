"""Command line: ``azfix translit``, Azerbaijani Cyrillic spelt in the Latin alphabet, with the file handling of ``azfix clean``.

Each file (or standard input) is read in chunks cut at blank lines, each
chunk transliterated by :func:`azfix.transliterate` (Russian passages and
Latin text stay), and written to stdout, to ``-o``, or over the input with
``--in-place`` through a temporary file renamed at the end. Bad input is a
one-line error and exit status 2 (:mod:`azfix.cli`).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Iterator

from .files import InputError, stream_text, write_pieces

__all__ = ["add_translit_command", "cmd_translit"]


def cmd_translit(args) -> int:
    """Spell the Azerbaijani Cyrillic of each file (or standard input) in the Latin alphabet; nothing else changes."""
    from . import transliterate
    from .cli import EXIT_OK, input_files, output_for
    from .parallel.batch import Summary, chunks_of

    names = args.files or ["-"]
    if args.in_place and "-" in names:
        raise InputError("--in-place needs file names, not standard input")
    files, roots = input_files(names, "*.txt")
    if args.output and len(files) > 1:
        raise InputError("-o takes one input; use --in-place for several files")
    if args.output and Path(args.output).is_dir():
        raise InputError(f"-o {args.output}: is a directory")
    summary = Summary()
    started = time.perf_counter()
    for name in files:
        def spelt(lines=stream_text(name, args.encoding)) -> Iterator[str]:
            for chunk in chunks_of(lines):
                result = transliterate(chunk, args.script)
                summary.add(result, chunk)
                yield result.text

        write_pieces(spelt(), output_for(Path(name), args, roots), args.output_encoding, name)
        summary.documents += 1
    summary.seconds = time.perf_counter() - started
    if not args.quiet:
        print(summary.line(), file=sys.stderr)
    return EXIT_OK


def add_translit_command(sub) -> None:
    """Add ``translit`` to the sub-commands ``sub`` of the ``azfix`` parser."""
    translit = sub.add_parser("translit", help="spell Azerbaijani Cyrillic in the Latin alphabet (Russian stays)")
    translit.add_argument("files", nargs="*", help="files ('-' or none: standard input)")
    into = translit.add_mutually_exclusive_group()
    into.add_argument("-o", "--output", help="write the Latin text here")
    into.add_argument("--in-place", action="store_true", help="replace each file with its Latin text")
    translit.add_argument("--script", choices=("auto", "cyrillic"), default="auto",
                          help="auto: only text that writes Azerbaijani Cyrillic letters; cyrillic: the input is "
                               "Azerbaijani Cyrillic (default auto)")
    translit.add_argument("--encoding", default="utf-8", help="input encoding (default utf-8)")
    translit.add_argument("--output-encoding", default="utf-8", help="encoding of written files (default utf-8)")
    translit.add_argument("-q", "--quiet", action="store_true", help="no summary on stderr")
    translit.set_defaults(run=cmd_translit, output_dir=None)
