"""Word documents: paragraphs and table cells in order, automatic numbering written out.

Line N of the resulting text is paragraph N of the document (table cells count
as paragraphs, in reading order), so a finding's line is a paragraph number.
Tracked changes are read as if accepted (inserted text is text, deleted and moved-away
text is not), except lintlaw's own in a copy it reviewed, read as if rejected
(lintlaw/io/readers/docx_marks.py): a reviewed copy reads as its original.
Numbers Word draws from numbering.xml (chineseCounting “%1、”, “（%1）”,
decimal “%1.”) are reconstructed, so the outline works on documents whose
heading numbers were never typed.
"""

from __future__ import annotations

from pathlib import Path

from lintlaw.errors import InputError
from lintlaw.reasons import docx_reason
from lintlaw.text.numerals import circled, int_to_chinese
from lintlaw.text.source import Origin, Source, read_bytes

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_CHINESE_FORMATS = {"chineseCounting", "chineseCountingThousand", "ideographTraditional",
                    "japaneseCounting", "chineseLegalSimplified", "ideographDigital"}


def read(name: str, data: bytes | None, encoding: str | None) -> Source:
    """The reader's entry (lintlaw/io/readers/__init__.py); a Word file has no text encoding.
    The bytes read are kept (Source.origin): a reviewed copy is made from them."""
    path = Path(name)
    origin = None
    if data is None:
        data, status = read_bytes(path)  # the usual message for a missing or unreadable file
        origin = Origin(data, status.st_size, status.st_mtime_ns, (status.st_dev, status.st_ino))
    source = read_docx(path, data)
    source.origin = origin or Origin(data)
    return source


def read_docx(path: Path, data: bytes | None = None) -> Source:
    """A Word document from its file, or from `data` (standard input) named `path`."""
    from lintlaw.io.readers.docx_format import read_format

    document = open_docx(path, data)
    tables: list[_TableWalk] = []
    paragraphs = paragraph_lines(document, tables)
    lines = [label + text for _p, label, text in paragraphs]
    source = Source(path=str(path), text="\n".join(lines) + "\n", encoding="docx", editable=False,
                    revisable=True, reader="docx", grids=[table.grid(lines) for table in tables])
    try:
        source.formatting = read_format(document, paragraphs)
    except Exception:  # odd formatting XML: the text is still checked, the layout is not
        source.warnings.append(f"{path}: 无法读取版式（版式数据有误或不受支持），未检查字体、字号和页面")
    return source


def open_docx(path: Path, data: bytes | None = None):
    """The python-docx Document of a file, or of `data` named `path`, with lintlaw's own pending
    changes rejected; InputError if it is not one."""
    try:
        import docx  # imported here: a plain-text check never loads python-docx and lxml
    except ImportError:  # a dependency, but an environment may have been built without it
        raise InputError(f"{path}: 读取 Word 文档需要 python-docx：pip install python-docx") from None
    try:
        if data is not None:
            import io

            document = docx.Document(io.BytesIO(data))
        else:
            document = docx.Document(str(path))
    except Exception as err:  # python-docx raises several kinds for a damaged or non-Word file
        raise InputError(f"{path}: 不是有效的 Word 文档：{docx_reason(err)}") from None
    from lintlaw.io.readers.docx_marks import reject_own_changes, signature_of

    reject_own_changes(document, signature_of(document))
    return document


def paragraph_lines(document, tables: list | None = None):
    """(paragraph element, automatic-numbering label, text) per line of the Source, in order.

    `tables`, when given, receives each table's cells with the lines they occupy."""
    numbering = _Numbering(document)
    return [(p, numbering.label(p), _text(p)) for p in _paragraphs(document, tables)]


def _paragraphs(document, tables: list | None = None):
    """Body paragraphs and table-cell paragraphs, in reading order (row by row, cell by
    cell; a table inside a cell where it stands); a merged cell once."""
    counter = [0]  # paragraphs yielded so far: the line of the next one
    for child in document.element.body.iterchildren():
        if child.tag == W + "p":
            counter[0] += 1
            yield child
        elif child.tag == W + "tbl":
            yield from _table_paragraphs(child, tables, counter)


_CONTAINERS = (W + "sdt", W + "sdtContent", W + "customXml", W + "smartTag")


def _own(node, tags: tuple[str, ...]):
    """The descendants of `node` with one of `tags`, through content controls and custom
    XML, but not into a nested table (whose rows and cells are its own)."""
    for child in node.iterchildren():
        if child.tag in tags:
            yield child
        elif child.tag in _CONTAINERS:
            yield from _own(child, tags)


def _table_paragraphs(tbl, tables: list | None, counter: list[int]):
    walk = _TableWalk()
    if tables is not None:
        tables.append(walk)
    for tr in _own(tbl, (W + "tr",)):
        walk.start_row(_int(tr.find(f"{W}trPr/{W}gridBefore"), 0))
        for tc in _own(tr, (W + "tc",)):
            props = tc.find(W + "tcPr")
            span = _int(props.find(W + "gridSpan") if props is not None else None, 1)
            merge = props.find(W + "vMerge") if props is not None else None
            continued = merge is not None and merge.get(W + "val", "continue") == "continue"
            lines = []
            for node in _own(tc, (W + "p", W + "tbl")):
                if node.tag == W + "p":
                    lines.append(counter[0])
                    counter[0] += 1
                    yield node
                else:
                    yield from _table_paragraphs(node, tables, counter)
            walk.add_cell(span, continued, lines)


