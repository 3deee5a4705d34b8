"""Tables on one PDF page, found from their ruling: cells with their rows, columns and merges.

Only what a reader sees as a line rules a table: stroked lines, and filled rectangles thin
enough to be a border (WPS draws every cell border as one) in a colour that is not white.
White or tinted filled rectangles are backgrounds (WPS paints one behind every line of
text), not borders. A table cut by a page break has no border where it was cut: a border
is added where several vertical rules end with none across them, so the part still
reads as rows. A "table" of one column is a frame around text, not a table; one of a single
row is a table only where it goes on from the page before (lintlaw/io/readers/pdf/tables.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lintlaw.io.readers.pdf.glyphs import Glyph, Turn

THIN = 3.0  # points: a filled rectangle at most this thick is a drawn rule
SNAP = 3.0  # points: edges this close are one edge (pdfplumber's default tolerance)
MAX_EDGES_TO_CLOSE = 3000
_LIGHT = 0.85  # luminance above which a colour is paper, not ink


@dataclass
class CellBox:
    row: int
    col: int
    rowspan: int
    colspan: int
    x0: float
    top: float
    x1: float
    bottom: float
    page: int
    shown: tuple[float, float, float, float]  # where the page shows the cell
    glyphs: list[Glyph] = field(default_factory=list)

    @property
    def last_row(self) -> int:
        return self.row + self.rowspan - 1

    def holds(self, glyph: Glyph) -> bool:
        x, y = (glyph.x0 + glyph.x1) / 2, (glyph.top + glyph.bottom) / 2
        return self.x0 <= x <= self.x1 and self.top <= y <= self.bottom


@dataclass
class TablePart:
    """A table as drawn on one page."""

    page: int  # 0-based
    x0: float
    top: float
    x1: float
    bottom: float
    columns: list[float]  # the column edges, left to right
    rows: int
    cells: list[CellBox]

    def holds(self, glyph: Glyph) -> bool:
        x, y = (glyph.x0 + glyph.x1) / 2, (glyph.top + glyph.bottom) / 2
        return self.x0 - 1 <= x <= self.x1 + 1 and self.top - 1 <= y <= self.bottom + 1

    def take(self, glyph: Glyph) -> None:
        """Put a glyph inside the table into its cell (the nearest one when it sits on a rule)."""
        x, y = (glyph.x0 + glyph.x1) / 2, (glyph.top + glyph.bottom) / 2
        cell = next((c for c in self.cells if c.holds(glyph)), None)
        if cell is None:
            cell = min(self.cells, key=lambda c: _distance(c, x, y))
        cell.glyphs.append(glyph)


def _distance(cell: CellBox, x: float, y: float) -> float:
    dx = max(cell.x0 - x, 0, x - cell.x1)
    dy = max(cell.top - y, 0, y - cell.bottom)
    return dx * dx + dy * dy


def luminance(colour) -> float:
    """0 (black) … 1 (white) for a pdfminer colour: gray, RGB or CMYK; unknown is ink."""
    if colour is None:
        return 0.0
    if isinstance(colour, (int, float)):
        return float(colour)
    values = [float(v) for v in colour if isinstance(v, (int, float))]
    if len(values) == 1:
        return values[0]
    if len(values) == 3:
        return 0.3 * values[0] + 0.59 * values[1] + 0.11 * values[2]
    if len(values) == 4:
        cyan, magenta, yellow, black = values
        return (1 - black) * (1 - max(cyan, magenta, yellow))
    return 0.0


def is_rule(obj) -> bool:
    """Whether a drawn object is a visible rule of a table (chars and images always pass)."""
    kind = obj.get("object_type")
    if kind == "rect":
        if obj.get("stroke") and luminance(obj.get("stroking_color")) < _LIGHT:
            return True
        thin = min(obj["x1"] - obj["x0"], obj["bottom"] - obj["top"]) <= THIN
        return bool(thin and obj.get("fill") and luminance(obj.get("non_stroking_color")) < _LIGHT)
    if kind in ("line", "curve"):
        return luminance(obj.get("stroking_color")) < _LIGHT
    return True


def table_parts(page, index: int, turn: Turn) -> list[TablePart]:
    """The ruled tables of a pdfplumber page, each of at least two columns, in the reading
    position `turn` gives (a table on a page turned sideways has its rows across)."""
    ruled = page.filter(is_rule)
    edges = ruled.edges
    if not edges:
        return []
    # Closing a cut table compares every edge end with every edge: skipped on a page drawn
    # with so many rules (a chart, a map) that it would cost more than the page is worth.
    horizontal, vertical = _closing_edges(edges) if len(edges) <= MAX_EDGES_TO_CLOSE else ([], [])
    settings = {"vertical_strategy": "lines", "horizontal_strategy": "lines",
                "explicit_horizontal_lines": horizontal, "explicit_vertical_lines": vertical,
                "snap_tolerance": SNAP, "join_tolerance": SNAP, "intersection_tolerance": SNAP}
    parts = []
    for table in ruled.find_tables(settings):
        part = _part(table.cells, index, turn)
        if part is not None:
            parts.append(part)
    return parts


def _closing_edges(edges) -> tuple[list[dict], list[dict]]:
    """Rules to add where a table was cut open: across the ends of vertical rules that no
    horizontal rule meets (and down the ends of horizontal rules no vertical rule meets). The
    short sides of a rule drawn as a thin rectangle are no rules: they would meet every end."""
    h = [e for e in edges if e["orientation"] == "h" and e["x1"] - e["x0"] > THIN]
    v = [e for e in edges if e["orientation"] == "v" and e["bottom"] - e["top"] > THIN]
    across = _close(v, h, "x0", ("top", "bottom"))
    down = _close(h, v, "top", ("x0", "x1"))
    added_h = [_line(min(x for x in xs), y, max(x for x in xs), y) for y, xs in across]
    added_v = [_line(x, min(ys), x, max(ys)) for x, ys in down]
    return added_h, added_v


def _close(edges, crossing, position: str, ends: tuple[str, str]) -> list[tuple[float, list[float]]]:
    """For edges of one orientation, the points along them where several end unmet, each
    with the positions of every edge that ends there (the new rule spans them all)."""
    def met(at: float, where: float) -> bool:
        lo, hi = ("x0", "x1") if position == "x0" else ("top", "bottom")
        key = "top" if position == "x0" else "x0"
        return any(abs(c[key] - at) <= SNAP and c[lo] - SNAP <= where <= c[hi] + SNAP for c in crossing)

    open_ends: list[float] = []
    ending: list[tuple[float, float]] = []  # (end, position) of every edge end
    for edge in edges:
        for end in ends:
            at = edge[end]
            ending.append((at, edge[position]))
            if not met(at, edge[position]):
                open_ends.append(at)
    added = []
    for at in _clusters(open_ends):
        spanned = sorted(pos for end, pos in ending if abs(end - at) <= SNAP)
        if len(spanned) >= 2 and spanned[-1] - spanned[0] > SNAP:
            added.append((at, spanned))
    return added


def _clusters(values: list[float]) -> list[float]:
    """One representative (the first) of each run of values within SNAP of each other."""
    found: list[float] = []
    for value in sorted(values):
        if not found or value - found[-1] > SNAP:
            found.append(value)
    return found


def _line(x0: float, top: float, x1: float, bottom: float) -> dict:
    return {"object_type": "line", "x0": x0, "x1": x1, "top": top, "bottom": bottom,
            "width": x1 - x0, "height": bottom - top}


def _edges_of(values: list[float]) -> list[float]:
    """Cell borders clustered into the table's grid lines."""
    merged: list[float] = []
    for value in sorted(values):
        if merged and value - merged[-1] <= SNAP:
            continue
        merged.append(value)
    return merged


def _nearest(edges: list[float], value: float) -> int:
    return min(range(len(edges)), key=lambda i: abs(edges[i] - value))


def _part(shown_boxes, page: int, turn: Turn) -> TablePart | None:
    if not shown_boxes:
        return None
    boxes = [(turn.box(*shown), shown) for shown in shown_boxes]
    xs = _edges_of([b[0] for b, _ in boxes] + [b[2] for b, _ in boxes])
    ys = _edges_of([b[1] for b, _ in boxes] + [b[3] for b, _ in boxes])
    if len(xs) < 3 or len(ys) < 2:
        return None  # one column: a frame, not a table (one row may go on from the page before)
    cells = []
    for (x0, top, x1, bottom), shown in boxes:
        col, row = _nearest(xs, x0), _nearest(ys, top)
        colspan, rowspan = _nearest(xs, x1) - col, _nearest(ys, bottom) - row
        if colspan > 0 and rowspan > 0:
            cells.append(CellBox(row, col, rowspan, colspan, x0, top, x1, bottom, page, tuple(shown)))
    cells.sort(key=lambda c: (c.row, c.col))
    return TablePart(page, xs[0], ys[0], xs[-1], ys[-1], xs, len(ys) - 1, cells)
