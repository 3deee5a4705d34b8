"""Web pages saved from a government site: the article body, without the page around it.

The body is the element whose class or id names an article (content, article,
zoom, TRS_Editor…) holding the most Chinese text; failing that, <body> without
navigation, header, footer and scripts. The report title comes from the first
heading or the page title when it names a 报告. Each text line remembers the
HTML line it came from, so findings point at lines of the saved page.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

from lintlaw.text.chars import HAN
from lintlaw.text.source import Source, decode, read_file

_SKIP = {"script", "style", "noscript", "nav", "header", "footer", "iframe", "form", "select", "button"}
_BLOCK = {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td", "th", "table",
          "section", "article", "blockquote", "dd", "dt", "hr", "center"}
_CELLS = {"td", "th"}
_ROW_GROUPS = {"thead", "tbody", "tfoot"}
_MAX_SPAN = 1000  # as browsers clamp colspan
_MAX_SLOTS = 200_000  # grid slots of one table beyond which its grid is not recorded
_VOID = {"br", "hr", "img", "input", "meta", "link", "area", "base", "col", "embed", "source", "wbr"}
_ARTICLE = re.compile(r"content|article|zoom|trs_editor|detail|main[-_]?text|zw|正文|text", re.I)
_HAN = re.compile(f"[{HAN}]")


class _Node:
    __slots__ = ("tag", "attrs", "children", "line", "lines")

    def __init__(self, tag: str, attrs: dict, line: int):
        self.tag, self.attrs, self.children, self.line = tag, attrs, [], line
        self.lines = None  # for a table cell: the range of text lines its content became


class _Tree(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = _Node("root", {}, 1)
        self.stack = [self.root]

    def handle_starttag(self, tag, attrs):
        node = _Node(tag, dict(attrs), self.getpos()[0])
        self.stack[-1].children.append(node)
        if tag not in _VOID:
            self.stack.append(node)

    def handle_endtag(self, tag):
        for i in range(len(self.stack) - 1, 0, -1):
            if self.stack[i].tag == tag:
                del self.stack[i:]
                break

    def handle_data(self, data):
        if data:
            self.stack[-1].children.append((data, self.getpos()[0]))


def read(name: str, data: bytes | None, encoding: str | None) -> Source:
    """The reader's entry (lintlaw/io/readers/__init__.py): decode the page, then read it."""
    page = read_file(Path(name), encoding) if data is None else decode(data, name, encoding)
    return read_html(Path(name), page.text)


def read_html(path: Path, page: str) -> Source:
    """`page` is the decoded HTML (see lintlaw/text/source.py for the encoding detection)."""
    tree = _Tree()
    tree.feed(page)
    tree.close()
    body = _article(tree.root) or _first(tree.root, "body") or tree.root
    lines: list[tuple[str, int]] = []
    _emit(body, lines, [["", None]])
    lines = [(text.strip(), line) for text, line in lines]  # _flush keeps only lines with text
    title = _title(tree.root)
    shift = 0
    if title and not any("报告" in text for text, _ in lines[:3]):
        lines.insert(0, title)
        shift = 1
    text = "\n".join(t for t, _ in lines) + "\n"
    grids = [_grid(table, lines, shift) for table in _tables(body)]
    return Source(path=str(path), text=text, encoding="html", editable=False,
                  line_map=[line for _, line in lines] or None, grids=[g for g in grids if g.cells])


def _emit(node, lines: list, current: list) -> None:
    """Walk the tree, starting a new line at each block element."""
    for child in node.children:
        if isinstance(child, tuple):
            data, line = child
            if current[-1][1] is None:
                current[-1][1] = line
            current[-1][0] += re.sub(r"\s+", " ", data)
            continue
        if child.tag in _SKIP:
            continue
        if child.tag in _BLOCK:
            _flush(lines, current)
        first = len(lines)
        _emit(child, lines, current)
        if child.tag in _BLOCK:
            _flush(lines, current)
        if child.tag in _CELLS:
            child.lines = range(first, len(lines))
    if node.tag == "root":
        _flush(lines, current)


def _flush(lines: list, current: list) -> None:
    text, line = current[-1]
    if text.strip():
        lines.append((text, line))
    current[-1] = ["", None]


def _article(root):
    """The article-like element with the most Chinese text."""
    best, best_count = None, 0
    for node in _walk(root):
        names = " ".join(str(node.attrs.get(k, "")) for k in ("class", "id"))
        if node.tag in ("div", "article", "section", "td") and _ARTICLE.search(names):
            count = len(_HAN.findall(_plain(node)))
            if count > best_count:
                best, best_count = node, count
    return best if best_count >= 20 else None


def _title(root):
    for tag in ("h1", "h2", "title"):
        for node in _walk(root):
            if node.tag == tag:
                text = re.sub(r"\s+", "", _plain(node))
                text = re.split(r"[_|－-]{1,2}(?=[^_|－-]*$)", text)[0] if tag == "title" else text
                if "报告" in text:
                    return text, node.line
    return None


def _plain(node) -> str:
    parts = []
    for child in node.children:
        if isinstance(child, tuple):
            parts.append(child[0])
        elif child.tag not in _SKIP:
            parts.append(_plain(child))
    return "".join(parts)


def _walk(node):
    for child in node.children:
        if not isinstance(child, tuple):
            yield child
            yield from _walk(child)


def _first(root, tag: str):
    return next((node for node in _walk(root) if node.tag == tag), None)


def _tables(node):
    """The tables whose text was emitted (not those inside skipped elements), outer first."""
    for child in node.children:
        if isinstance(child, tuple) or child.tag in _SKIP:
            continue
        if child.tag == "table":
            yield child
        yield from _tables(child)


def _own(node, tags: set[str]):
    """Descendants with one of `tags`, not looking into a nested table."""
    for child in node.children:
        if isinstance(child, tuple) or child.tag in _SKIP:
            continue
        if child.tag in tags:
            yield child
        elif child.tag != "table":
            yield from _own(child, tags)


def _grid(table, lines: list, shift: int):
    """A table as drawn: each cell at its row and column once rowspan and colspan are laid
    out (the HTML table algorithm), with the text line its content starts on."""
    from lintlaw.text.grid import Grid, GridCell

    cells = []
    taken: set[tuple[int, int]] = set()  # grid slots covered by cells of earlier rows
    rows = list(_own(table, {"tr"}))
    for r, row in enumerate(rows):
        col = 0
        for cell in _own(row, _CELLS):
            while (r, col) in taken:
                col += 1
            rowspan = min(_span(cell.attrs.get("rowspan")), len(rows) - r)
            colspan = _span(cell.attrs.get("colspan"))
            if len(taken) + rowspan * colspan > _MAX_SLOTS:
                return Grid()  # not a table anyone reads as one; its text lines stay
            used = cell.lines or range(0)
            text = "".join(lines[i + shift][0] for i in used)
            cells.append(GridCell(text, used[0] + shift if used else -1, r, col, rowspan, colspan))
            taken.update((r + dr, col + dc) for dr in range(rowspan) for dc in range(colspan))
            col += colspan
    return Grid(cells)


def _span(value) -> int:
    try:
        number = int(str(value).strip())
    except ValueError:
        return 1
    return min(number, _MAX_SPAN) if number > 0 else 1
