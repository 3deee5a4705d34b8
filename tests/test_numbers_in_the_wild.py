"""Issue 10 §6: numbers, dates and marks the way captured reports write them."""

import pytest

from .helpers import findings
from .test_fixes import fixed

TITLE = "甲市教育局2024年度法治政府建设情况报告\n"


# --- a year range whose dash was lost -------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("贯彻《法治政府建设实施纲要（20212025年）》。",
     [("P006", 1, 15, "年份起止用浪纹线或一字线，“20212025”应写作“2021—2025”")]),
    ("落实《甲市“十四五”规划（20212025年）》。",
     [("P006", 1, 14, "年份起止用浪纹线或一字线，“20212025”应写作“2021—2025”")]),
    ("规划期为20212025年。", [("P006", 1, 5, "年份起止用浪纹线或一字线，“20212025”应写作“2021—2025”")]),
])
def test_lost_year_range_dash_is_one_finding(all_rules, text, expected):
    # One finding of all rules: not also a malformed date (D002) or a wrong law title (W013).
    assert findings(text, all_rules) == expected


def test_lost_year_range_dash_fix(all_rules):
    assert fixed("贯彻《法治政府建设实施纲要（20212025年）》。", all_rules) == \
        "贯彻《法治政府建设实施纲要（2021—2025年）》。"


@pytest.mark.parametrize("text", [
    "共投入资金120212025元。",  # a longer number is not two years
    "编号20212025的文件。",  # no 年 after it
    "全年节约用电20212025度。",
])
def test_lost_dash_traps(all_rules, text):
    assert findings(text, all_rules, select=["P006", "D002"]) == []


# --- a weekday after a date, with a space between ------------------------------------

@pytest.mark.parametrize("text, found", [
    ("2024年3月5日 星期三召开会议。", "2024年3月5日 星期三"),
    ("2024年3月5日\u3000星期三召开会议。", "2024年3月5日\u3000星期三"),
    ("2024年3月5日\t周三召开会议。", "2024年3月5日\t周三"),
    ("2024年3月5日 （星期三）召开会议。", "2024年3月5日 （星期三）"),
])
def test_weekday_after_a_space_is_checked(all_rules, text, found):
    assert findings(text, all_rules, select=["D008"]) == [
        ("D008", 1, 1, f"“{found}”的星期不对：这一天是星期二")]


PAGE_BELOW_HEADER = "\n甲市2024年度法治政府建设情况报告\n一、主要举措和成效\n"


@pytest.mark.parametrize("text, expected", [
    # A page header's date with its weekday as 周 or 礼拜, not only 星期.
    ("2024年3月5日 周一" + PAGE_BELOW_HEADER, [("D008", 1, 1, "“2024年3月5日 周一”的星期不对：这一天是星期二")]),
    ("2024年3月5日 礼拜一" + PAGE_BELOW_HEADER, [("D008", 1, 1, "“2024年3月5日 礼拜一”的星期不对：这一天是星期二")]),
    # A header's dates are its own line's: a wrong weekday below it is reported once.
    ("2024年3月5日 星期二" + PAGE_BELOW_HEADER + "2024年3月5日 星期三召开会议。\n",
     [("D008", 4, 1, "“2024年3月5日 星期三”的星期不对：这一天是星期二")]),
    ("2024-03-05 星期二" + PAGE_BELOW_HEADER + "2024-03-05 星期三\n",
     [("D008", 4, 1, "“2024-03-05 星期三”的星期不对：这一天是星期二")]),
    # Nor are the dates of the text below it read as the header's: a 《》 title's date is a name.
    ("2024年3月5日 星期二" + PAGE_BELOW_HEADER + "印发《2024年3月5日 星期三会议纪要》。\n", []),
    ("2024-03-05 星期二" + PAGE_BELOW_HEADER + "印发《2024-03-05 星期三会议纪要》。\n", []),
])
def test_weekday_in_a_page_header(all_rules, text, expected):
    assert findings(text, all_rules, select=["D008"]) == expected


def test_weekday_bracket_closes_only_what_it_opened(all_rules):
    # The ")" after 周三 closes the bracket before the date, not a weekday bracket.
    assert findings("召开会议（2024年3月5日 周三）。", all_rules, select=["D008"]) == [
        ("D008", 1, 6, "“2024年3月5日 周三”的星期不对：这一天是星期二")]


