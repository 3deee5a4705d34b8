"""Boundaries a one-line change of the engine could move unnoticed (issue 11 §4).

Each test pins one edge from both sides: the case just inside gives the finding (or
the split, or the stale entry) and the case just outside does not. scripts/mutate.py
found these lines unguarded.
"""

import shutil
import textwrap

import pytest

from lintlaw.analysis.document import build_document
from lintlaw.engine.fixing import choose
from lintlaw.engine.ruleset import load_rule_file

from .helpers import findings, fixable, source_of
from .test_cli import run

TITLE = "青山县司法局2024年度法治政府建设情况报告\n"


def _signed(date: str) -> str:
    return TITLE + "一、主要举措和成效\n全年办理案件12件。\n青山县司法局\n" + date + "\n"


# --- chronology: the last day of the report year, the last day of the deadline -----

@pytest.mark.parametrize("date, expected", [
    ("2024年12月31日", [("D007", 5, 1, "成文日期“2024年12月31日”早于报告年度2024年结束，年度报告不可能在此之前成文")]),
    ("2025年1月1日", []),
])
def test_a_report_dated_on_the_last_day_of_its_year_is_premature(all_rules, date, expected):
    assert findings(_signed(date), all_rules, select=["D007"]) == expected


@pytest.mark.parametrize("date, expected", [
    ("2025年4月1日", []),
    ("2025年4月2日", [("D006", 5, 1, "成文日期“2025年4月2日”晚于公开期限2025年4月1日")]),
])
def test_a_report_dated_on_the_deadline_is_in_time(all_rules, date, expected):
    assert findings(_signed(date), all_rules, select=["D006"]) == expected


def test_only_the_signature_line_gives_the_date_of_writing(all_rules):
    # A date below the signature (an attachment's) is not the report's 成文日期.
    text = _signed("2025年1月21日") + "附件：2024年3月1日印发的实施办法\n"
    assert findings(text, all_rules, select=["D007"]) == []


def test_a_page_date_equal_to_the_signature_date_is_reported_once(all_rules):
    text = "发布时间：2025-04-02\n" + _signed("2025年4月2日")
    assert findings(text, all_rules, select=["D006"]) == [
        ("D006", 6, 1, "成文日期“2025年4月2日”晚于公开期限2025年4月1日")]


def test_only_the_first_opening_sentence_is_read_for_a_leading_year(all_rules):
    # The opening's second sentence may well start with the year before: no D003.
    text = TITLE + "2024年，我局坚持依法行政。2023年底出台的规定继续实施。\n一、主要举措和成效\n"
    assert findings(text, all_rules, select=["D003"]) == []


# --- page: where a second report starts ------------------------------------------

def _titles(text):
    return [report.title.text if report.title else None for report in build_document(source_of(text)).reports]


def test_a_sentence_before_the_first_title_does_not_start_a_report():
    assert _titles("各位领导，现将有关情况报告如下。\n" + TITLE + "一、主要举措和成效\n全年办理案件。\n") == [
        "青山县司法局2024年度法治政府建设情况报告"]


def test_another_report_title_after_a_sentence_starts_a_second_report():
    text = TITLE + "2024年，我局推进法治建设。\n青山县教育局2024年度法治政府建设情况报告\n一、主要举措和成效\n"
    assert _titles(text) == ["青山县司法局2024年度法治政府建设情况报告", "青山县教育局2024年度法治政府建设情况报告"]


def test_the_same_title_again_after_a_sentence_is_still_one_report():
    assert _titles(TITLE + "2024年，我局推进法治建设。\n" + TITLE + "一、主要举措\n") == [
        "青山县司法局2024年度法治政府建设情况报告"]


# --- numbering: a heading lost entirely still counts --------------------------------

def test_a_damaged_marker_after_a_lost_heading_expects_the_number_after_it(all_rules):
    # 1. restarting under （一） stands for a lost （二）: the damaged marker is （三）.
    text = "一、主要举措\n（一）依法履职\n1.完善制度。\n2.严格程序。\n1.接受监督。\n）坚持依法治教\n"
    assert findings(text, all_rules, select=["S106"]) == [
        ("S106", 6, 1, "标题编号残缺：行首只剩“）”，按顺序应为“（三）”")]


