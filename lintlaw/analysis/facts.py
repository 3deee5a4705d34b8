"""Facts of a document that the consistency and date rules reason about.

Sentences of the report body, the quantities in each with the role the words
before them give (total, part, remainder, done, rate), and the dates. Computed once per
document, and only when a loaded rule asks (Document.fact); within them a sentence's
figures and the dates are read on first request, so that the consistency rules never
read a date and the date rules read only the figures they ask for.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cached_property
from itertools import repeat

from lintlaw.text.chars import SENTENCE_END, is_han
from lintlaw.text.dates import DateMention, find_dates, find_iso_dates, find_page_dates
from lintlaw.analysis.document import Document, Report, Section
from lintlaw.text.outline import CHROME, DAMAGED, DATE, HEADING, TEXT, Line
from lintlaw.text.quantities import Quantity, find_quantities

# Both open with a plain character or a choice of literal characters, not a repeat
# or a class inside a choice: re then skips to candidates with its fast first-character
# scan instead of trying the whole pattern at every position (1.5–5× faster).
_SENTENCE_END = re.compile(f"[{SENTENCE_END}][{SENTENCE_END}]*")
_PAGE_DATE_CUE = re.compile(r"(?:时[间間]|時[间間]|日期)\s*[:：]")
# Everything up to a clause's last break: one match finds where the clause before a
# number starts (instead of a search for each break mark).
_UP_TO_LAST_BREAK = re.compile(r".*[，,；;：:、（(）)]", re.DOTALL)
# 《…》 with one level of nesting: numbers and years inside a title are part of a name.
BOOK_TITLE = re.compile(r"《[^《》\r\n]*(?:《[^《》\r\n]*》[^《》\r\n]*)*》")

# Words before a number that give it a role (docs/domain.md §5).
# The words of a total, less the lookbehind that keeps 公共, 中共 and 教共 out (a
# necessary condition for a clause of a sentence to have one).
TOTAL_WORDS = r"共(?![同享建治育产性识进商担赢处筑生融用体青和])|合计|总计|累计|总数|总量"
_TOTAL = re.compile(r"(?<![公中教])" + TOTAL_WORDS)  # the lookbehind belongs to 共 alone
DONE_WORDS = re.compile(r"办结|结案|完成|录取|通过|合格|答复|办理完毕|处理完毕|化解|解决|整改到位")
_REMAINDER = re.compile(r"其余|剩余|余下")
PART_MARKER = re.compile(r"其中(?:包括|有)?|包括|分别为|分别是")
# What may stand between a rate's name and its number: 办结率均达到约98%.
_RATE_VERBS = ("保持在", "稳定在", "提升至", "提高至", "提高到", "上升至", "达到", "保持", "实现", "超过",
               "达", "为", "是")

# A number given as a change from another period (比上年增加20件, 同比下降3件, 预算增加1421.25万元):
# how much more or less, never one of the parts of a total beside it.
_CHANGE = re.compile(r"(?:增加|减少|增长|下降|降低|上升|提高|比[^，,；;]{0,12}?[多少])了?(?:约|近)?\s*$")

ROLE_CHANGE = "change"
ROLE_TOTAL = "total"
ROLE_PART = "part"
ROLE_DONE = "done"
ROLE_REMAINDER = "remainder"
ROLE_RATE = "rate"
# The first of these whose words are in a number's clause gives its role.
_ROLE_WORDS = ((ROLE_REMAINDER, _REMAINDER), (ROLE_TOTAL, _TOTAL), (ROLE_PART, PART_MARKER),
               (ROLE_DONE, DONE_WORDS))


@dataclass(slots=True, eq=False)
class Sentence:
    start: int
    end: int
    report: Report
    part: Section | None  # the top-level section the sentence is in
    line: Line


@dataclass(slots=True, eq=False)
class Figure:
    """A quantity in a sentence, with the words before it in its clause."""

    quantity: Quantity
    sentence: Sentence
    prefix: str  # the clause text before the number
    role: str = ""
    cue: str = ""  # the word that gave the role; a rate's name


@dataclass
class Facts:
    text: str
    reports: list[Report] = field(default_factory=list, repr=False)
    sentences: list[Sentence] = field(default_factory=list)
    by_report: dict[Report, list[int]] = field(default_factory=dict)  # sentence indexes, in order
    # Each line split into sentences: (begin, end, its first sentence's index, past its last).
    _lines: list[tuple[int, int, int, int]] = field(default_factory=list, repr=False)
    _figures: dict[int, list[Figure]] = field(default_factory=dict, repr=False)

    @cached_property
    def dates(self) -> list[tuple[DateMention, Sentence]]:
        """The dates of the sentences, outside 《》 titles, each with its sentence, in order."""
        found = []
        for begin, end, first, _ in self._lines:
            mentions = find_dates(self.text, begin, end)
            if not mentions:
                continue
            titles = _titles(self.text, begin, end)
            index = first
            for mention in mentions:
                if _inside(mention.start, titles):
                    continue
                while self.sentences[index].end <= mention.start:  # the line's last sentence ends at `end`
                    index += 1
                found.append((mention, self.sentences[index]))
        return found

    @cached_property
    def published(self) -> list[tuple[DateMention, Report, str]]:
        """Dates in page metadata (发布日期: 2025-02-26), with their label."""
        found = []
        for report in self.reports:
            for line in report.lines:
                if line.type == CHROME:
                    found.extend(_page_dates(self.text, report, line, chrome=True))
                # A label needs a colon, which few lines have: the pattern runs on those alone.
                elif (":" in line.text or "：" in line.text) and _PAGE_DATE_CUE.search(line.text):
                    found.extend(_page_dates(self.text, report, line, chrome=False))
        return found

    def report_sentences(self, report: Report) -> list[Sentence]:
        return [self.sentences[i] for i in self.by_report.get(report, [])]

    def figures(self, index: int) -> list[Figure]:
        """The figures of one sentence, read on first request.

        Most sentences never need theirs: the consistency checks ask only where a
        cue (率, 其中, 共, 》…) appears, which keeps large files fast.
        """
        if index not in self._figures:
            self._figures[index] = _read_figures(self.text, self.sentences[index])
        return self._figures[index]


def facts_of(document: Document) -> Facts:
    return document.fact("facts", lambda: _compute(document))


def _compute(document: Document) -> Facts:
    text = document.source.text
    facts = Facts(text, document.reports)
    # Every sentence end in one scan of the text: a run of end marks never spans a line
    # break, so the ends inside a line are the ones a scan of that line would find.
    ends = [match.end() for match in _SENTENCE_END.finditer(text)]
    for report in document.reports:
        top_of = {}
        for section in report.sections:
            for inner in section.walk():
                top_of[inner.heading.start] = section
                for paragraph in inner.paragraphs:
                    top_of[paragraph.start] = section
        for line in report.lines:
            if line.type not in (TEXT, HEADING, DAMAGED, DATE) or line is report.title:
                continue
            begin = line.marker.end if line.marker is not None else line.start
            _add_line(facts, report, top_of.get(line.start), line, begin,
                      ends[bisect_right(ends, begin):bisect_right(ends, line.end)])
    return facts


def _page_dates(text: str, report: Report, line: Line, chrome: bool) -> list[tuple[DateMention, Report, str]]:
    """Publication, update and 成文 dates from page metadata.

    In a line typed as page chrome every date counts; in any other line only a
    labelled one at the start of the line or after a space ("来源：甲市司法局 更新时间：…"),
    which no sentence of a report looks like.
    """
    labelled = find_page_dates(text, line.start, line.end)
    found = [(mention, report, what) for mention, what, label_start in labelled
             if chrome or label_start == line.start or text[label_start - 1] in " \t\u3000\u00a0•·"]
    if chrome:
        seen = {mention.start for mention, _, _ in labelled}
        what = "成文日期" if "成文日期" in line.text else "发布日期"
        # A date with its weekday is the page header's "today", not when the page was published.
        found.extend((mention, report, what) for mention in find_iso_dates(text, line.start, line.end)
                     if mention.start not in seen and mention.weekday is None)
    return found


def _add_line(facts: Facts, report: Report, part, line: Line, begin: int, ends: list[int]) -> None:
    """The sentences of a line's text from `begin`; `ends` are the sentence ends after it."""
    own = facts.by_report.setdefault(report, [])
    if line.end <= begin:
        return
    if not ends or ends[-1] != line.end:  # the last sentence needs no end mark
        ends.append(line.end)
    first = len(facts.sentences)
    starts = [begin, *ends[:-1]]
    facts.sentences.extend(map(Sentence, starts, ends, repeat(report), repeat(part), repeat(line)))
    own.extend(range(first, len(facts.sentences)))
    facts._lines.append((begin, line.end, first, len(facts.sentences)))


