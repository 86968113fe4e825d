"""The layout stage: repair what OCR and copy-paste do to lines and paragraphs.

Runs on the whole text before word correction and returns edits that only
touch line breaks, hyphens at line ends, blank lines and stray punctuation at
line edges — never a letter:

- ``dehyphenate``: a word broken at a line end (``respub-\\nlikası``) is
  joined when the joined word is known, or when neither form is known and
  the next line goes on in lowercase; a real compound keeps its hyphen
  (``sosial-\\niqtisadi`` → ``sosial-iqtisadi``). On a hard-wrapped page
  also a hyphen the OCR read as a stop or colon at the margin (``mü:``) or
  a continuation behind one stray mark (``qo-\\n“yuluşuna``), when the
  joined word is known, and a word broken past a stray blank line;
- ``unwrap``: in hard-wrapped text (most lines end without sentence
  punctuation) the line breaks inside a paragraph become spaces;
- ``paragraph``: a paragraph that stops mid-sentence and a next paragraph
  that goes on in lowercase are joined (``mövcud\\n\\nçağırışlar``); on a
  hard-wrapped page also a blank line before a lowercase word (past stray
  marks, and on a speckled page past digits among them: ``“7 edilməsi``)
  and one after an unfinished line that runs to the margin (before a word
  or a number going on: ``4,896-ə qədər``);
- ``noise`` (hard-wrapped text only): punctuation standing alone at a line edge, separated by a space
  from the text (``(UPÜ) :``, ``: dirib``) is removed;
- ``whitespace``: blank lines at the start, runs of blank lines, trailing
  blank lines.

Real paragraph breaks, lists and headings (lines that end a sentence, start
with a list mark or a capital after a finished line) are kept.

>>> from azfix.data.lexicon import default_lexicon
>>> [(e.original, e.replacement) for e in layout_edits("respub-\\nlikası", default_lexicon().is_known)]
[('-\\n', '')]
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import regex

from ..config import Policy
from ..edits import Edit

__all__ = ["Layout", "is_hard_wrapped", "layout_edits"]

# Patterns anchored at the line end search backwards ((?r)): same match, no scan of the line.
_SENTENCE_END = regex.compile(r"(?r)[.!?…][\"”»)'’]*$")
HYPHENS = "-\u00ad\u2010\u2011"
NOISE = ".:;,·•'\"“”‘’„—–-|_~*"
_LIST_MARK = regex.compile(r"^\s*(?:[-•*–—]\s|\d{1,3}[.)]\s|[a-zа-я][.)]\s)")
_LAST_WORD = regex.compile(r"(?r)([\p{L}]+)[" + HYPHENS + r"]$")
# A hyphen the OCR misread as a stop or colon, or smeared into one ("mü:", "Teh-.").
_LAST_WORD_MISREAD = regex.compile(r"(?r)(\p{L}+)(?:[.:]|[" + HYPHENS + r"][.:,]|[.:,][" + HYPHENS + r"])$")
_FIRST_WORD = regex.compile(r"^\s*([\p{L}]+)")
_FIRST_WORD_PAST_NOISE = regex.compile(r"^[\s" + regex.escape(NOISE) + r"]*([\p{L}]+)")
# The first word behind at most one mark glued to it ("“yuluşuna", "-landığını").
_FIRST_WORD_PAST_MARK = regex.compile(r"^\s*[" + regex.escape(NOISE) + r"]?(\p{Ll}+)")
_LINE_END_NOISE = regex.compile(r"(?r)(?<=\S)( +[" + regex.escape(NOISE) + r"]+)$")
# Noise marks and spaces before a lowercase continuation: ": dirib", "— “narahatlıq".
# A single mark glued to the word ("“rin") may be a real quote and is kept.
_LINE_START_NOISE = regex.compile(
    r"^([" + regex.escape(NOISE) + r" ]*[" + regex.escape(NOISE) + r"][" + regex.escape(NOISE) + r" ]*)(?=\p{Ll})"
)


# Marks and spaces before the capital or digit that opens a paragraph (": Xatirəsi", "—— Söhbət").
_PARAGRAPH_START_NOISE = regex.compile(
    r"^([" + regex.escape(NOISE) + r"]+(?: +[" + regex.escape(NOISE) + r"]+)* +"
    # ... or marks ending in a stop or colon glued to the capital (": .Mikroneziyada"):
    # no sentence opens with one
    r"|[" + regex.escape(NOISE) + r" ]* [.:;,])(?=[\p{Lu}\d])"
)
DASHES = "-–—"


def _legacy_continuation(left: str, right: str, is_known: Callable[[str], bool]) -> bool:
    """True for the rest of a word broken at a line end that opens with a
    legacy-font Ģ (inki- / Ģafı): that font draws ş and Ş alike, so the
    joined word decides."""
    return right[:1] == "Ģ" and right[1:2].islower() and is_known(left + right)


def _paragraph_start_noise(body: str, speckled: bool):
    """Stray marks before a paragraph's first word, or None.

    Stops and colons (``: Xatirəsi``) and runs of marks (``—— Söhbət``) are
    never a paragraph's start; a lone dash may open a dialogue line or a list
    item, so it counts as noise only on a page whose lines show the habit.
    """
    match = _PARAGRAPH_START_NOISE.match(body)
    if not match:
        return None
    marks = match.group(1).replace(" ", "")
    if marks == "..." or marks in DASHES and not speckled:
        return None
    return match


def _start_noise(body: str):
    match = _LINE_START_NOISE.search(body)
    if match and (" " in match.group(1) or len(match.group(1).strip()) >= 2):
        return match
    return None


def ends_sentence(text: str) -> bool:
    """True for a line that ends a sentence (a stop, maybe followed by closing quotes)."""
    return bool(_SENTENCE_END.search(text))


@dataclass
class Line:
    start: int  # offset of the first character
    text: str  # without its line break
    end: int  # offset just after the line break (or end of text)

    @property
    def blank(self) -> bool:
        return not self.text.strip()


def split_lines(text: str) -> list[Line]:
    lines = []
    position = 0
    for match in regex.finditer(r"[^\n]*(?:\n|$)", text):
        chunk = match.group()
        if not chunk and match.start() == len(text) and lines:
            break
        body = chunk[:-1] if chunk.endswith("\n") else chunk
        body = body[:-1] if body.endswith("\r") else body
        lines.append(Line(position, body, position + len(chunk)))
        position += len(chunk)
        if position >= len(text):
            break
    return lines


def is_hard_wrapped(lines: list[Line], policy: Policy = Policy()) -> bool:
    """True when most lines stop mid-sentence and many next lines go on in lowercase.

    A column or a hard-wrapped page; a list of headlines (no final stops,
    but every line starts with a capital) is not.
    """
    content = [line.text.strip() for line in lines if not line.blank]
    if len(content) < policy.wrapped_min_lines:
        return False
    open_ended = sum(1 for t in content if not ends_sentence(t))
    lowercase_next = sum(1 for t in content[1:] if _goes_on(t))
    return (open_ended / len(content) >= policy.wrapped_full_share
            and lowercase_next / (len(content) - 1) >= policy.wrapped_goes_on_share)


def _goes_on(line: str) -> bool:
    """True if the line's first word, past stray marks, is lowercase."""
    match = _FIRST_WORD_PAST_NOISE.match(line)
    return bool(match) and match.group(1)[:1].islower()


