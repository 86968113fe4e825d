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
from ..data.lexicon import MAX_WORD_LENGTH
from ..edits import Edit, EditKind
from .lines import (FIRST_WORD, FIRST_WORD_PAST_MARK, FIRST_WORD_PAST_NOISE, FIRST_WORD_PAST_SPECK, HYPHENS,
                    LAST_WORD, LAST_WORD_MISREAD, LINE_END_NOISE, LIST_MARK, NOISE, NUMBER_START, Line,
                    ends_sentence, goes_on, goes_on_past_marks, is_hard_wrapped, junk_share, markup_lines,
                    opens_list_item, paragraph_start_noise, speck_tail, split_lines, start_noise, typical_width)

__all__ = ["Layout", "is_hard_wrapped", "layout_edits"]


_LAST_RUN = regex.compile(r"(?r)\S*$")
_FIRST_RUN = regex.compile(r"\s*(\S*)")


def _legacy_continuation(left: str, right: str, is_known: Callable[[str], bool]) -> bool:
    """True for the rest of a word broken at a line end that opens with a
    legacy-font Ģ (inki- / Ģafı): that font draws ş and Ş alike, so the
    joined word decides. (With the normalize stage on, Ģ is already ş here;
    this serves a cleaner without it.)"""
    return right[:1] == "Ģ" and right[1:2].islower() and is_known(left + right)


def layout_edits(text: str, is_known: Callable[[str], bool], policy: Policy = Policy()) -> list[Edit]:
    """Edits that repair line breaks, hyphenation, blank lines and edge noise."""
    lines = split_lines(text)
    if len(lines) < 2 and not text.startswith(("\n", "\r\n")):
        return []
    edits: list[Edit] = []
    markup = markup_lines(lines, policy.list_run)
    wrapped = is_hard_wrapped(lines, policy, markup)
    edge: dict[int, str] = {}  # line index -> its text with edge noise blanked
    opening: list[int] = []  # lines that open a paragraph
    specked: set[int] = set()  # lines whose start lost stray marks
    # (digits after a sentence's end are specks only on a page that shows the habit)
    speckled_page = wrapped and junk_share(lines, markup) >= policy.speckle_page_share
    blanked = text  # the text with the lines of marks alone blanked (same offsets)
    specks: list[Edit] = []  # their removals
    if wrapped:
        # A line of marks alone is a speck: removed, and read as a blank line
        # (joined into a neighbour, it would be a line-end speck next time).
        for k, line in enumerate(lines):
            if k not in markup and not line.blank and not line.text.strip(NOISE + " \t"):
                specks.append(Edit(line.start, line.start + len(line.text), line.text, "", EditKind.NOISE,
                                   policy.speckle_confidence))
                lines[k] = Line(line.start, "", line.end)
                blanked = blanked[:line.start] + " " * len(line.text) + blanked[line.start + len(line.text):]
    for k, line in enumerate(lines):
        body = line.text
        edge[k] = body
        if not wrapped or k in markup:
            continue  # edge noise is an OCR artefact of hard-wrapped pages only
        tail = LINE_END_NOISE.search(body)
        if tail is None and speckled_page:
            following = next((m for m in range(k + 1, len(lines)) if not lines[m].blank), None)
            if following is None or not goes_on(lines[following].text):
                tail = speck_tail(body)
        if tail:
            s = line.start + tail.start(1)
            edits.append(Edit(s, s + len(tail.group(1)), tail.group(1), "", EditKind.NOISE, policy.speckle_confidence))
            body = body[: tail.start(1)]
        head = start_noise(body)
        # (a dash opens a list after a colon, and continues one after a line
        # that kept its own dash as a list mark, not after one whose dash was a speck)
        list_item = LIST_MARK.match(body) and (not wrapped or k > 0 and (
            LIST_MARK.match(lines[k - 1].text) and k - 1 not in specked or edge[k - 1].rstrip().endswith(":")))
        # (the line before is judged without its own edge noise: "ro- ." does not end a sentence)
        if head and not list_item and k > 0 and not ends_sentence(edge[k - 1].rstrip()):
            edits.append(Edit(line.start, line.start + len(head.group(1)), head.group(1), "", EditKind.NOISE, policy.speckle_confidence))
            body = " " * len(head.group(1)) + body[len(head.group(1)):]
            specked.add(k)
        elif not line.blank and (k == 0 or lines[k - 1].blank):
            opening.append(k)
        edge[k] = body
    inner_marks = sum(1 for e in edits if e.start in {line.start for line in lines})
    for k in opening:
        head = paragraph_start_noise(edge[k], inner_marks >= policy.speckle_habit)
        if head:
            s = lines[k].start
            edits.append(Edit(s, s + len(head.group(1)), head.group(1), "", EditKind.NOISE, policy.speckle_confidence))
            edge[k] = " " * len(head.group(1)) + edge[k][len(head.group(1)):]
    edits += _joins(text, lines, edge, wrapped, is_known, inner_marks >= policy.speckle_habit, policy, markup)
    if wrapped:
        edits += _double_v(text, is_known, policy, [lines[k] for k in markup])
    # (a blank run that takes in a line of marks removes it with the run)
    edits += _blank_runs(text, blanked, edits, policy.whitespace_confidence, wrapped) + specks
    return _without_overlaps(edits)


