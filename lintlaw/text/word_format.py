"""How a Word document is set: each paragraph's runs (their East Asian font and size), its
alignment and line pitch, and each section's page and page numbers.

The docx reader (lintlaw/io/readers/docx_format.py) fills it in as Word resolves formatting;
the layout rules (GB/T 9704, lintlaw/analysis/word_layout.py) read it. Plain data, so that
nothing here needs python-docx. A rule file's examples write the same data in a short
notation (`parse_example`), one paragraph a line:

    ⟦方正小标宋简体 二号 居中⟧甲县2024年法治政府建设年度报告
    ⟦黑体 三号⟧一、主要举措和成效
    ⟦宋体 三号⟧2024年，我县坚持依法行政。⟦仿宋_GB2312⟧全年办理……
    ⟦页面 上37 下35 左28 右26⟧
    ⟦页码 四号⟧— 1 —

A ⟦…⟧ at the start of a line sets the paragraph: a font name, a size (三号, 16磅), an
alignment (居中, 居左, 居右, 两端对齐), 行距28磅 (an exact line spacing), 表格 (a table
cell); one inside a line starts a run with another font or size. The ⟦页面…⟧ line (margins
and paper in millimetres: 上 下 左 右 纸210×297; 字距15.8磅 for a character grid; 共5页) and
⟦页码…⟧ lines (the footer's page number, its digits standing for the field) come last and
are not paragraphs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# Chinese size names and their points, largest first (Word's and WPS's size list).
SIZE_NAMES = (("初号", 42.0), ("小初", 36.0), ("一号", 26.0), ("小一", 24.0), ("二号", 22.0),
              ("小二", 18.0), ("三号", 16.0), ("小三", 15.0), ("四号", 14.0), ("小四", 12.0),
              ("五号", 10.5), ("小五", 9.0), ("六号", 7.5), ("小六", 6.5), ("七号", 5.5), ("八号", 5.0))
_POINTS_BY_NAME = dict(SIZE_NAMES)
_NAME_BY_HALF_POINTS = {round(points * 2): name for name, points in SIZE_NAMES}
MM_PER_POINT = 25.4 / 72


@dataclass(frozen=True)
class Run:
    """A stretch of a paragraph's text set in one font and size."""

    start: int  # column in its Source line (0-based; Word's numbering label counts)
    end: int
    font: str | None  # the East Asian font in effect (what Chinese characters show in); None: unknown
    half_points: int | None  # the size (w:sz), in half-points; None: unknown


@dataclass(frozen=True)
class Paragraph:
    runs: tuple[Run, ...] = ()
    alignment: str = "left"  # left, center, right, both (justified), distribute
    line_pitch: float | None = None  # points from one line to the next, where the document fixes it
    in_table: bool = False
    section: int = 0  # index into WordFormat.sections


@dataclass(frozen=True)
class PageNumber:
    """A page number field in a footer, with the footer text around it ("— ", " —")."""

    before: str
    after: str
    half_points: int | None  # the size of the number
    first: str = "1"  # how the field shows page 1 in its format: "1", "- 1 -" (numberInDash), "１", "一"


@dataclass(frozen=True)
class Section:
    """A section's page, in millimetres (`left` includes the gutter)."""

    width: float = 210.0
    height: float = 297.0
    top: float = 37.0
    bottom: float = 35.0
    left: float = 28.0
    right: float = 26.0
    char_pitch: float | None = None  # points per character of a character grid; None without one
    page_numbers: tuple[PageNumber, ...] = ()  # in its footers and headers
    measured: bool = True  # False: the document does not say its page size and margins

    @property
    def portrait(self) -> bool:
        return self.width < self.height


@dataclass
class WordFormat:
    paragraphs: list[Paragraph]  # one per line of the Source read from the document
    sections: list[Section] = field(default_factory=lambda: [Section()])
    pages: int | None = None  # pages when last saved (docProps/app.xml), if recorded


def size_name(half_points: int) -> str:
    """三号（16磅）, or 15.5磅 for a size with no Chinese name."""
    points = f"{half_points / 2:g}磅"
    name = _NAME_BY_HALF_POINTS.get(half_points)
    return f"{name}（{points}）" if name else points


