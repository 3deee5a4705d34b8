"""The Document model rules see: file → reports → sections → paragraphs.

Built from the typed lines of lintlaw/text/outline.py by a small stack builder.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import TYPE_CHECKING

from lintlaw.text.chars import SENTENCE_PUNCT
from lintlaw.text.dates import OPENING_YEAR, REPORTING_SENTENCE
from lintlaw.text.outline import CHROME, DAMAGED, DATE, HEADING, LETTER, TEXT, TITLE, TOC, Line, parse_lines
from lintlaw.analysis.flattened import Flattened, unflatten
from lintlaw.analysis.page import retype, split_reports, title_parts, title_rank
from lintlaw.io.readers import view
from lintlaw.text.source import Source

if TYPE_CHECKING:
    from lintlaw.analysis.report_types import ReportType, ReportTypes
    from lintlaw.analysis.table_reading import Located
    from lintlaw.analysis.tables import Table, UnreadTable

_YEAR_IN_TITLE = re.compile(r"(20\d{2}|19\d{2})\s*年(?:度)?")
_ISSUER_IN_TITLE = re.compile(r"^(.{2,40}?)(?:关于)?(?:20\d{2}|19\d{2})\s*年")
_ORG_SUFFIX = re.compile(r"(?:政府|委员会|局|委|办公室|厅|部|院|署|中心|办|司法所|街道办事处|镇|乡|管委会)$")
# An issuer a title or signature names: an organ, or a place whose government reports.
_ISSUER_NAME = re.compile(r"(?:政府|委员会|局|委|办公室|厅|部|院|署|中心|办|所|处|镇|乡|管委会|街道|[省市县区州盟旗])$")
_YEAR_IN_NAME = re.compile(r"(?:19|20)[0-9]{2}\s*年?度?")
_FILE_NAME = re.compile(r"\.[A-Za-z0-9]{1,5}$")
_NAME_SEPARATORS = " \u3000-_.·—（）()"
_SEPARATOR_RUN = re.compile("[" + re.escape(_NAME_SEPARATORS) + "]{2,}")
_SENTENCE_STOP = re.compile(r"[。，,：:]")
_OPENING_LINES = 8  # how far into the body the opening sentence is looked for
# A year in a level-1 heading ("一、2024年推进法治政府建设情况"), not a span ("2021—2025年").
_HEADING_YEAR = re.compile(r"(?<![0-9—\-－~～至])(?P<y>(?:19|20)[0-9]{2})\s*年(?!以来|来)")
_PLANS_WORDS = re.compile(r"安排|打算|计划|思路|下一")
# Every table of rules/tables/ has labels holding these words (tests/test_tables.py checks):
# a text with none of them holds no table, and the table code is not even imported. Few words,
# each searched through the whole text: about 4 ms per word in a 5 MB file.
TABLE_WORDS = ("本年新收", "予以公开", "尚未审结", "复议后起诉", "本年制发", "本年处理决定", "本年新制作",
               "上一年项目数量")
# A table's middle cell holds at most this many characters (the format's longest label has 37);
# a grid with longer cells is a page laid out in a table.
MAX_TABLE_CELL = 60
_TITLE_WORDS = re.compile(r"[^。；;]*")  # a heading's words end at its first full stop


@dataclass(eq=False)
class Section:
    """A heading and everything under it up to the next heading of its level or above."""

    heading: Line
    parent: Section | None = None
    children: list[Section] = field(default_factory=list)
    paragraphs: list[Line] = field(default_factory=list)

    @property
    def level(self) -> int:
        return self.heading.marker.level

    @property
    def marker(self):
        return self.heading.marker

    @property
    def title(self) -> str:
        """The heading's own words: the text after the marker up to the first full stop."""
        return _TITLE_WORDS.match(self.heading.body).group().strip()

    def walk(self):
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass(eq=False)
class Report:
    """One report: an optional title, a body of sections, an optional signature."""

    lines: list[Line]
    title: Line | None = None
    sections: list[Section] = field(default_factory=list)  # top-level sections, any level
    intro: list[Line] = field(default_factory=list)  # body paragraphs before the first heading
    signature: Line | None = None
    date: Line | None = None
    own_title: Line | None = None  # the last title above the body (the document's own; a page's comes first)
    report_type: ReportType | None = None  # set by build_document, from the title or the configuration
    type_reason: str = ""  # why that type, in words (shown by `lintlaw tree`)
    # Where the report's statistics tables are (set by build_document); read on first use.
    located_tables: list[Located] = field(default_factory=list, repr=False)
    file_name: str = ""  # the file's name as findings give it (the issuer when nothing else names one)
    given_issuer: str | None = None  # the issuer --issuer names (one file's reports)

    @cached_property
    def read_tables(self) -> list[Table | UnreadTable]:
        """The report's statistics tables in order, each read or, if it cannot be read
        confidently, unread with the reason (lintlaw/analysis/table_reading.py)."""
        if not self.located_tables:
            return []
        from lintlaw.analysis.table_reading import read

        return [read(located) for located in self.located_tables]

    @property
    def tables(self) -> list[Table]:
        """The statistics tables read confidently, cells by (row key, column key)."""
        return [table for table in self.read_tables if not _is_unread(table)]

    @property
    def unread_tables(self) -> list[UnreadTable]:
        """Tables that look like the format's but could not be read confidently, each with why."""
        return [table for table in self.read_tables if _is_unread(table)]

    @cached_property
    def dating(self) -> tuple[int | None, str | None, Line | None]:
        """The report year, where it was read (标题, 正文开头, 一级标题) and the line.

        A title names the year; a report whose title was lost, or names no year, says it
        in its opening sentence or, failing that, in a level-1 heading (the plans heading
        names the year after).
        """
        if self.title is not None:
            match = _YEAR_IN_TITLE.search(self.title.text)
            if match:
                return int(match.group(1)), "标题", self.title
        for line in self.intro[:_OPENING_LINES]:
            if line.type != TEXT or not _SENTENCE_STOP.search(line.text):
                continue  # a sentence, not a heading-like line such as "2022年政府工作报告（全文）"
            match = OPENING_YEAR.match(line.text) or REPORTING_SENTENCE.search(line.text)
            if match:
                return int(match.group("y")), "正文开头", line
        for section in self.sections:
            if section.level != 1:
                continue
            match = _HEADING_YEAR.search(section.heading.body)
            if match:
                year = int(match.group("y"))
                if _PLANS_WORDS.search(section.heading.body):
                    year -= 1
                return year, "一级标题", section.heading
        return None, None, None

    @property
    def year(self) -> int | None:
        return self.dating[0]

    @cached_property
    def issuing(self) -> tuple[str | None, str | None, Line | None]:
        """Who issued the report, where that was read (--issuer, 标题, 落款, 文件名) and the line.

        The title's words before the words that give the report its type, without a year
        (青石县市场监督管理局2024年政府信息公开工作年度报告: 青石县市场监督管理局), when they
        name an organ or a place; else the signature; else the file's name read the same way
        (2023年/教育局.docx: 教育局). Reports are compared with the same issuer's reports."""
        if self.given_issuer:
            return self.given_issuer, "--issuer", None
        if self.title is not None:
            name = self._issuer_in(title_parts(self.title)[0])
            if name and _ISSUER_NAME.search(name):
                return name, "标题", self.title
            above = self.title_issuer
            if above and above not in self.title.text:  # the short name line above the title
                return above, "标题", self.title
        if self.signature is not None:
            name = self.signature.text.strip()
            if _ISSUER_NAME.search(name):
                return name, "落款", self.signature
        if self.file_name:
            stem = _FILE_NAME.sub("", self.file_name.replace("\\", "/").rsplit("/", 1)[-1])
            name = self._issuer_in(stem) or _without_year(stem)
            if name:
                return name, "文件名", None
        return None, None, None

    def _issuer_in(self, words: str) -> str | None:
        """The words before the ones that give the report its type, without a year or 关于."""
        found = self.report_type.recognises(words) if self.report_type is not None else None
        if not found:
            match = _ISSUER_IN_TITLE.match(words)
            return match.group(1).removesuffix("关于") if match else None
        before = words[:words.find(found)]
        before = before.split("关于", 1)[0] or before  # 甲县人民政府关于2020年度推进…: 甲县人民政府
        return _YEAR_IN_NAME.sub("", before).strip(_NAME_SEPARATORS) or None

    @property
    def issuer(self) -> str | None:
        return self.issuing[0]

    @cached_property
    def title_issuer(self) -> str | None:
        """Who the title says publishes the report: its words before the words that gave the
        report its type, without a year ("2022年上海市政府信息公开工作年度报告": 上海市); for a
        title that starts with those words, a short name line just above it (甲县人民政府办公室)."""
        if self.title is None or self.report_type is None:
            return None
        words = self.report_type.recognises(self.title.text)
        if not words:
            return None
        name = _YEAR_IN_TITLE.sub("", self.title.text[:self.title.text.find(words)]).strip(" \u3000")
        name = name.removesuffix("关于")
        if name:
            return name
        index = self.lines.index(self.title)
        above = next((line for line in reversed(self.lines[:index]) if line.text.strip()), None)
        if above is not None and above.type in (TEXT, TITLE) and len(above.text.strip()) <= 30 \
                and not _SENTENCE_STOP.search(above.text) and _ORG_SUFFIX.search(above.text.strip()):
            return above.text.strip()
        return None

    def opening(self) -> str:
        """The first lines of the body, where a report whose title was lost names what it is."""
        from lintlaw.analysis.report_types import INTRO_LINES

        body = [line for line in self.lines if line.type in (TEXT, HEADING, DAMAGED)]  # lines are never blank
        return "\n".join(line.text for line in body[:INTRO_LINES])

    @property
    def anchor(self) -> Line | None:
        """Where a finding about the whole report points: the title, else the first line."""
        return self.title or (self.lines[0] if self.lines else None)

    def walk(self):
        for section in self.sections:
            yield from section.walk()

    @property
    def has_body(self) -> bool:
        return bool(self.sections or self.intro)


