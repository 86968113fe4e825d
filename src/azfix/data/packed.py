"""Shipped files kept compressed and unpacked once into a cache, where they can be memory-mapped.

``unpacked(path)`` returns a plain file with the contents of ``path`` (a
``.gz``): the first call writes it under the user's cache folder
(``$XDG_CACHE_HOME/azfix`` or ``~/.cache/azfix``; a temporary folder where
that cannot be written), named by the packed file's size and modification
time, through a temporary file renamed into place, so concurrent processes
never see half a file.
"""

from __future__ import annotations

import gzip
import os
import shutil
import tempfile
from pathlib import Path

__all__ = ["pack", "unpacked"]


def pack(source: Path, target: Path) -> None:
    """Write ``source`` gzip-compressed to ``target``, byte for byte the same on every run (no name, no time)."""
    with open(source, "rb") as raw, open(target, "wb") as out:
        with gzip.GzipFile(filename="", mode="wb", fileobj=out, mtime=0, compresslevel=6) as packed:
            shutil.copyfileobj(raw, packed, 1 << 20)


def unpacked(path: Path) -> Path:
    """A plain copy of the gzip file ``path``, made once per version of it."""
    stat = path.stat()
    name = f"{path.name.removesuffix('.gz')}.{stat.st_size}.{int(stat.st_mtime)}"
    for folder in _cache_folders():
        target = folder / name
        if target.exists():
            return target
        try:
            folder.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{name}.", suffix=".tmp")
        except OSError:
            continue
        try:
            with os.fdopen(handle, "wb") as out, gzip.open(path, "rb") as packed:
                shutil.copyfileobj(packed, out, 1 << 20)
            os.replace(temporary, target)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
        return target
    raise OSError(f"no folder to unpack {path} into")


def _cache_folders() -> list[Path]:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return [Path(base) / "azfix", Path(tempfile.gettempdir()) / f"azfix-{os.getuid() if hasattr(os, 'getuid') else 0}"]