def _joins(text: str, lines: list[Line], edge: dict, wrapped: bool, is_known, speckled: bool,
           policy: Policy, markup: set[int]) -> list[Edit]:
    """Decide, for each line break, whether to keep it, unwrap it or dehyphenate.

    On a speckled page (one whose lines often start with stray marks) digits
    mixed into the marks (``“7 edilməsi``, ``7—. isin``) do not hide a
    lowercase continuation either.
    """
    page = _Page(text, lines, edge, wrapped, is_known, speckled, policy,
                 typical_width(lines) if wrapped else 0)
    edits = []
    carried: dict[int, int] = {}  # line -> letters a join carried onto its first word
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
        edit = None if k in markup or j in markup else _join_at(page, k, j)
        if edit is not None and edit.kind == EditKind.DEHYPHENATE:
            # the word the join makes, with what earlier joins carried into line k
            # (the letters of the joined word: the line's last run without the
            # hyphen the join removes, what earlier joins carried into it, the next run)
            body = edge[k].rstrip()
            left = len(_LAST_RUN.search(body).group()) - 1 + (carried.get(k, 0) if " " not in body.strip() else 0)
            if left + len(_FIRST_RUN.match(edge[j]).group(1)) > MAX_WORD_LENGTH:
                edit = None  # no word is that long: the join would only build a giant token
            else:
                carried[j] = left
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
    next_first = FIRST_WORD.search(nxt)
    next_word = FIRST_WORD_PAST_NOISE.search(nxt)
    continues = bool(next_word) and next_word.group(1)[:1].islower()
    break_start = line.start + len(body)
    break_end = lines[j].start + (len(nxt) - len(nxt.lstrip()))
    hyphen = LAST_WORD.search(body)
    broken = (_broken_word(body, nxt, page.width, is_known, policy.full_line)
              if wrapped and gap == 0 and not (hyphen and next_first) else None)
    if broken:
        # A word broken at the margin whose hyphen the OCR misread or
        # whose continuation picked up a speck (mü: / ğənninin,
        # qo- / “yuluşuna): joined when the joined word is known.
        cut, resume = broken
        start, end = line.start + cut, lines[j].start + resume
        return Edit(start, end, text[start:end], "", EditKind.DEHYPHENATE, policy.line_join_confidence)
    if hyphen and next_first and (
        continues or _legacy_continuation(hyphen.group(1), next_first.group(1), is_known)
    ) and (
        gap == 0 or wrapped and _halves_of_a_word(hyphen.group(1), next_first.group(1), is_known)
    ):
        # (On a hard-wrapped page a word broken at the margin goes on past
        # a stray blank line: no paragraph ends in half a word.)
        return _dehyphenate(text, hyphen.group(1), next_first.group(1), break_start, break_end, is_known, policy)
    ends_paragraph = ends_sentence(body) and not continues and len(body) < policy.short_line * page.width
    if gap == 0 and wrapped and not LIST_MARK.match(nxt) and not ends_paragraph:
        return Edit(break_start, break_end, text[break_start:break_end], " ", EditKind.UNWRAP, policy.unwrap_confidence)
    if gap == 0 and wrapped and ends_paragraph and not LIST_MARK.match(nxt):
        # A short line that ends a sentence ends its paragraph: on a page read
        # as one block (tesseract --psm 6) no blank line says so.
        line_end = "\r\n" if text.startswith("\r\n", break_start) else "\n"
        return Edit(break_start, break_end, text[break_start:break_end], line_end * 2, EditKind.PARAGRAPH,
                    policy.paragraph_confidence)
    if gap > 0 and not opens_list_item(lines, edge, k, j, page.speckled) and (
        continues and (wrapped or not ends_sentence(body))
        or wrapped and not ends_sentence(body) and (
            goes_on_past_marks(nxt, page.speckled)
            or len(body) >= policy.full_line * page.width
            and (FIRST_WORD_PAST_NOISE.search(nxt) or NUMBER_START.match(nxt))
        )
    ):
        # A paragraph that stops mid-sentence goes on after the blank line.
        # On a hard-wrapped page a blank line before a lowercase word is
        # an OCR artefact even after a stop, and marks the OCR left at
        # the line start do not hide the continuation. On a speckled
        # page a line that opens with debris (``” Vəkilin``, ``—. Digər``)
        # was cut off by the same speck that made the blank line: a real
        # paragraph opens with its word, a number or one quote mark.
        return Edit(break_start, break_end, text[break_start:break_end], " ", EditKind.PARAGRAPH, policy.paragraph_confidence)
    return None