def test_a_damaged_marker_without_a_lost_heading_expects_the_next_number(all_rules):
    text = "一、主要举措\n（一）依法履职\n1.完善制度。\n2.严格程序。\n）坚持依法治教\n"
    assert findings(text, all_rules, select=["S106"]) == [
        ("S106", 5, 1, "标题编号残缺：行首只剩“）”，按顺序应为“（二）”")]


# --- facts: numbers and years inside 《》 are part of a name ------------------------

@pytest.mark.parametrize("text, expected", [
    ("共受理案件20件，办结19件，办结率90%。",
     [("C001", 1, 19, "办结率90%与本句的数字对不上：19件÷20件＝95.0%")]),
    ("共受理案件20件，印发《关于办结19件案件的通报》，办结率90%。", []),
    ("共办理行政复议案件17件，其中维持12件、撤销3件、驳回5件。",
     [("C003", 1, 18, "分项之和20件超过了合计17件（12件＋3件＋5件）")]),
    ("共办理行政复议案件17件，其中维持12件、撤销3件、驳回《5件》。", []),
])
def test_numbers_inside_book_titles_are_no_figures(all_rules, text, expected):
    assert findings(text, all_rules, select=["consistency"]) == expected


@pytest.mark.parametrize("text, expected", [
    ("2024年2月30日召开会议。", [("D001", 1, 1, "日期“2024年2月30日”不存在")]),
    ("学习《关于2024年2月30日会议精神的通知》。", []),
])
def test_dates_inside_book_titles_are_no_dates(all_rules, text, expected):
    assert findings(text, all_rules, select=["D001"]) == expected


# --- fixing: two edits starting at one point -----------------------------------------

def _finding(start, end, content):
    return fixable(start, end, (start, end, content))


@pytest.mark.parametrize("first, second", [
    ((2, 2, "甲"), (2, 2, "乙")),  # two insertions at one point: their order is unknown
    ((2, 2, "甲"), (2, 4, "乙")),  # an insertion where a replacement starts
    ((2, 4, "甲"), (2, 2, "乙")),
])
def test_of_two_edits_starting_at_one_point_only_the_first_is_chosen(first, second):
    one, two = _finding(*first), _finding(*second)
    assert choose(source_of("一二三四五六"), [one, two], unsafe=False) == [one]


def test_edits_that_only_touch_are_both_chosen():
    one, two = _finding(1, 2, "甲"), _finding(2, 3, "乙")
    assert choose(source_of("一二三四五六"), [one, two], unsafe=False) == [one, two]


# --- pattern rules: a finding never spans a line break -------------------------------

def _rule(tmp_path, kind_lines: str, bad: str):
    path = tmp_path / "x.toml"
    path.write_text(textwrap.dedent('''\
        code = "Y001"
        name = "test-rule"
        category = "wording"
        severity = "warning"
        explanation = "测试"
        authority = "测试"
        ''') + kind_lines + f'\n[examples]\nbad = ["{bad}"]\ngood = ["无"]\n', encoding="utf-8")
    return load_rule_file(path, builtin=False)


@pytest.mark.parametrize("text, expected", [
    ("推进法制 政府建设。\n", [("Y001", 1, 3, "“法制 政府”")]),
    ("推进法制\n政府建设。\n", []),
    ("推进法制\r\n政府建设。\r\n", []),
    ("推进法制\r政府建设。\r", []),  # a lone CR ends a line too (old Mac files)
])
def test_a_pattern_match_across_lines_is_no_finding(tmp_path, text, expected):
    rule = _rule(tmp_path, 'kind = "pattern"\nmessage = "“{match}”"\npatterns = [\'法制\\s*政府\']',
                 "法制 政府")
    assert findings(text, [rule]) == expected


# --- law titles: how far a name may be from a listed one -----------------------------

LAWS = 'kind = "law-title"\nmessage = "{found}{detail}"\nlaws = ["甲乙丙法", "甲乙丙丁法", "甲乙丙丁戊己法", "甲乙丙丁戊己庚法"]'