@dataclass
class Document:
    source: Source
    lines: list[Line]
    reports: list[Report]
    # Spans that are not report text (Markdown code blocks): nothing there is reported or fixed.
    not_text: list[tuple[int, int]] = field(default_factory=list)
    # The Source lines (0-based) of statistics tables: cells, not running text.
    table_lines: frozenset[int] = frozenset()
    # Physical lines that held a whole report, read back into paragraphs and headings.
    flattened: list[Flattened] = field(default_factory=list)
    # Where the pieces of a flattened line that belong to a statistics table start.
    table_pieces: frozenset[int] = frozenset()
    _facts: dict = field(default_factory=dict, repr=False)

    def in_table(self, line: Line) -> bool:
        return (bool(self.table_lines) and line.lineno - 1 in self.table_lines) or line.start in self.table_pieces

    def prose_lines(self):
        """Lines of running text: paragraphs and headings, not titles, dates or page chrome."""
        return [line for line in self.lines if line.type in (TEXT, HEADING, DAMAGED)]

    def fact(self, key: str, compute):
        """A derived fact, computed on first use and shared by every rule."""
        if key not in self._facts:
            self._facts[key] = compute()
        return self._facts[key]


def _is_unread(table) -> bool:
    from lintlaw.analysis.tables import UnreadTable  # only reports with tables need it

    return isinstance(table, UnreadTable)