def layout_edits(text: str, is_known: Callable[[str], bool], policy: Policy = Policy()) -> list[Edit]:
    """Edits that repair line breaks, hyphenation, blank lines and edge noise."""
    lines = split_lines(text)
    if len(lines) < 2 and not text.startswith(("\n", "\r\n")):
        return []
    edits: list[Edit] = []
    wrapped = is_hard_wrapped(lines, policy)
    edge: dict[int, str] = {}  # line index -> its text with edge noise blanked
    opening: list[int] = []  # lines that open a paragraph
    specked: set[int] = set()  # lines whose start lost stray marks
    for k, line in enumerate(lines):
        body = line.text
        edge[k] = body
        if not wrapped:
            continue  # edge noise is an OCR artefact of hard-wrapped pages only
        tail = _LINE_END_NOISE.search(body)
        if tail:
            s = line.start + tail.start(1)
            edits.append(Edit(s, s + len(tail.group(1)), tail.group(1), "", "noise", policy.speckle_confidence))
            body = body[: tail.start(1)]
        head = _start_noise(body)
        # (a dash opens a list after a colon, and continues one after a line
        # that kept its own dash as a list mark, not after one whose dash was a speck)
        list_item = _LIST_MARK.match(body) and (not wrapped or k > 0 and (
            _LIST_MARK.match(lines[k - 1].text) and k - 1 not in specked or edge[k - 1].rstrip().endswith(":")))
        # (the line before is judged without its own edge noise: "ro- ." does not end a sentence)
        if head and not list_item and k > 0 and not ends_sentence(edge[k - 1].rstrip()):
            edits.append(Edit(line.start, line.start + len(head.group(1)), head.group(1), "", "noise", policy.speckle_confidence))
            body = " " * len(head.group(1)) + body[len(head.group(1)):]
            specked.add(k)
        elif not line.blank and (k == 0 or lines[k - 1].blank):
            opening.append(k)
        edge[k] = body
    inner_marks = sum(1 for e in edits if e.start in {line.start for line in lines})
    for k in opening:
        head = _paragraph_start_noise(edge[k], inner_marks >= policy.speckle_habit)
        if head:
            s = lines[k].start
            edits.append(Edit(s, s + len(head.group(1)), head.group(1), "", "noise", policy.speckle_confidence))
            edge[k] = " " * len(head.group(1)) + edge[k][len(head.group(1)):]
    edits += _joins(text, lines, edge, wrapped, is_known, inner_marks >= policy.speckle_habit, policy)
    edits += _blank_runs(text, lines, edits, policy.whitespace_confidence)
    return _without_overlaps(edits)


