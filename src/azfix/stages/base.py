"""Stages and how they compose: each stage reads the text the stages before it made and returns edits of it.

A stage is anything with a ``name`` and an ``edits(text)`` method returning
:class:`~azfix.edits.Edit` records in the coordinates of the text it was
given (HF tokenizers' ``Sequence`` of normalizers). :func:`run_stages` runs
stages in order: after each, the edits so far are composed onto the input
(:func:`~azfix.edits.compose`), so every span of the result indexes the
caller's text, whatever the number of stages.

>>> from azfix.stages.normalize import Normalize
>>> text, edits = run_stages("Azәrbaycan", [Normalize()])
>>> text, [(e.start, e.end, e.replacement) for e in edits]
('Azərbaycan', [(2, 3, 'ə')])
"""

from __future__ import annotations

from typing import Iterable, Protocol

from ..edits import Edit, apply_edits, compose

__all__ = ["Stage", "run_stages"]


class Stage(Protocol):
    """One step of the pipeline: text in, edits of that text out; never reaches back into an earlier stage."""

    name: str

    def edits(self, text: str) -> list[Edit]: ...


def run_stages(text: str, stages: Iterable[Stage]) -> tuple[str, list[Edit]]:
    """(the text after every stage, the edits that make it, as edits of ``text``)."""
    current, edits = text, []
    for stage in stages:
        made = stage.edits(current)
        if made:
            edits = compose(text, edits, made)
            current = apply_edits(text, edits)
    return current, edits
