"""A report a web copy flattened into one line: its paragraphs and headings read back out.

A capture that loses every line break leaves the whole report on one physical line: the
title glued to the opening, paragraphs joined by their indents (two wide spaces) or by
nothing, headings (一、 （一）) inline after a sentence's full stop. Such a line is cut here
into the paragraphs and headings it holds, each typed by the outline grammar as a line of its
own, so that the required parts and the numbering are still checked; the cuts are kept for
R008, which says the line breaks were lost (and offers to put them back).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from lintlaw.text.outline import HEADING, Line, parse_lines

MIN_LENGTH = 300  # a shorter line is one paragraph, however many marks it holds
MIN_SEPARATORS = 5  # paragraph indents inside one line that make it a flattened report
# A paragraph's indent inside the line: two or more wide or no-break spaces (or four ASCII ones).
_SEPARATOR = re.compile(r"[\u3000\u00a0\u2002\u2003]{2,}|[ ]{4,}")
# A heading marker right after a sentence's end: 。二、… ！（三）…
_INLINE_HEADING = re.compile(r"(?<=[。！？!?])[ \t]*(?=(?:[一二三四五六七八九十]{1,3}、|（[一二三四五六七八九十]{1,3}）)\S)")
# The first level-2 heading right after its level-1 heading's words: 一、主要举措和成效（一）加强…
# (not 第（一）项 of a citation).
_FIRST_SUBHEADING = re.compile(r"(?<=[\u4e00-\u9fff])(?<!第)(?=（一）[\u4e00-\u9fff])")
_LEVEL_ONE = re.compile(r"[一二三四五六七八九十]{1,3}、")
# A title glued to the opening: …情况报告2024年，… / …工作总结现将…
_GLUED_TITLE = re.compile(r"[^。，；！？,;!?\s]{6,60}?(?:报告|总结)(?=(?:19|20)[0-9]{2}\s*年|现将|今年|一年来|近年来|根据|按照)")


@dataclass(frozen=True)
class Flattened:
    """A physical line that held a whole report: where its paragraphs and headings begin."""

    lineno: int
    start: int  # the line's first character (after its indent)
    cuts: tuple[int, ...]  # offsets where a lost line break belongs


def unflatten(text: str, line_starts: list[int], lines: list[Line]) -> tuple[list[Line], list[Flattened]]:
    """The typed lines with every flattened line replaced by the lines it holds, and those lines."""
    longest = max(lines, key=lambda line: line.end - line.start, default=None)
    if longest is None or longest.end - longest.start < MIN_LENGTH:
        return lines, []
    # The line holds the report: most of its text, and every level-1 heading (a long paragraph
    # of a report laid out in lines is left alone, whatever marks it runs in).
    total = sum(line.end - line.start for line in lines)
    if any(line.type == HEADING and line.marker.level == 1 and line is not longest for line in lines):
        return lines, []
    out: list[Line] = []
    found: list[Flattened] = []
    for line in lines:
        long = line.end - line.start >= max(MIN_LENGTH, total // 2)
        cuts = _cuts(text, line) if long else []
        if not cuts:
            out.append(line)
            continue
        found.append(Flattened(line.lineno, line.start, tuple(cuts)))
        out.extend(_pieces(text, line, cuts))
    return out, found


def _cuts(text: str, line: Line) -> list[int]:
    """Where the paragraphs and headings of a flattened line start; [] for an ordinary line."""
    separators = [m.end() for m in _SEPARATOR.finditer(text, line.start, line.end) if m.start() > line.start]
    inline = [m.end() for m in _INLINE_HEADING.finditer(text, line.start, line.end)]
    levels = [m.group() for cut in [line.start, *separators, *inline] for m in [_LEVEL_ONE.match(text, cut)] if m]
    if not (_paragraphs(text, line, separators) or _in_order(levels)):
        return []
    first = [m.end() for m in _FIRST_SUBHEADING.finditer(text, line.start, line.end)]
    starts = sorted(set(separators + inline + first))
    title = _GLUED_TITLE.match(text, line.start, line.end)
    if title and (not starts or title.end() < starts[0]):
        starts.insert(0, title.end())
    return [cut for cut in starts if line.start < cut < line.end]


def _paragraphs(text: str, line: Line, separators: list[int]) -> bool:
    """Enough indents inside the line, and most of what they part is prose with a full stop (a
    table row whose cells a run of spaces parts is no report)."""
    if len(separators) < MIN_SEPARATORS:
        return False
    bounds = [line.start, *separators, line.end]
    prose = sum("。" in text[a:b] for a, b in zip(bounds, bounds[1:]))
    return prose * 2 >= len(bounds) - 1


def _in_order(markers: list[str]) -> bool:
    """Level-1 markers 一、 二、 in this order among the inline ones: a report's parts, not a list."""
    return "一、" in markers and "二、" in markers[markers.index("一、"):]


def _pieces(text: str, line: Line, cuts: list[int]) -> list[Line]:
    """The line's pieces, typed by the grammar as lines of their own (one parse for all: joined
    by a blank line, which no line type crosses), placed back at their offsets in the text."""
    bounds = [line.start, *cuts, line.end]
    spans = [(a, b) for a, b in zip(bounds, bounds[1:]) if text[a:b].strip()]
    joined_starts, parts, position = [], [], 0
    for a, b in spans:
        piece = text[a:b].rstrip()
        joined_starts += [position, position + len(piece) + 1]
        parts.append(piece)
        position += len(piece) + 2
    pieces = []
    for typed in parse_lines("\n\n".join(parts), joined_starts[:-1] if joined_starts else [0]):
        index = (typed.lineno - 1) // 2
        shift = spans[index][0] - joined_starts[2 * index]
        marker = typed.marker and replace(typed.marker, start=typed.marker.start + shift,
                                          end=typed.marker.end + shift)
        pieces.append(replace(typed, lineno=line.lineno, start=typed.start + shift, end=typed.end + shift,
                              marker=marker))
    return pieces
