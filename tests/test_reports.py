"""Issue 10 §1: where a report begins, what its title is, how many there are, and its year."""

import pytest
from typer.testing import CliRunner

from lintlaw.cli import app
from lintlaw.analysis.document import build_document
from lintlaw.text.outline import CHROME, HEADING, TEXT, TITLE, TOC, parse_lines
from lintlaw.text.source import decode

from .helpers import FIXTURES, findings

COMPILATION = FIXTURES / "compilation.txt"


def document_of(text):
    return build_document(decode(text.encode("utf-8"), "t.txt"))


def kinds(text):
    source = decode(text.encode("utf-8"), "t.txt")
    return [(line.type, line.text) for line in parse_lines(source.text, source.line_starts)]


@pytest.mark.parametrize("line", [
    "青山县司法局2024年度法治政府建设情况报告",
    "青山县司法局2024年度法治政府建设工作报告",
    "青山县司法局2024年度法治政府建设工作总结",
    "青山县司法局法治政府建设工作总结 篇二",
    "篇一：青山县司法局法治政府建设工作总结",
    "青山县司法局2024年法治政府建设工作总结及2025年工作计划",
    "青山县司法局2024年法治政府建设情况报告（一）",
    "青山县司法局2024年法治政府建设工作总结之二",
    "青山县司法局2024年法治政府建设工作报告.docx",
    "2024年青山县司法局法治政府建设情况",
    "2025年法治政府部门建设工作情况",
    "北京市2020年法治政府建設年度情況報告",
])
def test_report_titles(line):
    assert kinds(line) == [(TITLE, line)]


@pytest.mark.parametrize("line", [
    "工作报告",  # a bare navigation word
    "法治建设",
    "政府工作报告",
    "2024年，我县法治政府建设工作情况良好",  # a sentence, not a title
    "全年推进各项工作，现报告",
])
def test_not_titles(line):
    assert kinds(line) == [(TEXT, line)]


def test_heading_words_that_read_like_a_title_stay_the_heading():
    assert kinds("一、2024年工作情况\n") == [(HEADING, "一、2024年工作情况")]


def test_title_broken_over_two_lines():
    document = document_of("青山县司法局2024年度法治政府建设情况报\n告\n2024年，我局扎实推进法治建设。\n一、主要举措和成效\n")
    [report] = document.reports
    assert report.title.lineno == 1
    assert report.title.text == "青山县司法局2024年度法治政府建设情况报\n告"
    assert report.year == 2024 and report.report_type.name == "law-based-government"
    assert [s.heading.lineno for s in report.sections] == [4]


def test_title_with_a_year_preferred_over_a_breadcrumb():
    text = "位置: 首页 > 政务公开 > 法治政府建设报告\n青山县司法局2024年度法治政府建设情况报告\n一、主要举措和成效\n"
    [report] = document_of(text).reports
    assert report.title.lineno == 2 and report.year == 2024


@pytest.mark.parametrize("first, second, chosen", [
    # A year counts before a label: year and no label, year with a label, no year, no year with a label.
    ("位置: 首页 > 甲县2024年度法治政府建设情况报告", "甲县2024年度法治政府建设情况报告", 2),
    ("甲县2024年度法治政府建设情况报告", "位置: 首页 > 甲县2024年度法治政府建设情况报告", 1),
    ("甲县法治政府建设情况报告", "位置: 首页 > 甲县2024年度法治政府建设情况报告", 2),
    ("位置: 首页 > 甲县法治政府建设情况报告", "甲县法治政府建设情况报告", 2),
])
def test_the_title_shown_among_several(first, second, chosen):
    [report] = document_of(f"{first}\n{second}\n一、主要举措\n").reports
    assert report.title.lineno == chosen


# --- compilations ------------------------------------------------------------------------

def test_compilation_reports_are_judged_each_on_its_own(all_rules):
    text = COMPILATION.read_text(encoding="utf-8")
    message = "没有单列“存在的不足和原因”部分（一级标题中没有“不足”“问题”“短板”“差距”等字样）"
    assert findings(text, all_rules, select=["structure"]) == [
        ("S002", 15, 1, message), ("S002", 41, 1, message), ("S002", 67, 1, message)]


