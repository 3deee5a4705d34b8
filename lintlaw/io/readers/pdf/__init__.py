"""PDF: the text a reader of the pages sees, and the statistics tables from their ruling.

Each page's characters are split between the ruled tables that hold them and the running
text; page furniture (page numbers, running heads and feet) is dropped; lines are joined
into paragraphs as the layout shows them; a table cut by a page break is joined up again.
The Source's text is then one line per paragraph, title, heading or signature, and one
line per table cell (in reading order, a merged cell once), as for a Word document, with
the tables' grids recorded; its layout says where each character stands on the pages.

pdfplumber (and pdfminer under it) is imported only when a PDF is read.
"""

from __future__ import annotations

from pathlib import Path

from lintlaw.errors import InputError
from lintlaw.io.readers.pdf.glyphs import UNMAPPED, TextLine, group_lines, page_glyphs
from lintlaw.io.readers.pdf.opening import open_pdf, why_unreadable
from lintlaw.io.readers.pdf.paragraphs import measure, paragraphs, set_apart
from lintlaw.io.readers.pdf.ruling import TablePart, table_parts
from lintlaw.io.readers.pdf.tables import Table, cell_lines, join, joined
from lintlaw.text.grid import Grid, GridCell
from lintlaw.text.layout import PageLayout
from lintlaw.text.source import Origin, Source, read_bytes

MAX_RULES = 5000  # drawn objects on a page beyond which it is a drawing, not a table
# Why a page gives no text to read: what it is, and what to do (for a page that is "scan" or
# "unmapped").
_UNREADABLE = {
    "scan": ("没有文字层（可能是扫描件）", "需先做文字识别"),
    "unmapped": ("的文字无法提取（字体没有字符对照表）", "需先做文字识别"),
}


class _Page:
    def __init__(self, index: int, width: float, height: float):
        self.index, self.width, self.height = index, width, height  # in reading position
        self.shown = (width, height)  # the page as shown (turned back when its text runs sideways)
        self.rotation = 0  # its /Rotate
        self.lines: list[TextLine] = []
        self.parts: list[TablePart] = []
        self.images = 0
        self.unreadable: str | None = None  # a key of _UNREADABLE


def read(name: str, data: bytes | None, encoding: str | None) -> Source:
    """The reader's entry (lintlaw/io/readers/__init__.py); a PDF has no text encoding."""
    origin = None
    if data is None:
        data, status = read_bytes(Path(name))
        origin = Origin(data, status.st_size, status.st_mtime_ns, (status.st_dev, status.st_ino))
    pdf = open_pdf(name, data)
    try:
        pages = [_read_page_once(page, index) for index, page in enumerate(pdf.pages)]
    except InputError:
        raise
    except Exception as err:  # a page pdfminer cannot parse: the file is damaged
        raise InputError(f"{name}: {why_unreadable(err)}") from None
    finally:
        pdf.close()
    source = _assemble(name, pages)
    source.origin = origin
    return source


def _read_page_once(page, index: int) -> _Page:
    """The page read, then its characters and objects let go: memory stays flat with the pages."""
    try:
        return _read_page(page, index)
    finally:
        page.close()


def _read_page(page, index: int) -> _Page:
    glyphs, turn = page_glyphs(page, index)
    read = _Page(index, *turn.size)
    read.shown = (float(page.width), float(page.height))
    read.rotation = int(page.rotation or 0) % 360
    read.images = len(page.images)
    if 2 * sum(glyph.char == UNMAPPED for glyph in glyphs) > len(glyphs):
        read.unreadable = "unmapped"  # "(cid:12)": a font with no map from its glyphs to characters
        return read
    if not glyphs:
        return read
    rules = len(page.rects) + len(page.lines) + len(page.curves)
    read.parts = table_parts(page, index, turn) if rules <= MAX_RULES else []
    body = []
    for glyph in glyphs:
        # The innermost table holding it: a table drawn inside another's cell is a table of its own.
        part = min((p for p in read.parts if p.holds(glyph)), key=lambda p: (p.x1 - p.x0) * (p.bottom - p.top),
                   default=None)
        if part is None:
            body.append(glyph)
        else:
            part.take(glyph)
    read.lines = group_lines(body)
    return read


