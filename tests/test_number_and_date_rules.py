"""Number (N) and date (D) rules: findings with their positions, and the traps."""

import pytest

from .helpers import findings, flagged

TITLE = "甲市教育局2024年度法治政府建设情况报告\n"


@pytest.mark.parametrize("text, expected", [
    ("全年开展讲座16余次。", [("N001", 1, 7, "“16余”自相矛盾：“余”“多”只能跟在整十、整百等概数后面")]),
    ("培训教师9.8余人。", [("N001", 1, 5, "“9.8余”自相矛盾：“余”“多”只能跟在整十、整百等概数后面")]),
    ("参测率%，居全市第一。", [("N002", 1, 4, "“%”前面没有数字")]),
    ("群众满意率达93。4%。", [("N003", 1, 7, "“93。4”中的小数点写成了句号“。”，应为“93.4”")]),
    ("全年减免费用46。8万元。", [("N003", 1, 7, "“46。8”中的小数点写成了句号“。”，应为“46.8”")]),
    ("6名学生参加第届全国学生学宪法讲宪法活动。", [("N004", 1, 7, "“第届”中缺少序数，如“第六届”“第3次”")]),
])
def test_number_findings(all_rules, text, expected):
    assert findings(text, all_rules, select=["number"]) == expected


@pytest.mark.parametrize("text", [
    "全年开展讲座10余次，培训1200余人，覆盖1.5万余人。",
    "持续1年多时间。",
    "比例在15%～30%之间，占比(%)见附表。",
    "共办理30件。2024年还将继续推进。",
    '"12。4"国家宪法日',  # a day–month name belongs to the punctuation rules
    "书香门第，科举及第。",
    "学习党的二十届三中全会精神，第六届宪法卫士活动。",
    "拨打12345政务热线，每月1至2次。",
])
def test_number_traps(all_rules, text):
    assert findings(text, all_rules, select=["number"]) == []


@pytest.mark.parametrize("text, expected", [
    ("2024年2月30日召开会议。", [("D001", 1, 1, "日期“2024年2月30日”不存在")]),
    ("20243月，开通督导热线。", [("D002", 1, 1, "日期“20243月”残缺：年、月、日的字样丢失了")]),
    ("印发《2024度全区教育系统工作要点》。", [("D002", 1, 4, "日期“2024度”残缺：年、月、日的字样丢失了")]),
    ("甲市教育局\n    2025121\n", [("D009", 2, 5, "落款日期“2025121”残缺：年、月、日的字样丢失了")]),
    ("2024年12月4日（星期二）召开动员会。",
     [("D008", 1, 1, "“2024年12月4日（星期二）”的星期不对：这一天是星期三")]),
])
def test_date_findings(all_rules, text, expected):
    assert findings(text, all_rules, select=["date"]) == expected


@pytest.mark.parametrize("text", [
    "全年节约用电2024度。",
    "学习《法治政府建设实施纲要（2021—2025年）》。",
    "渝教发〔2024〕2号",
    "2024年2月29日（星期四）召开会议。",
    "联系电话：023-58123456",
    "2021年1月至2023年12月制定的文件",
])
def test_date_traps(all_rules, text):
    assert findings(text, all_rules, select=["date"]) == []


def report_year_findings(body, rules):
    return findings(TITLE + body, rules, select=["D003", "D004", "D005"])


def test_opening_year_must_be_the_report_year(all_rules):
    body = "2023年，甲市教育局坚持依法治教。\n一、主要举措和成效\n"
    assert report_year_findings(body, all_rules) == [
        ("D003", 2, 1, "正文开头写的是2023年，而报告年度是2024年")]


def test_reporting_sentence_year(all_rules):
    body = "现将2023年法治政府建设情况报告如下：\n一、主要举措和成效\n"
    assert report_year_findings(body, all_rules) == [
        ("D003", 2, 3, "正文开头写的是2023年，而报告年度是2024年")]


def test_measures_heading_year(all_rules):
    body = "一、2023年推进法治政府建设的主要举措和成效\n（一）依法履职\n"
    assert report_year_findings(body, all_rules) == [
        ("D003", 2, 3, "标题写的是2023年，而报告年度是2024年")]


def test_combined_heading_judges_each_year_by_its_words(all_rules):
    body = "一、主要举措和成效\n二、2024年度存在的不足和2025年度的主要安排\n"
    assert report_year_findings(body, all_rules) == []
    body = "一、主要举措和成效\n二、2024年度存在的不足和2024年度的主要安排\n"
    assert report_year_findings(body, all_rules) == [
        ("D005", 3, 15, "下一年度安排应针对2025年，这里写的是2024年度（报告年度2024年）")]


def test_plans_opening_sentence_year(all_rules):
    body = "一、主要举措和成效\n二、下一步工作安排\n2024年，我局将继续推进依法治教。\n"
    assert report_year_findings(body, all_rules) == [
        ("D005", 4, 1, "下一年度安排应针对2025年，这里写的是2024年（报告年度2024年）")]