def test_compilation_tree_has_one_root_per_report():
    result = CliRunner().invoke(app, ["tree", str(COMPILATION)])
    roots = [line for line in result.stdout.splitlines() if line[:6] in ("├── 报告", "└── 报告")]
    assert [root.split("  ")[0][7:] for root in roots] == [
        "青山县司法局2024年度法治政府建设工作总结 篇一",
        "篇二：青山县教育局2024年度法治政府建设工作总结",
        "青山县卫生健康局2024年法治政府建设情况报告（三）",
        "青山县交通运输局2024年法治政府建设工作总结之四",
        "青山县市场监督管理局2024年法治政府建设工作报告.docx",
        "青山县自然资源局2024年度法治政府建设情况报告",
    ]
    assert "发布机构 青山县教育局" in roots[1]


def test_repeated_title_with_metadata_between_is_one_report():
    text = ("标题: 青山县司法局2024年度法治政府建设情况报告\n索引号: 0001/2025-01 文号:\n"
            "青山县司法局2024年度法治政府建设情况报告\n2024年，我局扎实推进法治建设。\n一、主要举措和成效\n")
    [report] = document_of(text).reports
    assert report.title.lineno == 3


# --- a table of contents -----------------------------------------------------------------

_CONTENTS = ("青山县司法局2024年度法治政府建设情况报告\n目录\n一、主要举措和成效\n"
             "二、存在的不足和原因……5\n三、党政主要负责人履行推进法治建设第一责任人职责情况\n四、2025年工作安排\n"
             "2024年，我局扎实推进法治政府建设。\n一、主要举措和成效\n全年审查文件5件。\n二、存在的不足和原因……5\n"
             "执法能力有待提高。\n三、党政主要负责人履行推进法治建设第一责任人职责情况\n主要负责人带头学法。\n"
             "四、2025年工作安排\n继续推进。\n五、其他需要报告的情况\n无。\n")


def test_table_of_contents_is_not_sections(all_rules):
    assert findings(_CONTENTS, all_rules, select=["structure"]) == []
    document = document_of(_CONTENTS)
    assert len(document.reports) == 1
    assert [line.lineno for line in document.lines if line.type == TOC] == [2, 3, 4, 5, 6]


def test_empty_headings_not_repeated_later_are_not_contents(all_rules):
    text = ("青山县司法局2024年度法治政府建设情况报告\n一、主要举措和成效\n二、存在的不足和原因\n"
            "2024年，我局扎实推进法治政府建设。\n")
    assert findings(text, all_rules, select=["S109"]) == [
        ("S109", 2, 1, "标题“一、主要举措和成效”下没有内容")]


# --- download-site tips --------------------------------------------------------------------

def test_numbered_download_tips_are_not_headings(all_rules):
    text = ("一、主要举措和成效\n（一）依法决策\n1.审查文件5件。\n2.开展评查。\n友情提示\n"
            "1、本站文档均由用户上传，仅供参考。\n2、PDF文件下载后，可能会被浏览器默认打开。\n")
    assert findings(text, all_rules, select=["S1"]) == []
    assert [line.type for line in document_of(text).lines][-2:] == [CHROME, CHROME]


def test_a_heading_about_a_service_system_stays_a_heading():
    text = "（五）平台建设：新媒体客服系统上线运行，提供政策文件下载服务。\n"
    assert [line.type for line in document_of(text).lines] == [HEADING]


# --- the year of a report with no year in its title ------------------------------------------

_STALE_GOAL = "加快建设职能科学、权责法定、执法严明、公开公正、廉洁高效、守法诚信的法治政府。"
_W012 = ("W012", "这是《法治政府建设实施纲要（2015—2020年）》的目标表述；2021年起为“职能科学、权责法定、执法严明、"
                 "公开公正、智能高效、廉洁诚信、人民满意”")


