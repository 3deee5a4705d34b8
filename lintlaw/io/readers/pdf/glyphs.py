"""A PDF page's characters as glyphs, and glyphs grouped into the lines a reader sees.

A glyph is one character with its box in page coordinates (points, y growing downwards,
as pdfplumber gives them). Characters are normalised here, one for one so that offsets
still point at the PDF's own glyphs: fonts that map 一 to the Kangxi radical ⼀ (U+2F00)
or 文 to a CJK compatibility ideograph give the unified character the rules know.
"""

from __future__ import annotations

import math
import unicodedata
from dataclasses import dataclass, field
from functools import cached_property
from statistics import median

# Kangxi radicals, CJK radicals supplement, CJK compatibility ideographs (and supplement):
# code points PDF fonts map common characters to; NFKC gives the unified ideograph.
_COMPATIBLE = ((0x2E80, 0x2EFF), (0x2F00, 0x2FDF), (0xF900, 0xFAFF), (0x2F800, 0x2FA1F))
# A radical NFKC leaves alone, mapped to the character it is drawn for in reports.
_RADICALS = {"\u2ea0": "民", "\u2ed8": "青", "\u2ec4": "西", "\u2ee2": "车", "\u2ee8": "门",
             "\u2eea": "页", "\u2ecf": "阝", "\u2ee9": "韦", "\u2ec5": "见", "\u2ec9": "贝",
             "\u2ed4": "钅", "\u2ed5": "长", "\u2ed7": "雨", "\u2eec": "风", "\u2eed": "飞",
             "\u2eee": "食", "\u2ef0": "马", "\u2ef3": "龟", "\u2ecb": "车", "\u2ec6": "角",
             "\u2ec8": "讠", "\u2edb": "齐", "\u2ee0": "饣", "\u2ee5": "鱼", "\u2ee6": "鸟",
             "\u2ee7": "卤", "\u2ee3": "骨", "\u2edd": "食", "\u2ea9": "王", "\u2eaa": "疋",
             "\u2e8c": "小", "\u2e8d": "小", "\u2e95": "彐", "\u2ebc": "月", "\u2ebe": "艹"}
# A gap this many characters wide inside a line separates two fields (not justification).
FIELD_GAP = 2.0
UNMAPPED = "\ufffd"  # a glyph the font gives no character for ("(cid:123)" in pdfminer)


def normalised(char: str) -> str:
    """The character a PDF glyph stands for, always one character."""
    if len(char) != 1:
        return UNMAPPED if char.startswith("(cid:") or not char else char[0]
    code = ord(char)
    if any(low <= code <= high for low, high in _COMPATIBLE):
        if char in _RADICALS:
            return _RADICALS[char]
        folded = unicodedata.normalize("NFKC", char)
        return folded if len(folded) == 1 else char
    return char


@dataclass(frozen=True)
class Glyph:
    char: str
    # The box in reading position: x runs along the line, top down the lines (the page's own
    # coordinates, unless the page shows its text turned: see Turn).
    x0: float
    top: float
    x1: float
    bottom: float
    size: float
    font: str
    page: int  # 0-based
    shown: tuple[float, float, float, float]  # the box where the page shows it (x0, top, x1, bottom)

    @property
    def wide(self) -> bool:
        """A character that is set in a full em: CJK, full-width punctuation."""
        return unicodedata.east_asian_width(self.char) in "WF"


@dataclass(frozen=True)
class Turn:
    """How a page's text runs as shown (a page rotated with /Rotate, or drawn sideways): the
    boxes are turned so that lines run left to right and follow each other downwards, so
    that one reading works on every page. `quarter` counts quarter turns: 0 upright, 1 text
    running down (lines right to left), 2 upside down, 3 running up."""

    quarter: int
    width: float  # the page as shown
    height: float

    @property
    def size(self) -> tuple[float, float]:
        """(width, height) of the page in reading position."""
        return (self.height, self.width) if self.quarter % 2 else (self.width, self.height)

    def box(self, x0: float, top: float, x1: float, bottom: float) -> tuple[float, float, float, float]:
        w, h = self.width, self.height
        if self.quarter == 1:
            return top, w - x1, bottom, w - x0
        if self.quarter == 2:
            return w - x1, h - bottom, w - x0, h - top
        if self.quarter == 3:
            return h - bottom, x0, h - top, x1
        return x0, top, x1, bottom


_QUARTERS = {(1, 0): 0, (0, -1): 1, (-1, 0): 2, (0, 1): 3}  # a glyph's direction (matrix a, b)
_DIRECTIONS = {quarter: direction for direction, quarter in _QUARTERS.items()}


def turn_of(page, chars) -> Turn:
    """The way most of a page's characters run."""
    counts = [0, 0, 0, 0]
    for char in chars:
        a, b = (char.get("matrix") or (1, 0))[:2]
        direction = ((a > 0) - (a < 0), (b > 0) - (b < 0))
        if direction in _QUARTERS:
            counts[_QUARTERS[direction]] += 1
    return Turn(counts.index(max(counts)), float(page.width), float(page.height))


