import pytest

from .helpers import FIXTURES, findings, flagged


def test_numbering_defects_fixture(all_rules):
    text = (FIXTURES / "numbering-defects.txt").read_text(encoding="utf-8")
    got = findings(text, all_rules, select=["structure"])
    assert got == [
        ("S107", 5, 1, "标题编号“1、”标点不规范，应写作“1.”"),
        ("S102", 7, 1, "编号重复：“2.”与上一个同级标题的编号相同"),
        ("S110", 8, 27, "“一是、二是”序列有误：“二是”之后是“四是”，缺少“三是”"),
        ("S101", 9, 1, "编号不连续：“（二）”之后是“（四）”，缺少“（三）”"),
        ("S106", 10, 1, "标题编号残缺：行首只剩“）”，按顺序应为“（五）”"),
        ("S105", 14, 1, "编号在“2.”之后又从“1.”开始，但前面没有新的上级标题（上级标题可能丢失了编号）"),
        ("S103", 15, 1, "编号倒退：“（五）”之后出现“（三）”"),
        ("S101", 16, 1, "编号不连续：“一、”之后是“三、”，缺少“二、”"),
        ("S103", 18, 1, "编号倒退：“三、”之后出现“二、”"),
        ("S104", 19, 1, "编号从“（二）”开始，缺少“（一）”"),
        ("S101", 20, 1, "编号不连续：“二、”之后是“五.”，缺少“三、”“四、”"),
        ("S107", 20, 1, "标题编号“五.”标点不规范，应写作“五、”"),
        ("S108", 21, 1, "标题层级跳跃：“五.”之下直接使用“1.”，跳过了中间一级"),
        ("S109", 22, 1, "标题“六、其他需要报告的情况”下没有内容"),
    ]


def test_well_formed_report_is_clean(all_rules):
    text = (FIXTURES / "well-formed.txt").read_text(encoding="utf-8")
    assert findings(text, all_rules) == []


def test_two_reports_are_checked_separately(all_rules):
    text = (FIXTURES / "two-reports.txt").read_text(encoding="utf-8")
    got = [(code, line) for code, line, _, _ in findings(text, all_rules, select=["structure"])]
    # The second report's numbering restarts at 一、 without a finding, and each
    # report is told about the parts it lacks at its own title.
    assert ("S101", 10) in got
    assert ("S002", 1) not in got and ("S002", 7) in got
    assert ("S004", 1) in got and ("S004", 7) not in got


def test_decimal_at_line_start_is_not_a_heading(all_rules):
    text = "一、主要举措\n（一）制度\n1.完善制度。\n1.5亿元资金全部到位。\n2.规范执法。\n"
    assert findings(text, all_rules, select=["structure"]) == []


def test_merged_parts_satisfy_two_families(all_rules):
    text = ("青山县司法局2024年度法治政府建设情况报告\n一、党政主要负责人履行推进法治建设第一责任人职责情况\n"
            "二、主要举措和成效\n三、存在的不足和2025年主要安排\n四、其他需要报告的情况\n")
    assert findings(text, all_rules, select=["S0"]) == []


def test_required_parts_only_for_law_based_government_reports(all_rules):
    text = "青山县司法局2024年度政府信息公开工作年度报告\n一、总体情况\n"
    assert findings(text, all_rules, select=["S001", "S002", "S003", "S004", "S005"]) == []


def test_inline_sequence_restart_is_allowed(all_rules):
    text = "一、主要举措\n一是健全规则，二是严格审查。另外，一是加强学习，二是加强实践。\n"
    assert findings(text, all_rules, select=["S110"]) == []


