"""Cleaning on a Dask cluster: a bag of texts, or a text column of a dataframe.

Needs the optional extra: ``pip install 'azfix[dask]'``. The Cleaner is
picklable, so it is sent to the workers once per partition; each worker
builds its data lazily the first time it cleans.

    import dask.bag as db
    from azfix.parallel.dask import clean_bag
    cleaned = clean_bag(db.from_sequence(texts, npartitions=8)).compute()
"""

from __future__ import annotations

from ..cleaner import Cleaner

__all__ = ["clean_bag", "clean_column"]


def _require_dask():
    try:
        import dask  # noqa: F401  (only checks that the extra is installed)
    except ImportError as exc:  # pragma: no cover - exercised without the extra
        raise ImportError("azfix.parallel.dask needs Dask: pip install 'azfix[dask]'") from exc


def _clean_partition(texts, cleaner: Cleaner):
    return [cleaner.clean(text) for text in texts]


def clean_bag(bag, cleaner: Cleaner | None = None):
    """A Dask bag of cleaned texts, in the order of ``bag``."""
    _require_dask()
    return bag.map_partitions(_clean_partition, cleaner or Cleaner())


def clean_column(frame, column: str, cleaner: Cleaner | None = None, output: str | None = None):
    """A Dask dataframe with ``column`` cleaned (into ``output``, default the same column)."""
    _require_dask()
    cleaner = cleaner or Cleaner()
    target = output or column
    return frame.assign(**{target: frame[column].map(cleaner.clean, meta=(target, "object"))})
