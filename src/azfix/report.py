"""A standalone HTML page showing a cleaned text with every change highlighted.

Each edit is a ``<mark>`` in the cleaned text, coloured by kind, whose
tooltip (``title``) gives the original, the kind and the confidence; a table
of edits follows. No scripts, no external files: the page opens anywhere.
"""

from __future__ import annotations

from html import escape

from .edits import Result

STYLE = """
body { font: 16px/1.6 system-ui, sans-serif; max-width: 60em; margin: 2em auto; padding: 0 1em; color: #222; }
h1 { font-size: 1.4em; } h2 { font-size: 1.1em; margin-top: 2em; }
.text { white-space: pre-wrap; border: 1px solid #ddd; padding: 1em; border-radius: 6px; }
mark { border-radius: 3px; padding: 0 1px; background: #fde68a; }
mark.diacritic { background: #bfdbfe; } mark.typo { background: #fecaca; } mark.split, mark.merge { background: #ddd6fe; }
mark.realword { background: #fbcfe8; } mark.hyphen-suffix { background: #bbf7d0; }
mark.dehyphenate, mark.unwrap, mark.paragraph, mark.whitespace, mark.noise { background: #e5e7eb; }
table { border-collapse: collapse; margin-top: .5em; } td, th { border: 1px solid #ddd; padding: .2em .5em; }
"""


def render(documents: list[tuple[str, str, Result]], title: str = "azfix report") -> str:
    """HTML for (name, original text, result) triples."""
    parts = [f"<!doctype html><html lang=\"az\"><head><meta charset=\"utf-8\"><title>{escape(title)}</title>",
             f"<style>{STYLE}</style></head><body><h1>{escape(title)}</h1>"]
    for name, original, result in documents:
        parts.append(f"<section class=\"document\"><h2>{escape(name)}: {len(result.edits)} edits</h2>")
        parts.append(f"<div class=\"text\">{highlighted(original, result)}</div>")
        if result.edits:
            parts.append("<table class=\"edits\"><tr><th>at</th><th>original</th><th>replacement</th>"
                         "<th>kind</th><th>confidence</th></tr>")
            for e in result.edits:
                parts.append(f"<tr><td>{e.start}–{e.end}</td><td>{escape(repr(e.original))}</td>"
                             f"<td>{escape(repr(e.replacement))}</td><td>{escape(e.kind)}</td>"
                             f"<td>{e.confidence:.2f}</td></tr>")
            parts.append("</table>")
        parts.append("</section>")
    parts.append("</body></html>\n")
    return "".join(parts)


def highlighted(original: str, result: Result) -> str:
    """The cleaned text as HTML, each replacement in a <mark> explaining it."""
    out, position = [], 0
    for e in sorted(result.edits, key=lambda e: e.start):
        out.append(escape(original[position:e.start]))
        tip = f"{e.kind} ({e.confidence:.2f}): {e.original!r} → {e.replacement!r}"
        shown = e.replacement if e.replacement.strip() else "␣" if e.replacement else "⌫"
        out.append(f"<mark class=\"{escape(e.kind)}\" title=\"{escape(tip)}\">{escape(shown)}</mark>")
        position = e.end
    out.append(escape(original[position:]))
    return "".join(out)
