"""Reading input and writing output safely: whole files or streamed blocks, decoded with a clear error, written through a temporary file renamed at the end.

The input file is never damaged: output goes to a temporary file beside the
target, which replaces the target only once it is complete. Reading rejects
binary data and undecodable bytes with the byte offset.
"""

from __future__ import annotations

import os
import re
import sys
import tempfile
from contextlib import nullcontext
from pathlib import Path
from typing import Iterable, Iterator

__all__ = ["InputError", "read_text", "stream_text", "write_pieces"]

_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+")


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
    nul = data.find(b"\0") if _byte_oriented(encoding) else -1
    if nul >= 0:
        raise InputError(f"{name}: binary file (NUL byte at offset {nul})")
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{name}: not valid {encoding} at byte offset {exc.start} (use --encoding to choose another)"
        ) from exc
    except LookupError as exc:
        raise InputError(f"unknown encoding {encoding!r}") from exc
    _refuse_nul(text, name, 0)
    return text


def _byte_oriented(encoding: str) -> bool:
    """True for an encoding in which a NUL byte is a NUL character (not UTF-16 or UTF-32, whose
    characters hold zero bytes): binary input is told by its bytes before decoding."""
    import codecs

    try:
        name = codecs.lookup(encoding).name
    except LookupError:
        return True  # (the decoder reports the unknown encoding)
    return not name.startswith(("utf-16", "utf-32"))


def _refuse_nul(text: str, name: str, offset: int) -> None:
    """A NUL character in decoded text is binary data (checked after decoding UTF-16 and UTF-32)."""
    nul = text.find("\0")
    if nul >= 0:
        raise InputError(f"{name}: binary file (NUL character at offset {offset + nul})")


def stream_text(path: str, encoding: str, block: int = 1 << 20) -> Iterator[str]:
    """Decode a file (or stdin) block by block; a clear error names the bad byte's offset."""
    import codecs

    try:
        source = sys.stdin.buffer if path == "-" else open(path, "rb")
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from exc
    name = "<stdin>" if path == "-" else path
    try:
        decoder = codecs.getincrementaldecoder(encoding)(errors="strict")
    except LookupError as exc:
        raise InputError(f"unknown encoding {encoding!r}") from exc
    offset = 0
    characters = 0  # decoded so far (for the offset of a NUL character)
    pending = ""
    by_bytes = _byte_oriented(encoding)
    with source if path != "-" else nullcontext(source):
        while True:
            data = source.read(block)
            nul = data.find(b"\0") if by_bytes else -1
            if nul >= 0:
                raise InputError(f"{name}: binary file (NUL byte at offset {offset + nul})")
            try:
                text = decoder.decode(data, final=not data)
            except UnicodeDecodeError as exc:
                raise InputError(f"{name}: not valid {encoding} at byte offset {offset + exc.start} "
                                 f"(use --encoding to choose another)") from exc
            if not by_bytes:
                _refuse_nul(text, name, characters)
            offset += len(data)
            characters += len(text)
            # Lines end at \n, \r\n or \r only: U+2028, U+0085 and the like may stand
            # inside a line (raw in a JSON string); a \r at the end of a block waits
            # for the next one, which may open with its \n.
            lines = _LINE.findall(pending + text)
            pending = lines.pop() if lines and (not lines[-1].endswith(("\n", "\r")) or data and
                                                lines[-1].endswith("\r")) else ""
            yield from lines
            if not data:
                if pending:
                    yield pending
                return



def write_pieces(pieces: Iterable[str], target: Path | None, encoding: str, name: str) -> None:
    """Write to stdout, or to ``target`` through a temporary file renamed at the end.

    The temporary file is anonymous while it is written (``O_TMPFILE``, where
    the system has it): a run killed even by SIGKILL leaves nothing behind. It
    gets a name only when complete, just before it replaces ``target``. The
    permissions of ``target`` (or else of the input file) are kept.
    """
    if target is None:
        for piece in pieces:
            sys.stdout.write(piece)
        return
    folder = target.parent if str(target.parent) else Path(".")
    fd, tmp = _open_temporary(folder, target)
    try:
        with os.fdopen(fd, "w", encoding=encoding, newline="") as out:
            for piece in pieces:
                out.write(piece)
            out.flush()
            source = target if target.exists() else Path(name) if name != "-" and Path(name).exists() else None
            if source is not None:
                os.fchmod(fd, source.stat().st_mode & 0o7777)
            if tmp is None:
                tmp = _name_anonymous(fd, folder, target)
        os.replace(tmp, target)
    except BaseException:
        if tmp is not None:
            Path(tmp).unlink(missing_ok=True)
        raise


def _open_temporary(folder: Path, target: Path) -> tuple[int, str | None]:
    """(a descriptor to write the new file through, its name, or None while it has none)."""
    flag = getattr(os, "O_TMPFILE", None)
    if flag is not None:
        try:
            return os.open(folder, flag | os.O_WRONLY, 0o600), None
        except OSError:
            pass  # no anonymous files here (file system, permissions): a named one says why below
    try:
        return tempfile.mkstemp(prefix=f".{target.name}.", suffix=".azfix.tmp", dir=folder)
    except OSError as exc:
        raise InputError(f"{target}: cannot write ({exc.strerror})") from exc


def _name_anonymous(fd: int, folder: Path, target: Path) -> str:
    """Give the complete anonymous file a fresh name beside ``target`` (renamed over it at once)."""
    # (linkat with AT_SYMLINK_FOLLOW through /proc: a plain link() would link the /proc entry itself)
    root = os.open("/", os.O_RDONLY)
    try:
        for _ in range(100):
            name = str(folder / f".{target.name}.{os.urandom(6).hex()}.azfix.tmp")
            try:
                os.link(f"proc/self/fd/{fd}", name, src_dir_fd=root, follow_symlinks=True)
                return name
            except FileExistsError:
                continue
    finally:
        os.close(root)
    raise InputError(f"{target}: cannot name the temporary file")