def test_stale_statistics_year(all_rules):
    body = "一、主要举措和成效\n2023年，共办理行政复议案件12件。\n"
    assert report_year_findings(body, all_rules) == [
        ("D004", 3, 1, "统计数字的年份是2023年，而报告年度是2024年：是否沿用了上一年的数据？")]


@pytest.mark.parametrize("body", [
    "一、主要举措和成效\n与2023年相比，共办理行政复议案件增长12件。\n",
    "一、主要举措和成效\n2023年，共办理行政复议案件12件，2024年共办理15件。\n",
    "一、主要举措和成效\n2023年，甲校进行了创建工作，2024年通过验收，共3所。\n",
    "一、主要举措和成效\n2023年以来，共办理行政复议案件30件。\n",
    "一、存在的不足和原因\n2023年，共发现问题3个，至今仍未整改完毕。\n",
    # The total's 共 must be in the year's own sentence, not at the start of the next line.
    "一、主要举措和成效\n2023年收到申请5件\n共办结5件。\n",
])
def test_looking_back_on_purpose_is_not_stale(all_rules, body):
    assert report_year_findings(body, all_rules) == []


def signed(date):
    return TITLE + "一、主要举措和成效\n（一）依法履职\n甲市教育局\n" + date + "\n"


def test_signature_date_after_deadline(all_rules):
    assert findings(signed("2025年4月2日"), all_rules, select=["date"]) == [
        ("D006", 5, 1, "成文日期“2025年4月2日”晚于公开期限2025年4月1日")]
    assert findings(signed("2025年4月1日"), all_rules, select=["date"]) == []


def test_signature_date_before_report_year_ends(all_rules):
    assert findings(signed("2024年12月20日"), all_rules, select=["date"]) == [
        ("D007", 5, 1, "成文日期“2024年12月20日”早于报告年度2024年结束，年度报告不可能在此之前成文")]


def test_publication_date_in_page_metadata(all_rules):
    text = "发布日期: 2025-05-08 来源：甲市教育局\n" + TITLE + "一、主要举措和成效\n"
    assert findings(text, all_rules, select=["D006"]) == [
        ("D006", 1, 7, "发布日期“2025-05-08”晚于公开期限2025年4月1日")]


@pytest.mark.parametrize("header, column, found", [
    ("2024年3月5日 星期一", 1, "2024年3月5日 星期一"),
    ("今天是：2024年3月5日 星期一", 5, "2024年3月5日 星期一"),
    ("2024-03-05 星期一", 1, "2024-03-05 星期一"),
])
def test_a_wrong_weekday_in_the_page_header_is_debris_and_a_wrong_weekday(all_rules, header, column, found):
    # Issue 20, item 13: the line is page chrome (R001) and its weekday is still checked (D008).
    text = header + "\n" + TITLE + "一、主要举措和成效\n"
    assert [(code, line, col) for code, line, col, _ in findings(text, all_rules, select=["R001"])] == [
        ("R001", 1, 1)]
    assert findings(text, all_rules, select=["D008"]) == [
        ("D008", 1, column, f"“{found}”的星期不对：这一天是星期二")]


def test_the_page_headers_today_is_not_a_publication_date(all_rules):
    # "2026-05-08 星期五" is when the page was viewed, not when the report was published.
    text = "今天是 2026-05-08 星期五\n" + TITLE + "一、主要举措和成效\n"
    assert findings(text, all_rules, select=["D006", "D007", "D008"]) == []


def test_deadline_is_configurable_in_a_rule_file(tmp_path):
    from lintlaw.resources import builtin_rules_dir
    from lintlaw.engine.ruleset import load_rule_file

    original = next(builtin_rules_dir().rglob("D006-*.toml")).read_text(encoding="utf-8")
    rule_file = tmp_path / "D906.toml"
    rule_file.write_text(original.replace('"D006"', '"D906"').replace('"late-publication"', '"late-3"')
                         .replace('severity = "warning"', 'severity = "warning"\ndeadline = "03-01"'), encoding="utf-8")
    rule = load_rule_file(rule_file, builtin=False)
    assert findings(signed("2025年3月2日"), [rule]) == [
        ("D906", 5, 1, "成文日期“2025年3月2日”晚于公开期限2025年3月1日")]


def test_bad_deadline_is_a_rule_file_error(tmp_path):
    from lintlaw.errors import RuleFileError
    from lintlaw.resources import builtin_rules_dir
    from lintlaw.engine.ruleset import load_rule_file

    original = next(builtin_rules_dir().rglob("D006-*.toml")).read_text(encoding="utf-8")
    rule_file = tmp_path / "D906.toml"
    rule_file.write_text(original.replace('severity = "warning"', 'severity = "warning"\ndeadline = "02-30"'), encoding="utf-8")
    with pytest.raises(RuleFileError, match=r"D906.toml:\d+: deadline: 应为“月-日”，如 04-01"):
        load_rule_file(rule_file, builtin=False)


@pytest.mark.parametrize("opening", ["2023年以来", "2023年度以来", "2023年来"])
def test_a_since_phrase_may_name_an_earlier_year(all_rules, opening):
    body = opening + "，甲市教育局坚持依法治教。\n一、主要举措和成效\n"
    assert report_year_findings(body, all_rules) == []


