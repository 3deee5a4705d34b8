"""Headings that nearly match a prescribed title (issue 20, item 8: W017)."""

import pytest

from lintlaw.analysis.near_titles import Title, near_miss

from .helpers import findings

TITLES = [Title.of(t) for t in ["总体 情况", "主动 公开 政府 信息 情况", "收到 和 处理 政府 信息 公开 申请 情况",
                               "政府 信息 公开 行政 复议 、 行政 诉讼 情况", "存在 的 主要 问题 及 改进 情况",
                               "其他 需 要 报告 的 事项"]]


@pytest.mark.parametrize("heading, title, corrected, detail", [
    ("收到和处理政府信公开申请情况", "收到和处理政府信息公开申请情况", "收到和处理政府信息公开申请情况", "少了“息”"),
    ("收到和处理政府信息公开申情况", "收到和处理政府信息公开申请情况", "收到和处理政府信息公开申请情况", "少了“请”"),
    ("收到和和处理政府信息公开申请情况", "收到和处理政府信息公开申请情况", "收到和处理政府信息公开申请情况", "多了“和”"),
    ("收到和处理政府息信公开申请情况", "收到和处理政府信息公开申请情况", "收到和处理政府信息公开申请情况",
     "“信息”写成了“息信”"),
    ("主动公开政府信息况", "主动公开政府信息情况", "主动公开政府信息情况", "少了“情”"),
    ("总体情", "总体情况", "总体情况", "少了“况”"),
    # The heading's own word choice (并 for 和) stays; only the broken word is mended.
    ("收到并处理政府信公开申请情况", "收到和处理政府信息公开申请情况", "收到并处理政府信息公开申请情况", "少了“息”"),
])
def test_a_broken_word_of_a_prescribed_title(heading, title, corrected, detail):
    assert near_miss(heading, TITLES) == (title, corrected, detail)


@pytest.mark.parametrize("heading", [
    "收到和处理政府信息公开申请情况",  # the title itself
    "收到和处理政府信息公开申请的情况",  # a word added between words
    "主动公开政府信息工作情况",
    "收到和处理政府信息公开申请情况表",
    "收到和处理信息公开申请情况",  # a whole word dropped
    "存在的问题及改进情况",
    "存在主要问题及改进情况",
    "政府信息公开行政复议、诉讼情况",
    "其他需要报告事项",
    "其他需报告的事项",  # 需 for 需要
    "收到并处理政府信息公开申请情况",  # a word replaced
    "存在的主要问题和改进情况",
    "存在的主要问题及改进措施",
    "其他需要报告的情况",
    "政府信息公开行政复议,行政诉讼情况",
    "总体概况",
    "收到和處理政府信息公開申請情況",  # traditional characters
    "基本情况",  # too far from any title to be a slip
    "依申请公开政府信息情况",
])
def test_wording_a_report_may_choose(heading):
    assert near_miss(heading, TITLES) is None


XXGK = "甲市农业农村局2024年政府信息公开工作年度报告\n"


def test_only_in_a_government_information_report(all_rules):
    heading = "三、收到和处理政府信公开申请情况\n本部分内容。\n"
    assert findings(XXGK + heading, all_rules, select=["W017"]) == [
        ("W017", 2, 3, "标题“收到和处理政府信公开申请情况”疑有错漏（少了“息”），"
                       "年度报告格式规定的标题为“收到和处理政府信息公开申请情况”")]
    assert findings("甲市2024年度法治政府建设情况报告\n" + heading, all_rules, select=["W017"]) == []


def test_a_heading_cut_off_by_the_end_of_a_capture_is_not_a_slip(all_rules):
    assert findings(XXGK + "一、总体情况\n全年主动公开信息120条。\n二、主动公开政府信息情", all_rules,
                    select=["W017"]) == []


def test_a_run_in_heading_is_judged_by_its_words_before_the_first_mark(all_rules):
    text = XXGK + "三、收到和处理政府信公开申请情况：本年度共收到申请12件。\n（一）予以公开\n"
    assert findings(text, all_rules, select=["W017"]) == [
        ("W017", 2, 3, "标题“收到和处理政府信公开申请情况”疑有错漏（少了“息”），"
                       "年度报告格式规定的标题为“收到和处理政府信息公开申请情况”")]