def page_glyphs(page, index: int) -> tuple[list[Glyph], Turn]:
    """The visible characters of a pdfplumber page (fake-bold doubles drawn once), and how the
    page's text is turned."""
    chars = page.dedupe_chars(tolerance=1).chars
    turn = turn_of(page, chars)
    glyphs = []
    for char in chars:
        text = char.get("text") or ""
        if text.isspace():
            continue  # spacing is rebuilt from the geometry (see line_text)
        if char["x1"] <= char["x0"] and char["bottom"] <= char["top"]:
            continue
        if not _runs_with(char, turn):
            continue  # set at another angle than the page's text: a watermark, a note up the margin
        shown = (char["x0"], char["top"], char["x1"], char["bottom"])
        glyphs.append(Glyph(normalised(text), *turn.box(*shown), char.get("size") or (char["bottom"] - char["top"]),
                            _font(char.get("fontname") or ""), index, shown))
    return glyphs, turn


def _runs_with(char, turn: Turn) -> bool:
    """Whether a character's baseline runs the way the page's text does, within a few degrees
    (a slant, synthetic italic, leaves the baseline as it is)."""
    a, b = (char.get("matrix") or (1, 0))[:2]
    dx, dy = _DIRECTIONS[turn.quarter]
    return a * dx + b * dy > 0.99 * math.hypot(a, b)


def _font(name: str) -> str:
    """A font's family without the subset tag pdfminer keeps (ABCDEF+宋体 → 宋体)."""
    return name.split("+", 1)[1] if len(name) > 7 and name[6] == "+" else name


@dataclass
class TextLine:
    glyphs: list[Glyph] = field(default_factory=list)
    shares_row: bool = False  # one of several things set on one row (编制单位：… and 单位：件)

    @property
    def page(self) -> int:
        return self.glyphs[0].page

    @property
    def x0(self) -> float:
        return self.glyphs[0].x0

    @property
    def x1(self) -> float:
        return self.glyphs[-1].x1

    @cached_property
    def top(self) -> float:
        return min(g.top for g in self.glyphs)

    @cached_property
    def bottom(self) -> float:
        return max(g.bottom for g in self.glyphs)

    @cached_property
    def size(self) -> float:
        """The size of the line's wide characters (its Latin digits may be set smaller)."""
        wide = [g.size for g in self.glyphs if g.wide] or [g.size for g in self.glyphs]
        return median(wide)

    @cached_property
    def font(self) -> str:
        """The font most of the line's wide characters are set in."""
        counts: dict[str, int] = {}
        for glyph in self.glyphs:
            if glyph.wide:
                counts[glyph.font] = counts.get(glyph.font, 0) + 1
        return max(counts, key=counts.get) if counts else self.glyphs[0].font

    def text(self) -> str:
        return "".join(char for char, _glyph in line_text(self.glyphs))


def line_text(glyphs: list[Glyph]) -> list[tuple[str, Glyph | None]]:
    """A line's characters with their glyphs; a space (with no glyph) where the gap between two
    Latin letters, digits or marks is a word space. Gaps next to Chinese characters are the layout's
    (justification, spacing between Chinese and Latin), never spaces the author typed."""
    out: list[tuple[str, Glyph | None]] = []
    previous = None
    for glyph in glyphs:
        if (previous is not None and _latin(previous.char) and _latin(glyph.char)
                and glyph.x0 - previous.x1 > 0.25 * min(glyph.size, previous.size)):
            out.append((" ", None))
        out.append((glyph.char, glyph))
        previous = glyph
    return out


def _latin(char: str) -> bool:
    """A letter, digit or mark of Latin text (1. 2025, Office Excel): a gap between two is a space."""
    return char.isascii() and char.isprintable() and not char.isspace()


def group_lines(glyphs: list[Glyph]) -> list[TextLine]:
    """Glyphs in reading order, one TextLine per row of text: a glyph joins a line when its
    box overlaps the line's vertically by half the smaller height (digits set in another font
    sit a little lower than the Chinese characters around them)."""
    rows: list[list] = []  # [top, bottom, glyphs]
    for glyph in sorted(glyphs, key=lambda g: (g.top, g.x0)):
        height = max(glyph.bottom - glyph.top, 0.1)
        for row in reversed(rows[-3:]):
            overlap = min(row[1], glyph.bottom) - max(row[0], glyph.top)
            if overlap >= 0.5 * min(height, row[1] - row[0]):
                row[0], row[1] = min(row[0], glyph.top), max(row[1], glyph.bottom)
                row[2].append(glyph)
                break
        else:
            rows.append([glyph.top, glyph.bottom, [glyph]])
    lines = []
    for row in rows:
        parts = _fields(sorted(row[2], key=lambda g: g.x0))
        lines += [TextLine(part, shares_row=len(parts) > 1) for part in parts]
    return lines


def _fields(glyphs: list[Glyph]) -> list[list[Glyph]]:
    """A row of glyphs cut where a gap is as wide as two characters: two things set on one line
    (编制单位：… and 单位：元, a signature and its date) are two lines of text."""
    parts = [[glyphs[0]]]
    for previous, glyph in zip(glyphs, glyphs[1:]):
        if glyph.x0 - previous.x1 > FIELD_GAP * min(glyph.size, previous.size):
            parts.append([])
        parts[-1].append(glyph)
    return parts
