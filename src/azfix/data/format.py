"""The on-disk format of the shipped dictionaries: its version, its codes, where it lives and how its lines are read.

Both the build (which writes the files) and the loaders (which read them)
import this module; neither imports the other.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from zlib import crc32

__all__ = ["FORMAT_VERSION", "ROOT_SOURCE", "DataFormatError", "dictionaries_path", "read_data_lines",
           "read_data_lines_and_checksum"]

FORMAT_VERSION = 1
ROOT_SOURCE = "f"  # the sources column of a root: the frequency list alone


class DataFormatError(RuntimeError):
    """The dictionaries on disk were built for another format version."""


def dictionaries_path() -> Path:
    """Folder of the shipped dictionaries (inside the installed package)."""
    return Path(str(resources.files("azfix.dictionaries")))


def read_data_lines(path: Path) -> list[str]:
    return read_data_lines_and_checksum(path)[0]


def read_data_lines_and_checksum(path: Path) -> tuple[list[str], int]:
    """The data lines of a file (no blank line, no ``#`` comment), and the CRC-32 of its bytes."""
    data = path.read_bytes()
    lines = data.decode("utf-8").splitlines()
    return [line for line in lines if line and not line.startswith("#")], crc32(data)
