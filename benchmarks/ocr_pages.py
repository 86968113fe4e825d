"""The OCR page generator: development text typeset, worn and read by Tesseract, stored as (gold, OCR) text pairs.

    python -m benchmarks.ocr_pages [--shared ../shared] [--seed 20] [--images-per-half 48] [--jobs 2]

Each page is made in four steps: **text** (sentences of one half of the
development texts, :mod:`benchmarks.halves`, packed into paragraphs of a
few sentences), **typesetting** (:mod:`benchmarks.ocr_typeset`: a justified
hyphenated newspaper column, a wide justified column, a ragged column with
or without hyphens, or text hard-wrapped at a number of characters),
**drawing and wear** (:mod:`benchmarks.ocr_render`, at level mild, medium or
harsh) and **reading**: ``tesseract -l aze`` once with ``--psm 6`` (one block)
and once with ``--psm 3`` (automatic layout), so every image gives two pages.

Split by text and by font: tuning pages hold tuning-half sentences set in
the tuning fonts, reporting pages reporting-half sentences set in fonts no
tuning page uses. The tuning fonts are the four of the project's own pages
in ``shared/data/ocr`` (DejaVu Serif and Sans, Liberation Serif, Linux
Libertine) and FreeSerif and Noto Sans; the reporting fonts were never seen
in development: Noto Serif, Liberation Sans, FreeSans, Linux Biolinum and
P052 (a Palatino).

Written to ``benchmarks/ocr_pages/``: ``NAME.gold.txt`` (the paragraphs as
set, one per line, separated by blank lines: paragraph k of the OCR reading
is paragraph k of the gold), ``NAME.ocr.txt`` (Tesseract's text) and
``manifest.json`` (per page: half, source text, font, level and the wear
drawn, layout, hyphenation, psm, seed; and Tesseract's version and model).
Everything is drawn from ``--seed``: the same seed and Tesseract give the
same pages. Without Tesseract, its ``aze`` model or the fonts the run says
what to install and exits 0.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
from dataclasses import asdict, dataclass
from multiprocessing import Pool
from pathlib import Path

import regex

from .halves import HALVES, halves
from .ocr_typeset import break_paragraph, hard_wrap

PAGES = Path(__file__).resolve().parent / "ocr_pages"
FONTS_BY_HALF = {
    "tuning": ("DejaVuSerif", "LiberationSerif", "FreeSerif", "NotoSans", "DejaVuSans", "LinLibertine"),
    "reporting": ("NotoSerif", "LiberationSans", "FreeSans", "LinBiolinum", "P052"),
}
LEVEL_NAMES = ("mild", "medium", "harsh")
LAYOUTS = ("column", "justified", "ragged", "hardwrap")
PSMS = (6, 3)
SOURCES = {"news": "ntrex_news_dev.txt", "wiki": "wiki_sentences.txt"}
SEED = 20
IMAGES_PER_HALF = 48
PAGE_CHARS = (1500, 2300)  # characters of text on a page, drawn per page
PARAGRAPH_CHARS = (250, 700)  # a paragraph takes sentences until it holds this many characters
# Sentences the aze model cannot be asked to read (other scripts) and wiki table rubble are left out.
# Page geometry by layout: (width in ems, or in characters for hardwrap), first-line indent in ems,
# gap between paragraphs in lines, justified.
LAYOUT_STYLES = {
    "column": ((15, 18), 1.5, 0.3, True),
    "justified": ((28, 34), 2.0, 0.5, True),
    "ragged": ((24, 32), 0.0, 1.0, False),
    "hardwrap": ((56, 72), 0.0, 1.0, False),
}
FONT_SIZES = (36, 44)  # pixels at 300 dpi: 8.6 to 10.6 points
LEADING = (1.15, 1.35)  # line pitch in font sizes
MARGINS = (60, 140)  # pixels of paper around the text
_UNREADABLE = regex.compile(r"[^\p{Latin}\p{Common}\p{Inherited}]|\|")
_SENTENCE_END = regex.compile(r"(?<=[.!?…])\s+(?=[\p{Lu}\"“«(])")


@dataclass(frozen=True, slots=True)
class PagePlan:
    """What one image shows and how it is made; its pages are ``{name}_psm{n}``."""

    name: str
    half: str
    source: str
    paragraphs: tuple[str, ...]
    font: str
    level: str
    layout: str
    hyphenate: bool
    seed: int


# -- text --------------------------------------------------------------------------------------

def sentence_streams(shared: Path) -> dict[str, dict[str, list[str]]]:
    """``{half: {source: [sentence, ...]}}``: the readable sentences of each development text, in order."""
    streams: dict[str, dict[str, list[str]]] = {half: {} for half in HALVES}
    for source, name in SOURCES.items():
        for half, text in halves(shared, (name,)).items():
            sentences = []
            for line in text.split("\n"):
                sentences += [s for s in _SENTENCE_END.split(" ".join(line.split())) if s]
            streams[half][source] = [s for s in sentences if not _UNREADABLE.search(s)]
    return streams


def _take_paragraphs(sentences: list[str], start: int, rng: random.Random) -> tuple[list[str], int]:
    """Paragraphs for one page from ``sentences[start:]``; returns them and where the next page starts."""
    page_chars = rng.randint(*PAGE_CHARS)
    paragraphs: list[str] = []
    k = start
    while k < len(sentences) and sum(map(len, paragraphs)) < page_chars:
        target, paragraph = rng.randint(*PARAGRAPH_CHARS), []
        while k < len(sentences) and sum(map(len, paragraph)) < target:
            paragraph.append(sentences[k])
            k += 1
        paragraphs.append(" ".join(paragraph))
    return paragraphs, k


def page_seed(seed: int, half: str, index: int) -> int:
    return int.from_bytes(hashlib.sha256(f"{seed}:{half}:{index}".encode()).digest()[:4], "big")


def plan_pages(streams: dict[str, dict[str, list[str]]], seed: int = SEED,
               images_per_half: int = IMAGES_PER_HALF) -> list[PagePlan]:
    """Every image of both halves: text taken in order, never twice; level, layout and font spread evenly."""
    plans = []
    combos = [(level, layout) for layout in LAYOUTS for level in LEVEL_NAMES]
    for half in HALVES:
        fonts, at = FONTS_BY_HALF[half], {source: 0 for source in SOURCES}
        for i in range(images_per_half):
            rng = random.Random(page_seed(seed, half, i))
            level, layout = combos[i % len(combos)]
            font = fonts[(i + i // len(combos)) % len(fonts)]
            preferred = tuple(SOURCES)[i % len(SOURCES)]
            source = next((s for s in (preferred, *SOURCES) if at[s] < len(streams[half][s])), None)
            if source is None:
                raise ValueError(f"the {half} half ran out of text after {i} pages")
            paragraphs, at[source] = _take_paragraphs(streams[half][source], at[source], rng)
            hyphenate = layout == "column" or layout == "ragged" and rng.random() < 0.5
            name = f"{half}_{i:03d}_{level}_{font}_{layout}{'-hyph' if hyphenate else ''}"
            plans.append(PagePlan(name, half, source, tuple(paragraphs), font, level, layout, hyphenate,
                                  page_seed(seed, half, i)))
    return plans


# -- typesetting -------------------------------------------------------------------------------

def typeset(paragraphs: tuple[str, ...], font: str, layout: str, hyphenate: bool, rng: random.Random):
    """The page's lines and style: size, leading, width and margin drawn from ``rng``."""
    from .ocr_render import PageStyle, measure

    size = rng.randint(*FONT_SIZES)
    leading = round(size * rng.uniform(*LEADING), 1)
    (low, high), indent, gap, justify = LAYOUT_STYLES[layout]
    if layout == "hardwrap":
        columns = rng.randint(low, high)
        lines = [line for paragraph in paragraphs for line in hard_wrap(paragraph, columns)]
        width = max(measure(line.text, font, size) for line in lines)
    else:
        width = round(size * rng.uniform(low, high))

        def fit(text: str) -> float:
            return measure(text, font, size)

        lines = [line for paragraph in paragraphs
                 for line in break_paragraph(paragraph, width, fit, hyphenate, indent * size)]
    style = PageStyle(font, size, leading, width, indent * size, gap * leading, justify, rng.randint(*MARGINS))
    return lines, style


