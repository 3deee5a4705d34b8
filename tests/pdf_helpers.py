"""PDFs the tests draw themselves (reportlab), laid out as Word and WPS export reports.

Positions are in points from the top left of the page, as pdfplumber reports them: `top` is
where a line's glyph boxes begin. The body is 三号 (16 pt) in a block 28 characters wide, as
GB/T 9704 sets an official document; a paragraph wraps to the block's right edge, each full
line justified to end exactly there, the first line indented two characters.

STSong-Light is one of the CID fonts every PDF reader carries: reportlab embeds no font file
and pdfplumber extracts its characters correctly. A second font, for lines whose ToUnicode
map the tests rewrite (Kangxi radicals), is the TrueType WenQuanYi Micro Hei where installed.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

SONG = "STSong-Light"
pdfmetrics.registerFont(UnicodeCIDFont(SONG))
_DESCENT = 0.271  # STSong-Light's descent in ems: pdfminer's glyph box starts there below the baseline

WQY_PATH = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")
WQY = "WQYMicroHei"

BODY = 16.0  # 三号
LEADING = 28.9  # 22 lines to the page
LEFT = 79.0
WIDTH = 28 * BODY
RIGHT = LEFT + WIDTH
TOP = 105.0  # the first line of a page
BOTTOM = 750.0  # no line starts below this: the page breaks
PORTRAIT = A4
LANDSCAPE = landscape(A4)

# Marks a line may not start with: the wrap carries the character before them down with them.
_NO_START = set("，。、；：？！）》”’…%")


def wqy_font() -> str | None:
    """The TrueType font's name registered with reportlab, or None where it is not installed."""
    if not WQY_PATH.exists():
        return None
    if WQY not in pdfmetrics.getRegisteredFontNames():
        from reportlab.pdfbase.ttfonts import TTFont

        pdfmetrics.registerFont(TTFont(WQY, str(WQY_PATH), subfontIndex=0))
    return WQY


def width_of(text: str, size: float, font: str = SONG) -> float:
    return pdfmetrics.stringWidth(text, font, size)


_UNIT = re.compile(r"[A-Za-z0-9.%]+|.")  # a number or Latin word is never split over two lines


def wrap(text: str, width: float, size: float, font: str = SONG, indent: float = 0.0) -> list[str]:
    """`text` cut into lines no wider than `width` (the first `indent` narrower), a number or
    Latin word kept whole and no line starting with a closing mark (the character before it goes
    down with it); explicit line breaks kept."""
    lines: list[str] = []
    for part in text.split("\n"):
        current: list[str] = []
        for unit in _UNIT.findall(part):
            room = width - (indent if not lines else 0)
            if current and width_of("".join(current) + unit, size, font) > room + 0.01:
                carried = [current.pop()] if unit in _NO_START and len(current) > 1 else []
                lines.append("".join(current))
                current = carried
            current.append(unit)
        lines.append("".join(current))
    return lines


@dataclass(frozen=True)
class Cell:
    """A table cell at its grid position; `text` may hold explicit line breaks ("结果\\n维持")."""

    text: str
    row: int
    col: int
    rowspan: int = 1
    colspan: int = 1


def grid(rows: list[list[str]]) -> list[Cell]:
    """Cells of a table without merges, one list of texts per row."""
    return [Cell(text, r, c) for r, row in enumerate(rows) for c, text in enumerate(row)]


