"""Page furniture: what a PDF repeats on every page around the text, not part of the report.

Page numbers (- 5 -, — 5 —, 第5页 共6页, 5/6, a bare number at the foot) at the head or foot
of a page, and running heads and feet: a line in the top or bottom margin whose words
(digits aside) stand in the same place on other pages. A page number is looked for as deep
on a landscape page as on a portrait one (documents keep their margins in centimetres when a
page is turned); a running foot is compared by its distance from the bottom edge.
"""

from __future__ import annotations

import re

from lintlaw.io.readers.pdf.glyphs import TextLine

_DASHES = "-－—–‒―~～·•_"
_PAGE_NUMBER = re.compile(
    rf"[{_DASHES}]*\s*(?:[0-9]{{1,4}}|[一二三四五六七八九十百]{{1,4}})\s*[{_DASHES}]*"  # - 5 -, — 5 —
    r"|第\s*[0-9]{1,4}\s*页\s*[，,/]?\s*(?:共\s*[0-9]{1,4}\s*页)?"  # 第5页 共6页
    r"|共\s*[0-9]{1,4}\s*页\s*[，,]?\s*第\s*[0-9]{1,4}\s*页"  # 共6页 第5页
    r"|[0-9]{1,4}\s*/\s*[0-9]{1,4}"  # 5/6
    r"|(?:page|Page|PAGE)\s*[0-9]{1,4}(?:\s*(?:of|/)\s*[0-9]{1,4})?",
)
_BARE_NUMBER = re.compile(r"[0-9]{1,4}|[一二三四五六七八九十]{1,3}")
MARGIN = 0.12  # of the page's height (of its longer side for page numbers): how deep the margins are
_SAME_HEIGHT = 4.0  # points


def is_page_number(text: str, at_foot: bool) -> bool:
    """A page number as pages print them; a bare number only at the foot (at the head it
    could be a table's figure or a heading's)."""
    text = text.strip()
    if not _PAGE_NUMBER.fullmatch(text):
        return False
    return at_foot or not _BARE_NUMBER.fullmatch(text)


def furniture(pages: list[list[TextLine]], sizes: list[tuple[float, float]]) -> set[int]:
    """The ids of the lines (id(line)) that are page furniture, over all pages at once;
    `sizes` are the pages' (width, height)."""
    found: set[int] = set()
    margins: list[tuple[int, str, float]] = []  # (page, words, place) of lines in a margin
    for index, lines in enumerate(pages):
        if not lines:
            continue
        width, height = sizes[index]
        for position, line in enumerate(lines):
            text = line.text()
            first, last = position < 2, position >= len(lines) - 2  # of its page (a foot may follow)
            at_foot = last and _at_foot(line, height, MARGIN * max(width, height))
            if (at_foot or (first and _at_head(line, MARGIN * max(width, height)))) \
                    and is_page_number(text, at_foot):
                found.add(id(line))
                continue
            if (first and _at_head(line, MARGIN * height)) or (last and _at_foot(line, height, MARGIN * height)):
                margins.append((index, re.sub(r"[0-9]+", "#", text), _place(line, height)))
    repeated = _repeated(margins)
    for index, lines in enumerate(pages):
        height = sizes[index][1]
        for line in lines:
            if not (_at_head(line, MARGIN * height) or _at_foot(line, height, MARGIN * height)):
                continue
            words = re.sub(r"[0-9]+", "#", line.text())
            place = _place(line, height)
            if any(abs(place - other) <= _SAME_HEIGHT for other in repeated.get(words, ())):
                found.add(id(line))
    return found


def _place(line: TextLine, height: float) -> float:
    """Where a margin line stands: a head by its distance from the top of the page, a foot by
    its distance from the bottom (negative), so that feet of pages of other heights compare."""
    return line.top if _at_head(line, MARGIN * height) else line.bottom - height


def _at_head(line: TextLine, depth: float) -> bool:
    return line.bottom <= depth


def _at_foot(line: TextLine, height: float, depth: float) -> bool:
    return line.top >= height - depth


def _repeated(margins: list[tuple[int, str, float]]) -> dict[str, list[float]]:
    """The margin lines that stand, with the same words in the same place, on two or more
    pages: each with the places it stands at."""
    by_words: dict[str, list[tuple[int, float]]] = {}
    for page, words, place in margins:
        by_words.setdefault(words, []).append((page, place))
    repeated: dict[str, list[float]] = {}
    for words, places in by_words.items():
        for _page, place in places:
            pages = {p for p, other in places if abs(other - place) <= _SAME_HEIGHT}
            if len(pages) >= 2:
                repeated.setdefault(words, []).append(place)
    return repeated