def test_year_from_the_opening_sentence(all_rules):
    text = "2024年，我县坚持依法行政，" + _STALE_GOAL + "\n一、主要举措和成效\n"
    assert findings(text, all_rules, select=["W012"]) == [(_W012[0], 1, 20, _W012[1])]
    assert document_of(text).reports[0].dating[:2] == (2024, "正文开头")


def test_year_from_the_reporting_sentence(all_rules):
    text = "中共青山县委：\n现将我局2024年法治政府建设情况报告如下：\n一、主要举措和成效\n" + _STALE_GOAL + "\n"
    assert findings(text, all_rules, select=["W012"]) == [(_W012[0], 4, 5, _W012[1])]


def test_year_from_a_level1_heading(all_rules):
    text = "一、2024年推进法治政府建设情况\n" + _STALE_GOAL + "\n二、2026年工作安排\n继续推进。\n"
    assert document_of(text).reports[0].dating[:2] == (2024, "一级标题")
    assert findings(text, all_rules, select=["D005"]) == [
        ("D005", 3, 3, "下一年度安排应针对2025年，这里写的是2026年（报告年度2024年）")]


@pytest.mark.parametrize("text", [
    # A stray level-2 heading before the first level-1 one does not end the search.
    "（一）依法履职\n一、2024年推进法治政府建设情况\n内容。\n",
    # The plans heading names the year after the report year.
    "一、主要举措和成效\n内容。\n二、2025年工作安排\n继续推进。\n",
])
def test_year_from_the_level1_headings(text):
    assert document_of(text).reports[0].dating[:2] == (2024, "一级标题")


@pytest.mark.parametrize("tail, signature", [
    ("青山县司法局\n2025年1月10日\n", "青山县司法局"),  # the body holds nothing but the signature
    ("2025年1月10日\n青山县司法局\n", None),  # a line after the date is no signature
])
def test_signature_before_the_date(tail, signature):
    [report] = document_of("甲县法治政府建设情况报告\n" + tail).reports
    assert report.date.text == "2025年1月10日"
    assert (report.signature.text if report.signature else None) == signature


def test_year_since_is_not_the_report_year():
    assert document_of("2023年以来，我县坚持依法行政。\n").reports[0].year is None


def test_a_title_line_is_not_the_opening_sentence(all_rules):
    # "2022年政府工作报告（全文）" heads the page; it is not a sentence that names the year.
    text = "2022年政府工作报告（全文）\n各位代表：\n一、2021年工作回顾\n过去一年，经济保持恢复发展。\n"
    assert findings(text, all_rules, select=["D003"]) == []


def test_tree_says_where_the_year_came_from():
    result = CliRunner().invoke(app, ["tree", "-"], input="2024年，我县坚持依法行政。\n一、主要举措和成效\n")
    assert "报告 （无标题）  年度 2024（取自正文开头第1行）" in result.stdout


def test_compilation_whose_first_report_has_no_mark():
    text = ("青山县司法局法治政府建设工作总结\n今年我局依法行政，成效明显。\n"
            "青山县司法局法治政府建设工作总结（二）\n今年我局严格执法，成效明显。\n")
    document = document_of(text)
    assert [report.title.lineno for report in document.reports] == [1, 3]


def test_page_date_of_an_untitled_report_is_checked(all_rules):
    text = "发布时间：2025-09-01 10:00\n2024年，我县坚持依法行政。\n一、主要举措和成效\n全年审查文件。\n"
    assert findings(text, all_rules, select=["D006", "D007"]) == [
        ("D006", 1, 6, "发布日期“2025-09-01”晚于公开期限2025年4月1日")]


def test_tree_facts_say_where_the_year_came_from():
    result = CliRunner().invoke(app, ["tree", "--facts", "-"],
                                input="2024年，我县坚持依法行政。\n一、主要举措和成效\n")
    assert "报告年度：2024年（正文开头第1行）" in result.stdout
    result = CliRunner().invoke(app, ["tree", "--facts", "-"], input="我县坚持依法行政。\n一、主要举措\n")
    assert "报告年度：未能从标题、正文开头或一级标题识别" in result.stdout