class Pdf:
    """A PDF drawn page by page; `top` is where the next line goes on the current page.

    `head` and `foot` are running heads and feet drawn on every page; `numbers` is the form of
    the page number at the foot ("- {n} -", "— {n} —", "第{n}页 共{total}页", "{n}/{total}", "{n}"),
    its place `number_align` (centre, or "outer": right on odd pages, left on even)."""

    def __init__(self, size=PORTRAIT, *, head: str | None = None, foot: str | None = None,
                 numbers: str | None = None, number_align: str = "centre", backgrounds: bool = False):
        self.buffer = io.BytesIO()
        self.canvas = canvas.Canvas(self.buffer, pagesize=size, pageCompression=0, invariant=1)
        self.size = size
        self.head, self.foot, self.numbers, self.number_align = head, foot, numbers, number_align
        self.backgrounds = backgrounds  # paint a white rectangle behind every line, as WPS does
        self.page_count = 1
        self.top = TOP
        self._totals: list[tuple[str, int, tuple[float, float]]] = []  # page numbers naming the total

    # -- pages --------------------------------------------------------------------------------

    @property
    def height(self) -> float:
        return self.size[1]

    @property
    def width(self) -> float:
        return self.size[0]

    def new_page(self, size=None, *, rotate: bool = False) -> None:
        """Close the page and start the next; `size` (as displayed) changes the page size from
        here on. With `rotate`, the page is stored turned a quarter (its MediaBox the other way
        round, /Rotate 90) and its content drawn turned back, as some printers store a landscape
        page: it is displayed, and drawn here, at `size` all the same."""
        self._finish_page()
        self.canvas.showPage()
        if size is not None:
            self.size = size
        self.canvas.setPageSize(self.size)
        self.canvas.setPageRotation(90 if rotate else 0)
        if rotate:  # reportlab stores the MediaBox swapped; the content is turned to match
            self.canvas.transform(0, 1, -1, 0, self.size[1], 0)
        self.page_count += 1
        self.top = TOP

    def _finish_page(self) -> None:
        """The page's furniture. A page number naming the total (第5页 共6页) is a form the page
        uses now and that is drawn at the end, when the total is known."""
        n = self.page_count
        if self.head:
            self.text(self.width / 2 - width_of(self.head, 10.5) / 2, 50, self.head, 10.5)
            self.canvas.setLineWidth(0.5)
            self.canvas.line(LEFT, self.height - 66, self.width - LEFT, self.height - 66)
        if self.foot:
            self.text(self.width / 2 - width_of(self.foot, 10.5) / 2, self.height - 55, self.foot, 10.5)
        if self.numbers:
            label = self.numbers.replace("{n}", str(n))
            if "{total}" in label:
                self._totals.append((label, n, self.size))
                self.canvas.doForm(f"total{n}")
            else:
                self._page_number(label, n)

    def _page_number(self, label: str, n: int) -> None:
        size = 14.0
        width = width_of(label, size)
        if self.number_align == "outer":
            x = self.width - LEFT - width if n % 2 else LEFT
        else:
            x = self.width / 2 - width / 2
        self.text(x, self.height - 80, label, size)

    # -- text ---------------------------------------------------------------------------------

    def text(self, x: float, top: float, text: str, size: float = BODY, font: str = SONG,
             space: float = 0.0) -> float:
        """One line of text whose glyph boxes start at `top`; `space` is added after every
        character (justification). Returns the x where the line ends."""
        baseline = self.height - top - (1 - _DESCENT) * size
        if self.backgrounds and text:
            end = x + width_of(text, size, font) + space * (len(text) - 1)
            self.canvas.setFillGray(1)
            self.canvas.rect(x, baseline - 0.3 * size, end - x, 1.3 * size, stroke=0, fill=1)
            self.canvas.setFillGray(0)
        writer = self.canvas.beginText(x, baseline)
        writer.setFont(font, size)
        writer.setCharSpace(space)
        writer.textOut(text)
        self.canvas.drawText(writer)
        return x + width_of(text, size, font) + space * max(len(text) - 1, 0)

    def line(self, text: str, *, indent: float = 2, size: float = BODY, font: str = SONG,
             gap: float = LEADING) -> None:
        """A line of its own (a heading, a signature) at the left edge plus `indent` characters."""
        self._room(gap)
        self.text(LEFT + indent * size, self.top, text, size, font)
        self.top += gap

    def right(self, text: str, *, size: float = BODY, margin: float = 4) -> None:
        """A line set flush right, `margin` characters in (the issuer, the date)."""
        self._room(LEADING)
        self.text(RIGHT - margin * size - width_of(text, size), self.top, text, size)
        self.top += LEADING

    def title(self, *lines: str, size: float = 22.0) -> None:
        """A title centred over the block, on as many lines as given."""
        for text in lines:
            self.text(LEFT + (WIDTH - width_of(text, size)) / 2, self.top, text, size)
            self.top += size * 1.6
        self.top += 0.5 * LEADING

    def paragraph(self, text: str, *, indent: float = 2, size: float = BODY, font: str = SONG,
                  left: float = LEFT, right: float = RIGHT, justify: bool = True) -> list[str]:
        """A paragraph wrapped to `right` with a first-line indent, each line but the last justified
        to end at `right` (unless not `justify`: then lines end where the wrap left them); it runs
        over onto the next page where the page is full. Returns its lines as drawn."""
        lines = wrap(text, right - left, size, font, indent * size)
        for index, line in enumerate(lines):
            self._room(LEADING)
            x = left + (indent * size if index == 0 else 0)
            natural = width_of(line, size, font)
            last = index == len(lines) - 1
            space = 0.0 if last or not justify or len(line) < 2 else (right - x - natural) / (len(line) - 1)
            self.text(x, self.top, line, size, font, space)
            self.top += LEADING
        return lines

    def _room(self, needed: float) -> None:
        if self.top + needed > BOTTOM + LEADING:
            self.new_page()

    # -- drawings -----------------------------------------------------------------------------

    def image(self, x: float, top: float, width: float, height: float) -> None:
        """A grey picture (a scanned page, a photograph): pixels, no text."""
        from PIL import Image
        from reportlab.lib.utils import ImageReader

        picture = Image.new("L", (60, 80), 200)
        for y in range(10, 70, 6):
            for x_ in range(8, 52):
                picture.putpixel((x_, y), 40)
        self.canvas.drawImage(ImageReader(picture), x, self.height - top - height, width, height)

    def rule(self, x0: float, top: float, x1: float, bottom: float, *, style: str = "lines",
             weight: float = 0.5) -> None:
        """A horizontal or vertical rule: a stroked line, or (WPS) a thin filled rectangle."""
        c = self.canvas
        if style == "lines":
            c.setLineWidth(weight)
            c.line(x0, self.height - top, x1, self.height - bottom)
        else:
            c.setFillGray(0)
            if top == bottom:
                c.rect(x0 - weight / 2, self.height - top - weight / 2, x1 - x0 + weight, weight, stroke=0, fill=1)
            else:
                c.rect(x0 - weight / 2, self.height - bottom - weight / 2, weight, bottom - top + weight,
                       stroke=0, fill=1)

    def table(self, cells: list[Cell], widths: list[float], *, left: float | None = None, size: float = 10.5,
              style: str = "lines", valign: str = "centre", cut_row: int | None = None, cut_lines: int = 0,
              open_cut: bool = False) -> None:
        """A ruled table at `top`: each cell's borders drawn (as lines, or as thin rectangles with
        `style="rects"`), its text wrapped to the cell, centred across it and set at the middle
        (or, `valign="top"`, the top) of its rows.

        A page break may cut the table: before row `cut_row`, or `cut_lines` lines of text into it
        (the row's cells go on at the top of the next page, as Word lets a row break across pages).
        What falls below the break is drawn on the next page; `open_cut` leaves out the rule at
        the break on both pages (as some exports do). As LibreOffice lays out a cell the break
        cuts, its text is set in its part on the first page, and what does not fit there goes on
        at the top of its part on the next."""
        left = LEFT if left is None else left
        xs = [left]
        for width in widths:
            xs.append(xs[-1] + width)
        rows = max(cell.row + cell.rowspan for cell in cells)
        pad, leading = 3.0, 1.3 * size
        laid = {cell: wrap(cell.text, xs[cell.col + cell.colspan] - xs[cell.col] - 2 * pad, size) for cell in cells}
        heights = [leading + 2 * pad] * rows
        for cell in sorted(cells, key=lambda c: c.rowspan):
            need = len(laid[cell]) * leading + 2 * pad
            have = sum(heights[cell.row:cell.row + cell.rowspan])
            if need > have:
                heights[cell.row + cell.rowspan - 1] += need - have
        ys = [0.0]
        for height in heights:
            ys.append(ys[-1] + height)
        cut = None if cut_row is None else ys[cut_row] + (pad + cut_lines * leading if cut_lines else 0)
        texts, segments = [], set()
        for cell in cells:
            x0, x1 = xs[cell.col], xs[cell.col + cell.colspan]
            y0, y1 = ys[cell.row], ys[cell.row + cell.rowspan]
            segments |= {(x0, y0, x1, y0), (x0, y1, x1, y1), (x0, y0, x0, y1), (x1, y0, x1, y1)}
            lines = laid[cell]
            bottom = cut if cut is not None and y0 < cut < y1 else y1  # as LibreOffice: the first page's part
            if valign == "top":
                first = y0 + pad
            else:
                first = max((y0 + bottom) / 2 - len(lines) * leading / 2, y0 + pad)
            first += (leading - size) / 2
            shift = 0.0
            for index, text in enumerate(lines):
                x = (x0 + x1) / 2 - width_of(text, size) / 2
                y = first + index * leading + shift
                if cut is not None and y < cut < y + size:  # the rest of the cell's text flows on
                    shift = cut + pad + (leading - size) / 2 - y
                    y += shift
                texts.append((x, y, text))
        if cut is not None:
            segments = _cut_segments(segments, cut, open_cut)
        top = self.top
        for part in (0, 1) if cut is not None else (0,):
            if part:
                self.new_page()
                top = self.top - cut
            for x, y, text in texts:
                if (cut is None or (y < cut) == (part == 0)) and text:
                    self.text(x, top + y, text, size)
            for x0, y0, x1, y1 in sorted(segments):
                if cut is None or (max(y0, y1) <= cut if part == 0 else min(y0, y1) >= cut):
                    self.rule(x0, top + y0, x1, top + y1, style=style)
        self.top = top + ys[-1] + LEADING

    # -- output -------------------------------------------------------------------------------

    def save(self, path: Path | None = None) -> bytes:
        """The PDF's bytes (written to `path` too when given)."""
        self._finish_page()
        for label, n, size in self._totals:
            self.canvas.beginForm(f"total{n}")
            self.size = size
            self._page_number(label.replace("{total}", str(self.page_count)), n)
            self.canvas.endForm()
        self.canvas.save()
        data = self.buffer.getvalue()
        if path is not None:
            Path(path).write_bytes(data)
        return data