def points_of(size: str) -> float | None:
    """The points of a size as written: 三号, 16磅, 16; None if it is none of these."""
    if size in _POINTS_BY_NAME:
        return _POINTS_BY_NAME[size]
    match = re.fullmatch(r"([0-9]+(?:\.[0-9]+)?)(?:磅|pt)?", size)
    return float(match.group(1)) if match else None


# --- the notation of rule examples ---

_SPEC = re.compile(r"⟦([^⟦⟧]*)⟧")
_ALIGNMENTS = {"居中": "center", "居左": "left", "居右": "right", "两端对齐": "both", "分散对齐": "distribute"}
_PAGE_KEYS = {"上": "top", "下": "bottom", "左": "left", "右": "right"}
_NUMBER = r"([0-9]+(?:\.[0-9]+)?)"


def parse_example(example: str) -> tuple[str, WordFormat]:
    """The text and the formatting an example in the notation above describes.

    ValueError for a token it does not know or a paragraph after the page lines."""
    paragraphs: list[Paragraph] = []
    lines: list[str] = []
    page: dict = {}
    numbers: list[PageNumber] = []
    pages = None
    for raw in example.removesuffix("\n").split("\n"):
        head = _SPEC.match(raw)
        tokens = head.group(1).split() if head else []
        if tokens and tokens[0] == "页面":
            pages = _page(tokens[1:], page) or pages
            continue
        if tokens and tokens[0] == "页码":
            numbers.append(_page_number(tokens[1:], raw[head.end():]))
            continue
        if page or numbers:
            raise ValueError(f"⟦页面⟧和⟦页码⟧只能写在最后：{raw}")
        text, paragraph = _paragraph(raw)
        lines.append(text)
        paragraphs.append(paragraph)
    section = Section(**page, page_numbers=tuple(numbers))
    return "\n".join(lines), WordFormat(paragraphs, [section], pages)


def _paragraph(raw: str) -> tuple[str, Paragraph]:
    settings: dict = {}
    runs: list[Run] = []
    text = ""
    font = size = None
    position = 0
    for match in _SPEC.finditer(raw):
        piece = raw[position:match.start()]
        if piece:
            runs.append(Run(len(text), len(text) + len(piece), font, size))
            text += piece
        for token in match.group(1).split():
            if match.start() == 0 and token in _ALIGNMENTS:
                settings["alignment"] = _ALIGNMENTS[token]
            elif match.start() == 0 and token == "表格":
                settings["in_table"] = True
            elif match.start() == 0 and re.fullmatch(f"行距{_NUMBER}磅", token):
                settings["line_pitch"] = float(token[2:-1])
            elif points_of(token) is not None:
                size = round(points_of(token) * 2)
            else:
                font = token
        position = match.end()
    piece = raw[position:]
    if piece:
        runs.append(Run(len(text), len(text) + len(piece), font, size))
        text += piece
    return text, Paragraph(runs=tuple(runs), **settings)


def _page(tokens: list[str], page: dict) -> int | None:
    pages = None
    for token in tokens:
        paper = re.fullmatch(f"纸{_NUMBER}×{_NUMBER}", token)
        margin = re.fullmatch(f"([上下左右]){_NUMBER}", token)
        if paper:
            page["width"], page["height"] = float(paper.group(1)), float(paper.group(2))
        elif margin:
            page[_PAGE_KEYS[margin.group(1)]] = float(margin.group(2))
        elif re.fullmatch(f"字距{_NUMBER}磅", token):
            page["char_pitch"] = float(token[2:-1])
        elif re.fullmatch("共[0-9]+页", token):
            pages = int(token[1:-1])
        else:
            raise ValueError(f"⟦页面⟧中不认识的设置：{token}")
    return pages


def _page_number(tokens: list[str], text: str) -> PageNumber:
    digits = re.search("[0-9]+", text)
    if digits is None:
        raise ValueError(f"⟦页码⟧后应写出页码，如“— 1 —”：{text}")
    sizes = [points_of(token) for token in tokens]
    if None in sizes:
        raise ValueError(f"⟦页码⟧中不认识的设置：{' '.join(tokens)}")
    return PageNumber(text[:digits.start()], text[digits.end():], round(sizes[-1] * 2) if sizes else None)
