"""The development texts split once into a tuning half and a reporting half.

Thresholds are chosen on the tuning half and numbers are quoted from the
reporting half, so a number in the docs never comes from the text it was
tuned on. Each line of a text (a news article is one line, a Wikipedia
sentence is one line) goes to a half by the parity of the first byte of the
SHA-1 of its content: even → tuning, odd → reporting. The split depends on
nothing but the line itself, so adding, removing or reordering lines never
moves another line to the other half, and the same sentence written twice
lands twice in the same half. Blank lines (paragraph separators) belong to
neither half.

``wiki_ner_sentences.txt`` is in neither half: it is kept for the real-text
audit (real sentences with real typos, every change azfix makes judged by
hand), and the quality benchmark's held-out context statistics may read it.

>>> half_of("Kənddə yeni məktəb tikilir.")
'reporting'
"""

from __future__ import annotations

import hashlib
from pathlib import Path

HALVES = ("tuning", "reporting")
DEVELOPMENT_TEXTS = ("ntrex_news_dev.txt", "wiki_sentences.txt")
AUDIT_TEXT = "wiki_ner_sentences.txt"  # reserved for the real-text audit; never split


def half_of(line: str) -> str:
    """The half a line belongs to: ``"tuning"`` or ``"reporting"``."""
    first_byte = hashlib.sha1(line.encode("utf-8")).digest()[0]
    return HALVES[first_byte & 1]


def split_lines(text: str) -> dict[str, list[str]]:
    """The non-blank lines of ``text`` by half, in their order."""
    out: dict[str, list[str]] = {half: [] for half in HALVES}
    for line in text.split("\n"):
        if line.strip():
            out[half_of(line)].append(line)
    return out


def halves(shared: Path, names=DEVELOPMENT_TEXTS) -> dict[str, str]:
    """``{"tuning": text, "reporting": text}`` from the texts ``names`` of ``shared/data/text``.

    Lines are joined with ``"\\n"``, the texts one after the other in the
    order of ``names``.
    """
    if AUDIT_TEXT in names:
        raise ValueError(f"{AUDIT_TEXT} is reserved for the real-text audit and is in neither half")
    out: dict[str, list[str]] = {half: [] for half in HALVES}
    for name in names:
        text = (Path(shared) / "data" / "text" / name).read_text(encoding="utf-8")
        for half, lines in split_lines(text).items():
            out[half] += lines
    return {half: "\n".join(lines) for half, lines in out.items()}
