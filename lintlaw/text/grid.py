"""A table as the document drew it: cells at grid positions, merged cells once.

Word and HTML readers flatten each table into lines (one cell per line, in
reading order, a merged cell once) so that every rule still sees text; they
also record the grid here so that table analysis (lintlaw/analysis/tables.py)
does not have to guess rows and columns. Plain-text captures carry no grid:
their tables are recovered from the known labels of the format instead.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace


@dataclass(frozen=True)
class GridCell:
    text: str
    line: int  # 0-based index of the Source line that holds the cell's text, -1 if it has none
    row: int  # top-left position in the grid once merged cells are expanded
    col: int
    rowspan: int = 1
    colspan: int = 1
    # Every Source line the cell's text comes from (a Word cell's paragraphs), when the reader
    # records them: a fix that keeps the lines reads the cell again from them.
    lines: tuple[int, ...] = field(default=(), compare=False)


@dataclass
class Grid:
    cells: list[GridCell] = field(default_factory=list)

    @property
    def lines(self) -> range:
        """The Source lines the table's cells occupy."""
        used = [cell.line for cell in self.cells if cell.line >= 0]
        return range(min(used), max(used) + 1) if used else range(0)

    def read_again(self, lines: list[str]) -> Grid:
        """The table over the same lines with other text (fixed, lines neither joined nor split)."""
        return Grid([replace(cell, text="".join(lines[i].strip() for i in cell.lines)) if cell.lines else cell
                     for cell in self.cells])
