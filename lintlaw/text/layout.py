"""Where the text read out of a PDF stands on its pages.

The rules read the rebuilt text (paragraphs joined, page furniture gone); a person reads
the pages. For each character of the text this keeps its page, the line of that page it
stands on (counted from the top, furniture left out) and its box, so that a finding can
say 第3页第12行 and an annotated copy can highlight exactly its words.
"""

from __future__ import annotations

from array import array
from dataclasses import dataclass, field


@dataclass
class PageLayout:
    page: array = field(default_factory=lambda: array("H"))  # per character: 1-based page, 0 if none
    row: array = field(default_factory=lambda: array("H"))  # per character: 1-based line of its page
    boxes: array = field(default_factory=lambda: array("f"))  # per character: x0, top, x1, bottom
    sizes: list[tuple[float, float]] = field(default_factory=list)  # (width, height) of each page as shown
    rotations: list[int] = field(default_factory=list)  # each page's /Rotate, in degrees (0, 90, 180, 270)
    # Lines that are table cells (0-based line → page, x0, top, x1, bottom): a finding on a
    # cell, blank ones too, is shown on the cell.
    cells: dict[int, tuple[int, float, float, float, float]] = field(default_factory=dict)

    def add(self, page: int, row: int, box: tuple[float, float, float, float]) -> None:
        self.page.append(page)
        self.row.append(row)
        self.boxes.extend(box)

    def place(self, offset: int) -> tuple[int, int] | None:
        """(page, line of the page) of the character at `offset`; a character with no place
        of its own (a line break, a space the reading put in) takes the next one's, else the
        previous one's."""
        count = len(self.page)
        for index in (*range(offset, min(offset + 64, count)), *range(min(offset, count) - 1, -1, -1)):
            if self.page[index]:
                return self.page[index], self.row[index]
        return None

    def box(self, offset: int) -> tuple[int, tuple[float, float, float, float]] | None:
        """(page, box) of the character at `offset`, None where it has none."""
        if 0 <= offset < len(self.page) and self.page[offset]:
            return self.page[offset], tuple(self.boxes[4 * offset:4 * offset + 4])
        return None


def page_label(layout: PageLayout | None, offset: int) -> str | None:
    """第3页第12行 for a finding at `offset` in a PDF's text; None for other inputs."""
    if layout is None:
        return None
    place = layout.place(offset)
    return f"第{place[0]}页第{place[1]}行" if place else None