def _titles(text: str, start: int, end: int) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in BOOK_TITLE.finditer(text, start, end)]


def _read_figures(text: str, sentence: Sentence) -> list[Figure]:
    """Measured quantities of a sentence, outside 《》 titles, with their roles."""
    has_title = text.find("《", sentence.start, sentence.end) >= 0
    titles = _titles(text, sentence.start, sentence.end) if has_title else []
    figures = []
    previous_end = sentence.start
    for quantity in find_quantities(text, sentence.start, sentence.end):
        if quantity.unit and not (titles and _inside(quantity.start, titles)):
            figures.append(_figure(text, sentence, quantity, previous_end))
        previous_end = quantity.end
    return figures


def rate_name(prefix: str) -> str:
    """The name a percentage is given by the words just before it: 线上录取率, 占比, 占全部的.

    Plain string steps rather than a regex: this runs for every percentage.
    """
    rest = prefix.rstrip().removesuffix("约").removesuffix("近").rstrip()
    if rest.endswith(_RATE_VERBS):  # which one only when there is one: most names have none
        verb = next(verb for verb in _RATE_VERBS if rest.endswith(verb))
        rest = rest[:-len(verb)]
    rest = rest.rstrip().removesuffix("均").removesuffix("分别")
    if rest.endswith("率"):
        start = len(rest) - 1
        while start > 0 and len(rest) - start < 9 and is_han(rest[start - 1]):
            start -= 1
        return rest[start:]
    if rest.endswith(("占比", "比例")):
        return rest[-2:]
    at = rest.rfind("占")
    if at >= 0 and len(rest) - at <= 14 and all(is_han(c) for c in rest[at:]):
        return rest[at:]
    return ""


def _inside(offset: int, spans) -> bool:
    return any(a < offset < b for a, b in spans)


def _figure(text: str, sentence: Sentence, quantity: Quantity, previous_end: int) -> Figure:
    before = _UP_TO_LAST_BREAK.match(text, previous_end, quantity.start)  # the clause starts after it
    prefix = text[before.end() if before else previous_end:quantity.start]
    if quantity.percent:
        name = rate_name(prefix)
        if name:
            return Figure(quantity, sentence, prefix, ROLE_RATE, name)
        return Figure(quantity, sentence, prefix)
    change = _CHANGE.search(prefix)
    if change:
        return Figure(quantity, sentence, prefix, ROLE_CHANGE, change.group().strip())
    for role, pattern in _ROLE_WORDS:
        match = pattern.search(prefix)
        if match:
            return Figure(quantity, sentence, prefix, role, match.group())
    return Figure(quantity, sentence, prefix)
