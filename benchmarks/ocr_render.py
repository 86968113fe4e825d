"""Drawing and degrading the OCR generator's pages: typeset lines to a grey image, then worn like a bad scan.

Drawing (:func:`draw_page`): each line at its baseline, justified lines
stretched by widening their spaces; a character the page's font lacks (``ə``
in Liberation and the URW fonts) is drawn with the font's fallback, as a
word processor would. Layout is Pillow's basic engine, so a page does not
depend on whether libraqm is installed.

Wear (:func:`degrade`), in the order a page suffers it: faint ink and grey
paper (low contrast), dirt (dark dots and small blobs), skew, blur (optics),
a low-resolution scan (down- and upsampled), sensor noise, JPEG. A
:class:`Wear` holds the drawn values, so the manifest tells exactly what was
done; :func:`draw_wear` draws them from a level's ranges.

Needs Pillow and numpy (``pip install 'azfix[bench]'``).
"""

from __future__ import annotations

import io
import random
from dataclasses import dataclass
from functools import lru_cache

from .ocr_typeset import Line

FONT_DIRS = {
    "dejavu": "/usr/share/fonts/truetype/dejavu/",
    "liberation": "/usr/share/fonts/truetype/liberation/",
    "free": "/usr/share/fonts/truetype/freefont/",
    "noto": "/usr/share/fonts/truetype/noto/",
    "libertine": "/usr/share/fonts/opentype/linux-libertine/",
    "urw": "/usr/share/fonts/opentype/urw-base35/",
}
# font name -> (file, fallback font name for characters it lacks, or None)
FONTS = {
    "DejaVuSerif": (FONT_DIRS["dejavu"] + "DejaVuSerif.ttf", None),
    "DejaVuSans": (FONT_DIRS["dejavu"] + "DejaVuSans.ttf", None),
    "LiberationSerif": (FONT_DIRS["liberation"] + "LiberationSerif-Regular.ttf", "FreeSerif"),
    "LiberationSans": (FONT_DIRS["liberation"] + "LiberationSans-Regular.ttf", "FreeSans"),
    "FreeSerif": (FONT_DIRS["free"] + "FreeSerif.ttf", None),
    "FreeSans": (FONT_DIRS["free"] + "FreeSans.ttf", None),
    "NotoSerif": (FONT_DIRS["noto"] + "NotoSerif-Regular.ttf", None),
    "NotoSans": (FONT_DIRS["noto"] + "NotoSans-Regular.ttf", None),
    "LinLibertine": (FONT_DIRS["libertine"] + "LinLibertine_R.otf", None),
    "LinBiolinum": (FONT_DIRS["libertine"] + "LinBiolinum_R.otf", None),
    "P052": (FONT_DIRS["urw"] + "P052-Roman.otf", "NotoSerif"),
}
LAST_RESORT = "DejaVuSans"
NOT_A_GLYPH = "\ue000"  # a private-use character: every font here draws its missing-glyph box for it
FONT_PACKAGES = "fonts-dejavu fonts-liberation fonts-freefont-ttf fonts-noto-core fonts-linuxlibertine fonts-urw-base35"

# Wear by level: (low, high) of each value, drawn uniformly per page.
# specks and blobs are per million pixels of the page at 300 dpi.
LEVELS = {
    "mild": {"ink": (0, 40), "paper": (235, 255), "specks": (0, 8), "blobs": (0, 1), "skew": (-0.3, 0.3),
             "blur": (0.0, 0.5), "scale": (0.85, 1.0), "noise": (2, 6), "jpeg": (75, 95)},
    "medium": {"ink": (40, 80), "paper": (215, 240), "specks": (20, 60), "blobs": (1, 4), "skew": (-0.8, 0.8),
               "blur": (0.5, 0.9), "scale": (0.6, 0.8), "noise": (6, 12), "jpeg": (50, 75)},
    "harsh": {"ink": (65, 105), "paper": (198, 228), "specks": (50, 120), "blobs": (3, 8), "skew": (-1.4, 1.4),
              "blur": (0.75, 1.2), "scale": (0.48, 0.62), "noise": (9, 18), "jpeg": (30, 55)},

}


@dataclass(frozen=True, slots=True)
class Wear:
    """The wear done to one page (see the module docstring for the order)."""

    ink: int  # grey of the ink (0 black)
    paper: int  # grey of the paper (255 white)
    specks: float  # dark dots per million pixels
    blobs: float  # small blobs per million pixels
    skew: float  # degrees, counter-clockwise
    blur: float  # Gaussian radius, pixels
    scale: float  # resolution of the scan relative to 300 dpi
    noise: float  # standard deviation of the sensor noise, grey levels
    jpeg: int  # JPEG quality


def draw_wear(level: str, rng: random.Random) -> Wear:
    """The wear of one page, drawn from the ranges of ``level``."""
    ranges = LEVELS[level]
    drawn = {name: rng.uniform(low, high) for name, (low, high) in ranges.items()}
    return Wear(ink=round(drawn["ink"]), paper=round(drawn["paper"]), specks=round(drawn["specks"], 1),
                blobs=round(drawn["blobs"], 1), skew=round(drawn["skew"], 2), blur=round(drawn["blur"], 2),
                scale=round(drawn["scale"], 2), noise=round(drawn["noise"], 1), jpeg=round(drawn["jpeg"]))


# -- fonts ------------------------------------------------------------------------------------

@lru_cache(maxsize=64)
def _font(name: str, size: int):
    from PIL import ImageFont

    return ImageFont.truetype(FONTS[name][0], size, layout_engine=ImageFont.Layout.BASIC)


