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
_VOID = {"br", "hr", "img", "input", "meta", "link", "area", "base", "col", "embed", "source", "wbr"}
_ARTICLE = re.compile(r"content|article|zoom|trs_editor|detail|main[-_]?text|zw|正文|text", re.I)
_HAN = re.compile(f"[{HAN}]")


class _Node:
    __slots__ = ("tag", "attrs", "children", "line")

    def __init__(self, tag: str, attrs: dict, line: int):
        self.tag, self.attrs, self.children, self.line = tag, attrs, [], line


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
    lines = [(text.strip(), line) for text, line in lines if text.strip()]
    title = _title(tree.root)
    if title and not any("报告" in text for text, _ in lines[:3]):
        lines.insert(0, title)
    text = "\n".join(t for t, _ in lines) + "\n"
    return Source(path=str(path), text=text, encoding="html", editable=False,
                  line_map=[line for _, line in lines] or None)


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
        _emit(child, lines, current)
        if child.tag in _BLOCK:
            _flush(lines, current)
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
