"""Cleaning a text column of a Hugging Face ``datasets`` Dataset, DatasetDict or IterableDataset.

Needs the optional extra: ``pip install 'azfix[hf]'``. :func:`clean_dataset`
runs ``Dataset.map`` in batches (on ``num_proc`` processes if asked) with a
:class:`CleanColumn`: a picklable function that ``datasets`` hashes the same
in every process and every run, so cleaning the same data with the same
options again loads the cached result, while another option, another azfix
version or other dictionaries clean anew. Null texts stay null; a text that
needs no change comes out byte-identical.

    from datasets import load_dataset
    from azfix.integrations.hf import clean_dataset
    news = clean_dataset(load_dataset("json", data_files="news.jsonl"), num_proc=4, edit_counts=True)

Why the function pickles itself: a Cleaner's options hold sets (``protect``,
``user_words``) whose pickled order follows Python's per-process string
hashing, so a pickled Cleaner differs from run to run and would never hit the
cache. :class:`CleanColumn` pickles its options as sorted tuples instead,
with a stamp of the data the cleaning reads.
"""

from __future__ import annotations

import hashlib
import os
from collections import Counter
from dataclasses import asdict, fields
from functools import lru_cache

try:
    from datasets import DatasetDict, Features, IterableDatasetDict, List, Value
except ImportError as exc:  # pragma: no cover - exercised without the extra
    raise ImportError("azfix.integrations.hf needs Hugging Face datasets: pip install 'azfix[hf]'") from exc

from .. import __version__
from ..cleaner import Cleaner
from ..config import CleanerConfig, Policy
from ..edits import EditKind, Result

__all__ = ["COUNTS_COLUMN", "EDITS_COLUMN", "CleanColumn", "clean_dataset"]

COUNTS_COLUMN = "azfix_edits"  # edits by kind: {"diacritic": 2, "typo": 0, ...}, every kind present
EDITS_COLUMN = "azfix_edit_list"  # every edit: start, end, original, replacement, kind, confidence


def clean_dataset(dataset, column: str = "text", cleaner: Cleaner | None = None, *, output: str | None = None,
                  edit_counts: bool = False, edits: bool = False, num_proc: int | None = None,
                  batch_size: int = 256, **map_kwargs):
    """``dataset`` with ``column`` cleaned (into ``output``, default the same column).

    ``edit_counts`` adds the column ``azfix_edits`` (edits by kind, every kind
    present); ``edits`` adds ``azfix_edit_list`` (each edit's span into the
    input, original, replacement, kind and confidence). A DatasetDict is
    cleaned split by split; ``map_kwargs`` go to each ``map`` call
    (``load_from_cache_file=False``, ``keep_in_memory=True``, ...).
    """
    if isinstance(dataset, (DatasetDict, IterableDatasetDict)):
        return type(dataset)({name: clean_dataset(split, column, cleaner, output=output, edit_counts=edit_counts,
                                                  edits=edits, num_proc=num_proc, batch_size=batch_size,
                                                  **map_kwargs)
                              for name, split in dataset.items()})
    function = CleanColumn(cleaner or Cleaner(), column, output, edit_counts, edits)
    features = function.output_features(dataset.features)
    if features is not None:
        map_kwargs["features"] = features
    if num_proc is not None:
        map_kwargs["num_proc"] = num_proc
    return dataset.map(function, batched=True, batch_size=batch_size, **map_kwargs)