@pytest.mark.parametrize("text, expected", [
    # Backwards: 一是 三是 二是 is a gap, then a step back (not a restart: that would be 一是).
    ("一、主要举措\n一是加强学习；三是完善制度；二是严格执法。\n", [
        ("S110", 2, 8, "“一是、二是”序列有误：“一是”之后是“三是”，缺少“二是”"),
        ("S110", 2, 15, "“一是、二是”序列有误：“三是”之后倒退为“二是”")]),
    ("一、主要举措\n一是加强学习；二是完善制度；三是严格执法；二是强化监督。\n", [
        ("S110", 2, 22, "“一是、二是”序列有误：“三是”之后倒退为“二是”")]),
])
def test_inline_sequence_going_backwards(all_rules, text, expected):
    assert findings(text, all_rules, select=["S110"]) == expected


def test_inline_sequence_not_fooled_by_words(all_rules):
    text = "一、主要举措\n统一是前提，唯一是标准，二是严格审查。\n"
    assert findings(text, all_rules, select=["S110"]) == []


@pytest.mark.parametrize("marker", ["1.", "1．", "1、", "（1）", "(1)", "①", "（一）", "一、"])
def test_inline_sequence_right_after_a_heading_marker(all_rules, marker):
    # 一是 directly after the marker opens the sequence (issue 9, item 24).
    heading = "" if marker == "一、" else "一、主要举措\n"
    text = f"{heading}{marker}一是健全规则。二是严格审查。三是加强备案。\n"
    assert findings(text, all_rules, select=["S110"]) == []


def test_inline_sequence_after_a_marker_still_checked(all_rules):
    text = "一、主要举措\n1.一是健全规则。三是加强备案。\n"
    assert findings(text, all_rules, select=["S110"]) == [
        ("S110", 2, 10, "“一是、二是”序列有误：“一是”之后是“三是”，缺少“二是”")]


# Where an item may open: the line start, after a clause mark, a closing bracket or quote, or a space;
# never after a character, and never as the end of four numerals or more. Each case: the words
# between "一是健全规则" and "三是…", and whether the 三是 counts (then 二是 is missing).
@pytest.mark.parametrize("between, counts", [
    ("。", True), ("；", True), ("，", True), ("：", True), ("）", True), ("”", True), ("」", True),
    ("、", True), (" ", True), ("\u3000", True), (",", True), ("!", True),
    ("统", False), ("a", False), ("2", False), ("《", False),
    ("。十二", False),  # 十二三是: three numerals after the mark, but not a number
    ("。一二", False),  # 一二三是: likewise
])
def test_inline_item_opens_a_clause(all_rules, between, counts):
    text = f"一、主要举措\n一是健全规则{between}三是加强备案。\n"
    column = len("一是健全规则" + between) + 1
    assert findings(text, all_rules, select=["S110"]) == ([
        ("S110", 2, column, "“一是、二是”序列有误：“一是”之后是“三是”，缺少“二是”")] if counts else [])


def test_inline_items_of_two_and_three_numerals(all_rules):
    text = "一、主要举措\n十是健全规则。十一是严格审查。十三是加强备案。\n一二三四是数字，一是否可行。\n"
    assert findings(text, all_rules, select=["S110"]) == [
        ("S110", 2, 1, "“一是、二是”序列有误：从“十是”开始，缺少“一是”"),
        ("S110", 2, 16, "“一是、二是”序列有误：“十一是”之后是“十三是”，缺少“十二是”")]


def test_marker_punctuation_fix_keeps_the_inline_sequence_clean(all_rules):
    from .test_fixes import fixed

    text = "一、主要举措\n1、一是健全规则。二是严格审查。三是加强备案。\n"
    after = fixed(text, all_rules, select=["S107", "S110"])
    assert after == "一、主要举措\n1.一是健全规则。二是严格审查。三是加强备案。\n"
    assert findings(after, all_rules, select=["S110"]) == []


# --- Issue 10 §2: the parts real reports name differently -------------------------------

_TITLE = "青山县司法局2024年度法治政府建设情况报告\n"
_REST = ("二、党政主要负责人履行推进法治建设第一责任人职责情况\n三、存在的不足和原因\n"
         "四、2025年工作安排\n五、其他需要报告的情况\n")
