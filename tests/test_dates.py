"""Dates in running text: parsing and calendar validity."""

import pytest

from lintlaw.text.dates import find_dates, find_iso_dates


def parsed(text):
    return [(d.text, d.year, d.month, d.day, d.valid) for d in find_dates(text)]


@pytest.mark.parametrize("text, expected", [
    ("2024年3月5日召开", [("2024年3月5日", 2024, 3, 5, True)]),
    ("二〇二五年一月二十一日", [("二〇二五年一月二十一日", 2025, 1, 21, True)]),
    ("2024年度", [("2024年度", 2024, None, None, True)]),
    ("4月20日", [("4月20日", None, 4, 20, True)]),
    ("2月30日", [("2月30日", None, 2, 30, False)]),
    ("13月", [("13月", None, 13, None, False)]),
    ("2023年2月29日", [("2023年2月29日", 2023, 2, 29, False)]),
    ("2024年2月29日", [("2024年2月29日", 2024, 2, 29, True)]),
    ("2月29日", [("2月29日", None, 2, 29, True)]),  # no year: a leap year is possible
])
def test_dates(text, expected):
    assert parsed(text) == expected


@pytest.mark.parametrize("text", ["连续13个月", "20243月", "12345政务热线", "1至2次"])
def test_not_dates(text):
    assert parsed(text) == []


@pytest.mark.parametrize("text", ["规划（2021—2025年）", "2021-2025年", "2021年至2025年"])
def test_year_ranges(text):
    [span] = find_dates(text)
    assert (span.year, span.until, span.in_range) == (2021, 2025, True)


def test_weekday_is_read():
    [date] = find_dates("2024年12月4日（星期三）")
    assert date.weekday == 2 and date.as_date().weekday() == 2


def test_iso_dates_in_page_metadata():
    [date] = find_iso_dates("发布日期:2022-04-01 16:43")
    assert (date.year, date.month, date.day) == (2022, 4, 1)


def test_a_year_range_needs_no_digit_before_it():
    assert [(d.text, d.year, d.until) for d in find_dates("编号12021-2025年")] == [("2025年", 2025, None)]
    assert [(d.text, d.year, d.until) for d in find_dates("A2021—2025年")] == [("2021—2025年", 2021, 2025)]


@pytest.mark.parametrize("text, expected", [
    ("3月", [("3月", None, 3, None, True)]),  # a 月 and no 年
    ("全年2024年", [("2024年", 2024, None, None, True)]),  # a 年 and no 月
    ("共计2024件", []),
])
def test_dates_with_one_of_year_or_month(text, expected):
    assert parsed(text) == expected


def test_dates_belong_to_their_sentences():
    from lintlaw.analysis.document import build_document
    from lintlaw.analysis.facts import facts_of

    from .helpers import source_of

    text = ("一、工作情况\n2024年3月5日召开会议，部署工作。4月1日起施行《2023年工作要点》。\n"
            "全年无事故。\n（一）5月开展检查\n")
    facts = facts_of(build_document(source_of(text)))
    assert [(mention.text, text[sentence.start:sentence.end]) for mention, sentence in facts.dates] == [
        ("2024年3月5日", "2024年3月5日召开会议，部署工作。"),
        ("4月1日", "4月1日起施行《2023年工作要点》。"),  # not the year in the title
        ("5月", "5月开展检查"),  # a heading's text after its marker
    ]