def read_pdf(pdf: Pdf, tmp_path, name: str = "r.pdf"):
    """The Source lintlaw reads from the drawn PDF, saved under tmp_path."""
    from lintlaw.io.readers import read

    path = tmp_path / name
    pdf.save(path)
    return read(str(path))


def lines_of(source) -> list[str]:
    return source.text.splitlines()


def cells_of(grid_) -> list[tuple[int, int, int, int, str]]:
    """A table's cells as (row, column, rows spanned, columns spanned, text)."""
    return [(c.row, c.col, c.rowspan, c.colspan, c.text) for c in grid_.cells]


def map_to_unicode(data: bytes, mapping: dict[str, str]) -> bytes:
    """`data` with each character of `mapping` mapped, in the ToUnicode CMaps of the embedded
    TrueType subsets, to its value instead: the glyph drawn for 一 then extracts as ⼀ (U+2F00),
    as the fonts of some real exports do. The replacement keeps every stream's length."""
    out = data
    for char, code in mapping.items():
        old, new = f"<{ord(char):04X}>".encode(), f"<{ord(code):04X}>".encode()
        assert len(old) == len(new), "only characters of the Basic Multilingual Plane"
        out = re.sub(rb"(<[0-9A-F]{2}> )" + re.escape(old), lambda m: m.group(1) + new, out)
    return out


