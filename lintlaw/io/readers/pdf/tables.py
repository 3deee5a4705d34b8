"""Tables across pages: a part continued on the next page is joined to the one before it,
and each cell's glyphs become its text.

A page break cuts a table in one of two ways. Between rows: the next page starts with a
new row, and a merged label cell that was running down the left (三、本年度办理结果,
（四）无法提供) goes on as an empty cell, which is the same cell, or, where its text did not fit
above the break, as a cell holding the rest of its text (三、本年度 / 办理结果) from its top,
below a part the text fills to the break. Inside a row: the row's
label wraps onto the next page ("（四）无" / "法提供"), so the first row there holds the rest of
the label and no numbers; it is the same row. Parts are joined only when the second is the
first thing on its page, the first the last thing on its own, and their columns agree.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lintlaw.io.readers.pdf.glyphs import Glyph, TextLine, group_lines, line_text
from lintlaw.io.readers.pdf.ruling import SNAP, CellBox, TablePart

_NUMBER = re.compile(r"[-+]?[0-9][0-9,]*(?:\.[0-9]+)?%?")


@dataclass
class Table:
    parts: list[TablePart]
    cells: list[CellBox] = field(default_factory=list)  # grid positions over the whole table
    columns: list[float] = field(default_factory=list)  # column edges of all its parts

    @property
    def page(self) -> int:
        return self.parts[0].page


def same_columns(first: TablePart, second: TablePart) -> bool:
    """The second part goes on with the first: the same outer edges, and most column edges
    shared (a part may draw a column the other has no cell boundary at: sub-rows that begin
    after the page break)."""
    if abs(first.x0 - second.x0) > 2 * SNAP or abs(first.x1 - second.x1) > 2 * SNAP:
        return False
    shared = sum(any(abs(x - y) <= 2 * SNAP for y in first.columns) for x in second.columns)
    return shared >= 0.6 * max(len(first.columns), len(second.columns))


def join(items: list) -> list:
    """Reading order with tables joined: `items` are TextLines and TableParts, page after page;
    a part that opens its page right after a part that closed the page before, with the
    same columns, goes on with that part's table. Lines stay as they are."""
    out: list = []
    for index, item in enumerate(items):
        if not isinstance(item, TablePart):
            out.append(item)
            continue
        previous = items[index - 1] if index else None
        if (isinstance(previous, TablePart) and previous.page == item.page - 1 and out
                and isinstance(out[-1], Table) and same_columns(previous, item)):
            _append(out[-1], item)
        else:
            out.append(Table([item], list(item.cells), list(item.columns)))
    # A single row that goes on from no table is a line in a box, not a table: its text.
    return [line for item in out
            for line in ([item] if not _lone_row(item) else _as_lines(item.parts[0]))]


def _lone_row(item) -> bool:
    return isinstance(item, Table) and len(item.parts) == 1 and item.parts[0].rows < 2


def _as_lines(part: TablePart) -> list[TextLine]:
    return group_lines([glyph for cell in part.cells for glyph in cell.glyphs])


def _append(table: Table, part: TablePart) -> None:
    last = max(cell.last_row for cell in table.cells)
    # The columns of both parts together; every cell's columns counted again against them.
    table.columns = _edges([*table.columns, *part.columns])
    for cell in [*table.cells, *part.cells]:
        cell.col = _nearest(table.columns, cell.x0)
        cell.colspan = max(_nearest(table.columns, cell.x1) - cell.col, 1)
    # Header rows the page repeats (Word's 标题行重复, a spreadsheet's print titles) are not rows again.
    repeated = _repeated_rows(table, part)
    cells = [cell for cell in part.cells if cell.row >= repeated]
    for cell in cells:
        cell.row -= repeated
    top = [cell for cell in cells if cell.row == 0]
    # A first row with words but no numbers is the rest of the row the page break cut.
    split_row = (not repeated and any(_text(cell) for cell in top)
                 and not any(_is_number(_text(cell)) for cell in top))
    shift = last if split_row else last + 1
    for cell in cells:
        above = _covering(table.cells, last, cell.col, cell.colspan) if cell.row == 0 else None
        if above is not None and split_row:
            above.glyphs.extend(cell.glyphs)
            above.rowspan += cell.rowspan - 1
            continue
        if above is not None and not cell.glyphs and above.rowspan > 1 and _text(above) \
                and not _is_number(_text(above)):
            above.rowspan += cell.rowspan  # a merged label cell going on down the next page
            continue
        if above is not None and _runs_on(above, cell):
            above.glyphs.extend(cell.glyphs)
            above.rowspan += cell.rowspan
            continue
        cell.row += shift
        table.cells.append(cell)
    table.parts.append(part)