# -- reading -----------------------------------------------------------------------------------

def tesseract_version() -> dict:
    """Tesseract's version line and a fingerprint of its ``aze`` model; Pillow's and FreeType's versions."""
    version = subprocess.run(["tesseract", "--version"], capture_output=True, text=True).stdout.split("\n")[0]
    listing = subprocess.run(["tesseract", "--list-langs"], capture_output=True, text=True).stdout
    folder = regex.search(r'"(.+?)"', listing)
    model = Path(folder.group(1) if folder else "") / "aze.traineddata"
    digest = hashlib.sha256(model.read_bytes()).hexdigest()[:16] if model.is_file() else None
    from PIL import __version__ as pillow, features

    return {"tesseract": version.strip(), "aze_model_sha256": digest, "pillow": pillow,
            "freetype": features.version("freetype2")}


def missing_tools() -> str | None:
    """Why the pages cannot be made here, or None."""
    from .ocr_render import FONT_PACKAGES, FONTS

    install = f"apt-get install tesseract-ocr tesseract-ocr-aze {FONT_PACKAGES}"
    if shutil.which("tesseract") is None:
        return f"tesseract is not installed ({install})"
    langs = subprocess.run(["tesseract", "--list-langs"], capture_output=True, text=True).stdout.split()
    if "aze" not in langs:
        return f"Tesseract's Azerbaijani model is not installed ({install})"
    absent = [name for name, (file, _) in FONTS.items() if not Path(file).is_file()]
    if absent:
        return f"fonts missing: {', '.join(absent)} ({install})"
    try:
        import numpy  # noqa: F401
        import PIL  # noqa: F401
    except ImportError:
        return "Pillow and numpy are needed (pip install 'azfix[bench]')"
    return None