def build_document(source: Source, types: ReportTypes | None = None, issuer: str | None = None) -> Document:
    """The document of a source; each report's type is chosen among `types` (default: the built-in ones);
    `issuer` (--issuer) names the issuer of each of its reports."""
    text, not_text = view(source)  # same length: offsets still point into the file
    lines, flattened = unflatten(text, source.line_starts, parse_lines(text, source.line_starts))
    lines = retype(lines)
    located, table_lines, table_pieces = [], _grid_lines(source), frozenset()
    if any(word in text for word in TABLE_WORDS):
        from lintlaw.analysis.table_reading import locate

        located = locate(source, lines)
        in_text, table_pieces = _table_places(located, lines, {flat.lineno - 1 for flat in flattened})
        table_lines |= in_text
    if table_lines or table_pieces:
        lines = _table_labels_as_text(lines, table_lines, table_pieces)
    reports = [_build_report(chunk, source.set_apart) for chunk in split_reports(lines)]
    for report in reports:
        if located and report.lines:
            span = range(report.lines[0].lineno - 1, report.lines[-1].lineno)
            report.located_tables = [table for table in located if table.line in span]
    if types is None:
        from lintlaw.analysis.report_types import builtin_types

        types = builtin_types()
    for report in reports:
        report.report_type, report.type_reason = types.choose(report.title.text if report.title else None,
                                                              None if report.title else report.opening())
        report.file_name, report.given_issuer = source.path, issuer
    return Document(source, lines, reports, not_text, table_lines, flattened, table_pieces)