def _joins(text: str, lines: list[Line], edge: dict, wrapped: bool, is_known, speckled: bool,
           policy: Policy) -> list[Edit]:
    """Decide, for each line break, whether to keep it, unwrap it or dehyphenate.

    On a speckled page (one whose lines often start with stray marks) digits
    mixed into the marks (``“7 edilməsi``, ``7—. isin``) do not hide a
    lowercase continuation either.
    """
    page = _Page(text, lines, edge, wrapped, is_known, speckled, policy,
                 _typical_width(lines) if wrapped else 0)
    edits = []
    k = 0
    while k < len(lines) - 1:
        if lines[k].blank:
            k += 1
            continue
        # the next non-blank line, and whether blank lines lie between
        j = k + 1
        while j < len(lines) and lines[j].blank:
            j += 1
        if j >= len(lines):
            break
        edit = _join_at(page, k, j)
        if edit is not None:
            edits.append(edit)
        k = j
    return edits


@dataclass(frozen=True, slots=True)
class _Page:
    """What the line-break decisions read: the text, its lines with edge noise blanked, the page's verdicts."""

    text: str
    lines: list[Line]
    edge: dict
    wrapped: bool
    is_known: Callable[[str], bool]
    speckled: bool
    policy: Policy
    width: float


def _join_at(page: _Page, k: int, j: int) -> Edit | None:
    """The edit of the break between content line ``k`` and the next content line ``j``, or None."""
    text, lines, edge, wrapped, is_known, policy = page.text, page.lines, page.edge, page.wrapped, page.is_known, page.policy
    line = lines[k]
    body = edge[k].rstrip()
    nxt = edge[j]
    gap = j - k - 1
    next_first = _FIRST_WORD.search(nxt)
    next_word = _FIRST_WORD_PAST_NOISE.search(nxt)
    continues = bool(next_word) and next_word.group(1)[:1].islower()
    break_start = line.start + len(body)
    break_end = lines[j].start + (len(nxt) - len(nxt.lstrip()))
    hyphen = _LAST_WORD.search(body)
    broken = (_broken_word(body, nxt, page.width, is_known, policy.full_line)
              if wrapped and gap == 0 and not (hyphen and next_first) else None)
    if broken:
        # A word broken at the margin whose hyphen the OCR misread or
        # whose continuation picked up a speck (mü: / ğənninin,
        # qo- / “yuluşuna): joined when the joined word is known.
        cut, resume = broken
        start, end = line.start + cut, lines[j].start + resume
        return Edit(start, end, text[start:end], "", "dehyphenate", policy.line_join_confidence)
    if hyphen and next_first and (
        continues or _legacy_continuation(hyphen.group(1), next_first.group(1), is_known)
    ) and (
        gap == 0 or wrapped and _halves_of_a_word(hyphen.group(1), next_first.group(1), is_known)
    ):
        # (On a hard-wrapped page a word broken at the margin goes on past
        # a stray blank line: no paragraph ends in half a word.)
        return _dehyphenate(text, hyphen.group(1), next_first.group(1), break_start, break_end, is_known, policy)
    if gap == 0 and wrapped and not _LIST_MARK.match(nxt) and not (
        ends_sentence(body) and not continues and len(body) < policy.short_line * page.width
    ):
        return Edit(break_start, break_end, text[break_start:break_end], " ", "unwrap", policy.unwrap_confidence)
    if gap > 0 and not _opens_list_item(lines, edge, k, j, page.speckled) and (
        continues and (wrapped or not ends_sentence(body))
        or wrapped and not ends_sentence(body) and (
            _goes_on_past_marks(nxt, page.speckled)
            or len(body) >= policy.full_line * page.width
            and (_FIRST_WORD_PAST_NOISE.search(nxt) or _NUMBER_START.match(nxt))
        )
    ):
        # A paragraph that stops mid-sentence goes on after the blank line.
        # On a hard-wrapped page a blank line before a lowercase word is
        # an OCR artefact even after a stop, and marks the OCR left at
        # the line start do not hide the continuation. On a speckled
        # page a line that opens with debris (``” Vəkilin``, ``—. Digər``)
        # was cut off by the same speck that made the blank line: a real
        # paragraph opens with its word, a number or one quote mark.
        return Edit(break_start, break_end, text[break_start:break_end], " ", "paragraph", policy.paragraph_confidence)
    return None


