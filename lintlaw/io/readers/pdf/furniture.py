"""Page furniture: what a PDF repeats on every page around the text, not part of the report.

Page numbers (- 5 -, — 5 —, 第5页 共6页, 5/6, a bare number at the foot) at the head or foot
of a page, and running heads and feet: a line in the top or bottom margin whose words
(digits aside) stand at the same height on other pages.
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
MARGIN = 0.12  # of the page's height: where running heads and feet stand
_SAME_HEIGHT = 4.0  # points


def is_page_number(text: str, at_foot: bool) -> bool:
    """A page number as pages print them; a bare number only at the foot (at the head it
    could be a table's figure or a heading's)."""
    text = text.strip()
    if not _PAGE_NUMBER.fullmatch(text):
        return False
    return at_foot or not _BARE_NUMBER.fullmatch(text)


def furniture(pages: list[list[TextLine]], heights: list[float]) -> set[int]:
    """The ids of the lines (id(line)) that are page furniture, over all pages at once."""
    found: set[int] = set()
    margins: list[tuple[int, str, float]] = []  # (page, words, top) of lines in a margin
    for index, lines in enumerate(pages):
        if not lines:
            continue
        height = heights[index]
        for position, line in enumerate(lines):
            at_head = line.bottom <= MARGIN * height and position < 2
            at_foot = line.top >= (1 - MARGIN) * height and position >= len(lines) - 2
            if not (at_head or at_foot):
                continue
            text = line.text()
            edge = position in (0, len(lines) - 1)  # the first or last line of its page
            if edge and is_page_number(text, at_foot):
                found.add(id(line))
            else:
                margins.append((index, re.sub(r"[0-9]+", "#", text), line.top))
    repeated = _repeated(margins)
    for index, lines in enumerate(pages):
        for line in lines:
            words = re.sub(r"[0-9]+", "#", line.text())
            if any(abs(line.top - top) <= _SAME_HEIGHT for top in repeated.get(words, ())) \
                    and _in_margin(line, heights[index]):
                found.add(id(line))
    return found


def _in_margin(line: TextLine, height: float) -> bool:
    return line.bottom <= MARGIN * height or line.top >= (1 - MARGIN) * height


def _repeated(margins: list[tuple[int, str, float]]) -> dict[str, list[float]]:
    """The margin lines that stand, with the same words at the same height, on two or more
    pages: each with the heights it stands at."""
    by_words: dict[str, list[tuple[int, float]]] = {}
    for page, words, top in margins:
        by_words.setdefault(words, []).append((page, top))
    repeated: dict[str, list[float]] = {}
    for words, places in by_words.items():
        for _page, top in places:
            pages = {p for p, t in places if abs(t - top) <= _SAME_HEIGHT}
            if len(pages) >= 2:
                repeated.setdefault(words, []).append(top)
    return repeated