_S001 = ("S001", 1, 1, "没有单列“主要举措和成效”部分（一级标题中没有“举措”“成效”“做法”“工作开展情况”等字样，"
                      "也没有两个以上的工作主题标题）")


@pytest.mark.parametrize("heading", [
    "一、2023年度法治政府建设主要情况", "一、全市法治政府建设情况", "一、工作完成情况",
    "一、2024年工作情况", "一、主要工作开展情况", "一、2024年法治政府建设基本情况",
    "一、2022年法治政府建设主要措施", "一、六项措施推进法治政府建设", "一、2024年工作回顾",
])
def test_measures_part_named_differently(all_rules, heading):
    text = _TITLE + heading + "\n" + _REST
    assert findings(text, all_rules, select=["S001"]) == []


@pytest.mark.parametrize("heading", [
    "一、存在的问题",  # the shortcomings part, not measures
    "一、党政主要负责人履行推进法治建设第一责任人职责情况",  # the responsibility part
    "一、2025年主要措施",  # the year after the report year: plans
    "一、2025年主要工作安排",  # "主要工作" inside a plans heading
    "一、其他需要报告的情况",
])
def test_measures_part_traps(all_rules, heading):
    text = _TITLE + heading + "\n二、存在的不足和原因\n"
    assert findings(text, all_rules, select=["S001"]) == [_S001]


def test_shortcomings_part_named_differently(all_rules):
    text = _TITLE + "一、主要举措和成效\n二、工作中的薄弱环节\n"
    assert findings(text, all_rules, select=["S002"]) == []
    text = _TITLE + "一、主要举措和成效\n二、依法行政水平进一步提升\n"
    assert findings(text, all_rules, select=["S002"]) == [
        ("S002", 1, 1, "没有单列“存在的不足和原因”部分（一级标题中没有“不足”“问题”“短板”“差距”等字样）")]


def test_responsibility_part_named_differently(all_rules):
    for heading in ("二、主要负责人履职情况", "二、党政主要负责人推进法治建设情况",
                    "二、履行法治建设第一责任职责情况"):
        text = _TITLE + "一、主要举措和成效\n" + heading + "\n"
        assert findings(text, all_rules, select=["S003"]) == [], heading
    text = _TITLE + "一、主要举措和成效\n二、领导干部带头学法\n"
    assert findings(text, all_rules, select=["S003"]) == [
        ("S003", 1, 1, "没有单列“党政主要负责人履行推进法治建设第一责任人职责情况”部分（一级标题中没有"
                       "“第一责任人”“主要负责人履行”“主要负责同志履行”“主要负责人履职”等字样）")]


def test_plans_part_named_differently(all_rules):
    for heading in ("三、下一阶段工作重点", "三、今后工作设想", "三、明年主要安排", "三、工作展望"):
        text = _TITLE + "一、主要举措和成效\n二、存在的不足\n" + heading + "\n"
        assert findings(text, all_rules, select=["S004"]) == [], heading
    # A plans heading for the report year itself is not the next year's plans.
    text = _TITLE + "一、主要举措和成效\n二、存在的不足\n三、2024年重点任务\n"
    assert findings(text, all_rules, select=["S004"]) == [
        ("S004", 1, 1, "没有单列“下一年度推进法治政府建设的主要安排”部分（一级标题中没有“下一年度”“下一步”"
                       "“工作安排”“工作打算”等字样，也没有“报告年度＋1年”的安排）")]


def test_other_matters_part_named_differently(all_rules):
    text = _TITLE + "一、主要举措和成效\n二、意见和建议\n"
    assert findings(text, all_rules, select=["S005"]) == []


def test_measures_heading_year_is_checked(all_rules):
    # "基本情况" names the measures part, so its year must be the report year (D003).
    text = "青山县司法局2025年法治政府建设年度报告\n一、2024年法治政府建设基本情况\n全年推进依法行政。\n"
    assert findings(text, all_rules, select=["D003"]) == [
        ("D003", 2, 3, "标题写的是2024年，而报告年度是2025年")]