@lru_cache(maxsize=None)
def _has_glyph(name: str, size: int, char: str) -> bool:
    if char.isspace():
        return True
    font = _font(name, size)
    missing = font.getmask(NOT_A_GLYPH)
    mask = font.getmask(char)
    return not (mask.size == missing.size and bytes(mask) == bytes(missing))


def _font_for(name: str, size: int, char: str) -> str:
    chain = [name, FONTS[name][1], LAST_RESORT]
    return next((n for n in chain if n and _has_glyph(n, size, char)), name)


def can_draw(text: str, name: str, size: int) -> bool:
    """True if every character of ``text`` is in the font, its fallback or the last resort."""
    return all(_has_glyph(_font_for(name, size, c), size, c) for c in set(text))


def font_runs(text: str, name: str, size: int) -> list[tuple[str, str]]:
    """``text`` cut into runs drawn by one font each: ``[(font name, run), ...]``."""
    runs: list[tuple[str, str]] = []
    for char in text:
        chosen = _font_for(name, size, char)
        if runs and runs[-1][0] == chosen:
            runs[-1] = (chosen, runs[-1][1] + char)
        else:
            runs.append((chosen, char))
    return runs


def measure(text: str, name: str, size: int) -> float:
    """Width of ``text`` in pixels as drawn in font ``name`` at ``size``."""
    return sum(_font(n, size).getlength(run) for n, run in font_runs(text, name, size))


# -- drawing ----------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class PageStyle:
    """How lines are placed: font, size and leading in pixels, column width, indent, paragraph gap."""

    font: str
    size: int
    leading: float
    width: float
    indent: float
    paragraph_gap: float
    justify: bool
    margin: int


def _draw_words(draw, x: float, baseline: float, words: list[str], space: float, style: PageStyle) -> None:
    for word in words:
        for name, run in font_runs(word, style.font, style.size):
            draw.text((x, baseline), run, font=_font(name, style.size), fill=0, anchor="ls")
            x += _font(name, style.size).getlength(run)
        x += space


def draw_page(lines: list[Line], style: PageStyle):
    """The lines drawn black on white, one column; returns a greyscale ``PIL.Image``."""
    from PIL import Image, ImageDraw

    paragraphs = sum(line.last_of_paragraph for line in lines)
    height = 2 * style.margin + style.leading * (len(lines) + 1) + style.paragraph_gap * paragraphs
    image = Image.new("L", (int(style.width + 2 * style.margin), int(height)), 255)
    draw = ImageDraw.Draw(image)
    baseline = style.margin + style.leading
    first = True
    natural_space = measure(" ", style.font, style.size)
    for line in lines:
        x = style.margin + (style.indent if first else 0)
        words = line.text.split(" ")
        space = natural_space
        if style.justify and not line.last_of_paragraph and len(words) > 1:
            free = style.width - (x - style.margin) - measure(line.text, style.font, style.size)
            space += max(free, 0) / (len(words) - 1)
        _draw_words(draw, x, baseline, words, space, style)
        baseline += style.leading + (style.paragraph_gap if line.last_of_paragraph else 0)
        first = line.last_of_paragraph
    return image


# -- wear -------------------------------------------------------------------------------------

def _dirt(image, wear: Wear, rng) -> None:
    """Dark dots and small blobs scattered over the page (in place)."""
    from PIL import ImageDraw

    draw = ImageDraw.Draw(image)
    width, height = image.size
    megapixels = width * height / 1e6
    for _ in range(int(rng.poisson(wear.specks * megapixels))):
        x, y, r = rng.uniform(0, width), rng.uniform(0, height), rng.uniform(1.0, 3.0)
        draw.ellipse((x - r, y - r, x + r, y + r), fill=wear.ink)
    for _ in range(int(rng.poisson(wear.blobs * megapixels))):
        cx, cy = rng.uniform(0, width), rng.uniform(0, height)
        for _ in range(int(rng.integers(3, 9))):
            x, y, r = cx + rng.normal(0, 5), cy + rng.normal(0, 5), rng.uniform(2.0, 5.0)
            draw.ellipse((x - r, y - r, x + r, y + r), fill=wear.ink)


def degrade(image, wear: Wear, seed: int):
    """``image`` worn as ``wear`` says; the same seed gives the same pixels."""
    import numpy as np
    from PIL import Image, ImageFilter

    rng = np.random.default_rng(seed)
    pixels = np.asarray(image, dtype=np.float32) / 255.0
    pixels = wear.paper - (wear.paper - wear.ink) * (1.0 - pixels)
    page = Image.fromarray(pixels.round().astype(np.uint8), "L")
    _dirt(page, wear, rng)
    page = page.rotate(wear.skew, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=wear.paper)
    if wear.blur > 0:
        page = page.filter(ImageFilter.GaussianBlur(wear.blur))
    if wear.scale < 1.0:
        size = page.size
        small = (max(1, round(size[0] * wear.scale)), max(1, round(size[1] * wear.scale)))
        page = page.resize(small, Image.Resampling.BOX).resize(size, Image.Resampling.BILINEAR)
    noisy = np.asarray(page, dtype=np.float32) + rng.normal(0.0, wear.noise, (page.size[1], page.size[0]))
    page = Image.fromarray(np.clip(noisy, 0, 255).round().astype(np.uint8), "L")
    buffer = io.BytesIO()
    page.save(buffer, format="JPEG", quality=wear.jpeg)
    buffer.seek(0)
    return Image.open(buffer).convert("L")