@pytest.mark.parametrize("title, kind", [
    ("青山县司法局2024年法治政府建设年度报告", "law-based-government"),
    ("四川省某厅2025年法治政府部门建设工作情况", "law-based-government"),
    ("北京市2020年法治政府建設年度情況報告", "law-based-government"),
    ("青山县2024年政府信息公开工作年度报告", "government-information"),
    ("青山县2024年度统计工作总结", "generic"),
])
def test_report_kind_from_the_title(title, kind):
    assert document_of(title + "\n一、主要举措和成效\n").reports[0].report_type.name == kind


def test_numbered_lines_under_a_tips_line_are_debris(all_rules):
    text = ("一、主要举措和成效\n（一）依法决策\n1.审查文件5件。\n温馨提示：\n1、如需下载请先登录。\n"
            "2、本文档仅供参考。\n")
    assert findings(text, all_rules, select=["S1"]) == []
    assert [line.type for line in document_of(text).lines][-3:] == [CHROME, CHROME, CHROME]


def test_a_level2_heading_after_a_tips_line_stays_a_heading():
    text = "温馨提示\n（二）规范执法\n"
    assert [line.type for line in document_of(text).lines] == [CHROME, HEADING]


# --- where the next report starts ---------------------------------------------------------

def _titles(text):
    return [report.title.text if report.title else None for report in document_of(text).reports]


@pytest.mark.parametrize("text, titles", [
    # A title that names no report starts one when the numbering restarts at 一、 after it,
    # looking from the line after the title (the 二、 before it is the last report's).
    ("甲县2024年法治政府建设情况\n一、主要举措\n内容。\n二、工作安排\n乙县2024年法治政府建设情况\n一、主要举措\n内容。\n",
     ["甲县2024年法治政府建设情况", "乙县2024年法治政府建设情况"]),
    # With no level-1 heading after it, it starts none.
    ("甲县2024年法治政府建设情况\n一、主要举措\n内容。\n乙县2024年法治政府建设情况\n（一）依法履职\n内容。\n",
     ["甲县2024年法治政府建设情况"]),
    # The new report's title repeated before its body is still one report.
    ("甲县2024年法治政府建设情况报告\n一、主要举措\n内容。\n乙县2024年法治政府建设情况报告\n"
     "乙县2024年法治政府建设情况报告\n一、主要举措\n内容。\n",
     ["甲县2024年法治政府建设情况报告", "乙县2024年法治政府建设情况报告"]),
    # After an untitled fragment, any title that names a report starts one.
    ("一、主要举措\n内容。\n乙县2024年度法治政府建设情况报告\n二、存在的不足\n全年推进法治建设。\n",
     [None, "乙县2024年度法治政府建设情况报告"]),
    # The title again without its issuer (关于…的报告) is the same report.
    ("青山县司法局关于2024年度法治政府建设情况的报告\n现将有关情况报告如下。\n"
     "关于2024年度法治政府建设情况的报告\n一、主要举措\n内容。\n",
     ["青山县司法局关于2024年度法治政府建设情况的报告"]),
])
def test_where_the_next_report_starts(text, titles):
    assert _titles(text) == titles


# --- a table of contents: only at the top of the page ------------------------------------

_BODY = "2024年，我局扎实推进。\n一、主要举措和成效\n内容。\n二、存在的不足和原因\n内容。\n"
_ENTRIES = "一、主要举措和成效\n二、存在的不足和原因\n"


@pytest.mark.parametrize("text, contents", [
    # A 目录 line on the first line of the page belongs to the contents.
    ("目录\n" + _ENTRIES + _BODY, [1, 2, 3]),
    # A title just before the entries is no 目录 line: it stays the title.
    ("青山县司法局2024年度法治政府建设情况报告\n" + _ENTRIES + _BODY, [2, 3]),
    # Entries after the first sentence are headings, not a table of contents.
    ("青山县司法局2024年度法治政府建设情况报告\n2024年，我局扎实推进。\n" + _ENTRIES + _BODY, []),
])
def test_table_of_contents_lines(text, contents):
    document = document_of(text)
    assert [line.lineno for line in document.lines if line.type == TOC] == contents
    assert _titles(text) == [text.split("\n")[0] if text.startswith("青山县") else None]

