"""Edit records and how to apply them: the explanation azfix returns with every result.

An :class:`Edit` says that the characters ``start:end`` of the input
(``original``) were replaced by ``replacement``, which kind of fix did it and
how sure azfix is. Edits of one result never overlap and are sorted, so
``apply_edits(text, result.edits) == result.text`` always holds.

>>> apply_edits("siyaset", [Edit(0, 7, "siyaset", "siyasət", "diacritic", 0.99)])
'siyasət'
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Edit", "Result", "apply_edits"]


@dataclass(frozen=True, slots=True)
class Edit:
    start: int
    end: int
    original: str
    replacement: str
    kind: str
    confidence: float

    def shifted(self, offset: int) -> "Edit":
        return Edit(self.start + offset, self.end + offset, self.original, self.replacement, self.kind, self.confidence)


@dataclass(frozen=True, slots=True)
class Result:
    text: str
    edits: tuple[Edit, ...]

    @property
    def changed(self) -> bool:
        return bool(self.edits)


def apply_edits(text: str, edits) -> str:
    """Apply sorted, non-overlapping edits whose spans index ``text``."""
    out = []
    position = 0
    for edit in sorted(edits, key=lambda e: (e.start, e.end)):
        if edit.start < position or text[edit.start:edit.end] != edit.original:
            raise ValueError(f"edit {edit} does not match the text or overlaps another")
        out.append(text[position:edit.start])
        out.append(edit.replacement)
        position = edit.end
    out.append(text[position:])
    return "".join(out)


def compose(original: str, first: list[Edit], second: list[Edit]) -> list[Edit]:
    """Express edits made on ``apply_edits(original, first)`` as edits of ``original``.

    ``first`` must be character edits (each replaces exactly one character:
    homoglyphs, removed invisible characters, ligatures). An edit of the
    second stage that covers some of them absorbs them, and its original text
    is taken from ``original``, so the span always points into the input.
    """
    if not first:
        return sorted(second, key=lambda e: (e.start, e.end))
    if any(e.end - e.start != 1 for e in first):
        raise ValueError("compose() needs single-character first-stage edits")
    mid = apply_edits(original, first)
    source: list[int] = []  # original position of each character of mid
    position = 0
    for edit in sorted(first, key=lambda e: e.start):
        source.extend(range(position, edit.start))
        source.extend([edit.start] * len(edit.replacement))
        position = edit.end
    source.extend(range(position, len(original)))
    source.append(len(original))
    result, absorbed = [], set()
    for edit in second:
        o_start = source[edit.start]
        o_end = source[edit.end - 1] + 1 if edit.end > edit.start else o_start
        m_start = edit.start
        while m_start > 0 and source[m_start - 1] == o_start and o_start < len(original):
            m_start -= 1
        m_end = edit.end
        while edit.end > edit.start and m_end < len(mid) and source[m_end] == o_end - 1:
            m_end += 1
        for k, prior in enumerate(first):
            if o_start <= prior.start < o_end:
                absorbed.add(k)
        replacement = mid[m_start:edit.start] + edit.replacement + mid[edit.end:m_end]
        result.append(Edit(o_start, o_end, original[o_start:o_end], replacement, edit.kind, edit.confidence))
    result += [e for k, e in enumerate(first) if k not in absorbed]
    return sorted(result, key=lambda e: (e.start, e.end))