class CleanColumn:
    """The batched map function: cleans one column of a batch, optionally adds edit columns.

    Picklable and hashed alike in every process: see the module docstring.
    """

    def __init__(self, cleaner: Cleaner, column: str = "text", output: str | None = None,
                 edit_counts: bool = False, edits: bool = False):
        if not isinstance(cleaner, Cleaner):
            raise TypeError(f"cleaner must be an azfix.Cleaner, not {type(cleaner).__name__}")
        self.cleaner = cleaner
        self.column = column
        self.output = output or column
        self.edit_counts = edit_counts
        self.edits = edits

    def __call__(self, batch: dict[str, list]) -> dict[str, list]:
        results = [None if text is None else self.cleaner.correct(text) for text in batch[self.column]]
        columns = {self.output: [None if result is None else result.text for result in results]}
        if self.edit_counts:
            columns[COUNTS_COLUMN] = [_counts_by_kind(result) for result in results]
        if self.edits:
            columns[EDITS_COLUMN] = [_edit_records(result) for result in results]
        return columns

    def output_features(self, features: Features | None) -> Features | None:
        """The dataset's features after the map (None when the input's are unknown, as in some streams).

        Given to ``map`` so that a batch without edits (an empty list) does not
        fix the column's type before a batch with edits arrives.
        """
        if features is None:
            return None
        if self.column not in features:
            raise ValueError(f"no column {self.column!r} in the dataset (columns: {', '.join(features)})")
        added = [name for name, wanted in ((COUNTS_COLUMN, self.edit_counts), (EDITS_COLUMN, self.edits)) if wanted]
        clashes = [name for name in added if name in features]
        if clashes:
            raise ValueError(f"the dataset already has a column {clashes[0]!r}: drop or rename it first")
        features = features.copy()
        features[self.output] = Value("string")
        if self.edit_counts:
            features[COUNTS_COLUMN] = {kind.value: Value("int32") for kind in EditKind}
        if self.edits:
            features[EDITS_COLUMN] = List({"start": Value("int64"), "end": Value("int64"),
                                           "original": Value("string"), "replacement": Value("string"),
                                           "kind": Value("string"), "confidence": Value("float64")})
        return features

    def __reduce__(self):
        config = self.cleaner.config
        return (_rebuild, (portable_config(config), self.column, self.output, self.edit_counts, self.edits,
                           data_stamp(config)))

    def __repr__(self) -> str:
        return f"CleanColumn({self.column!r} -> {self.output!r}, {self.cleaner!r})"


def portable_config(config: CleanerConfig) -> tuple:
    """The options as nested tuples in a fixed order: the same pickle in every process."""
    items = []
    for field in fields(config):
        value = getattr(config, field.name)
        if isinstance(value, frozenset):
            value = tuple(sorted(value))
        elif isinstance(value, Policy):
            value = tuple(asdict(value).items())
        items.append((field.name, value))
    return tuple(items)


def data_stamp(config: CleanerConfig) -> tuple:
    """What else decides the output: azfix's version, the shipped data, and the user's files (size, time)."""
    paths = [config.stats] if config.stats else []
    paths += [f"{base}.{ext}" for base in config.hunspell for ext in ("dic", "aff")]
    return (__version__, _shipped_data_digest(), tuple(_file_stamp(path) for path in paths))


def _file_stamp(path: str) -> tuple:
    try:
        stat = os.stat(path)
    except OSError:  # the Cleaner itself reports a missing file when it loads it
        return (path, None, None)
    return (path, stat.st_size, stat.st_mtime_ns)


@lru_cache(maxsize=1)
def _shipped_data_digest() -> str:
    from ..data.lexicon import dictionaries_path

    return hashlib.sha256((dictionaries_path() / "manifest.json").read_bytes()).hexdigest()


def _rebuild(config_items: tuple, column: str, output: str, edit_counts: bool, edits: bool,
             stamp: tuple) -> CleanColumn:
    """Unpickles a CleanColumn; ``stamp`` is there only to be hashed into the fingerprint."""
    options = dict(config_items)
    options["policy"] = Policy(**dict(options["policy"]))
    return CleanColumn(Cleaner(**options), column, output, edit_counts, edits)


def _counts_by_kind(result: Result | None) -> dict[str, int]:
    counts = Counter(str(edit.kind) for edit in result.edits) if result is not None else Counter()
    return {kind.value: counts[kind.value] for kind in EditKind}


def _edit_records(result: Result | None) -> list[dict]:
    if result is None:
        return []
    return [{"start": edit.start, "end": edit.end, "original": edit.original, "replacement": edit.replacement,
             "kind": str(edit.kind), "confidence": edit.confidence} for edit in result.edits]