def _dehyphenate(text: str, left: str, right: str, break_start: int, break_end: int, is_known,
                 policy: Policy) -> Edit:
    """A word broken by a hyphen at a line end joined, or a compound's line break closed (keeping its hyphen)."""
    joined_known = is_known(left + right)
    compound_known = is_known(f"{left}-{right}")
    hyphen_at = break_start - 1
    if joined_known or not compound_known:
        confidence = policy.dehyphenate_confidence if joined_known else policy.unsure_dehyphenate_confidence
        return Edit(hyphen_at, break_end, text[hyphen_at:break_end], "", "dehyphenate", confidence)
    return Edit(break_start, break_end, text[break_start:break_end], "", "dehyphenate", policy.line_join_confidence)


def _halves_of_a_word(left: str, right: str, is_known) -> bool:
    """True if ``left`` and ``right`` read as one word (known joined), or as
    no words at all (damaged halves of one: ``administra`` + ``siyasinin``)."""
    return is_known(left + right) or not is_known(left) and not is_known(right)


def _broken_word(body: str, nxt: str, width: float, is_known, full_line: float) -> tuple[int, int] | None:
    """(where the break starts in ``body``, where the word goes on in ``nxt``)
    for a word broken at the margin behind OCR debris, or None.

    Either the hyphen was misread as a stop or colon on a line that runs to
    the margin (``mü:``), or the next line opens with one stray mark glued
    to the continuation (``qo-`` / ``“yuluşuna``). The joined word must be
    known, and where no hyphen is left at all the two halves must not both
    be words (``ildönümün: də`` is left: a colon may end a line before a word
    that happens to fit; ``türkcə-. sində`` is joined).
    """
    after = _FIRST_WORD_PAST_MARK.match(nxt)
    if not after:
        return None
    right = after.group(1)
    hyphen = _LAST_WORD.search(body)
    if hyphen and after.start(1) > len(nxt) - len(nxt.lstrip()):
        left, cut = hyphen.group(1), hyphen.end(1)
    else:
        misread = _LAST_WORD_MISREAD.search(body)
        if not misread or len(body) < full_line * width:
            return None
        left, cut = misread.group(1), misread.end(1)
        smeared = any(mark in HYPHENS for mark in body[cut:])
        if not smeared and is_known(left) and is_known(right):
            return None
    if not is_known(left + right):
        return None
    return cut, after.start(1)


