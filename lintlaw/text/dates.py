"""Dates in running text: years, year-months, full dates, month-days, year ranges.

Only well-formed mentions are parsed here; "20243月" and a signature "2025121"
are malformed and are found by the pattern rule D002 instead.
"""

from __future__ import annotations

import calendar
import datetime
import functools
import re
from typing import NamedTuple

from lintlaw.text.chars import HAN
from lintlaw.text.numerals import chinese_number

_Y = r"(?P<y>(?:19|20)[0-9]{2}|[〇○零一二三四五六七八九]{4})"
_M = r"(?P<m>[0-9]{1,2}|[一二三四五六七八九十]{1,3})"
_D = r"(?P<d>[0-9]{1,2}|[一二三四五六七八九十]{1,3})"
# A weekday after the date, with or without brackets and spaces: 3月5日（星期二）, 3月5日 周二.
# A closing bracket belongs to the weekday only when it opened one: "（2024年3月5日 周二）" keeps its "）".
_WEEKDAY = (r"(?:\s*[（(]\s*(?:星期|周|礼拜)(?P<w>[一二三四五六日天])\s*[）)]"
            r"|\s*(?:星期|周|礼拜)(?P<w2>[一二三四五六日天])(?![至到、—～~-]))?")

# A year with optional month and day: 2024年, 2024年度, 2024年3月, 2024年3月5日（星期二）.
# Each pattern opens with a lookahead on its first character: re then skips other
# characters quickly instead of trying the lookbehinds at every position (2–3× faster; a
# plain first character, as _YEAR_RANGE has, is faster still, but _DATE's forms share none).
# A year that opens a sentence and says which year a report is on: "2024年，我县…",
# "2024年度，…"; not "2024年以来" (a since-phrase may look further back) nor a date
# "2025年1月…". (No possessive "?+": the re module of Python 3.10 rejects it.)
OPENING_YEAR = re.compile(r"\s*(?P<y>(?:19|20)[0-9]{2})\s*年度?(?![0-9０-９一二三四五六七八九十]{1,2}\s*月|度|以来|来)")
# The reporting sentence: "现将2024年…报告如下".
REPORTING_SENTENCE = re.compile(r"现将.{0,40}?(?P<y>(?:19|20)[0-9]{2})\s*年.{0,40}?报告如下")
_DATE = re.compile(
    rf"(?=[0-9〇○零一二三四五六七八九])(?<![0-9])(?:{_Y}\s*年(?P<du>度)?(?:\s*{_M}\s*月(?:份)?(?:\s*{_D}\s*[日号])?)?"
    rf"|(?<![年0-9])(?P<m2>[0-9]{{1,2}})\s*月\s*(?P<d2>[0-9]{{1,2}})\s*[日号]"
    rf"|(?<![0-9年])(?P<m3>[0-9]{{1,2}})\s*月(?![0-9份]|[0-9]*\s*[日号]))"
    + _WEEKDAY
)
# 2021—2025年, 2021-2025年, 2021年至2025年.
# It opens with the literal 19 or 20 and checks the character before it just after
# ("(?<![0-9]..)" two characters in is "(?<![0-9])" before them): re then finds
# candidates with its fast first-character scan (2× faster than a leading lookaround).
_YEAR_RANGE = re.compile(
    r"(?P<a>(?:19|20)(?<![0-9]..)[0-9]{2})\s*年?\s*(?:—{1,2}|–|-|－|~|～|至|到)\s*(?P<b>(?:19|20)[0-9]{2})\s*年")
# ISO dates in page metadata: 发布日期: 2025-02-26.
# A page header's "today" shows a weekday after it (2024-03-05 星期二): read with the date.
_ISO_DATE = re.compile(r"(?<![0-9])(?P<y>(?:19|20)[0-9]{2})-(?P<m>[0-9]{1,2})-(?P<d>[0-9]{1,2})(?![0-9])"
                       + _WEEKDAY)
# (Labelled dates in page metadata: _page_date below.)
# What a page-metadata label says the date is.
PAGE_DATE_KINDS = {"成文": "成文日期", "印发": "成文日期", "印發": "成文日期", "发文": "成文日期", "發文": "成文日期",
                   "生成": "成文日期", "更新": "更新日期"}

_WEEKDAYS = "一二三四五六日"


class DateMention(NamedTuple):
    start: int
    end: int
    text: str
    year: int | None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None  # 0 = Monday, as written next to the date
    of_year: bool = False  # 2024年度
    in_range: bool = False  # inside a year range
    until: int | None = None  # a year range 2021—2025年: year 2021, until 2025

    @property
    def valid(self) -> bool:
        if self.month is not None and not 1 <= self.month <= 12:
            return False
        if self.day is not None:
            if self.month is None or self.day < 1:
                return False
            # Without a year, allow 29 February (any leap year).
            year = self.year if self.year is not None else 2000
            return self.day <= calendar.monthrange(year, self.month)[1]
        return True

    def as_date(self) -> datetime.date | None:
        if self.year is None or self.month is None or self.day is None or not self.valid:
            return None
        return datetime.date(self.year, self.month, self.day)