def _assemble(name: str, pages: list[_Page]) -> Source:
    from lintlaw.io.readers.pdf.furniture import furniture

    dropped = furniture([page.lines for page in pages], [(page.width, page.height) for page in pages])
    for page in pages:
        page.lines = [line for line in page.lines if id(line) not in dropped]
    # A page of images with nothing but a page number on it is a scan.
    for page in pages:
        if page.images and not (page.lines or page.parts or page.unreadable):
            page.unreadable = "scan"
    unreadable = {reason: [page.index + 1 for page in pages if page.unreadable == reason] for reason in _UNREADABLE}
    unreadable = {reason: numbers for reason, numbers in unreadable.items() if numbers}
    if not any(page.lines or page.parts for page in pages):
        if unreadable:
            raise InputError(f"{name}: " + "；".join(_unreadable(reason, numbers, checked=False)
                                                    for reason, numbers in unreadable.items()))
        raise InputError(f"{name}: PDF 中没有文字")
    items: list = []
    for page in pages:
        ordered = sorted([*page.lines, *page.parts], key=lambda item: item.top)
        items.extend(ordered)
    # Each page's text block, or, for a page with few lines, that of the pages of its size.
    blocks = {}
    for size in {(round(p.width), round(p.height)) for p in pages}:
        same = [p for p in pages if (round(p.width), round(p.height)) == size]
        common = measure([line for p in same for line in p.lines], same[0].width)
        blocks.update({p.index: measure(p.lines, p.width, common) for p in same})
    writer = _Writer(pages)
    run: list[TextLine] = []
    for item in [*join(items), None]:
        if isinstance(item, TextLine):
            run.append(item)
            continue
        for paragraph in paragraphs(run, blocks):
            index = writer.line(joined(paragraph))
            if set_apart(paragraph, blocks[paragraph[0].page]):
                writer.titles.add(index)
        run = []
        if isinstance(item, Table):
            writer.table(item)
    source = Source(path=name, text="\n".join(writer.lines) + "\n", encoding="pdf", editable=False,
                    grids=writer.grids, layout=writer.layout, set_apart=frozenset(writer.titles))
    source.warnings += [f"{name}: {_unreadable(reason, numbers, checked=True)}" for reason, numbers in unreadable.items()]
    return source


def _unreadable(reason: str, numbers: list[int], checked: bool) -> str:
    """第2、4页没有文字层（可能是扫描件），[未检查，]需先做文字识别: the pages and why, for the whole
    file refused or (`checked`) for the pages left out of a check."""
    what, todo = _UNREADABLE[reason]
    pages = "第" + "、".join(str(n) for n in numbers) + "页"
    return "，".join(part for part in (pages + what, "未检查" if checked else "", todo) if part)


class _Writer:
    """The Source's lines, grids and layout, written one line at a time."""

    def __init__(self, pages: list[_Page]):
        self.lines: list[str] = []
        self.grids: list[Grid] = []
        self.layout = PageLayout(sizes=[p.shown for p in pages], rotations=[p.rotation for p in pages])
        self.rows = _page_rows(pages)
        self.titles: set[int] = set()  # lines the layout sets apart as titles

    def line(self, chars, box=None) -> int:
        """Add one line of (character, glyph or None); its number (0-based)."""
        if self.lines:
            self._place_break()
        self.lines.append("".join(char for char, _glyph in chars))
        for _char, glyph in chars:
            if glyph is None:
                self.layout.add(0, 0, (0.0, 0.0, 0.0, 0.0))
            else:
                self.layout.add(glyph.page + 1, self.rows.get(id(glyph), 1), glyph.shown)
        if box is not None:
            self.layout.cells[len(self.lines) - 1] = box
        return len(self.lines) - 1

    def _place_break(self) -> None:
        self.layout.add(0, 0, (0.0, 0.0, 0.0, 0.0))

    def table(self, table: Table) -> None:
        cells = []
        for cell in sorted(table.cells, key=lambda c: (c.row, c.col)):
            index = self.line(joined(cell_lines(cell)), (cell.page + 1, *cell.shown))
            cells.append(GridCell(self.lines[index].strip(), index, cell.row, cell.col, cell.rowspan, cell.colspan))
        self.grids.append(Grid(cells))


def _page_rows(pages: list[_Page]) -> dict[int, int]:
    """The line of its page each glyph stands on (id(glyph) → 1-based), counting the rows of
    text from the top as a reader would, table rows included, furniture left out."""
    rows: dict[int, int] = {}
    for page in pages:
        lines = list(page.lines)
        for part in page.parts:
            for cell in part.cells:
                lines += group_lines([g for g in cell.glyphs if g.page == page.index])
        row, bottom = 0, None
        for line in sorted(lines, key=lambda line: line.top):
            if bottom is None or line.top >= bottom - 0.3 * line.size:
                row += 1
                bottom = line.bottom
            else:
                bottom = max(bottom, line.bottom)
            for glyph in line.glyphs:
                rows[id(glyph)] = row
    return rows
