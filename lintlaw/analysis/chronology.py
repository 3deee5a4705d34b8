"""Dates and years against the calendar and the report year (docs/domain.md §6)."""

from __future__ import annotations

import datetime
import re
from typing import Iterator

from lintlaw.text.dates import OPENING_YEAR, REPORTING_SENTENCE, DateMention, find_dates, find_iso_dates
from lintlaw.text.outline import CHROME, Line
from lintlaw.analysis.document import Document, Report
from lintlaw.analysis.facts import Facts, Sentence, facts_of
from lintlaw.analysis.issue import Issue

_WEEKDAY_NAMES = "一二三四五六日"
_SENTENCE_LINE = re.compile(r"[。，,：:]")
# A sentence that looks back on purpose is not a stale statistics period.
_COMPARISON = re.compile(r"同比|环比|相比|比较|较上年|较去年|上年|去年|上一年|以来|增长|增加|下降|减少|"
                         r"提高|降低|持平|相较|对比|至今|先后|连续")
_CLAUSE_GROUP_END = re.compile(r"[；;]")
_UNTIL = re.compile(r"截止|截至|止于|到|至")
_STATISTIC_OPENING = re.compile(r"\s*(?P<y>(?:19|20)[0-9]{2})\s*年(?:度)?(?:全年)?\s*[，,]?\s*"
                                r"(?:[^，,。]{0,12}?(?:共|累计|合计|全年))")


def impossible(document: Document) -> Iterator[Issue]:
    for mention, _ in facts_of(document).dates:
        if not mention.valid:
            yield Issue("impossible", mention.start, mention.end, {"found": mention.text})


def weekday(document: Document) -> Iterator[Issue]:
    # Page chrome is no sentence, but a header's "today" (2024年3月5日 星期一) with the wrong
    # weekday is wrong twice: R001 reports the line, this the weekday.
    chrome = [mention for line in document.lines if line.type == CHROME
              for mention in _chrome_dates(document.source.text, line)]
    for mention in [mention for mention, _ in facts_of(document).dates] + chrome:
        date = mention.as_date()
        if date is None or mention.weekday is None or date.weekday() == mention.weekday:
            continue
        yield Issue("weekday", mention.start, mention.end,
                    {"found": mention.text, "expected": "星期" + _WEEKDAY_NAMES[date.weekday()]})


def _chrome_dates(text: str, line: Line) -> list[DateMention]:
    if "星期" not in line.text and "周" not in line.text and "礼拜" not in line.text:
        return []  # no weekday, nothing to check: most chrome lines
    return find_dates(text, line.start, line.end) + find_iso_dates(text, line.start, line.end)


def report_year(document: Document, keywords: list[str], plan_words: list[str]) -> Iterator[Issue]:
    """The opening sentence and the measures heading must name the report year."""
    facts = facts_of(document)
    for report in document.reports:
        if report.year is None:
            continue
        opening = _intro_sentences(facts, report)
        text = document.source.text
        for index, sentence in enumerate(opening):
            words = text[sentence.start:sentence.end]
            match = OPENING_YEAR.match(words) if index == 0 else None
            match = match or REPORTING_SENTENCE.search(words)
            if match and int(match.group("y")) != report.year:
                start = sentence.start + match.start("y")
                yield Issue("report-year", start, start + 4,
                            {"found": match.group("y") + "年", "year": report.year, "where": "正文开头"})
        for section in report.sections:
            if section.level != 1 or not any(word in section.heading.body for word in keywords):
                continue
            for mention in _heading_years(document, section.heading, plan_words, plans=False):
                if mention.year != report.year:
                    yield Issue("report-year", mention.start, mention.end,
                                {"found": mention.text, "year": report.year, "where": "标题"})


