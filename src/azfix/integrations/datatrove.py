"""A datatrove pipeline step that cleans each document's text and records its edits by kind.

Needs the optional extra: ``pip install 'azfix[datatrove]'``. The step is a
formatter in datatrove's terms: it replaces ``document.text`` with the
cleaned text and writes how many edits of each kind it made into
``document.metadata["azfix_edits"]`` (``{"diacritic": 2, "typo": 1}``; ``{}``
when the text needed no change, which then comes out byte-identical). It
never drops or reorders documents and never touches other metadata. The
Cleaner pickles, so the step goes to every worker of an executor; each task
loads the dictionaries once, on its first document.

    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.readers import JsonlReader
    from datatrove.pipeline.writers import JsonlWriter
    from azfix.integrations.datatrove import AzfixFormatter
    LocalPipelineExecutor([JsonlReader("raw/"), AzfixFormatter(min_confidence=0.9),
                           JsonlWriter("clean/")], tasks=4).run()
"""

from __future__ import annotations

from collections import Counter

try:
    from datatrove.data import DocumentsPipeline
    from datatrove.pipeline.base import PipelineStep
except ImportError as exc:  # pragma: no cover - exercised without the extra
    raise ImportError("azfix.integrations.datatrove needs datatrove: pip install 'azfix[datatrove]'") from exc

from ..cleaner import Cleaner

__all__ = ["AzfixFormatter"]


class AzfixFormatter(PipelineStep):
    """Cleans ``document.text`` with a :class:`~azfix.Cleaner`; counts its edits by kind in ``document.metadata``.

    Give a ``cleaner`` or the Cleaner's options (``AzfixFormatter(min_confidence=0.9,
    protect={"Qarabağ"})``), not both. ``metadata_key`` names the metadata
    entry (default ``"azfix_edits"``). Statistics: ``changed`` and
    ``unchanged`` documents, and ``edits`` and ``edits_<kind>`` (the number
    per document that has them).
    """

    name = "azfix"
    type = "✂️ - FORMAT"

    def __init__(self, cleaner: Cleaner | None = None, *, metadata_key: str = "azfix_edits", **options):
        super().__init__()
        if cleaner is not None and options:
            raise TypeError("AzfixFormatter takes a Cleaner or the Cleaner's options, not both")
        if cleaner is not None and not isinstance(cleaner, Cleaner):
            raise TypeError(f"cleaner must be an azfix.Cleaner, not {type(cleaner).__name__}")
        self.cleaner = cleaner if cleaner is not None else Cleaner(**options)
        self.metadata_key = metadata_key

    def run(self, data: DocumentsPipeline, rank: int = 0, world_size: int = 1) -> DocumentsPipeline:
        for document in data:
            self.stat_update("total")
            with self.track_time():
                result = self.cleaner.correct(document.text)
            counts = Counter(str(edit.kind) for edit in result.edits)
            document.text = result.text
            document.metadata[self.metadata_key] = dict(sorted(counts.items()))
            self.stat_update("changed" if counts else "unchanged")
            if counts:
                self.stat_update("edits", value=len(result.edits))
            for kind, count in counts.items():
                self.stat_update(f"edits_{kind}", value=count)
            yield document
