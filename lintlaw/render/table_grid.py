"""`lintlaw tree --tables`: each statistics table as lintlaw read it, as a plain-text grid.

Rows and columns are the format's (rules/tables/), in its order; a cell the row does not
have is left empty, a blank cell shows as “（空）”. Columns are aligned by display width
(a Chinese character takes two cells), so the grid lines up in a terminal and in a file.
"""

from __future__ import annotations

from lintlaw.render.cells import text_width

BLANK = "（空）"
GAP = "  "


def where(source, lines: range) -> str:
    """第N行 or 第N–M行 for a table's lines (the page's own lines for a web page)."""
    first = source.position(source.line_starts[lines.start])[0]
    last = source.position(source.line_starts[max(lines.stop - 1, lines.start)])[0]
    return f"第{first}行" if first == last else f"第{first}–{last}行"


def describe(table, source) -> str:
    """One line on a table read: which table, of which format, read from what, where."""
    from lintlaw.analysis.table_reading import layouts

    layout = layouts()[table.key]
    return (f"{layout.name}（{layout.format}年格式）  {where(source, table.lines)} · "
            f"从{table.how}读出 {len(table.cells)} 格")


def grid_lines(table) -> list[str]:
    """The table's cells as aligned text lines: a header line, then one line per row."""
    from lintlaw.analysis.table_reading import layouts

    layout = layouts()[table.key]
    rows = [row for row in layout.rows if any((row.key, c.key) in table.cells for c in layout.columns)]
    columns = [c for c in layout.columns if any((row.key, c.key) in table.cells for row in rows)]
    matrix = [["", *(c.label for c in columns)]]
    for row in rows:
        cells = []
        for column in columns:
            cell = table.cells.get((row.key, column.key))
            cells.append("" if cell is None else (cell.raw or BLANK))
        matrix.append([layout.row_name(row.key), *cells])
    widths = [max(text_width(line[i]) for line in matrix) for i in range(len(matrix[0]))]
    out = []
    for line in matrix:
        # Row names to the left, numbers to the right of their column.
        parts = [line[0] + " " * (widths[0] - text_width(line[0]))]
        parts += [" " * (w - text_width(text)) + text for text, w in zip(line[1:], widths[1:])]
        out.append(GAP.join(parts).rstrip())
    return out