def parse_month_day(value) -> tuple[int, int] | None:
    """“04-01” → (4, 1); None unless it names a day that exists in every year."""
    if not isinstance(value, str) or value.count("-") != 1:
        return None
    month, day = value.split("-")
    if not (month.isdigit() and day.isdigit()):
        return None
    month, day = int(month), int(day)
    if not (1 <= month <= 12 and 1 <= day <= calendar.monthrange(2001, month)[1]):
        return None
    return month, day


def _number(text: str | None) -> int | None:
    if text is None:
        return None
    if text.isdigit():
        return int(text)
    return chinese_number(text.replace("○", "〇"))


def find_dates(text: str, start: int = 0, end: int | None = None) -> list[DateMention]:
    end = len(text) if end is None else end
    if text.find("年", start, end) < 0 and text.find("月", start, end) < 0:
        return []  # every form has a 年 or a 月, and over half the lines of a report have neither
    found: list[DateMention] = []
    ranges = []
    for match in _YEAR_RANGE.finditer(text, start, end):
        ranges.append((match.start(), match.end()))
        found.append(DateMention(match.start(), match.end(), match.group(0), int(match.group("a")),
                                 in_range=True, until=int(match.group("b"))))
    for match in _DATE.finditer(text, start, end):
        if ranges and any(a <= match.start() < b for a, b in ranges):
            continue  # the end of a range is not a date of its own
        if match.group("y"):
            year, month, day = _number(match.group("y")), _number(match.group("m")), _number(match.group("d"))
        elif match.group("m2"):
            year, month, day = None, int(match.group("m2")), int(match.group("d2"))
        else:
            year, month, day = None, int(match.group("m3")), None
        found.append(DateMention(match.start(), match.end(), match.group(0), year, month, day,
                                 _weekday(match), bool(match.group("du"))))
    if ranges:  # the dates alone are in order already
        found.sort(key=lambda mention: mention.start)
    return found


def find_iso_dates(text: str, start: int = 0, end: int | None = None) -> list[DateMention]:
    end = len(text) if end is None else end
    return [DateMention(m.start(), m.end(), m.group(0), int(m.group("y")), int(m.group("m")),
                        int(m.group("d")), _weekday(m))
            for m in _ISO_DATE.finditer(text, start, end)]


def _weekday(match: re.Match) -> int | None:
    """The weekday written after a date (0 = Monday), if any."""
    written = match.group("w") or match.group("w2")
    return _WEEKDAYS.index(written.replace("天", "日")) if written else None


@functools.cache
def _page_date() -> re.Pattern:
    """A labelled date in page metadata, in the forms sites use: 发布时间：2024-02-20 02:59:38,
    更新时间：2021/03/29, 时间：2023-03-28, 日期：2024年3月5日, also in traditional characters
    (發布時間, from a site's big5 gateway). A bare 时间/日期 counts only when no Chinese
    character runs into it (会议时间 is not page metadata).

    Compiled on first need: one of the costliest patterns to compile at start-up, and
    only lines of page metadata are searched with it.
    """
    return re.compile(
        rf"(?P<label>(?:[发發]布|更新|成文|印[发發]|[发發]文|生成)(?:[时時][间間]|日期)|(?<![{HAN}])(?:[时時][间間]|日期))"
        r"\s*[:：]\s*(?P<y>(?:19|20)[0-9]{2})(?:(?P<sep>[-/.])(?P<m>[0-9]{1,2})(?P=sep)(?P<d>[0-9]{1,2})"
        r"|\s*年\s*(?P<m2>[0-9]{1,2})\s*月\s*(?P<d2>[0-9]{1,2})\s*日)(?![0-9])")


def find_page_dates(text: str, start: int = 0, end: int | None = None) -> list[tuple[DateMention, str, int]]:
    """Labelled page-metadata dates: (date, what it is, where its label starts)."""
    end = len(text) if end is None else end
    found = []
    for m in _page_date().finditer(text, start, end):
        month, day = (m.group("m"), m.group("d")) if m.group("sep") else (m.group("m2"), m.group("d2"))
        mention = DateMention(m.start("y"), m.end(), text[m.start("y"):m.end()], int(m.group("y")),
                              int(month), int(day))
        found.append((mention, PAGE_DATE_KINDS.get(m.group("label")[:2], "发布日期"), m.start()))
    return found
