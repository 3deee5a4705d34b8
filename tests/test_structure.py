import pytest

from .conftest import FIXTURES, findings


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


def test_required_parts_only_for_fazhi_reports(all_rules):
    text = "青山县司法局2024年度政府信息公开工作年度报告\n一、总体情况\n"
    assert findings(text, all_rules, select=["S0"]) == []


def test_inline_sequence_restart_is_allowed(all_rules):
    text = "一、主要举措\n一是健全规则，二是严格审查。另外，一是加强学习，二是加强实践。\n"
    assert findings(text, all_rules, select=["S110"]) == []


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


def test_marker_punctuation_fix_keeps_the_inline_sequence_clean(all_rules):
    from .test_fixes import fixed

    text = "一、主要举措\n1、一是健全规则。二是严格审查。三是加强备案。\n"
    after = fixed(text, all_rules, select=["S107", "S110"])
    assert after == "一、主要举措\n1.一是健全规则。二是严格审查。三是加强备案。\n"
    assert findings(after, all_rules, select=["S110"]) == []