class _TableWalk:
    """One Word table's cells as they are met: grid columns from w:gridSpan (and
    w:gridBefore), a vertically merged cell (w:vMerge) extended down its column."""

    def __init__(self):
        self.cells: list[dict] = []
        self.row = -1
        self.col = 0
        self.below: dict[int, dict] = {}  # column → the cell a continuation there extends

    def start_row(self, skipped: int) -> None:
        self.row += 1
        self.col = skipped

    def add_cell(self, span: int, continued: bool, lines: list[int]) -> None:
        above = self.below.get(self.col)
        if continued and above is not None and above["row"] + above["rowspan"] == self.row:
            above["rowspan"] += 1
        else:
            cell = {"row": self.row, "col": self.col, "rowspan": 1, "colspan": span, "lines": lines}
            self.cells.append(cell)
            self.below[self.col] = cell
        self.col += span

    def grid(self, texts: list[str]):
        """The table as a Grid; a cell's text is its paragraphs' text, its line the first
        one that has any."""
        from lintlaw.text.grid import Grid, GridCell

        cells = []
        for cell in self.cells:
            lines = cell["lines"]
            text = "".join(texts[i].strip() for i in lines)
            line = next((i for i in lines if texts[i].strip()), lines[0] if lines else -1)
            cells.append(GridCell(text, line, cell["row"], cell["col"], cell["rowspan"], cell["colspan"],
                                  tuple(lines)))
        return Grid(cells)


def text_nodes(p):
    """The nodes that make a paragraph's text, each with the text it stands for:
    w:t its characters, w:tab and w:br one space (the line is one line). Text a tracked
    move took away (w:moveFrom) is not there any more."""
    moved = next(p.iter(W + "moveFrom"), None) is not None
    for node in p.iter(W + "t", W + "tab", W + "br"):
        if moved and any(ancestor.tag == W + "moveFrom" for ancestor in node.iterancestors()):
            continue
        yield node, (node.text or "").replace("\n", " ") if node.tag == W + "t" else " "


def _text(p) -> str:
    return "".join(text for _node, text in text_nodes(p))


class _Numbering:
    """numbering.xml read once; counters kept per list (numId) as Word does."""

    def __init__(self, document):
        self.levels: dict[str, dict[int, tuple[int, str, str]]] = {}  # numId → ilvl → (start, fmt, text)
        self.counters: dict[str, list[int]] = {}
        self.style_numbering = {}
        try:
            part = document.part.numbering_part
        except (NotImplementedError, KeyError):
            part = None
        if part is not None:
            root = part.element
            abstract = {}
            for node in root.iter(W + "abstractNum"):
                levels = {}
                for lvl in node.iter(W + "lvl"):
                    start = _val(lvl.find(W + "start"), "1")
                    levels[int(_val(lvl, "0", W + "ilvl"))] = (
                        int(start) if start.isdigit() else 1,
                        _val(lvl.find(W + "numFmt"), "decimal"),
                        _val(lvl.find(W + "lvlText"), ""))
                abstract[_val(node, "", W + "abstractNumId")] = levels
            for num in root.iter(W + "num"):
                ref = num.find(W + "abstractNumId")
                self.levels[_val(num, "", W + "numId")] = abstract.get(_val(ref, ""), {})
        for style in document.styles:
            ppr = getattr(style.element, "pPr", None)
            numpr = ppr.find(W + "numPr") if ppr is not None else None
            if numpr is not None:
                self.style_numbering[style.style_id] = numpr

    def label(self, p) -> str:
        numpr = p.find(f"{W}pPr/{W}numPr")
        if numpr is None:
            style = p.find(f"{W}pPr/{W}pStyle")
            numpr = self.style_numbering.get(_val(style, "")) if style is not None else None
        if numpr is None:
            return ""
        num_id = _val(numpr.find(W + "numId"), "")
        level = int(_val(numpr.find(W + "ilvl"), "0") or 0)
        levels = self.levels.get(num_id)
        if not levels or level not in levels or num_id == "0":
            return ""
        counters = self.counters.setdefault(num_id, [0] * 9)
        start = levels[level][0]
        counters[level] = counters[level] + 1 if counters[level] else start
        for deeper in range(level + 1, 9):
            counters[deeper] = 0
        text = levels[level][2]
        for k in range(level + 1, 0, -1):  # %1 … %9, each in its own level's format
            if f"%{k}" in text and k - 1 in levels:
                value = counters[k - 1] or levels[k - 1][0]
                text = text.replace(f"%{k}", _format(value, levels[k - 1][1]))
        return text


def _format(value: int, fmt: str) -> str:
    if fmt in _CHINESE_FORMATS and 0 < value < 100:
        return int_to_chinese(value)
    if fmt.startswith("decimalEnclosedCircle"):
        return circled(value)
    return str(value)


def _int(node, default: int) -> int:
    """A w:val that is a count (w:gridSpan, w:gridBefore); anything else is `default`."""
    value = _val(node, "")
    return min(int(value), 1000) if value.isdigit() and int(value) > 0 else default


def _val(node, default: str, attribute: str = W + "val") -> str:
    if node is None:
        return default
    return node.get(attribute, default)