@pytest.mark.parametrize("text", [
    "2024年3月5日 星期二召开会议。",
    "自2024年3月6日 周一至周五每天开放。",  # 周一至周五 is a span of days, not the date's weekday
])
def test_weekday_traps(all_rules, text):
    assert findings(text, all_rules, select=["D008"]) == []


# --- half-width "(" never closed, or closed by another mark -------------------------

@pytest.mark.parametrize("text, expected", [
    ("落实规划(2021—2025年，继续推进。", [("P001", 1, 5, "「(」没有配对的后半个（应与「）」成对）")]),
    ("落实规划（2021—2025年》要求。",
     [("P001", 1, 5, "「（」没有配对的后半个，却以「》」收尾（应与「）」成对）")]),
    ("落实规划(2021—2025年》要求。",
     [("P001", 1, 5, "「(」没有配对的后半个，却以「》」收尾（应与「）」成对）")]),
])
def test_half_width_and_mismatched_brackets(all_rules, text, expected):
    assert findings(text, all_rules, select=["P001"]) == expected


@pytest.mark.parametrize("text", [
    "包括：1)学习；2)培训。",  # ")" numbering list items
    "（包括：1)学习；2)培训）。",
    "见附件(a)和(b)。",
    "办法(试行）和办法（试行)。",  # mixed widths pair up (P009's finding, not P001's)
    "see the file (report",  # no Chinese next to the "("
    "推出“3233”工作模式(3天内办结)。",
])
def test_half_width_bracket_traps(all_rules, text):
    assert findings(text, all_rules, select=["P001"]) == []


def test_orphan_closing_quote_inside_brackets_is_the_quote(all_rules):
    # The quote lost its opening half; the bracket is fine.
    assert findings("推出模式(严格落实到位”)，不断提高。", all_rules, select=["P001"]) == [
        ("P001", 1, 12, "「”」前面没有对应的前半个（应与「“」成对）")]


# --- <…> and ‹…› used as inner title marks --------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("学习《关于印发<甲市执法办法>的通知》。",
     [("P002", 1, 8, "书名号内的书名号应改用单书名号〈〉：<甲市执法办法>")]),
    ("学习《关于印发‹甲市执法办法›的通知》。",
     [("P002", 1, 8, "书名号内的书名号应改用单书名号〈〉：‹甲市执法办法›")]),
])
def test_angle_brackets_inside_titles(all_rules, text, expected):
    assert findings(text, all_rules, select=["P002"]) == expected


def test_angle_brackets_inside_titles_fix(all_rules):
    assert fixed("学习《关于印发<甲市执法办法>的通知》。", all_rules) == "学习《关于印发〈甲市执法办法〉的通知》。"
    assert fixed("学习《关于印发‹甲办法›的通知》。", all_rules) == "学习《关于印发〈甲办法〉的通知》。"


@pytest.mark.parametrize("text", [
    "当 a<b 且 c>d 时成立。",  # outside any title
    "学习《甲<乙》。",  # never closed inside the title
    "学习《甲>乙<丙》。",
    "学习《<b>宪法</b>》。",  # markup, not a title
])
def test_angle_bracket_traps(all_rules, text):
    assert findings(text, all_rules, select=["P002"]) == []


# --- 46。8万元 --------------------------------------------------------------------

@pytest.mark.parametrize("before, after", [
    ("全年减免费用46。8万元。", "全年减免费用46.8万元。"),
    ("群众满意率达93。4%。", "群众满意率达93.4%。"),
    ("拨付资金1。2亿元。", "拨付资金1.2亿元。"),
])
def test_decimal_full_stop_fix_is_safe(all_rules, before, after):
    assert fixed(before, all_rules) == after


def test_full_stop_between_sentences_is_kept(all_rules):
    assert fixed("共办理30件。2024年还将继续推进。", all_rules) == "共办理30件。2024年还将继续推进。"


# --- page dates in every header form feed D006/D007 ------------------------------------

