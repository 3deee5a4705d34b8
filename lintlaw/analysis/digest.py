"""What comparing reports needs of each one (issue 22), small enough to travel from a worker.

A ReportDigest holds who issued a report and for which year, its type, where it is, the
table cells the year-over-year relations read, and its paragraphs: where each one is and the
keys of its clauses (a clause is the text between two punctuation marks, normalised as below).
The comparison itself (lintlaw/analysis/comparison.py) runs in the parent over the digests of
every report, and reads a paragraph's text again only for the few pairs the keys propose.

Normalised text: digits (and so years) become 0, Chinese-numeral years (二〇二四年) too,
punctuation and white space go, and the sentences the report type's format has every report
write and the policy formulae every report repeats (format-sentences and stock-phrases in
rules/report-types/) are left out. Two paragraphs that differ only
in their numbers, years or punctuation normalise to the same text.
"""

from __future__ import annotations

import re
from array import array
from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple
from zlib import adler32, crc32

# A number, with its decimal point or thousands separators: one 0; a year in Chinese numerals too
# (looked for only in a text holding 〇, as every such year does).
_NUMBER = re.compile(r"[0-9０-９]+(?:[.．,，][0-9０-９]+)*")
_CHINESE_YEAR = re.compile(r"[〇零一二三四五六七八九]{4}(?=年)")
# What is not a word character: punctuation, symbols and white space (kept out of the text compared).
_NOT_WORD = re.compile(r"[\W_]+")
# A sentence: up to and including its end mark.
_SENTENCE = re.compile(r"[^。！？；!?;]+[。！？；!?;]*|[。！？；!?;]+")
# A clause: the words between two marks (、，：；。 and the rest), before normalising.
_CLAUSE_MARKS = re.compile("[，,、：:；;。！？!?（）()《》“”\"‘’'【】\\[\\] \t\r\n\f\v\u3000\xa0—…·]+")
CLAUSE_CHARS = 8  # a shorter clause is joined to the next: too common alone to tell reports apart
# The tables whose cells year-over-year checks read: (table, row, column).
COMPARED_CELLS = tuple(
    [("requests", row, column) for row in ("carried-over", "carried-forward")
     for column in ("natural-person", "business", "research", "public-interest", "legal-services",
                    "other-organisation", "total")]
    + [("active", row, column) for row in ("rules", "normative-documents")
       for column in ("issued", "repealed", "in-force")])


def normalise(text: str) -> str:
    """The text as comparison sees it: numbers as 0, no punctuation or white space."""
    return _NOT_WORD.sub("", _numbered(text))


def _numbered(text: str) -> str:
    text = _NUMBER.sub("0", text)
    return _CHINESE_YEAR.sub("0", text) if "〇" in text else text


class Reading(NamedTuple):
    """What a report type leaves out of its paragraphs before comparing them (rules/report-types/):
    whole sentences its format prescribes, and the policy formulae every report repeats."""

    format_sentences: tuple[str, ...] = ()
    stock_phrases: tuple[str, ...] = ()


@lru_cache(maxsize=64)
def _compiled(patterns: tuple[str, ...]) -> tuple:
    """Each pattern compiled. Searched one by one: `re` finds a pattern that starts with a word
    quickly, an alternation of such patterns ten times slower."""
    return tuple(re.compile(pattern) for pattern in patterns)


def clauses(text: str, reading: Reading = Reading()) -> list[str]:
    """A paragraph's clauses, normalised, in order: the format's own sentences and the stock
    phrases left out. A clause shorter than CLAUSE_CHARS is joined to the ones after it
    (促规范、促服务), or to the one before at the paragraph's end, so that every character is
    in a clause with a key. Few passes over the paragraph: this runs on every report."""
    sentences = _compiled(reading.format_sentences)
    if any(pattern.search(text) for pattern in sentences):
        text = "".join(s for s in _SENTENCE.findall(text) if not any(p.search(s) for p in sentences))
    for pattern in _compiled(reading.stock_phrases):
        text = pattern.sub("，", text)
    found: list[str] = []
    short = ""
    # Numbers first (1,234 is one), then a cut at each clause mark; the rare other marks (%, -) go.
    for part in _CLAUSE_MARKS.split(_numbered(text)):
        short += part if part.isalnum() else _NOT_WORD.sub("", part)
        if len(short) >= CLAUSE_CHARS:
            found.append(short)
            short = ""
    if short:
        if found:
            found[-1] += short
        else:
            found.append(short)
    return found


def clause_key(clause: str) -> int:
    """A clause's key: the same on every machine and in every process (str hashes are not)."""
    return crc32(clause.encode("utf-8"))


def paragraph_key(normalised: str) -> int:
    """A whole paragraph's key (64 bits: paragraphs are counted, not only looked up)."""
    data = normalised.encode("utf-8")
    return crc32(data) | adler32(data) << 32


