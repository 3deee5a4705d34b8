"""Typing the lines of a report with the Lark grammar in grammar/outline.lark."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace
from functools import cache, lru_cache

from lintlaw.text.numerals import (
    arabic_to_int,
    chinese_to_int,
    circled_to_int,
    int_to_chinese,
)


class LineType:
    """What a line is: the type the grammar (or page.py, for TOC and some chrome) gives it."""

    HEADING = "heading"
    DAMAGED = "damaged_heading"
    TITLE = "title"
    DATE = "date_line"
    CHROME = "chrome"
    TEXT = "text"
    TOC = "contents"  # a table-of-contents entry (set by page.py, not the grammar)
    LETTER = "cover_letter"  # a line of a cover letter sent with the report (set by page.py)


HEADING, DAMAGED, TITLE, DATE = LineType.HEADING, LineType.DAMAGED, LineType.TITLE, LineType.DATE
CHROME, TEXT, TOC, LETTER = LineType.CHROME, LineType.TEXT, LineType.TOC, LineType.LETTER

# A line token's trailing whitespace, line break and following blank lines.
_TRAILING = " \t\u00a0\u2002\u2003\u3000\r\n"

STANDARD_FORMS = {1: "{n}、", 2: "（{n}）", 3: "{n}.", 4: "（{n}）"}


@dataclass(frozen=True)
class Marker:
    """A heading marker such as 一、 （一） 1. （1） ①."""

    level: int
    number: int | None  # None when the marker is damaged
    raw: str
    start: int
    end: int
    punctuation_ok: bool = True

    @property
    def standard(self) -> str:
        return standard_marker(self.level, self.number) if self.number else self.raw


def standard_marker(level: int, number: int) -> str:
    shown = int_to_chinese(number) if level <= 2 else str(number)
    return STANDARD_FORMS[level].format(n=shown)


@dataclass(frozen=True)
class Line:
    """One non-blank physical line, typed by the grammar."""

    type: str  # a LineType
    lineno: int
    start: int  # offset of the first character after any indent
    end: int  # offset just past the last character, before the line break
    text: str  # the line without indent and line break
    marker: Marker | None = None

    @property
    def body(self) -> str:
        """The text after the marker (the whole text for non-headings)."""
        if self.marker is None:
            return self.text
        return self.text[self.marker.end - self.start:].lstrip()


def _parse_marker(terminal: str, raw: str, start: int) -> Marker:
    end = start + len(raw)
    if terminal == "H1":
        core = raw.rstrip("、.．，,")
        return Marker(1, chinese_to_int(core), raw, start, end, raw.endswith("、"))
    if terminal == "H2":
        core = raw.strip("（()）、.．")
        # Half-width brackets, (一), are a punctuation fault of the marker (S107), like （一）、.
        return Marker(2, chinese_to_int(core), raw, start, end, raw[0] == "（" and raw[-1] == "）")
    if terminal == "H3":
        return Marker(3, arabic_to_int(raw[:-1]), raw, start, end, raw[-1] in ".．")
    if raw[0] in "（(":
        return Marker(4, arabic_to_int(raw[1:-1]), raw, start, end, raw[0] == "（" and raw[-1] == "）")
    return Marker(4, circled_to_int(raw), raw, start, end)


class _LineBuilder:
    """Turns each typed-line subtree of the parse into a Line (blank lines have none)."""

    def __init__(self, text: str, line_starts: list[int]):
        self.source_text = text
        self.line_starts = line_starts

    def _line(self, line_type: str, first, last, marker: Marker | None = None) -> Line:
        start = first.start_pos
        end = last.start_pos + len(last.value.rstrip(_TRAILING))
        lineno = bisect.bisect_right(self.line_starts, start)
        return Line(line_type, lineno, start, end, self.source_text[start:end], marker)

    def heading(self, children):
        token = children[0]
        marker = _parse_marker(token.type, str(token), token.start_pos)
        return self._line(HEADING, token, children[-1], marker)

    def damaged_heading(self, children):
        token = children[0]
        marker = Marker(2, None, str(token), token.start_pos, token.end_pos, False)
        return self._line(DAMAGED, token, children[-1], marker)

    def title(self, children):
        return self._line(TITLE, children[0], children[0])

    def date_line(self, children):
        return self._line(DATE, children[0], children[0])

    def chrome(self, children):
        return self._line(CHROME, children[0], children[0])

    def text(self, children):
        return self._line(TEXT, children[0], children[0])


@cache
def _parser():
    from lark import Lark

    from lintlaw.resources import grammar_path

    # cache=True stores the LALR tables in the temp directory: the grammar is
    # analysed once per machine, not at every start.
    return Lark.open(str(grammar_path()), parser="lalr", lexer="contextual", cache=True,
                     maybe_placeholders=False)


def parse_lines(text: str, line_starts: list[int]) -> list[Line]:
    """Type every non-blank line of the text (`line_starts`: where its lines start)."""
    return list(_typed_lines(text, tuple(line_starts)))


# The last text's lines are kept: --fix types each text twice, to build its document and
# to find the heading markers its fixes must leave alone.
@lru_cache(maxsize=1)
def _typed_lines(text: str, line_starts: tuple[int, ...]) -> tuple[Line, ...]:
    builder = _LineBuilder(text, line_starts)
    tree = _parser().parse(text)
    lines = _flatten(tree, builder)
    _retype_chrome(lines)
    return tuple(lines)


def heading_markers(lines: list[str]) -> list[Marker | None]:
    """The heading marker each line opens with, as the grammar reads it; None where the
    grammar does not read the line as a heading (“1.5亿元…”, “）坚持…”, plain text).

    One parse for all of them: the lines are joined with a blank line between, which no
    line type crosses (a title broken over two lines is broken by one line break)."""
    if not lines:
        return []
    text = "\n\n".join(line.replace("\r", " ").replace("\n", " ") for line in lines)
    starts = [0]
    for line in lines[:-1]:
        starts += [starts[-1] + len(line) + 1, starts[-1] + len(line) + 2]
    found: list[Marker | None] = [None] * len(lines)
    for line in parse_lines(text, starts):
        if line.type == HEADING:
            found[(line.lineno - 1) // 2] = line.marker
    return found


def _flatten(tree, builder: _LineBuilder) -> list[Line]:
    lines = []
    for child in tree.children:
        if hasattr(child, "data"):
            lines.append(getattr(builder, child.data)(child.children))
    return lines


# The plain view of a line grammar/page-chrome.txt's patterns see: one space, one bullet, ASCII
# marks for ，；：。、／». One character for one, so offsets do not move.
_CHROME_VIEW = tuple(zip("\u00a0\u2002\u2003\u3000·▪●◆■，；：。、／»", "    •••••,;:.,/>"))


def _chrome_view(text: str) -> str:
    # A str.replace per character: str.translate looks every character of a Chinese line up
    # in a dict, and took five times as long on report text.
    for mark, plain in _CHROME_VIEW:
        if mark in text:
            text = text.replace(mark, plain)
    return text


@cache
def _chrome_forms() -> re.Pattern:
    """The page-chrome forms of grammar/page-chrome.txt, as one pattern."""
    from lintlaw.resources import data_dir

    forms = []
    for raw in (data_dir("grammar") / "page-chrome.txt").read_text(encoding="utf-8").splitlines():
        if raw.strip() and not raw.startswith("#"):
            forms.append(f"(?:{raw.partition(': ')[2]})")
    return re.compile("|".join(forms))


def _retype_chrome(lines: list[Line]) -> None:
    """Type as page chrome the paragraph and title lines grammar/page-chrome.txt describes.
    (Download-site tips under a 友情提示 line are typed in lintlaw/analysis/page.py.)"""
    chrome = _chrome_forms()
    for index, line in enumerate(lines):
        if line.type in (TEXT, TITLE) and chrome.match(_chrome_view(line.text)):
            lines[index] = replace(line, type=CHROME)