def read_page(image_path: Path, psm: int) -> str:
    """Tesseract's reading of one image (single-threaded, so two run side by side)."""
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    done = subprocess.run(["tesseract", str(image_path), "stdout", "-l", "aze", "--psm", str(psm), "--dpi", "300"],
                          capture_output=True, text=True, env=env, check=True)
    return done.stdout.replace("\f", "")


def make_image(plan: PagePlan) -> list[dict]:
    """Draw, wear and read one image; its pages as manifest rows with ``gold`` and ``ocr`` text."""
    from .ocr_render import FONTS, degrade, draw_page, draw_wear

    rng = random.Random(plan.seed)
    lines, style = typeset(plan.paragraphs, plan.font, plan.layout, plan.hyphenate, rng)
    wear = draw_wear(plan.level, rng)
    image = degrade(draw_page(lines, style), wear, plan.seed)
    gold = "\n\n".join(plan.paragraphs) + "\n"
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "page.png"
        image.save(path)
        for psm in PSMS:
            row = {key: value for key, value in asdict(plan).items() if key != "paragraphs"}
            row.update(name=f"{plan.name}_psm{psm}", psm=psm, fallback_font=FONTS[plan.font][1],
                       size=style.size, lines=len(lines), image=list(image.size), wear=asdict(wear),
                       gold=gold, ocr=read_page(path, psm))
            rows.append(row)
    return rows


def generate(shared: Path, out: Path = PAGES, seed: int = SEED, images_per_half: int = IMAGES_PER_HALF,
             jobs: int = 2) -> dict:
    """Make every page and store them in ``out`` (old pages there are removed first); returns the manifest."""
    plans = plan_pages(sentence_streams(shared), seed, images_per_half)
    with Pool(jobs) as pool:
        rows = [row for image_rows in pool.imap(make_image, plans) for row in image_rows]
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("*.txt"):
        old.unlink()
    for row in rows:
        (out / f"{row['name']}.gold.txt").write_text(row.pop("gold"), encoding="utf-8")
        (out / f"{row['name']}.ocr.txt").write_text(row.pop("ocr"), encoding="utf-8")
    manifest = {"seed": seed, "images_per_half": images_per_half, **tesseract_version(),
                "fonts": FONTS_BY_HALF, "psm": list(PSMS), "pages": rows}
    (out / "manifest.json").write_text(json.dumps(manifest, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return manifest


# -- the stored pages --------------------------------------------------------------------------

def stored_pages(folder: Path = PAGES, half: str | None = None) -> list[dict]:
    """The stored pages (manifest rows with ``gold`` and ``ocr`` text added), of one half or both."""
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    pages = []
    for row in manifest["pages"]:
        if half is None or row["half"] == half:
            pages.append(dict(row, gold=(folder / f"{row['name']}.gold.txt").read_text(encoding="utf-8"),
                              ocr=(folder / f"{row['name']}.ocr.txt").read_text(encoding="utf-8")))
    return pages


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    parser.add_argument("--out", type=Path, default=PAGES)
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--images-per-half", type=int, default=IMAGES_PER_HALF)
    parser.add_argument("--jobs", type=int, default=min(2, os.cpu_count() or 1))
    args = parser.parse_args(argv)
    if not (args.shared / "data" / "text").is_dir():
        print(f"no development texts in {args.shared / 'data' / 'text'} (pass --shared)", file=sys.stderr)
        return 2
    reason = missing_tools()
    if reason:
        print(f"OCR pages not made: {reason}", file=sys.stderr)
        return 0
    manifest = generate(args.shared, args.out, args.seed, args.images_per_half, args.jobs)
    print(f"{len(manifest['pages'])} pages in {args.out} ({manifest['tesseract']})", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