def test_rule_s001_states_the_families():
    from typer.testing import CliRunner

    from lintlaw.cli import app

    result = CliRunner().invoke(app, ["rule", "S001"])
    assert result.exit_code == 0
    assert "1. 标题中有“举措”“成效”“做法”“工作开展情况”" in result.stdout
    assert "2. 标题中有“情况”“措施”“主要工作”“工作回顾”“工作总结”“成绩”“进展”" in result.stdout
    assert "而“二、存在的问题”是不足部分" in result.stdout


# --- Issue 10 §3: numbering styles that are not errors ----------------------------------

_CONTINUOUS = ("一、主要举措和成效\n（一）完善制度\n1.修订规章。\n2.清理文件。\n（二）规范执法\n3.推行清单。\n"
               "4.开展评查。\n5.培训人员。\n（三）强化监督\n6.接受监督。\n二、存在的不足\n（一）队伍建设\n"
               "1.人员不足。\n2.培训不够。\n（二）制度落实\n3.落实不够。\n")


def test_level3_numbered_through_the_part_is_a_style(all_rules):
    assert findings(_CONTINUOUS, all_rules, select=["structure"]) == []


def test_break_of_the_continuous_style_is_reported(all_rules):
    text = _CONTINUOUS.replace("6.接受监督", "8.接受监督").replace("3.落实不够", "2.落实不够")
    assert findings(text, all_rules, select=["structure"]) == [
        ("S101", 10, 1, "编号不连续：“5.”之后是“8.”，缺少“6.”“7.”"),
        ("S102", 16, 1, "编号重复：“2.”与上一个同级标题的编号相同"),
    ]


def test_continuous_style_allows_a_restart_at_one(all_rules):
    text = _CONTINUOUS.replace("6.接受监督", "1.接受监督")
    assert findings(text, all_rules, select=["structure"]) == []


def test_restart_style_still_reports_a_late_start(all_rules):
    # Each （n） restarts at 1., so the one run that starts at 3. is a late start.
    text = ("一、主要举措\n（一）完善制度\n1.修订规章。\n2.清理文件。\n（二）规范执法\n1.推行清单。\n"
            "2.开展评查。\n（三）强化监督\n3.接受监督。\n4.公开结果。\n")
    assert findings(text, all_rules, select=["structure"]) == [
        ("S104", 9, 1, "编号从“3.”开始，缺少“1.”")]


def test_outlook_heading_year_is_a_plans_year(all_rules):
    # "展望" names the plans part: its year is the next year, not a stale report year (D003),
    # and it must be the year after the report year (D005).
    text = ("青山县司法局2024年法治政府建设年度报告\n一、2024年法治政府建设工作情况\n全年推进依法行政。\n"
            "二、2025年法治政府建设工作情况展望\n继续推进。\n")
    assert findings(text, all_rules, select=["D003", "D005"]) == []
    text = text.replace("2025年法治", "2024年法治", 1)
    assert findings(text, all_rules, select=["D003", "D005"]) == [
        ("D005", 4, 3, "下一年度安排应针对2025年，这里写的是2024年（报告年度2024年）")]


# （一）（二） before the first 一、 (an opening in sections): a run with no part above it. Under
# 一、 the level starts again at （一）, a restart that counts against numbering straight through,
# so a run under 二、 that goes on from （二） is a late start.
_OPENING_IN_SECTIONS = ("甲县司法局2024年度法治政府建设情况报告\n（一）学习宣传\n开展学法活动。\n（二）依法决策\n"
                        "落实合法性审查。\n一、主要举措和成效\n（一）健全制度\n制定办法。\n（二）严格执法\n开展检查。\n"
                        "二、存在的不足和原因\n（一）执法力量不足\n人员偏少。\n（二）制度落实不够\n仍有差距。\n")


