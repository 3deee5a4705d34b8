import os
from pathlib import Path

import pytest

from lintlaw.analysis.document import build_document
from lintlaw.text.outline import CHROME, DAMAGED, DATE, HEADING, TEXT, TITLE, parse_lines
from lintlaw.render.outline_text import dump
from lintlaw.text.source import decode

FIXTURES = Path(__file__).parent / "fixtures"
GOLDEN = Path(__file__).parent / "golden"


def typed(text):
    source = decode(text.encode("utf-8"), "t.txt")
    return [(line.type, line.marker and (line.marker.level, line.marker.number, line.marker.raw))
            for line in parse_lines(source.text, source.line_starts)]


@pytest.mark.parametrize("line, expected", [
    ("一、主要举措", (HEADING, (1, 1, "一、"))),
    ("十二、其他", (HEADING, (1, 12, "十二、"))),
    ("一.主要举措", (HEADING, (1, 1, "一."))),
    ("（一）依法履职", (HEADING, (2, 1, "（一）"))),
    ("(三)依法履职", (HEADING, (2, 3, "(三)"))),
    ("（二）、依法履职", (HEADING, (2, 2, "（二）、"))),
    ("1.完善制度", (HEADING, (3, 1, "1."))),
    ("1．完善制度", (HEADING, (3, 1, "1．"))),
    ("12、完善制度", (HEADING, (3, 12, "12、"))),
    ("3。完善制度", (HEADING, (3, 3, "3。"))),
    ("（1）首先", (HEADING, (4, 1, "（1）"))),
    ("(2)其次", (HEADING, (4, 2, "(2)"))),
    ("③再次", (HEADING, (4, 3, "③"))),
    ("1.5亿元资金全部到位。", (TEXT, None)),
    ("12.5%的案件当场办结。", (TEXT, None)),
    ("2024年，我局认真推进。", (TEXT, None)),
    ("）坚持依法治教", (DAMAGED, (2, None, "）"))),
    ("青山县司法局2024年度法治政府建设情况报告", (TITLE, None)),
    ("2025年1月20日", (DATE, None)),
    ("二〇二五年一月二十日", (DATE, None)),
    ("您当前位置：首页 > 政务公开", (CHROME, None)),
    ("发布日期：2025-01-21", (CHROME, None)),
])
def test_line_types(line, expected):
    assert typed(line) == [expected]
    assert typed("\u3000\u3000" + line + "\r\n") == [expected]


def test_blank_and_whitespace_lines_vanish():
    assert typed("\n\n  \n\u3000\n") == []
    assert typed("") == []


def test_line_spans_exclude_indent_and_line_break():
    text = "标题\r\n\r\n\u3000\u3000一、主要举措  \r\n正文"
    source = decode(text.encode("utf-8"), "t.txt")
    lines = parse_lines(source.text, source.line_starts)
    heading = lines[1]
    assert text[heading.start:heading.end] == "一、主要举措"
    assert heading.lineno == 3
    assert heading.body == "主要举措"
    assert lines[2].lineno == 4 and lines[2].text == "正文"


def test_report_facts():
    document = build_document(decode((FIXTURES / "well-formed.txt").read_bytes(), "w.txt"))
    [report] = document.reports
    assert report.title.text == "青山县司法局2024年度法治政府建设情况报告"
    assert report.year == 2024
    assert report.issuer == "青山县司法局"
    assert report.date.text == "2025年1月20日"
    assert report.report_type.name == "law-based-government"


def test_issuer_from_title_when_unsigned():
    document = build_document(decode("青山县人民政府关于2024年度法治政府建设情况的报告\n一、主要举措\n".encode(), "t"))
    assert document.reports[0].issuer == "青山县人民政府"


def test_repeated_title_in_a_capture_is_one_report():
    text = "青山县司法局关于2024年度法治政府建设情况的报告\n青山县司法局\n关于2024年度法治政府建设情况的报告\n一、主要举措\n正文。\n"
    document = build_document(decode(text.encode(), "t"))
    assert len(document.reports) == 1
    assert document.reports[0].title.lineno == 1


@pytest.mark.parametrize("name", ["well-formed", "numbering-defects", "two-reports", "compilation"])
def test_golden_outline(name):
    source = decode((FIXTURES / f"{name}.txt").read_bytes(), f"{name}.txt")
    actual = dump(build_document(source))
    golden = GOLDEN / f"{name}.tree"
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_text(actual, encoding="utf-8")
    assert actual == golden.read_text(encoding="utf-8")