def plans_year(document: Document, keywords: list[str], plan_words: list[str]) -> Iterator[Issue]:
    """The plans part concerns the year after the report year."""
    facts = facts_of(document)
    text = document.source.text
    for report in document.reports:
        if report.year is None:
            continue
        expected = report.year + 1
        for section in report.sections:
            if section.level != 1 or not any(word in section.heading.body for word in keywords):
                continue
            for mention in _heading_years(document, section.heading, plan_words, plans=True):
                if mention.year != expected:
                    yield Issue("plans-year", mention.start, mention.end,
                                {"found": mention.text, "year": report.year, "expected": expected})
            first = next((s for s in facts.report_sentences(report)
                          if s.part is section and s.line is not section.heading), None)
            if first is None:
                continue
            match = OPENING_YEAR.match(text, first.start, first.end)
            if match and "将" in text[first.start:first.end] and int(match.group("y")) != expected:
                yield Issue("plans-year", match.start("y"), match.start("y") + 4,
                            {"found": match.group("y") + "年", "year": report.year, "expected": expected})


def statistics_year(document: Document, exclude: list[str]) -> Iterator[Issue]:
    """A statistic of the year before the report year, with no comparison in sight."""
    facts = facts_of(document)
    text = document.source.text
    excluded = {section for report in document.reports for section in report.sections
                if any(word in section.heading.body for word in exclude)}
    for index, sentence in enumerate(facts.sentences):
        report = sentence.report
        if report.year is None or sentence.part in excluded:
            continue
        match = _STATISTIC_OPENING.match(text, sentence.start, sentence.end)
        if not match or int(match.group("y")) != report.year - 1 or not facts.figures(index):
            continue
        words = text[sentence.start:sentence.end]
        if _COMPARISON.search(words) or str(report.year) in words:
            continue
        if any(str(report.year) in text[s.start:s.end] for s in _neighbours(facts, index)):
            continue  # the next or previous sentence gives the report year's figure
        yield Issue("statistics-year", match.start("y"), match.start("y") + 4,
                    {"found": match.group("y") + "年", "year": report.year})


def statistics_period(document: Document, cues: list[str]) -> Iterator[Issue]:
    """The statistics period a report states ("本报告所列数据的统计期限为2024年1月1日至2024年
    12月31日") covers its whole report year: from 1月1日 to 12月31日 of that year. A second date
    without a year ("至12月31日") is in the first one's year: a wrong year is the first date's
    finding, and the second is checked for its month and day; a lone date after 截止/截至 is the end."""
    if not cues:
        return
    cue = re.compile("|".join(re.escape(word) for word in cues))
    facts = facts_of(document)
    text = document.source.text
    for sentence in facts.sentences:
        year = sentence.report.year
        match = cue.search(text, sentence.start, sentence.end) if year else None
        if match is None:
            continue
        stop = _CLAUSE_GROUP_END.search(text, match.end(), sentence.end)
        end = stop.start() if stop else sentence.end
        days = [m for m in find_dates(text, match.end(), end) if m.day is not None and not m.in_range]
        if len(days) >= 2:
            first, last = days[0], days[1]
        elif len(days) == 1 and _UNTIL.search(text, match.end(), days[0].start):
            first, last = None, days[0]
        else:
            continue
        for mention, which, (month, day) in ((first, "起始日", (1, 1)), (last, "截止日", (12, 31))):
            if mention is None:
                continue
            if (mention.year or year, mention.month, mention.day) != (year, month, day):
                expected = f"{year}年{month}月{day}日" if mention.year is not None else f"{month}月{day}日"
                yield Issue("statistics-period", mention.start, mention.end,
                            {"found": mention.text, "which": which, "expected": expected, "year": year})


def issue_dates(document: Document) -> Iterator[tuple[DateMention, Report, str]]:
    """The 成文日期 and page publication dates, each with its report and what it is."""
    text = document.source.text
    seen = set()  # a page often repeats its date (发布时间 in the header, 日期 above the text)
    for report in document.reports:
        if report.date is not None:
            for mention in find_dates(text, report.date.start, report.date.end):
                if mention.as_date():
                    seen.add((report, mention.as_date()))
                    yield mention, report, "成文日期"
    for mention, report, label in facts_of(document).published:
        if mention.as_date() and (report, mention.as_date()) not in seen:
            seen.add((report, mention.as_date()))
            yield mention, report, label