# --- every report and every sentence is checked, not only the first ----------------------

# A compilation whose first report names no year (so its date cannot be judged),
# then a 2024 report with a stale opening, statistic, plans year and an early date.
COMPILATION = (
    "青山县司法局法治政府建设工作总结\n今年我局依法行政，成效明显。\n一、主要举措\n全年办理案件12件。\n"
    "青山县司法局\n2024年6月1日\n青山县教育局2024年度法治政府建设情况报告\n2023年，我局坚持依法治教。\n一、主要举措和成效\n（一）依法履职\n"
    "2023年，共办理行政复议案件12件。\n全年开展培训。\n二、2024年工作安排\n2024年，我局将继续推进依法治教。\n"
    "青山县教育局\n2024年12月1日\n")


def test_a_report_without_a_year_does_not_stop_the_checks_of_the_next(all_rules):
    assert findings(COMPILATION, all_rules, select=["date"]) == [
        ("D003", 8, 1, "正文开头写的是2023年，而报告年度是2024年"),
        ("D004", 11, 1, "统计数字的年份是2023年，而报告年度是2024年：是否沿用了上一年的数据？"),
        ("D005", 13, 3, "下一年度安排应针对2025年，这里写的是2024年（报告年度2024年）"),
        ("D005", 14, 1, "下一年度安排应针对2025年，这里写的是2024年（报告年度2024年）"),
        ("D007", 16, 1, "成文日期“2024年12月1日”早于报告年度2024年结束，年度报告不可能在此之前成文"),
    ]
    # A year read from a sentence points at its four digits; one in a heading at the whole mention.
    assert flagged(COMPILATION, all_rules, select=["date"]) == [
        ("D003", "2023"), ("D004", "2023"), ("D005", "2024年"), ("D005", "2024"), ("D007", "2024年12月1日")]


def test_a_right_weekday_does_not_stop_the_check_of_the_next_date(all_rules):
    text = "2024年3月5日（星期二）召开会议，2024年3月6日（星期二）开展培训。"
    assert findings(text, all_rules, select=["D008"]) == [
        ("D008", 1, 20, "“2024年3月6日（星期二）”的星期不对：这一天是星期三")]


def test_an_empty_plans_heading_does_not_stop_the_check_of_the_next(all_rules):
    body = "一、主要举措和成效\n二、2025年工作安排\n三、下一步工作计划\n2024年，我局将继续推进依法治教。\n"
    assert report_year_findings(body, all_rules) == [
        ("D005", 5, 1, "下一年度安排应针对2025年，这里写的是2024年（报告年度2024年）")]


def test_a_heading_date_without_a_year_or_in_a_span_is_not_the_report_year(all_rules):
    body = "一、2024年主要举措和成效（截至12月31日）\n二、主要举措和成效（2021—2025年）\n"
    assert report_year_findings(body, all_rules) == []


@pytest.mark.parametrize("body, expected", [
    # Excused sentences (a comparison, a neighbour with the report year's figure) do
    # not end the search: the later stale statistic is reported.
    ("一、主要举措和成效\n2023年，共办理案件较上年增长12件。2023年，共办理行政复议案件12件。\n",
     [("D004", 3, 21, "统计数字的年份是2023年，而报告年度是2024年：是否沿用了上一年的数据？")]),
    ("一、主要举措和成效\n2023年，共办理行政复议案件12件。2024年，共办理行政复议案件15件。\n"
     "（一）依法履职\n2023年，共办理行政复议案件8件。\n",
     [("D004", 5, 1, "统计数字的年份是2023年，而报告年度是2024年：是否沿用了上一年的数据？")]),
    # The previous sentence gives the report year's figure.
    ("一、主要举措和成效\n2024年，全市教育系统共有学校120所。2023年，共办理行政复议案件12件。\n", []),
    # Only the year before the report year is a stale period: 2022 is history.
    ("一、主要举措和成效\n2022年，共办理行政复议案件12件。\n", []),
])
def test_stale_statistics_among_other_sentences(all_rules, body, expected):
    assert findings(TITLE + body, all_rules, select=["D004"]) == expected


def test_the_first_sentence_of_a_document_is_a_neighbour(all_rules):
    text = "2024年，共办理行政复议案件15件。2023年，共办理行政复议案件12件。\n一、主要举措和成效\n"
    assert findings(text, all_rules, select=["D004"]) == []


def test_a_skipped_update_date_does_not_stop_the_check_of_the_publication_date(all_rules):
    # The update date says nothing beside a publication date; the late publication date does.
    text = "更新时间：2025/06/29 发布时间：2025-05-20\n" + TITLE + "一、主要举措和成效\n"
    assert findings(text, all_rules, select=["D006"]) == [
        ("D006", 1, 22, "发布日期“2025-05-20”晚于公开期限2025年4月1日")]


def test_a_page_date_of_a_report_without_a_year_is_not_judged(all_rules):
    text = "发布时间：2025-09-01\n我县坚持依法行政。\n一、主要举措\n全年办理案件。\n"
    assert findings(text, all_rules, select=["D006", "D007"]) == []

