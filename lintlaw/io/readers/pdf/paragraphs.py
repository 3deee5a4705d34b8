"""Paragraphs rebuilt from a PDF's lines, as a reader sees them.

A line that runs to the right edge of the text block goes on in the next line; a
first-line indent, a short line, a change of font or size, or a wider gap ends a
paragraph. Titles, headings, the signature and its date are short or set apart, so they
stay lines of their own; a title set large over two centred lines is one title. The
block's edges are measured per page size (a landscape page has its own), from the lines
themselves, so that margins and indents need no configuration.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from statistics import median

from lintlaw.io.readers.pdf.glyphs import TextLine


@dataclass(frozen=True)
class Block:
    """The text block of pages of one size: where lines start and end, how far apart."""

    left: float
    right: float
    size: float  # the body text's size
    gap: float  # the usual space between two lines of a paragraph
    width: float  # the page's width

    def full(self, line: TextLine, after: TextLine | None = None) -> bool:
        """The line runs to the right edge: the first unit of the next line (a character with the
        marks that may not start a line, or a whole number such as 60.54%) would not have fit."""
        if self.right < 0.5 * self.width:
            return False
        unit = _first_unit(after) if after is not None else line.size
        return line.x1 + unit > self.right - 0.3 * line.size

    def indented(self, line: TextLine) -> bool:
        return line.x0 > self.left + 0.8 * line.size

    def centred(self, line: TextLine) -> bool:
        before, after = line.x0 - self.left, self.right - line.x1
        return before > line.size and abs(before - after) <= 1.5 * line.size


def measure(lines: list[TextLine], width: float, fallback: Block | None = None) -> Block:
    """The text block of these lines (of one page, or of all pages of one size). Too few
    full-length lines to tell where the right edge is: `fallback`'s edges."""
    sizes = Counter(round(line.size) for line in lines for _ in line.glyphs)
    size = float(sizes.most_common(1)[0][0]) if sizes else 12.0
    body = [line for line in lines if abs(line.size - size) <= 0.15 * size] or lines
    long = [line for line in body if len(line.glyphs) >= 8]
    if len(long) < 3 and fallback is not None:
        return fallback
    # The left edge is the leftmost place two lines start (first lines may be indented); the
    # right edge the rightmost place two lines end (a justified block ends all its lines there).
    left = _shared(sorted(line.x0 for line in body), size) if body else 0.0
    right = _shared(sorted((line.x1 for line in long or body), reverse=True), size) if body else width
    if fallback is not None:
        # A page of few lines may hold more indented lines (headings, first lines) than running
        # ones, or more short ones than full: where one of its lines stands at the edge the pages
        # of its size share, that is its edge too.
        if fallback.left < left and any(abs(line.x0 - fallback.left) <= 0.2 * size for line in body):
            left = fallback.left
        if fallback.right > right and any(abs(line.x1 - fallback.right) <= 0.2 * size for line in long):
            right = fallback.right
    gaps = [b.top - a.bottom for a, b in zip(body, body[1:]) if a.page == b.page and 0 <= b.top - a.bottom < 3 * size]
    gap = median(gaps) if gaps else 0.5 * size
    return Block(left, right, size, gap, width)


def _shared(values: list[float], size: float) -> float:
    """The first of `values` that another one is within a fifth of a character of (the first
    value when none is)."""
    for a, b in zip(values, values[1:]):
        if abs(a - b) <= 0.2 * size:
            return a
    return values[0]


# A contents entry ends in leader dots (and perhaps its page number); a level-1 or level-2
# heading marker starts a heading, even right after a full line.
_LEADERS = re.compile(r"(?:[.．·…⋯]{3,}|…{2,})\s*[0-9]*\s*$")
_HEADING_START = re.compile(r"[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)]")


def continues(block: Block, line: TextLine, after: TextLine) -> bool:
    """Whether `after` goes on with the paragraph `line` is in."""
    if line.shares_row or after.shares_row:  # a field set beside another is a line of its own
        return False
    if _LEADERS.search(line.text()) or _HEADING_START.match(after.text()):
        return False
    if after.page == line.page and after.top - line.bottom > block.gap + 0.5 * line.size:
        return False
    # Where the two lines meet, the same font and size: a heading set in 黑体 after a full line
    # starts anew, a run-in heading (（一）… in 楷体, then the text) goes on.
    end, start = _wide(reversed(line.glyphs)), _wide(after.glyphs)
    if abs(end.size - start.size) > 0.15 * end.size or end.font != start.font:
        return False
    if block.full(line, after):
        return not block.indented(after)
    # A title set large over two centred lines is one title.
    return (line.size > 1.15 * block.size and block.centred(line) and block.centred(after)
            and after.page == line.page)


def paragraphs(lines: list[TextLine], blocks: dict[int, Block]) -> list[list[TextLine]]:
    """Consecutive lines (in reading order, with nothing between them) grouped into
    paragraphs; `blocks` gives each page's text block."""
    found: list[list[TextLine]] = []
    for line in lines:
        if found and continues(blocks[found[-1][-1].page], found[-1][-1], line):
            found[-1].append(line)
        else:
            found.append([line])
    return found


def set_apart(paragraph: list[TextLine], block: Block) -> bool:
    """A title the layout sets apart: centred, in a larger size than the text."""
    return all(block.centred(line) for line in paragraph) and paragraph[0].size >= 1.1 * block.size


def _wide(glyphs):
    """The first wide glyph (a Chinese character or full-width mark), else the first glyph."""
    glyphs = list(glyphs)
    return next((g for g in glyphs if g.wide), glyphs[0])


# Marks a line may not start with (GB/T 15834 line-breaking): they go with the character before.
_NO_START = set("，。、；：？！）》”’」』〕】…—%％·")


def _first_unit(line: TextLine) -> float:
    """The width of what a line break cannot split at the start of `line`: a run of Latin
    letters and digits (with its . , %), or one character with the marks that follow it."""
    glyphs = line.glyphs
    end = 1
    if glyphs[0].char.isascii() and glyphs[0].char.isalnum():
        while end < len(glyphs) and glyphs[end].char.isascii() and (glyphs[end].char.isalnum()
                                                                      or glyphs[end].char in ".,%:-/"):
            end += 1
    while end < len(glyphs) and glyphs[end].char in _NO_START:
        end += 1
    return glyphs[end - 1].x1 - glyphs[0].x0