@pytest.mark.parametrize("changes, expected", [
    ({}, []),
    ({"（一）执法力量不足": "（二）执法力量不足", "（二）制度落实不够": "（三）制度落实不够"},
     [("S104", 12, 1, "编号从“（二）”开始，缺少“（一）”")]),
    ({"（一）执法力量不足": "（三）执法力量不足", "（二）制度落实不够": "（四）制度落实不够"},
     [("S104", 12, 1, "编号从“（三）”开始，缺少“（一）”")]),
    ({"（二）严格执法": "（一）严格执法"}, [("S102", 9, 1, "编号重复：“（一）”与上一个同级标题的编号相同")]),
])
def test_level2_headings_before_the_first_part_and_a_later_restart(all_rules, changes, expected):
    text = _OPENING_IN_SECTIONS
    for old, new in changes.items():
        text = text.replace(old, new)
    assert findings(text, all_rules, select=["S1"]) == expected


def test_level2_numbered_through_the_report_is_a_style(all_rules):
    text = ("一、主要举措\n（一）完善制度。\n（二）规范执法。\n二、存在的不足\n（三）队伍建设不足。\n"
            "（四）制度落实不够。\n三、2025年工作安排\n（五）继续推进。\n")
    assert findings(text, all_rules, select=["S1"]) == []
    assert findings(text.replace("（五）", "（七）"), all_rules, select=["S1"]) == [
        ("S101", 8, 1, "编号不连续：“（四）”之后是“（七）”，缺少“（五）”“（六）”")]


def test_an_empty_heading_followed_by_its_own_number_again_is_a_duplicate_not_empty(all_rules):
    # "二、存在的不足" looks empty, but the next heading repeats 二、: its content is there,
    # misnumbered. The heading before it (一、) is no such repeat.
    text = "一、主要举措\n内容。\n二、存在的不足\n二、工作安排\n内容。\n"
    assert findings(text, all_rules, select=["S102", "S109"]) == [
        ("S102", 4, 1, "编号重复：“二、”与上一个同级标题的编号相同")]


def test_a_heading_is_bare_words_whatever_letters_it_holds(all_rules):
    # Only a sentence's end or a ；/; makes a heading say something: a Latin letter does not.
    text = "一、主要举措\n（一）X光机管理\n（二）依法履职\n全年办理案件12件。\n"
    assert findings(text, all_rules, select=["S109"]) == [("S109", 2, 1, "标题“（一）X光机管理”下没有内容")]


@pytest.mark.parametrize("text, expected", [
    # Two or more items that start past 一是: the first is lacking.
    ("一、主要举措\n二是健全规则，三是严格审查。\n", [("S110", 2, 1, "“一是、二是”序列有误：从“二是”开始，缺少“一是”")]),
    # A lone 二是 is no sequence.
    ("一、主要举措\n二是健全规则。\n", []),
])
def test_an_inline_sequence_that_does_not_start_at_one(all_rules, text, expected):
    assert findings(text, all_rules, select=["S110"]) == expected


def test_an_inline_finding_points_at_its_item(all_rules):
    text = "一、主要举措\n1.一是健全规则。三是加强备案。\n"
    assert flagged(text, all_rules, select=["S110"]) == [("S110", "三是")]



SET_APART = """青山县财政局2024年部门预算
部门主要职能
一、负责财政收支管理。
二、负责预算编制。
部门机构设置
1.青山县财政局（本部）。
2.青山县财政票据中心。
其他相关情况说明
一、“三公”经费预算情况说明。
二、机关运行经费预算。
"""


def _set_apart_source(text: str, titles: set[int]):
    from dataclasses import replace

    from .helpers import source_of

    return replace(source_of(text), set_apart=frozenset(titles))