@pytest.mark.parametrize("title, expected", [
    ("《甲乙丁法》", None),  # four characters: one edit apart is another law
    ("《甲乙丙戊法》", "《甲乙丙戊法》疑为《甲乙丙丁法》"),  # five: one edit is a slip
    ("《甲乙丙丁子丑法》", None),  # seven characters: two edits apart is too far
    ("《甲乙丙丁戊子丑法》", "《甲乙丙丁戊子丑法》疑为《甲乙丙丁戊己庚法》"),  # eight: two edits are a slip
])
def test_how_many_edits_a_law_name_may_be_from_a_listed_one(tmp_path, title, expected):
    rule = _rule(tmp_path, LAWS, "《甲乙丙戊法》")
    assert findings(f"学习{title}。", [rule]) == ([("Y001", 1, 3, expected)] if expected else [])


# --- baselines: entries of files not checked this time are not stale -----------------

@pytest.fixture()
def two_reports(tmp_path, monkeypatch):
    from .helpers import FIXTURES

    monkeypatch.chdir(tmp_path)
    example = FIXTURES.parent.parent / "examples" / "report-2024.txt"
    for name in ("a.txt", "b.txt"):
        shutil.copy(example, tmp_path / name)
    assert run("check", "--write-baseline", "baseline.json", "a.txt", "b.txt").exit_code == 0
    return tmp_path


def test_checking_one_file_does_not_call_the_other_files_baseline_entries_stale(two_reports):
    result = run("check", "--format", "concise", "--baseline", "baseline.json", "a.txt")
    assert (result.exit_code, result.stderr) == (0, "")


def test_a_checked_file_whose_finding_is_gone_has_a_stale_entry(two_reports):
    path = two_reports / "a.txt"
    path.write_text(path.read_text(encoding="utf-8").replace("2024年11月31日", "2024年11月30日"), encoding="utf-8")
    result = run("check", "--format", "concise", "--baseline", "baseline.json", "a.txt")
    assert result.stderr.splitlines()[0] == (
        "lintlaw: 基线 baseline.json 中有 1 条记录已不再出现，可用 --write-baseline 更新：")
    assert len(result.stderr.splitlines()) == 2 and "a.txt:" in result.stderr.splitlines()[1]


# --- found by scripts/mutate.py: limits and guards no test pinned ---------------------

def test_a_rate_finding_spells_out_four_computations_at_most(all_rules):
    text = "共收到来信500件、来访400件、网上信访300件、电话信访200件、其他150件，办结100件，办结率10%。"
    assert findings(text, all_rules, select=["C001"]) == [("C001", 1, 53, (
        "办结率10%与本句的数字对不上：100件÷500件＝20.0%，100件÷400件＝25.0%，100件÷300件＝33.3%，"
        "100件÷200件＝50.0%等"))]


@pytest.mark.parametrize("text, expected", [
    ("累计办结案件20件。累计办结案件22件。", [("C006", 1, 17, "“累计办结案件”前文写的是20件，这里是22件，两处不一致")]),
    ("共办结案件20件。共办结案件22件。", []),  # five characters name no figure: 共办结案件 may be two things
])
def test_a_restatement_needs_six_characters_of_lead(all_rules, text, expected):
    assert findings(text, all_rules, select=["C006"]) == expected


@pytest.mark.parametrize("length, expected", [(40, 1), (41, 0)])
def test_a_heading_of_forty_characters_with_nothing_under_it_is_empty(all_rules, length, expected):
    text = "一、主要举措\n（一）" + "甲" * length + "\n（二）依法履职\n全年办理案件。\n"
    assert [code for code, *_ in findings(text, all_rules, select=["S109"])] == ["S109"] * expected


@pytest.mark.parametrize("filler, year", [(7, 2023), (8, None)])
def test_the_opening_year_is_looked_for_in_the_first_eight_lines(filler, year):
    text = "我局认真推进法治建设工作\n" * filler + "2023年，我县推进法治政府建设。\n一、主要举措\n"
    assert build_document(source_of(text)).reports[0].year == year


def test_a_heading_like_line_before_the_opening_sentence_gives_no_year():
    text = "2022年政府工作报告（全文）\n2023年，我县推进法治政府建设。\n一、主要举措\n"
    assert build_document(source_of(text)).reports[0].year == 2023


def test_a_report_year_finding_covers_the_four_digits_of_the_year(all_rules):
    from lintlaw.engine.linter import lint
    from lintlaw.engine.ruleset import select_rules

    source = source_of(TITLE + "2023年，我局推进法治建设。\n一、2024年主要举措和成效\n")
    [found] = lint(source, select_rules(all_rules, ["D003"], None))
    assert source.text[found.start:found.end] == "2023"


