"""Turkish spellings in Azerbaijani text: ``ancak`` → ``ancaq``, ``bazı`` → ``bəzi``, ``ama`` → ``amma``.

Azerbaijani writers who read much Turkish write some shared words the
Turkish way. A reviewed table (``dictionaries/turkish.tsv``: the same word
in both spellings, never a translation nor a form that is also an
Azerbaijani word) gives the Azerbaijani spelling; it is applied only inside
a sentence or quotation that writes ə, so a Turkish passage or citation
stays as it is (:func:`.foreign_context.span_writes_schwa`).
"""

from __future__ import annotations

from functools import lru_cache

from ...data.format import dictionaries_path, read_data_lines

__all__ = ["turkish_spellings"]


@lru_cache(maxsize=1)
def turkish_spellings() -> dict[str, str]:
    """Turkish spelling → Azerbaijani spelling (lowercase), from ``dictionaries/turkish.tsv`` (empty if absent)."""
    path = dictionaries_path() / "turkish.tsv"
    if not path.exists():
        return {}
    return dict(line.split("\t", 1) for line in read_data_lines(path))