@pytest.mark.parametrize("header, expected", [
    ("发布时间：2025-05-20 02:59:38", ("D006", 1, 6, "发布日期“2025-05-20”晚于公开期限2025年4月1日")),
    ("更新时间：2025/05/29", ("D006", 1, 6, "更新日期“2025/05/29”晚于公开期限2025年4月1日")),
    ("时间：2025-06-28", ("D006", 1, 4, "发布日期“2025-06-28”晚于公开期限2025年4月1日")),
    ("日期：2025年7月1日", ("D006", 1, 4, "发布日期“2025年7月1日”晚于公开期限2025年4月1日")),
    ("文章来源：甲市司法局 更新时间：2025/05/29", ("D006", 1, 17, "更新日期“2025/05/29”晚于公开期限2025年4月1日")),
    ("发布时间：2024-12-20", ("D007", 1, 6, "发布日期“2024-12-20”早于报告年度2024年结束，年度报告不可能在此之前成文")),
    ("时间:2024/11/29 来源:本网", ("D007", 1, 4, "发布日期“2024/11/29”早于报告年度2024年结束，年度报告不可能在此之前成文")),
    ("文章來源：甲市政府 發布時間：2025-04-11", ("D006", 1, 16, "发布日期“2025-04-11”晚于公开期限2025年4月1日")),
])
def test_page_dates_in_header_forms(all_rules, header, expected):
    text = header + "\n" + TITLE + "一、主要举措和成效\n"
    assert findings(text, all_rules, select=["D006", "D007"]) == [expected]


@pytest.mark.parametrize("text", [
    # In time.
    "时间：2025-03-28\n" + TITLE + "一、主要举措和成效\n",
    # An update after the deadline says nothing when the page gives its publication date.
    "发布时间：2025-03-20 更新时间：2025/06/29\n" + TITLE + "一、主要举措和成效\n",
    # A meeting time in the text is not page metadata.
    TITLE + "一、主要举措和成效\n会议时间：2025-08-01，地点：会议室。\n",
    # The same date given twice is one date.
    "发布时间：2025-03-20\n日期：2025-03-20\n" + TITLE + "一、主要举措和成效\n",
])
def test_page_date_traps(all_rules, text):
    assert findings(text, all_rules, select=["D006", "D007"]) == []


def test_repeated_late_page_date_is_reported_once(all_rules):
    text = "发布时间：2025-05-20\n" + TITLE + "日期：2025-05-20\n一、主要举措和成效\n"
    assert findings(text, all_rules, select=["D006"]) == [
        ("D006", 1, 6, "发布日期“2025-05-20”晚于公开期限2025年4月1日")]


def test_page_dates_are_listed_by_tree_facts(tmp_path):
    from .test_cli import run

    path = tmp_path / "r.txt"
    path.write_text("更新时间：2025/03/29\n" + TITLE + "一、主要举措和成效\n", encoding="utf-8")
    result = run("tree", "--facts", str(path))
    assert "更新日期：2025/03/29  第1行" in result.output


def test_mark_cut_off_with_the_end_of_the_text_is_not_unbalanced(all_rules):
    # A capture that stops mid-title: the closing mark went with the rest of the text.
    assert findings("制定了《甲县法治政府建设实施方案(20", all_rules, select=["P001"]) == []
    # A complete last line, or a line followed by others, is still checked.
    assert findings("学习《中华人民共和国宪法。", all_rules, select=["P001"]) == [
        ("P001", 1, 3, "「《」没有配对的后半个（应与「》」成对）")]
    assert findings("制定了《甲县实施方案\n下一段。", all_rules, select=["P001"]) == [
        ("P001", 1, 4, "「《」没有配对的后半个（应与「》」成对）")]


@pytest.mark.parametrize("text, expected", [
    ("发布时间：2025-05-20 02:59:38\n青山县司法局2024年度法治政府建设工作总结\n一、主要举措和成效\n全年办结案件35件。\n",
     [("D006", 1, 6, "发布日期“2025-05-20”晚于公开期限2025年4月1日")]),
    ("青山县司法局2024年度法治政府建设工作总结 篇一\n时间：2024-12-28\n一、主要举措和成效\n全年办结案件35件。\n",
     [("D007", 2, 4, "发布日期“2024-12-28”早于报告年度2024年结束，年度报告不可能在此之前成文")]),
])
def test_page_dates_of_a_work_summary(all_rules, text, expected):
    assert findings(text, all_rules, select=["D006", "D007"]) == expected