def _grid_lines(source: Source) -> frozenset[int]:
    """The lines of the tables a reader drew as grids (Word, web page, PDF), whatever they hold:
    their cells are not running text, and a row label is never a heading. A grid of one row or
    one column, or of long cells, is a frame around text (a page laid out in a table), not a table."""
    lines: set[int] = set()
    for grid in source.grids:
        rows = {cell.row for cell in grid.cells}
        cols = {cell.col for cell in grid.cells}
        lengths = sorted(len(cell.text) for cell in grid.cells)
        if len(rows) >= 2 and len(cols) >= 2 and lengths and lengths[len(lengths) // 2] <= MAX_TABLE_CELL:
            lines.update(cell.line for cell in grid.cells if cell.line >= 0)
    return frozenset(lines)


def _table_places(located: list[Located], lines: list[Line], flat: set[int]) -> tuple[frozenset[int], frozenset[int]]:
    """The Source lines (0-based) the tables stand on; on a flattened line, which holds the whole
    report, only the pieces from a table's first cell to its last (their starts)."""
    whole = frozenset(index for table in located for index in table.lines if index not in flat)
    spans = [(min(starts), max(item.start + len(item.text) for item in table.items))
             for table in located if flat and any(index in flat for index in table.lines)
             for starts in [[item.start for item in table.items if item.start >= 0]] if starts]
    pieces = frozenset(line.start for line in lines if line.lineno - 1 in flat
                       and any(start <= line.start < end for start, end in spans))
    return whole, pieces


def _table_labels_as_text(lines: list[Line], inside: frozenset[int], pieces: frozenset[int]) -> list[Line]:
    """Inside a statistics table, 一、本年新收… and （一）予以公开 are row labels, not headings:
    neither sections nor numbered items for the numbering rules."""
    return [replace(line, type=TEXT, marker=None)
            if line.type in (HEADING, DAMAGED) and (line.lineno - 1 in inside or line.start in pieces) else line
            for line in lines]


def _build_report(lines: list[Line], set_apart: frozenset[int] = frozenset()) -> Report:
    """`set_apart`: lines (0-based) the layout sets apart as titles (a PDF's centred, larger
    lines): a heading after one starts a new part, under none of the sections before it."""
    report = Report(lines=lines)
    body = _strip_chrome_and_title(report, lines)
    body = _strip_signature(report, body)
    stack: list[Section] = []
    holder: Section | None = None  # where paragraphs go once a title closed the open sections
    for line in body:
        if line.type in (HEADING, DAMAGED):
            level = line.marker.level
            while stack and stack[-1].level >= level:
                stack.pop()
            section = Section(heading=line, parent=stack[-1] if stack else None)
            (stack[-1].children if stack else report.sections).append(section)
            stack.append(section)
        elif line.lineno - 1 in set_apart and stack:
            holder = stack[-1]
            holder.paragraphs.append(line)
            stack = []
        elif stack or holder is not None:
            (stack[-1] if stack else holder).paragraphs.append(line)
        else:
            report.intro.append(line)
    return report


def _strip_chrome_and_title(report: Report, lines: list[Line]) -> list[Line]:
    """Drop page chrome, and everything up to and including the title line(s).

    A capture often repeats the title (once whole, once split under the issuer's
    name); the last title line before the first heading ends the preamble.
    """
    content = [line for line in lines if line.type not in (CHROME, TOC, LETTER)]
    first_heading = next((i for i, line in enumerate(content) if line.type in (HEADING, DAMAGED)),
                         len(content))
    titles = [i for i in range(first_heading) if content[i].type == TITLE]
    if not titles:
        return content
    best = min(title_rank(content[i]) for i in titles)
    ranked = [i for i in titles if title_rank(content[i]) == best]
    # Titles that name different years: a site's or section's title on the page, then the
    # document's own title right above the body, which names the year the report covers.
    years = {match.group(1) for i in ranked for match in [_YEAR_IN_TITLE.search(content[i].text)] if match}
    report.title = content[ranked[-1] if len(years) > 1 else ranked[0]]
    report.own_title = content[titles[-1]]
    return content[titles[-1] + 1:]


def _strip_signature(report: Report, body: list[Line]) -> list[Line]:
    """Take the last date line and the signature line before it off the body.

    Anything after the date (page footer) is dropped from the body too.
    """
    date_index = next((i for i in reversed(range(len(body))) if body[i].type == DATE), None)
    if date_index is None:
        return body
    report.date = body[date_index]
    end = date_index
    if end > 0:
        candidate = body[end - 1]
        if (candidate.type not in (HEADING, DAMAGED) and len(candidate.text) <= 40
                and not SENTENCE_PUNCT.search(candidate.text)):
            report.signature = candidate
            end -= 1
    return body[:end]


def _without_year(stem: str) -> str:
    """A file name without its year, the separators the year stood between kept once
    (bangongshi-2025-yusuan: bangongshi-yusuan)."""
    name = _YEAR_IN_NAME.sub("", stem).strip(_NAME_SEPARATORS)
    return _SEPARATOR_RUN.sub(lambda run: run.group()[0], name)