@dataclass
class ReportDigest:
    """One report, as the comparison of reports needs it."""

    path: str  # the file, as findings name it
    number: int  # the report's place in its file (0 for the first)
    issuer: str | None
    issuer_from: str | None  # 标题, 落款, 文件名 or --issuer
    year: int | None
    type_name: str
    type_label: str
    compared: bool  # of a type whose reports are compared (ReportType.compared)
    start: int  # the report's first character in the file
    end: int  # just past its last
    anchor: tuple[int, int, int]  # the title (or first line): start, end, line
    title: str
    unit: str = "行"  # what its lines are called: a Word document's are paragraphs (段)
    # (table, row, column) -> (its number as written, start, end, place, row's name, column's name);
    # only cells holding a number
    cells: dict = field(default_factory=dict)
    # Paragraphs long enough to compare: each one's text span (after a heading's marker), line,
    # whole-paragraph key, and clause keys (keys[key_ends[i - 1]:key_ends[i]] are paragraph i's).
    starts: array = field(default_factory=lambda: array("I"))
    ends: array = field(default_factory=lambda: array("I"))
    lines: array = field(default_factory=lambda: array("I"))
    whole: array = field(default_factory=lambda: array("Q"))
    keys: array = field(default_factory=lambda: array("I"))
    key_chars: array = field(default_factory=lambda: array("H"))  # each clause's characters (at most 65535)
    key_ends: array = field(default_factory=lambda: array("i"))
    chars: int = 0  # characters of every body paragraph (the copied share's denominator)
    pages: list | None = None  # a PDF's: each paragraph's place on its pages (第3页第12行)

    @property
    def paragraphs(self) -> int:
        return len(self.starts)

    def place(self, index: int) -> str:
        """Where paragraph `index` is, as a message names it: 第12行, 第12段, 第3页第12行."""
        return self.pages[index] if self.pages is not None else f"第{self.lines[index]}{self.unit}"

    def clause_keys(self, index: int):
        return self.keys[self.key_ends[index - 1] if index else 0:self.key_ends[index]]

    def clause_chars(self, index: int):
        return self.key_chars[self.key_ends[index - 1] if index else 0:self.key_ends[index]]

    @property
    def group(self) -> tuple:
        """Reports of one issuer, type and year are one group (the same report, in several files)."""
        return (self.issuer, self.type_name, self.year)


def digest(document, report, min_chars: int = 0) -> ReportDigest:
    """The digest of one report of a document. Paragraphs whose normalised text is shorter
    than `min_chars` are left out; 0 leaves every paragraph out (a summary of who and when only)."""
    from lintlaw.text.outline import DAMAGED, HEADING, TEXT

    source = document.source
    anchor = report.anchor
    year = report.year
    result = ReportDigest(
        path=source.path, number=document.reports.index(report), issuer=report.issuer,
        issuer_from=report.issuing[1], year=year, type_name=report.report_type.name,
        type_label=report.report_type.label, compared=report.report_type.compared,
        start=report.lines[0].start if report.lines else 0, end=report.lines[-1].end if report.lines else 0,
        anchor=(anchor.start, anchor.end, source.position(anchor.start)[0]) if anchor else (0, 0, 1),
        title="".join(report.title.text.split()) if report.title else "",
        unit="段" if source.reader == "docx" else "行", pages=[] if source.layout is not None else None)
    if report.located_tables:
        _cells(result, report, source)
    if not min_chars:
        return result
    title, reading = report.title, report.report_type.reading
    for line in report.lines:
        if line.type not in (TEXT, HEADING, DAMAGED) or line is title or document.in_table(line):
            continue
        body = line.body
        result.chars += len(body)
        if len(body) < min_chars:  # normalising only shortens it
            continue
        found = clauses(body, reading)
        if sum(map(len, found)) < min_chars:
            continue
        start = line.end - len(body)
        result.starts.append(start)
        result.ends.append(line.end)
        result.lines.append(source.position(start)[0])
        if result.pages is not None:
            result.pages.append(place_of(source, start))
        result.whole.append(paragraph_key("".join(found)))
        result.keys.extend([crc32(clause.encode("utf-8")) for clause in found])  # clause_key, inline: many
        lengths = list(map(len, found))
        result.key_chars.extend(lengths if max(lengths) <= 0xFFFF else [min(n, 0xFFFF) for n in lengths])
        result.key_ends.append(len(result.keys))
    return result


def _cells(result: ReportDigest, report, source) -> None:
    from lintlaw.analysis.table_checks import number

    wanted = {}
    for table, row, column in COMPARED_CELLS:
        wanted.setdefault(table, []).append((row, column))
    for table in report.tables:
        names = report.report_type.tables.get(table.key)
        for row, column in wanted.get(table.key, ()):
            cell = table.cell(row, column)
            if cell is not None and cell.value is not None:
                result.cells[(table.key, row, column)] = (
                    number(cell.value), cell.offset, cell.offset + len(cell.raw), place_of(source, cell.offset),
                    names.rows.get(row, row) if names else row, names.columns.get(column, column) if names else column)


def place_of(source, offset: int) -> str:
    """Where an offset is, as a message names it: 第12行, a Word document's 第12段, a PDF's 第3页第12行."""
    from lintlaw.text.layout import page_label

    return page_label(source.layout, offset) or (
        f"第{source.position(offset)[0]}{'段' if source.reader == 'docx' else '行'}")


def paragraph_clauses(text: str, start: int, end: int, reading: Reading) -> list[str]:
    """A paragraph's clauses as the comparison reads them again from its file."""
    return clauses(text[start:end], reading)
