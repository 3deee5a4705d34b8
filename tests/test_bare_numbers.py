"""Numbers a capture left without their measure word (N005) or 年 (D011): the defects real pages
show and the numbers that name rather than count, which must be left alone."""

import pytest

from lintlaw.engine.ruleset import load_rules, select_rules

from .helpers import findings

RULES = select_rules(load_rules(), ["N005", "D011"], None)


@pytest.mark.parametrize("text, expected", [
    ("2024年，我区入学申报就读人数26907家长在平台评价。", [("N005", 1, 17, "“26907家长”")]),
    ("等3依法治校示范校典型案例被采用。", [("N005", 1, 2, "“3依法”")]),
    ("居全市第一。6学生参加全国决赛。", [("N005", 1, 7, "“6学生”")]),
    ("开具整改通知书105、行政处罚8家次。", [("N005", 1, 8, "“改通知书105”")]),
    ("一、2025工作开展情况", [("D011", 1, 3, "“2025工作”")]),
    ("实施周期为2025全年度。", [("D011", 1, 6, "“2025全年”")]),
])
def test_lost_measure_word_or_year_is_reported(text, expected):
    found = [(code, line, column, message[:message.index("”") + 1])
             for code, line, column, message in findings(text, RULES)]
    assert found == expected


@pytest.mark.parametrize("text", [
    "拨打12345政务服务便民热线、12315投诉热线和110报警电话。",
    "推进5G网络建设，落实营商环境4.0版措施，推广3D打印。",
    "执行GB/T 9704-2012标准，办理W-08街坊改造，PM2.5浓度下降。",
    "依据《条例》第3条第2款，第3批次名单已公布。",
    "办结率100%，满意率99.5%。",
    "2024年度共办理案件35件，2024届毕业生就业，2025版目录。",
    "通过门户网站公开信息2017条，出动执法人员346人次。",
    "开展“3·15”国际消费者权益日和“12·4”国家宪法日宣传。",
    "联合12部门开展专项行动，覆盖京津冀3地。",
    "近3年来，全市90后干部占比10%，1对1帮扶200户。",
    "附件1、附件2，表1。",
    "获得一等奖2人、二等奖4人、三等奖15人。",
])
def test_numbers_that_name_or_count_properly_are_left_alone(text):
    assert findings(text, RULES) == []


def test_table_cells_are_not_running_text():
    table = "\n".join([
        "一、本年新收政府信息公开申请数量|5|0|0|0|0|0|5",
        "二、上年结转政府信息公开申请数量|0|0|0|0|0|0|0",
    ])
    assert findings(table, RULES) == []