def test_numbering_starts_again_under_a_title_the_layout_sets_apart(all_rules):
    """A PDF's centred, larger lines are titles of new parts: 1. under 机构设置 is no level skip
    under 二、, and 一、 under 其他相关情况说明 no restart without a parent."""
    from lintlaw.analysis.document import build_document
    from lintlaw.engine.linter import lint

    titles = {1, 4, 7}  # 0-based: 部门主要职能, 部门机构设置, 其他相关情况说明
    source = _set_apart_source(SET_APART, titles)
    assert [d.code for d in lint(source, all_rules) if d.code.startswith("S1")] == []
    report = build_document(source).reports[0]
    assert [(s.marker.raw, [c.marker.raw for c in s.children]) for s in report.sections] == [
        ("一、", []), ("二、", []), ("1.", []), ("2.", []), ("一、", []), ("二、", [])]
    # The titles' text stays with the part before them, not in the introduction.
    assert [line.text for line in report.sections[1].paragraphs] == ["部门机构设置"]
    # The same lines in plain text set nothing apart: the restart and the skip are reported.
    plain = [(d.code, d.message) for d in lint(_set_apart_source(SET_APART, set()), all_rules)
             if d.code in ("S105", "S108")]
    assert plain == [("S108", "标题层级跳跃：“二、”之下直接使用“1.”，跳过了中间一级"),
                     ("S105", "编号在“二、”之后又从“一、”开始，但前面没有新的上级标题（上级标题可能丢失了编号）")]


def test_a_title_right_after_a_damaged_marker_still_starts_the_numbering_again(all_rules):
    from lintlaw.engine.linter import lint

    text = ("青山县财政局2024年部门预算\n部门主要职能\n（一）负责财政收支管理。\n）负责预算编制。\n"
            "其他相关情况说明\n（一）“三公”经费预算情况说明。\n（二）机关运行经费预算。\n")
    codes = [(d.code, d.message) for d in lint(_set_apart_source(text, {1, 4}), all_rules)
             if d.code.startswith("S1")]
    assert codes == [("S106", "标题编号残缺：行首只剩“）”，按顺序应为“（二）”")]
    # Without the title the restart has no parent.
    codes = [d.code for d in lint(_set_apart_source(text, {1}), all_rules) if d.code.startswith("S1")]
    assert codes == ["S106", "S105"]


_PARTS = ("青山县财政局2024年部门预算\n部门主要职能\n（一）负责财政收支管理。\n{second}\n"
          "其他相关情况说明\n（一）“三公”经费预算情况说明。\n{after}\n")


@pytest.mark.parametrize("second, after, titles, expected", [
    # The title right after the last heading of the first part, right before the restart.
    ("（二）负责预算编制。", "（二）机关运行经费预算。", {1, 4}, []),
    # A title after the restart is not between.
    ("（二）负责预算编制。", "补充说明", {1, 6}, ["S105"]),
    # A heading the layout sets apart (centred, larger) is a heading, not a title between.
    ("（二）负责预算编制。", "（二）机关运行经费预算。", {1, 3, 5}, ["S105"]),
    ("）负责预算编制。", "（二）机关运行经费预算。", {1, 3, 5}, ["S106", "S105"]),
])
def test_where_a_title_stands_against_a_restart(all_rules, second, after, titles, expected):
    from lintlaw.engine.linter import lint

    text = _PARTS.format(second=second, after=after)
    found = [d.code for d in lint(_set_apart_source(text, titles), all_rules) if d.code.startswith("S1")]
    assert found == expected


def test_a_damaged_marker_counts_each_restart_below_the_heading_before_it_as_a_lost_heading(all_rules):
    # 1. starts again twice under （一）: two headings （二）（三） lost their markers, so the
    # damaged one is （四）.
    text = "一、主要举措\n（一）依法履职\n1.完善制度\n2.严格审查\n1.强化监督\n1.化解纠纷\n）坚持依法治教\n"
    assert findings(text, all_rules, select=["S106"]) == [
        ("S106", 7, 1, "标题编号残缺：行首只剩“）”，按顺序应为“（四）”")]