def late_date(document: Document, deadline: tuple[int, int] | None = None,
              issuer: str | None = None) -> Iterator[Issue]:
    """Dates after the deadline: the one given (the configuration's), else the report type's,
    for a type whose deadline depends on the issuer the one of the issuer its title names
    (else of `issuer`, the configuration's choice, else of the type's default)."""
    dates = list(issue_dates(document))
    # A page updated after the deadline may have been published in time: an update
    # date stands in for the publication date only when the report has no other.
    dated = {report for _, report, what in dates if what != "更新日期"}
    for mention, report, what in dates:
        if report.year is None or (what == "更新日期" and report in dated):
            continue
        month_day, whose = deadline, None
        if month_day is None:
            month_day, whose = report.report_type.deadline_for(report.title_issuer, issuer)
        if month_day is None:
            continue
        limit = datetime.date(report.year + 1, *month_day)
        if mention.as_date() > limit:
            yield Issue("late-date", mention.start, mention.end,
                        {"found": mention.text, "what": what,
                         "deadline": f"{report.year + 1}年{month_day[0]}月{month_day[1]}日",
                         "whose": f"{whose.label}年度报告的" if whose else ""})


# A review of several years: a span of years (2019—2023年), N年来 / N年间 (not 一年来), 本届政府.
# ("2024年以来" opens many a report of that one year: no sign.)
_SEVERAL_YEARS = re.compile(r"(?:19|20)[0-9]{2}\s*年?\s*[—–\-－~～至到]+\s*(?:19|20)[0-9]{2}\s*年"
                            r"|[两二三四五六七八九十]年(?:来|以来|间|中)|本届政府")
_INTRO_LINES = 3  # the opening lines where a review says what years it covers


def early_date(document: Document) -> Iterator[Issue]:
    """A 成文日期 or publication date before the report year ends, in a report about that one
    year: not a review of several years (its title, opening lines or a level-1 heading span
    years: 2019—2023年, 五年来, 本届政府)."""
    checked: dict[Report, bool] = {}
    for mention, report, what in issue_dates(document):
        if report.year is None:
            continue
        if report not in checked:
            checked[report] = _covers_one_year(report) and not _page_title_year(document, report)
        if not checked[report]:
            continue
        if mention.as_date() <= datetime.date(report.year, 12, 31):
            yield Issue("early-date", mention.start, mention.end,
                        {"found": mention.text, "what": what, "year": report.year})


def _page_title_year(document: Document, report: Report) -> bool:
    """Whether the report year comes from a page's title, not from the document's own title
    (which names no year), and the opening sentence names another year: a site's or section's
    title ("甲县2024年…报告" above "甲县司法局法治政府建设情况报告" / "2023年，我局…")."""
    if report.title is None or report.title is report.own_title or report.dating[2] is not report.title:
        return False
    text = document.source.text
    for sentence in _intro_sentences(facts_of(document), report)[:1]:
        match = OPENING_YEAR.match(text, sentence.start, sentence.end)
        return bool(match) and int(match.group("y")) != report.year
    return False


def _covers_one_year(report: Report) -> bool:
    heads = [s.heading for s in report.sections if s.level == 1]
    lines = ([report.title] if report.title else []) + report.intro[:_INTRO_LINES] + heads
    return not any(_SEVERAL_YEARS.search(line.text) for line in lines)


def _intro_sentences(facts: Facts, report: Report) -> list[Sentence]:
    """The body's sentences before the first heading, from the first line that reads as a
    sentence: a heading-like line such as "2022年政府工作报告（全文）" is not the opening."""
    intro = {line.start for line in report.intro if _SENTENCE_LINE.search(line.text)}
    return [s for s in facts.report_sentences(report) if s.line.start in intro]


def _heading_years(document: Document, heading, plan_words: list[str], plans: bool):
    """Years in a heading, each judged by the words after it: 2022年度的主要安排 is a plans year."""
    text = document.source.text
    mentions = [m for m in find_dates(text, heading.marker.end, heading.end)
                if m.year is not None and not m.in_range]
    stops = [m.start for m in mentions[1:]] + [heading.end]  # each year's words end at the next year
    for mention, stop in zip(mentions, stops):
        after = text[mention.end:stop]
        if any(word in after for word in plan_words) == plans:
            yield mention


def _neighbours(facts: Facts, index: int) -> list[Sentence]:
    return [facts.sentences[i] for i in (index - 1, index + 1)
            if 0 <= i < len(facts.sentences) and facts.sentences[i].report is facts.sentences[index].report]