# ---------------------------------------------------------------------------
# The 政府信息公开工作年度报告 of tests/table_helpers.py, drawn as a PDF


def active_cells(blocks: list | None = None) -> tuple[list[Cell], list[float]]:
    """Table 二 as the format draws it: four blocks (table_helpers.ACTIVE's unless given), a
    heading row across each."""
    from tests.table_helpers import ACTIVE

    cells, r = [], 0
    for heading, columns, block_rows in blocks or ACTIVE:
        cells.append(Cell(heading, r, 0, colspan=4))
        wide = 3 if len(columns) == 1 else 1
        cells += [Cell("信息内容", r + 1, 0), *(Cell(c, r + 1, 1 + i, colspan=wide) for i, c in enumerate(columns))]
        r += 2
        for label, numbers in block_rows:
            cells += [Cell(label, r, 0), *(Cell(n, r, 1 + i, colspan=wide) for i, n in enumerate(numbers))]
            r += 1
    return cells, [130.0, 104.0, 104.0, 104.0]


def requests_cells(numbers: dict[str, str] | None = None, *, vertical: bool = True) -> tuple[list[Cell], list[float]]:
    """Table 三: the label area three columns wide (三、本年度办理结果 in a narrow column, one
    character per line when `vertical`), seven number columns; `numbers` replaces a row's
    numbers by key ("_" for a blank cell)."""
    from tests.table_helpers import GROUP_SPANS, NOTE, REQUESTS, RESULT_ROWS

    numbers = numbers or {}
    cells = [Cell(NOTE, 0, 0, rowspan=3, colspan=3), Cell("申请人情况", 0, 3, colspan=7),
             Cell("自然人", 1, 3, rowspan=2), Cell("法人或其他组织", 1, 4, colspan=5), Cell("总计", 1, 9, rowspan=2)]
    cells += [Cell(label, 2, c) for c, label in enumerate(["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"], 4)]
    for index, (group, label, key, row_numbers) in enumerate(REQUESTS):
        r = 3 + index
        if index not in RESULT_ROWS:
            cells.append(Cell(label, r, 0, colspan=3))
        else:
            if group:
                column = 0 if group == "三、本年度办理结果" else 1
                cells.append(Cell(group, r, column, rowspan=GROUP_SPANS[group]))
            wide = label in ("（一）予以公开", "（七）总计") or label.startswith("（二）")
            cells.append(Cell(label, r, 1 if wide else 2, colspan=2 if wide else 1))
        for c, number in enumerate(numbers.get(key, row_numbers).split(), start=3):
            cells.append(Cell("" if number == "_" else number, r, c))
    first = 12.5 if vertical else 40.0
    return cells, [first + 8, 52.0, 124.0, 36.0, 36.0, 36.0, 36.0, 36.0, 36.0, 36.0]


