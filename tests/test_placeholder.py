import pytest

from .helpers import findings


@pytest.mark.parametrize("text, expected", [
    ("20__年，全县办理案件35件。", [("T001", 1, 3, "模板占位符“__”未填写")]),
    ("__县人民政府", [("T001", 1, 1, "模板占位符“__”未填写")]),
    ("202_年", [("T001", 1, 4, "模板占位符“_”未填写")]),
    ("根据XX县要求", [("T002", 1, 3, "模板占位符“XX”未替换")]),
    ("2023年xx月xx日", [("T002", 1, 6, "模板占位符“xx”未替换"), ("T002", 1, 9, "模板占位符“xx”未替换")]),
    ("（X办发〔X〕X号）", [("T002", 1, 2, "模板占位符“X”未替换"), ("T002", 1, 6, "模板占位符“X”未替换"),
                       ("T002", 1, 8, "模板占位符“X”未替换")]),
    ("学习十X届X中全会精神", [("T002", 1, 4, "模板占位符“X”未替换"), ("T002", 1, 6, "模板占位符“X”未替换")]),
    ("开展培训*次", [("T003", 1, 5, "模板占位符“*”未替换")]),
    ("全年办理【待补充】件", [("T004", 1, 5, "起草提示“【待补充】”未删除")]),
])
def test_placeholders_found(all_rules, text, expected):
    assert findings(text, all_rules, select=["placeholder"]) == expected


@pytest.mark.parametrize("text", [
    "张某与某公司劳动争议一案经调解结案。",  # 某 in a case narrative
    "场地面积为4×3米。",  # × between numbers
    "注：*为当年新增项目。",  # a footnote asterisk
    "配备X射线安检设备。",
    "学习党的二十届三中全会精神。",
    "（此件公开发布）",
    "下载 report_2024.txt 文件",
])
def test_placeholder_traps_are_not_flagged(all_rules, text):
    assert findings(text, all_rules, select=["placeholder"]) == []


def test_mou_only_in_title_and_signature(all_rules):
    text = "某县司法局2024年度法治政府建设情况报告\n一、主要举措和成效\n某县一案已办结。\n"
    assert findings(text, all_rules, select=["T005"]) == [
        ("T005", 1, 1, "标题或落款中的“某县”是模板占位，应写明实际名称")]


# Issue 10 §7: instructions in brackets and a lone * standing for a name.
@pytest.mark.parametrize("text, expected", [
    ("全年培训执法人员（填写人数）人。", [("T004", 1, 9, "起草提示“（填写人数）”未删除")]),
    ("办理复议案件（填写具体数字）件。", [("T004", 1, 7, "起草提示“（填写具体数字）”未删除")]),
    ("由（此处填写单位名称）牵头。", [("T004", 1, 2, "起草提示“（此处填写单位名称）”未删除")]),
    ("为推动*高质量发展提供保障。", [("T003", 1, 4, "模板占位符“*”未替换")]),
    ("开展培训**次。", [("T003", 1, 5, "模板占位符“**”未替换")]),
    ("推动*高质量发展*，推进*建设。", [("T003", 1, 13, "模板占位符“*”未替换")]),
])
def test_instruction_and_asterisk_placeholders(all_rules, text, expected):
    assert findings(text, all_rules, select=["placeholder"]) == expected


@pytest.mark.parametrize("text", [
    "注*表示当年新增项目。",  # a footnote mark after 注
    "新增重点项目3个*",  # a footnote mark at the end of the line
    "**县司法局**牵头组织。",  # Markdown bold
    "**一、主要举措**市教育局牵头。",
    "推动*高质量发展*。",  # Markdown italics
    "场地面积为5*8米，共5*8=40平方米。",  # arithmetic
    "指导群众填写申请表（填写完毕后当场提交）。",  # describes a step, names nothing to fill in
])
def test_asterisk_and_instruction_traps(all_rules, text):
    assert findings(text, all_rules, select=["placeholder"]) == []
