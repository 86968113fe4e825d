"""The mojibake stage: text that was UTF-8 but was read in another code page.

``AzÉ™rbaycan`` (UTF-8 bytes shown as Windows-1252) and ``gÃ¶zÉ™l`` come
from web pages and exports that decoded Azerbaijani UTF-8 with the wrong
code page. The detection and the repair are ftfy's (``ftfy.fix_encoding``);
this module only finds the stretches that need it and turns each repaired stretch
into an :class:`~azfix.edits.Edit` of kind ``mojibake`` with its exact span.
A stretch with no sign of mojibake is never handed to ftfy.

>>> [(e.original, e.replacement) for e in mojibake_edits("AzÉ™rbaycan Respublikası")]
[('É™', 'ə')]
"""

from __future__ import annotations

from difflib import SequenceMatcher

import regex

from ..config import Policy
from ..edits import Edit, EditKind

__all__ = ["Mojibake", "mojibake_edits"]

# The lead characters UTF-8 sequences of Azerbaijani letters turn into when
# read as Windows-1252 or Latin-1 (ə → É™, ş → ÅŸ, ç → Ã§, ı → Ä±).
_SIGNS = regex.compile(r"[ÃÄÅÉÐÑÂâ][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013-\u2122]")
# A stretch Windows-1252 can encode: mojibake never contains a character
# outside it, so a correctly decoded ı or ə ends the stretch. ftfy judges the
# whole stretch first (more evidence); if it declines (a correctly decoded ö
# beside the mojibake), each word of the stretch on its own.
_CP1252_RUN = regex.compile("[\t\x20-\x7e\u00a0-\u00ff€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ\u0080-\u009f]+")
_WORD = regex.compile("[^\t\x20]+")


def _repairs(run: str, base: int):
    """(start, original, fixed) of the parts of ``run`` ftfy repairs."""
    import ftfy  # (imported on the first sign of mojibake: most texts have none, and it takes 40-60 ms)

    fixed = ftfy.fix_encoding(run)
    if fixed != run:
        return [(base, run, fixed)]
    out = []
    for word in _WORD.finditer(run):
        if _SIGNS.search(word.group()):
            fixed = ftfy.fix_encoding(word.group())
            if fixed != word.group():
                out.append((base + word.start(), word.group(), fixed))
    return out


def mojibake_edits(text: str, policy: Policy = Policy()) -> list[Edit]:
    """Edits that undo wrong-code-page decoding (spans index ``text``)."""
    if not _SIGNS.search(text):
        return []
    edits: list[Edit] = []
    for run in _CP1252_RUN.finditer(text):
        if not _SIGNS.search(run.group()):
            continue
        for base, original, fixed in _repairs(run.group(), run.start()):
            for tag, i1, i2, j1, j2 in SequenceMatcher(None, original, fixed, autojunk=False).get_opcodes():
                if tag != "equal":
                    edits.append(Edit(base + i1, base + i2, original[i1:i2], fixed[j1:j2], EditKind.MOJIBAKE,
                                      policy.mojibake_confidence))
    return edits


class Mojibake:
    """The mojibake stage as a :class:`~azfix.stages.base.Stage`."""

    name = "mojibake"

    def __init__(self, policy: Policy = Policy()):
        self.policy = policy

    def edits(self, text: str) -> list[Edit]:
        return mojibake_edits(text, self.policy)