def review_cells(numbers: str | None = None) -> tuple[list[Cell], list[float]]:
    """Table 四: 行政复议 and the two 行政诉讼 groups, their result labels split over two lines."""
    from tests.table_helpers import REVIEW, RESULTS

    results = [f"{label[:2]}\n{label[2:]}" if len(label) == 4 else label for label in RESULTS]
    cells = [Cell("行政复议", 0, 0, colspan=5), Cell("行政诉讼", 0, 5, colspan=10)]
    cells += [Cell(label, 1, c, rowspan=2) for c, label in enumerate(results)]
    cells += [Cell("未经复议直接起诉", 1, 5, colspan=5), Cell("复议后起诉", 1, 10, colspan=5)]
    cells += [Cell(label, 2, c) for c, label in enumerate(results * 2, start=5)]
    cells += [Cell(n, 3, c) for c, n in enumerate((numbers or REVIEW).split())]
    return cells, [29.5] * 15


def xxgk_report(*, numbers: dict[str, str] | None = None, review: str | None = None,
                overview: list[str] | None = None, style: str = "lines", backgrounds: bool = False,
                page_numbers: str | None = "- {n} -", valign: str = "centre", cut_row: int | None = None) -> Pdf:
    """The report of tests/table_helpers.py as a PDF: its paragraphs wrapped, its three tables
    ruled (as lines, or as thin rectangles with `style="rects"`), each table on a page of its
    own; a page break before row `cut_row` of the 申请 table (its rows from 3 on are
    REQUESTS's), its cells' text set at the middle or the top (`valign`)."""
    from tests.table_helpers import CLOSING, INTRO, OVERVIEW, TITLE

    pdf = Pdf(numbers=page_numbers, backgrounds=backgrounds)
    pdf.title(TITLE[:16], TITLE[16:])
    pdf.paragraph(INTRO)
    _body(pdf, overview or OVERVIEW)
    pdf.line("二、主动公开政府信息情况")
    cells, widths = active_cells()
    pdf.table(cells, widths, style=style)
    pdf.new_page()
    pdf.line("三、收到和处理政府信息公开申请情况")
    cells, widths = requests_cells(numbers)
    pdf.table(cells, widths, size=9, style=style, valign=valign, cut_row=cut_row)
    pdf.new_page()
    pdf.line("四、政府信息公开行政复议、行政诉讼情况")
    cells, widths = review_cells(review)
    pdf.table(cells, widths, size=9, style=style)
    _body(pdf, CLOSING)
    return pdf


def _body(pdf: Pdf, lines: list[str]) -> None:
    """Headings (一、 （一）) as lines of their own, the rest as paragraphs."""
    for text in lines:
        if re.match(r"[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）", text) and len(text) < 28:
            pdf.line(text)
        else:
            pdf.paragraph(text)


def _cut_segments(segments: set, cut: float, open_cut: bool) -> set:
    """Rules of a table a page break cuts at `cut`: vertical ones split there; along the break
    one rule across the table, drawn on both pages (or, `open_cut`, none)."""
    out = set()
    for x0, y0, x1, y1 in segments:
        if x0 == x1 and y0 < cut < y1:
            out |= {(x0, y0, x1, cut), (x0, cut, x1, y1)}
        elif not y0 == y1 == cut:
            out.add((x0, y0, x1, y1))
    if not open_cut:
        edges = sorted({x0 for x0, _y0, x1, _y1 in segments if x0 == x1})
        out.add((edges[0], cut, edges[-1], cut))
    return out


def raw_pdf(objects: list[bytes]) -> bytes:
    """A PDF of the given object bodies (object 1 the catalog), numbered from 1, with its
    cross-reference table: for files no writer would make."""
    out = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return out


def stream(data: bytes, entries: bytes = b"") -> bytes:
    """A stream object's body: `data` compressed (FlateDecode), with more dictionary `entries`."""
    import zlib

    packed = zlib.compress(data, 9)
    return b"<< /Length %d /Filter /FlateDecode %s>>\nstream\n" % (len(packed), entries) + packed + b"\nendstream"