def _dehyphenate(text: str, left: str, right: str, break_start: int, break_end: int, is_known,
                 policy: Policy) -> Edit:
    """A word broken by a hyphen at a line end joined, or a compound's line break closed (keeping its hyphen)."""
    joined_known = is_known(left + right)
    compound_known = is_known(f"{left}-{right}")
    hyphen_at = break_start - 1
    if joined_known or not compound_known:
        confidence = policy.dehyphenate_confidence if joined_known else policy.unsure_dehyphenate_confidence
        return Edit(hyphen_at, break_end, text[hyphen_at:break_end], "", EditKind.DEHYPHENATE, confidence)
    return Edit(break_start, break_end, text[break_start:break_end], "", EditKind.DEHYPHENATE, policy.line_join_confidence)


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
    after = FIRST_WORD_PAST_MARK.match(nxt)
    hyphen = LAST_WORD.search(body)
    if hyphen and not after:
        after = FIRST_WORD_PAST_SPECK.match(nxt)  # (the joined word must be known, below)
    if not after:
        return None
    right = after.group(1)
    if hyphen and after.start(1) > len(nxt) - len(nxt.lstrip()):
        left, cut = hyphen.group(1), hyphen.end(1)
    else:
        misread = LAST_WORD_MISREAD.search(body)
        if not misread or len(body) < full_line * width:
            return None
        left, cut = misread.group(1), misread.end(1)
        smeared = any(mark in HYPHENS for mark in body[cut:])
        if not smeared and is_known(left) and is_known(right):
            return None
    if not is_known(left + right):
        return None
    return cut, after.start(1)


# A word with a double v and no letter only Azerbaijani (or its ASCII typing: q, x) writes.
_DOUBLE_V_WORD = regex.compile(r"\b(?=[^\W\d_]*(?:vv|VV))(?![^\W\d_]*[əƏıİşŞçÇğĞöÖüÜqQxX])[^\W\d_]+\b")
# An address, a path or a code around the word (www.savvy.com): left as written.
_IN_ADDRESS = regex.compile(r"[./@:\\]\S|\S[./@\\]\w")


def _double_v(text: str, is_known, policy: Policy, markup: list[Line]) -> list[Edit]:
    """``w`` that the OCR read as ``vv`` (its Azerbaijani model writes no w):
    ``Nevv`` → ``New``, ``VVashington`` → ``Washington``, in words it does not
    know, on an OCR'd page. Azerbaijani writes vv only with its own letters
    about (əvvəl, qüvvə), so those words are left."""
    edits = []
    for match in _DOUBLE_V_WORD.finditer(text):
        word = match.group()
        if is_known(word) or any(line.start <= match.start() < line.end for line in markup):
            continue
        run_start = max(text.rfind(" ", 0, match.start()), text.rfind("\n", 0, match.start())) + 1
        run_end = min((i for i in (text.find(" ", match.end()), text.find("\n", match.end())) if i >= 0),
                      default=len(text))
        if _IN_ADDRESS.search(text, run_start, run_end):
            continue
        at = match.start()
        for pair in regex.finditer(r"vv|VV", word):
            letter = "w" if pair.group() == "vv" else "W"
            edits.append(Edit(at + pair.start(), at + pair.end(), pair.group(), letter, EditKind.HOMOGLYPH,
                              policy.speckle_confidence))
    return edits


def _blank_runs(original: str, text: str, made: list[Edit], confidence: float, wrapped: bool) -> list[Edit]:
    """Leading blank lines, trailing blank lines, and on a hard-wrapped (OCR'd)
    page runs of more than one blank line (elsewhere they are the author's).
    Found in ``text`` (``original`` with its lines of marks alone blanked),
    edits of ``original``."""
    covered = [(e.start, e.end) for e in made]

    def free(s: int, e: int) -> bool:
        return all(e <= a or s >= b for a, b in covered)

    edits = []
    lead = len(text) - len(text.lstrip("\r\n \t"))
    if 0 < lead < len(text):
        line_start = text.rfind("\n", 0, lead) + 1
        if line_start > 0 and free(0, line_start):
            edits.append(Edit(0, line_start, original[:line_start], "", EditKind.WHITESPACE, confidence))
    for match in regex.finditer(r"\n(?:[ \t\r]*\n){2,}", text) if wrapped else ():
        s, e = match.start(), match.end()
        if s >= lead and e < len(text) and free(s, e):
            edits.append(Edit(s, e, original[s:e], "\n\n", EditKind.WHITESPACE, confidence))
    trail = regex.search(r"\n(?:[ \t\r]*\n)+[ \t\r]*$", text)
    if trail and trail.start() >= lead and free(trail.start(), trail.end()):
        edits.append(Edit(trail.start(), trail.end(), original[trail.start():trail.end()], "\n", EditKind.WHITESPACE,
                          confidence))
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