def _repeated_rows(table: Table, part: TablePart) -> int:
    """How many of the part's first rows repeat the table's first rows, cell for cell."""
    def row(cells, index):
        return sorted((c.col, c.colspan, _text(c).replace(" ", "")) for c in cells if c.row == index)

    count = 0
    while count < part.rows:
        mine = row(part.cells, count)
        if not any(text for _col, _span, text in mine) or mine != row(table.cells, count):
            break
        count += 1
    return count


def _edges(values: list[float]) -> list[float]:
    merged: list[float] = []
    for value in sorted(values):
        if not merged or value - merged[-1] > 2 * SNAP:
            merged.append(value)
    return merged


def _nearest(edges: list[float], value: float) -> int:
    return min(range(len(edges)), key=lambda i: abs(edges[i] - value))


def _covering(cells: list[CellBox], row: int, col: int, colspan: int) -> CellBox | None:
    """The cell of the table so far that ends on `row` with exactly these columns."""
    return next((c for c in cells if c.last_row == row and c.col == col and c.colspan == colspan), None)


def _runs_on(above: CellBox, cell: CellBox) -> bool:
    """Whether `cell`, first on its page, holds the rest of the merged label `above` (三、本年度 /
    办理结果): the label's text fills its cell down to the page break, and goes on at the top of
    the cell below it. A label that starts anew there has a cell above it that it does not fill."""
    if max(above.rowspan, cell.rowspan) < 2 or not cell.glyphs or _is_number(_text(above)):
        return False
    first_page = [g for g in above.glyphs if g.page == above.page]
    if not first_page:
        return False
    size = max(g.size for g in first_page)
    return (above.bottom - max(g.bottom for g in first_page) < 1.5 * size
            and min(g.top for g in cell.glyphs) - cell.top < 1.5 * size)


def _text(cell: CellBox) -> str:
    return "".join(char for char, _glyph in cell_text(cell))


def _is_number(text: str) -> bool:
    return bool(_NUMBER.fullmatch(text.replace(" ", "")))


def cell_lines(cell: CellBox) -> list[TextLine]:
    """A cell's lines in reading order; the parts of a cell cut by a page break page by page."""
    return [line for page in sorted({g.page for g in cell.glyphs})
            for line in group_lines([g for g in cell.glyphs if g.page == page])]


def cell_text(cell: CellBox) -> list[tuple[str, Glyph | None]]:
    """A cell's characters, its lines run together: a label wrapped in its cell, or written
    one character per line, is one label."""
    return joined(cell_lines(cell))


def joined(lines: list[TextLine]) -> list[tuple[str, Glyph | None]]:
    """Lines run together into one text, as a paragraph or a cell; two Latin words a wrap
    separated keep a space between them."""
    out: list[tuple[str, Glyph | None]] = []
    for line in lines:
        chars = line_text(line.glyphs)
        if out and _latin_letter(out[-1][0]) and _latin_letter(chars[0][0]):
            out.append((" ", None))
        out.extend(chars)
    return out


def _latin_letter(char: str) -> bool:
    return char.isascii() and char.isalpha()
