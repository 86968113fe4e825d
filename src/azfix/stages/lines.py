"""Lines of a page and what each looks like: where it starts and ends, whether it ends a sentence, opens a list item or goes on in lowercase, and the OCR specks at its edges.

The layout stage (:mod:`azfix.stages.layout`) decides what to do with each
line break; this module only reads lines.

>>> [line.text for line in split_lines("bir\\niki\\n")], ends_sentence("Bitdi.")
(['bir', 'iki'], True)
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from ..config import Policy

__all__ = ["Line", "ends_sentence", "is_hard_wrapped", "markup_lines", "split_lines", "typical_width"]

# Patterns anchored at the line end search backwards ((?r)): same match, no scan of the line.
SENTENCE_END = regex.compile(r"(?r)[.!?…][\"”»)'’]*$")
HYPHENS = "-\u00ad\u2010\u2011"
NOISE = ".:;,·•'\"“”‘’„—–-|_~*"
LIST_MARK = regex.compile(r"^\s*(?:[-•*–—]\s|\d{1,3}[.)]\s|[a-zа-я][.)]\s)")
LAST_WORD = regex.compile(r"(?r)([\p{L}]+)[" + HYPHENS + r"]$")
# A hyphen the OCR misread as a stop or colon, or smeared into one ("mü:", "Teh-.").
LAST_WORD_MISREAD = regex.compile(r"(?r)(\p{L}+)(?:[.:]|[" + HYPHENS + r"][.:,]|[.:,][" + HYPHENS + r"])$")
FIRST_WORD = regex.compile(r"^\s*([\p{L}]+)")
FIRST_WORD_PAST_NOISE = regex.compile(r"^[\s" + regex.escape(NOISE) + r"]*([\p{L}]+)")
# The first word behind at most one mark glued to it ("“yuluşuna", "-landığını").
FIRST_WORD_PAST_MARK = regex.compile(r"^\s*[" + regex.escape(NOISE) + r"]?(\p{Ll}+)")
# ... or behind a speck of marks or digits standing apart ("7 merlər", ". və"): only for a known joined word.
FIRST_WORD_PAST_SPECK = regex.compile(r"^\s*[" + regex.escape(NOISE) + r"\d]{1,3}\s+(\p{Ll}+)")
LINE_END_NOISE = regex.compile(r"(?r)(?<=\S)( +[" + regex.escape(NOISE) + r"]+)$")
# Digits and marks standing after a sentence's end at a line end ("daxildir. ” 2"): specks on a speckled page.
_SPECK_RUN = regex.compile(r"(?r)( +[" + regex.escape(NOISE) + r"\d]{1,4}(?: +[" + regex.escape(NOISE)
                           + r"\d]{1,4}){0,3})$")
_SHORT_WORD_STOP = regex.compile(r"(?r)(?:^|\s)\p{L}{1,3}\.$")  # səh. 45, s. 12: an abbreviation's number


def speck_tail(body: str):
    """The digits and marks standing after a sentence's end at the end of ``body`` (a match, group 1), or None."""
    tail = _SPECK_RUN.search(body)
    if tail is None:
        return None
    before = body[:tail.start(1)]
    if not ends_sentence(before) or _SHORT_WORD_STOP.search(before):
        return None
    return tail


def junk_share(lines: list[Line], markup: set[int]) -> float:
    """The share of content lines with stray marks at an edge: the page's speckle, estimated."""
    content = [line.text for k, line in enumerate(lines) if not line.blank and k not in markup]
    if not content:
        return 0.0
    junk = sum(1 for text in content if LINE_END_NOISE.search(text) or start_noise(text))
    return junk / len(content)
# Noise marks and spaces before a lowercase continuation: ": dirib", "— “narahatlıq".
# A single mark glued to the word ("“rin") may be a real quote and is kept.
LINE_START_NOISE = regex.compile(
    r"^([" + regex.escape(NOISE) + r" ]*[" + regex.escape(NOISE) + r"][" + regex.escape(NOISE) + r" ]*)(?=\p{Ll})"
)


# Marks and spaces before the capital or digit that opens a paragraph (": Xatirəsi", "—— Söhbət").
PARAGRAPH_START_NOISE = regex.compile(
    r"^([" + regex.escape(NOISE) + r"]+(?: +[" + regex.escape(NOISE) + r"]+)* +"
    # ... or marks ending in a stop or colon glued to the capital (": .Mikroneziyada"):
    # no sentence opens with one
    r"|[" + regex.escape(NOISE) + r" ]* [.:;,])(?=[\p{Lu}\d])"
)
DASHES = "-–—"


def paragraph_start_noise(body: str, speckled: bool):
    """Stray marks before a paragraph's first word, or None.

    Stops and colons (``: Xatirəsi``) and runs of marks (``—— Söhbət``) are
    never a paragraph's start; a lone dash may open a dialogue line or a list
    item, so it counts as noise only on a page whose lines show the habit.
    """
    match = PARAGRAPH_START_NOISE.match(body)
    if not match:
        return None
    marks = match.group(1).replace(" ", "")
    if marks == "..." or marks in DASHES and not speckled:
        return None
    return match


def start_noise(body: str):
    match = LINE_START_NOISE.search(body)
    if match and (" " in match.group(1) or len(match.group(1).strip()) >= 2):
        return match
    return None