# A number going on with its suffix or another word (4,896-ə qədər), not a list mark.
_NUMBER_START = regex.compile(r"^\s*\d+(?:[.,]\d+)*(?:-\p{Ll}+|\s+\p{Ll})")
_FIRST_WORD_PAST_MARKS = regex.compile(r"^[\s/" + regex.escape(NOISE) + r"]{0,8}(\p{L}+)")
# On a speckled page also digits among the marks, but not a number's own
# suffix or bracket ("1941-ci", "0) —").
_FIRST_WORD_PAST_SPECKS = regex.compile(
    r"^(?=[^\p{L}]{0,8}\p{L})(?:[\s/" + regex.escape(NOISE) + r"]|\d+(?![\d\-–)]))*(\p{L}+)"
)


def _goes_on_past_marks(line: str, speckled: bool = False) -> bool:
    """True if the first word, past a few stray marks (on a speckled page
    also digits among them), is lowercase (``:/ edir``, ``“7 edilməsi``)."""
    match = (_FIRST_WORD_PAST_SPECKS if speckled else _FIRST_WORD_PAST_MARKS).match(line)
    return bool(match) and match.group(1)[0].islower()


def _opens_list_item(lines: list[Line], edge: dict, k: int, j: int, speckled: bool) -> bool:
    """True if line ``j`` (the next content line after ``k``) opens a list item.

    On a speckled page a lone ``7.`` or ``-`` at a line start is as often
    OCR debris as a list mark: it counts only next to another list item.
    """
    if not _LIST_MARK.match(edge[j]):
        return False
    if not speckled:
        return True
    following = next((m for m in range(j + 1, len(lines)) if not lines[m].blank), None)
    return bool(_LIST_MARK.match(edge[k]) or following is not None and _LIST_MARK.match(edge[following]))


def _typical_width(lines: list[Line]) -> float:
    widths = sorted(len(line.text) for line in lines if not line.blank)
    return widths[len(widths) // 2] if widths else 0


def _blank_runs(text: str, lines: list[Line], made: list[Edit], confidence: float) -> list[Edit]:
    """Leading blank lines, runs of more than one blank line, trailing blank lines."""
    covered = [(e.start, e.end) for e in made]

    def free(s: int, e: int) -> bool:
        return all(e <= a or s >= b for a, b in covered)

    edits = []
    lead = len(text) - len(text.lstrip("\r\n \t"))
    if 0 < lead < len(text):
        line_start = text.rfind("\n", 0, lead) + 1
        if line_start > 0 and free(0, line_start):
            edits.append(Edit(0, line_start, text[:line_start], "", "whitespace", confidence))
    for match in regex.finditer(r"\n(?:[ \t\r]*\n){2,}", text):
        s, e = match.start(), match.end()
        if s >= lead and e < len(text) and free(s, e):
            edits.append(Edit(s, e, match.group(), "\n\n", "whitespace", confidence))
    trail = regex.search(r"\n(?:[ \t\r]*\n)+[ \t\r]*$", text)
    if trail and trail.start() >= lead and free(trail.start(), trail.end()):
        edits.append(Edit(trail.start(), trail.end(), trail.group(), "\n", "whitespace", confidence))
    return edits


def _without_overlaps(edits: list[Edit]) -> list[Edit]:
    kept: list[Edit] = []
    for edit in sorted(edits, key=lambda e: (e.start, -(e.end - e.start))):
        if kept and edit.start < kept[-1].end:
            continue
        if edit.original == edit.replacement:
            continue
        kept.append(edit)
    return kept


class Layout:
    """The layout stage as a :class:`~azfix.stages.base.Stage`: ``is_known`` tells a word (for joins at line ends)."""

    name = "layout"

    def __init__(self, is_known: Callable[[str], bool], policy: Policy = Policy()):
        self.is_known = is_known
        self.policy = policy

    def edits(self, text: str) -> list[Edit]:
        return layout_edits(text, self.is_known, self.policy)