def test_numbered_lines_at_the_top_of_a_page_are_headings_not_tips():
    lines = build_document(source_of("1.完善制度\n2.规范执法\n全年办理案件。\n")).lines
    assert [line.type for line in lines] == ["heading", "heading", "text"]


def test_a_fix_that_changes_nothing_does_not_stop_the_fixes_after_it():
    noop, real = _finding(0, 1, "一"), _finding(2, 3, "甲")
    assert choose(source_of("一二三四"), [noop, real], unsafe=False) == [real]


def test_a_report_year_in_a_later_measures_heading_is_checked(all_rules):
    text = TITLE + "一、党的领导\n二、2023年推进法治政府建设的主要举措和成效\n"
    assert findings(text, all_rules, select=["D003"]) == [("D003", 3, 3, "标题写的是2023年，而报告年度是2024年")]


def test_a_plans_year_in_a_later_heading_is_checked(all_rules):
    text = TITLE + "一、党的领导\n二、主要举措和成效\n三、2024年工作安排\n"
    assert findings(text, all_rules, select=["D005"]) == [
        ("D005", 4, 3, "下一年度安排应针对2025年，这里写的是2024年（报告年度2024年）")]


def test_a_damaged_first_marker_expects_the_first_number(all_rules):
    assert findings("一、主要举措\n）依法履职\n全年办理。\n", all_rules, select=["S106"]) == [
        ("S106", 2, 1, "标题编号残缺：行首只剩“）”，按顺序应为“（一）”")]


@pytest.mark.parametrize("title, issuer", [
    ("青山县司法局2024年度法治政府建设情况报告", "青山县司法局"),
    ("青山县2024年度法治政府建设情况报告", "青山县"),  # the county's own report
    ("全面推进依法行政2024年度法治政府建设情况报告", "t"),  # a slogan is no issuer: the file's name
])
def test_the_issuer_named_in_a_title_is_an_organ_or_a_place(title, issuer):
    assert build_document(source_of(title + "\n一、主要举措\n")).reports[0].issuer == issuer


def test_a_table_of_contents_on_the_first_line_is_found_whole():
    text = ("目录\n一、总体情况\n二、主要举措\n三、存在不足\n全年推进法治建设。\n"
            "一、总体情况\n全年推进。\n二、主要举措\n三、存在不足\n")
    assert [line.type for line in build_document(source_of(text)).lines] == [
        "contents", "contents", "contents", "contents", "text", "heading", "text", "heading", "heading"]


@pytest.mark.parametrize("text, kinds", [
    # Four of five entries come back as headings: a table of contents.
    ("一、总体情况\n二、主要举措\n三、存在不足\n四、工作安排\n五、其他\n全年推进法治建设。\n"
     "一、总体情况\n全年推进。\n二、主要举措\n三、存在不足\n四、工作安排\n",
     ["contents"] * 5 + ["text", "heading", "text", "heading", "heading", "heading"]),
    # Its first two entries come back in order, and the page ends before the rest: a table of
    # contents above a capture cut short (issue 20, item 2).
    ("一、总体情况\n二、主要举措\n三、存在不足\n全年推进法治建设。\n一、总体情况\n全年推进。\n二、主要举措\n全年推进。\n",
     ["contents"] * 3 + ["text", "heading", "text", "heading", "text"]),
    # Only its first entry comes back: one of three, the run is the report's own headings.
    ("一、总体情况\n二、主要举措\n三、存在不足\n全年推进法治建设。\n一、总体情况\n全年推进。\n二、工作安排\n全年推进。\n",
     ["heading", "heading", "heading", "text", "heading", "text", "heading", "text"]),
])
def test_a_table_of_contents_needs_its_entries_repeated(text, kinds):
    assert [line.type for line in build_document(source_of(text)).lines] == kinds


@pytest.mark.parametrize("length, signed", [(40, True), (41, False)])
def test_a_signature_is_a_line_of_forty_characters_at_most(length, signed):
    issuer = "甲" * (length - 3) + "司法局"
    text = TITLE + "一、主要举措\n全年办理案件。\n" + issuer + "\n2025年1月20日\n"
    report = build_document(source_of(text)).reports[0]
    assert (report.signature.text if report.signature else None) == (issuer if signed else None)