def ends_sentence(text: str) -> bool:
    """True for a line that ends a sentence (a stop, maybe followed by closing quotes)."""
    return bool(SENTENCE_END.search(text))


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


# Lines laid out on purpose: Markdown headings, block quotes, code fences, table rows.
MARKUP = regex.compile(r"^ {0,3}(?:#{1,6}(?:\s|$)|>|```|~~~)")
# A thematic break or a setext underline (---, * * *, ___, ===): a rule the author drew.
RULE_LINE = regex.compile(r"^ {0,3}(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,}|=+[ \t]*)$")


def is_table_row(text: str) -> bool:
    stripped = text.strip()
    return len(stripped) > 1 and stripped[0] == stripped[-1] == "|"
FENCE = regex.compile(r"^ {0,3}(?:```|~~~)")


def markup_lines(lines: list[Line], list_run: int = 3) -> set[int]:
    """Indexes of the lines the layout stage must leave alone: Markdown
    headings, block quotes, table rows, code fences and the code between
    them, and lists (``list_run`` lines in a row opening with the same mark,
    other than a dash, none broken at a hyphen: OCR specks at line starts are
    not that regular)."""
    marked = set()
    inside = False
    run: list[int] = []
    for k, line in enumerate(lines):
        fence = FENCE.match(line.text)
        if fence or inside or MARKUP.match(line.text) or is_table_row(line.text) or RULE_LINE.match(line.text):
            marked.add(k)
        if fence:
            inside = not inside
        # (a line broken at a hyphen, or going on from one, is a column's line, not a list item)
        broken = line.text.rstrip().endswith(tuple(HYPHENS)) or k > 0 and lines[k - 1].text.rstrip().endswith(tuple(HYPHENS))
        mark = None if broken else _list_mark(line.text)
        if mark is None or run and _list_mark(lines[run[-1]].text) != mark:
            run = [] if mark is None else [k]
        else:
            run.append(k)
        if len(run) >= list_run:
            marked.update(run)
    return marked


def _list_mark(text: str) -> str | None:
    """The kind of list mark that opens ``text`` (``-``, ``•``, ``1.`` counts as ``#.``), or None."""
    match = LIST_MARK.match(text)
    if not match or match.group().strip()[0] in "–—":
        return None  # dashes are the OCR's commonest specks
    return regex.sub(r"\d+", "#", match.group().strip())


def is_hard_wrapped(lines: list[Line], policy: Policy = Policy(), markup: frozenset[int] | set[int] = frozenset()) -> bool:
    """True when most lines stop mid-sentence and many next lines go on in lowercase.

    A column or a hard-wrapped page; a list of headlines (no final stops,
    but every line starts with a capital) is not. Lines in ``markup`` do not
    count, nor, on a page that has markup, list items (a Markdown list of
    lowercase items is not a column; on an OCR'd page a dash at a line start
    is as often a speck).
    """
    content = [line.text.strip() for k, line in enumerate(lines)
               if not line.blank and k not in markup and not (markup and LIST_MARK.match(line.text))]
    if len(content) < policy.wrapped_min_lines:
        return False
    open_ended = sum(1 for t in content if not ends_sentence(t))
    lowercase_next = sum(1 for t in content[1:] if goes_on(t))
    return (open_ended / len(content) >= policy.wrapped_full_share
            and lowercase_next / (len(content) - 1) >= policy.wrapped_goes_on_share)


def goes_on(line: str) -> bool:
    """True if the line's first word, past stray marks, is lowercase."""
    match = FIRST_WORD_PAST_NOISE.match(line)
    return bool(match) and match.group(1)[:1].islower()


NUMBER_START = regex.compile(r"^\s*\d+(?:[.,]\d+)*(?:-\p{Ll}+|\s+\p{Ll})")
FIRST_WORD_PAST_MARKS = regex.compile(r"^[\s/" + regex.escape(NOISE) + r"]{0,8}(\p{L}+)")
# On a speckled page also digits among the marks, but not a number's own
# suffix or bracket ("1941-ci", "0) —").
FIRST_WORD_PAST_SPECKS = regex.compile(
    r"^(?=[^\p{L}]{0,8}\p{L})(?:[\s/" + regex.escape(NOISE) + r"]|\d+(?![\d\-–)]))*(\p{L}+)"
)


def goes_on_past_marks(line: str, speckled: bool = False) -> bool:
    """True if the first word, past a few stray marks (on a speckled page
    also digits among them), is lowercase (``:/ edir``, ``“7 edilməsi``)."""
    match = (FIRST_WORD_PAST_SPECKS if speckled else FIRST_WORD_PAST_MARKS).match(line)
    return bool(match) and match.group(1)[0].islower()


def opens_list_item(lines: list[Line], edge: dict, k: int, j: int, speckled: bool) -> bool:
    """True if line ``j`` (the next content line after ``k``) opens a list item.

    On a speckled page a lone ``7.`` or ``-`` at a line start is as often
    OCR debris as a list mark: it counts only next to another list item.
    """
    if not LIST_MARK.match(edge[j]):
        return False
    if not speckled:
        return True
    following = next((m for m in range(j + 1, len(lines)) if not lines[m].blank), None)
    return bool(LIST_MARK.match(edge[k]) or following is not None and LIST_MARK.match(edge[following]))


def typical_width(lines: list[Line]) -> float:
    widths = sorted(len(line.text) for line in lines if not line.blank)
    return widths[len(widths) // 2] if widths else 0
