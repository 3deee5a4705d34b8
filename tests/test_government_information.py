"""The 政府信息公开工作年度报告 as a report type (rules/report-types/government-information.toml):
recognised by title or, without one, by its opening; its deadline by issuer; its parts, its
statistics period and its count of parts; and the 法治政府建设 rules kept apart from it."""

import pytest

from lintlaw.analysis.document import build_document
from lintlaw.analysis.report_types import builtin_types
from lintlaw.engine.ruleset import load_rule_file, load_rules
from lintlaw.errors import RuleFileError

from .helpers import findings, source_of
from .test_cli import run

RULES = load_rules()
TYPES = builtin_types()
XXGK = TYPES.get("government-information")

# A whole report in the format's six parts, of our own writing.
REPORT = """甲市农业农村局2024年政府信息公开工作年度报告
本报告由总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议、行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项等六部分组成。本报告所列数据的统计期限为2024年1月1日至2024年12月31日。
一、总体情况
2024年，我局通过门户网站主动公开政府信息120条。
二、主动公开政府信息情况
全年制发行政规范性文件2件。
三、收到和处理政府信息公开申请情况
全年共收到政府信息公开申请3件，均已按期答复。
四、政府信息公开行政复议、行政诉讼情况
未发生因政府信息公开引起的行政复议、行政诉讼。
五、存在的主要问题及改进情况
个别栏目更新不够及时，下一步将加强日常巡查。
六、其他需要报告的事项
本年度未收取信息处理费。
甲市农业农村局
2025年1月20日
"""


@pytest.mark.parametrize("title, words", [
    ("甲市农业农村局2024年政府信息公开工作年度报告", "政府信息公开工作年度报告"),
    ("甲市农业农村局2024年度政府信息公开工作报告", "年度政府信息公开工作报告"),
    ("甲县人民政府外事办公室政府信息公开工作2022年度报告", "政府信息公开工作2022年度报告"),
    ("甲市2023年政府信息公开年度报告", "政府信息公开年度报告"),
    ("2020年甲市人民政府辦公廳政府信息公開工作年度報告", "政府信息公開工作年度報告"),
])
def test_the_type_is_recognised_by_the_title_variants_reports_use(title, words):
    assert TYPES.choose(title) == (XXGK, f"标题含“{words}”")


def test_a_rule_of_law_title_and_another_report_are_not_this_type():
    assert TYPES.choose("甲市2024年度法治政府建设情况报告")[0].name == "law-based-government"
    assert TYPES.choose("甲市2024年政务公开工作要点")[0].name == "generic"


@pytest.mark.parametrize("opening, words", [
    ("根据《条例》规定，现公布我局2022年政府信息公开工作年度报告。", "政府信息公开工作年度报告"),
    ("全文包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况等。",
     "主动公开政府信息情况、收到和处理政府信息公开申请情况"),
])
def test_without_a_title_the_opening_lines_say_what_the_report_is(opening, words):
    document = build_document(source_of(f"一、总体情况\n{opening}\n二、主动公开政府信息情况\n"))
    (report,) = document.reports
    assert (report.report_type, report.type_reason) == (XXGK, f"无标题，正文开头含“{words}”")


def test_a_report_with_a_title_is_not_retyped_by_its_opening():
    text = "甲市2024年工作总结\n现公布我局2024年政府信息公开工作年度报告的编制情况。\n"
    assert build_document(source_of(text)).reports[0].report_type.name == "generic"


def test_an_opening_deep_in_the_body_does_not_type_the_report():
    text = "一、总体情况\n全年推进依法行政。\n二、主要举措\n强化监督。\n三、其他\n现公布我局2024年政府信息公开工作年度报告。\n"
    assert build_document(source_of(text)).reports[0].report_type.name == "generic"


@pytest.mark.parametrize("text, issuer, deadline", [
    ("甲市农业农村局2024年政府信息公开工作年度报告\n", "甲市农业农村局", (1, 31)),
    ("甲县人民政府办公室2024年政府信息公开工作年度报告\n", "甲县人民政府办公室", (1, 31)),
    ("2024年甲市政府信息公开工作年度报告\n", "甲市", (3, 31)),
    ("甲县人民政府2024年政府信息公开工作年度报告\n", "甲县人民政府", (3, 31)),
    ("甲县人民政府办公室\n2024年政府信息公开工作年度报告\n", "甲县人民政府办公室", (1, 31)),  # the name above it
    # A name line above it of thirty characters at most.
    ("甲" * 23 + "人民政府办公室\n2024年政府信息公开工作年度报告\n", "甲" * 23 + "人民政府办公室", (1, 31)),
    ("甲" * 24 + "人民政府办公室\n2024年政府信息公开工作年度报告\n", None, (3, 31)),
    ("2024年政府信息公开工作年度报告\n", None, (3, 31)),  # no issuer: the government's (the later)
    ("中国人民银行甲市分行2024年政府信息公开工作年度报告\n", "中国人民银行甲市分行", (3, 31)),
])
def test_the_deadline_follows_the_issuer_the_title_names(text, issuer, deadline):
    report = build_document(source_of(text + "一、总体情况\n全年公开信息12条。\n")).reports[0]
    assert report.title_issuer == issuer
    assert XXGK.deadline_for(report.title_issuer)[0] == deadline


def test_publication_after_the_department_deadline_is_reported_with_whose_deadline_it_is():
    late = REPORT.replace("2025年1月20日", "2025年2月10日")
    assert findings(late, RULES, select=["D006"]) == [
        ("D006", 16, 1, "成文日期“2025年2月10日”晚于政府部门年度报告的公开期限2025年1月31日")]
    government = late.replace("甲市农业农村局2024年", "2024年甲市")
    assert findings(government, RULES, select=["D006"]) == []
    assert findings(government.replace("2025年2月10日", "2025年4月2日"), RULES, select=["D006"]) == [
        ("D006", 16, 1, "成文日期“2025年4月2日”晚于县级以上人民政府年度报告的公开期限2025年3月31日")]


def test_the_configuration_says_whose_deadline_applies_when_the_title_names_no_issuer(tmp_path):
    text = REPORT.replace("甲市农业农村局2024年", "2024年").replace("2025年1月20日", "2025年2月10日")
    (tmp_path / "r.txt").write_text(text, encoding="utf-8")
    assert run("check", "--select", "D006", "--format", "concise", str(tmp_path / "r.txt")).stdout.splitlines()[:-1] == []
    (tmp_path / "lintlaw.toml").write_text('[rules.D006]\nissuer = "department"\n', encoding="utf-8")
    result = run("check", "--select", "D006", "--format", "concise", str(tmp_path / "r.txt"))
    assert result.stdout.splitlines()[:-1] == [
        f"{tmp_path / 'r.txt'}:16:1: D006 成文日期“2025年2月10日”晚于政府部门年度报告的公开期限2025年1月31日"]
    # A title that names the issuer still decides: the option is for titles that do not.
    (tmp_path / "r.txt").write_text(REPORT.replace("甲市农业农村局2024年", "2024年甲市")
                                    .replace("2025年1月20日", "2025年2月10日"), encoding="utf-8")
    assert run("check", "--select", "D006", "--format", "concise", str(tmp_path / "r.txt")).exit_code == 0


def test_an_issuer_no_type_declares_is_a_configuration_error(tmp_path):
    (tmp_path / "lintlaw.toml").write_text('[rules.D006]\nissuer = "county"\n', encoding="utf-8")
    (tmp_path / "r.txt").write_text(REPORT, encoding="utf-8")
    result = run("check", str(tmp_path / "r.txt"))
    assert result.exit_code == 2
    assert result.stderr == (f"lintlaw: {tmp_path / 'lintlaw.toml'}: rules.D006.issuer: "
                             "没有报告类型声明发布机关“county”（可用：department, government）\n")


def test_a_complete_report_gives_no_structure_or_date_finding():
    assert findings(REPORT, RULES, select=["S0", "D"]) == []


def test_tree_shows_the_type_and_whose_deadline(tmp_path):
    (tmp_path / "r.txt").write_text(REPORT, encoding="utf-8")
    first = run("tree", str(tmp_path / "r.txt")).stdout.splitlines()[1]
    assert "类型 政府信息公开工作年度报告（标题含“政府信息公开工作年度报告”）" in first
    assert "期限按政府部门（发布机关取自标题：甲市农业农村局）" in first


@pytest.mark.parametrize("heading, code", [
    ("一、总体情况", "S007"), ("二、主动公开政府信息情况", "S008"), ("三、收到和处理政府信息公开申请情况", "S009"),
    ("四、政府信息公开行政复议、行政诉讼情况", "S010"), ("五、存在的主要问题及改进情况", "S011"),
    ("六、其他需要报告的事项", "S012"),
])
def test_each_missing_part_is_reported_by_its_own_rule(heading, code):
    text = REPORT.replace(heading + "\n", "")
    assert [c for c, *_ in findings(text, RULES, select=["S007", "S008", "S009", "S010", "S011", "S012"])] == [code]


def test_part_four_s_heading_does_not_stand_for_part_three():
    # "被申请行政复议" holds 申请 but is not the requests part.
    text = REPORT.replace("三、收到和处理政府信息公开申请情况\n", "").replace(
        "四、政府信息公开行政复议、行政诉讼情况", "三、因政府信息公开工作被申请行政复议和提起行政诉讼情况")
    assert [c for c, *_ in findings(text, RULES, select=["S009", "S010"])] == ["S009"]


def test_headings_in_traditional_characters_count():
    text = ("2020年甲市人民政府辦公廳政府信息公開工作年度報告\n一、總體情況\n二、主動公開政府信息情況\n"
            "三、收到和處理政府信息公開申請情況\n四、政府信息公開行政複議、行政訴訟情況\n"
            "五、存在的主要問題及改進情況\n六、其他需要報告的事項\n")
    assert findings(text, RULES, select=["S0"]) == []


def test_the_rule_of_law_rules_never_apply_to_this_type_and_its_rules_never_to_those_reports():
    xxgk = REPORT.replace("2024年1月1日", "2023年1月1日").replace("六部分组成", "五部分组成")
    assert [c for c, *_ in findings(xxgk, RULES, select=["S0", "D010"])] == ["S013", "D010"]
    fazhi = xxgk.replace("政府信息公开工作年度报告", "法治政府建设情况报告", 1)
    assert [c for c, *_ in findings(fazhi, RULES, select=["S0", "D010"])] == ["S003", "S004"]


def test_the_statistics_period_with_a_lone_end_date():
    text = "甲市农业农村局2024年政府信息公开工作年度报告\n所列数据截止日期为2024年11月30日。\n"
    assert findings(text, RULES, select=["D010"]) == [
        ("D010", 2, 10, "统计期限的截止日写的是“2024年11月30日”，报告年度是2024年，应为2024年12月31日")]


@pytest.mark.parametrize("period, expected", [
    # A wrong year is the start date's finding: the end date without a year is right as written.
    ("本报告所列数据统计期限为2023年1月1日至12月31日。",
     [("D010", 2, 13, "统计期限的起始日写的是“2023年1月1日”，报告年度是2024年，应为2024年1月1日")]),
    # Months without days name no period to check.
    ("本报告所列数据的统计期限为2024年1月至12月。", []),
    # A sentence with the cue and no dates does not end the search.
    ("本报告所列数据按自然年度统计。本报告所列数据统计期限为2024年1月1日至11月30日。",
     [("D010", 2, 38, "统计期限的截止日写的是“11月30日”，报告年度是2024年，应为12月31日")]),
    # Only the dates up to the clause's "；" (or ";") are the period's: what follows speaks of
    # something else, here a date after 截至 that would otherwise be read as the end date.
    ("本报告所列数据统计期限为2024年全年；截至2025年1月20日，上年申请均已办结。", []),
    ("本报告所列数据统计期限为2024年全年;截至2025年1月20日，上年申请均已办结。", []),
    ("所列数据的统计期限为2024年1月1日至2024年12月31日；2023年12月31日前收到的申请另行统计。", []),
    ("本报告所列数据统计期限为2024年1月1日起；至2025年1月20日均已办结。", []),
    # Nor past the sentence's end: the "；" of a later sentence does not stretch the clause.
    ("本报告所列数据统计期限为2024年全年。截至2025年1月20日，上年申请均已办结；无其他事项。", []),
])
def test_the_statistics_period(period, expected):
    text = "甲市农业农村局2024年政府信息公开工作年度报告\n" + period + "\n"
    assert findings(text, RULES, select=["D010"]) == expected


def test_a_count_of_parts_against_fewer_headings_waits_for_the_report_s_end():
    cut = REPORT.split("四、政府信息公开行政复议")[0]  # an excerpt: three headings, no date
    assert findings(cut, RULES, select=["S013"]) == []
    ended = cut + "甲市农业农村局\n2025年1月20日\n"
    assert findings(ended, RULES, select=["S013"]) == [("S013", 2, 78, "开头说报告由“六部分”组成，但一级标题有3个")]


TITLE = "甲市农业农村局2024年政府信息公开工作年度报告\n"
TWO_PARTS = "本报告由总体情况、其他需要报告的事项等两部分组成。\n"
TWO_HEADINGS = "一、总体情况\n二、其他需要报告的事项\n"


@pytest.mark.parametrize("text, expected", [
    # The count may be written in figures.
    (TITLE + "本报告由总体情况、其他需要报告的事项等2个部分组成。\n" + TWO_HEADINGS + "三、附件\n",
     [("S013", 2, 20, "开头说报告由“2个部分”组成，但一级标题有3个")]),
    # A doubled 、 adds no part.
    (TITLE + "本报告由总体情况、、其他需要报告的事项等两部分组成。\n" + TWO_HEADINGS, []),
    # A list whose names do not end in 情况 or 事项 is not counted; the headings agree.
    (TITLE + "本报告包括总体情况、主动公开、其他内容等三个部分。\n一、总体情况\n二、主动公开\n三、其他\n2025年1月20日\n", []),
    # A complete report with one heading of two announced, and one with no level-1 heading at all.
    (TITLE + TWO_PARTS + "一、总体情况\n2025年1月20日\n", [("S013", 2, 20, "开头说报告由“两部分”组成，但一级标题有1个")]),
    (TITLE + TWO_PARTS + "（一）总体情况\n2025年1月20日\n", []),
    # The statement is looked for in the first three lines of the opening, one line at a time.
    (TITLE + "本报告依据条例编制。\n" + TWO_PARTS.replace("两部分", "三部分") + TWO_HEADINGS,
     [("S013", 3, 20, "开头说报告由“三部分”组成，但列举的部分有2项")]),
    (TITLE + "第一行。\n第二行。\n第三行。\n" + TWO_PARTS.replace("两部分", "三部分") + TWO_HEADINGS, []),
    (TITLE + "本报告由本局办公室编制\n主要内容为总体情况和其他需要报告的事项等三部分\n" + TWO_HEADINGS, []),
    # Without an opening, in the first paragraph of the first part only.
    (TITLE + "一、总体情况\n" + TWO_PARTS.replace("两部分", "三部分") + "二、其他需要报告的事项\n",
     [("S013", 3, 20, "开头说报告由“三部分”组成，但列举的部分有2项")]),
    (TITLE + "一、总体情况\n本年度工作有序开展。\n二、其他需要报告的事项\n" + TWO_PARTS.replace("两部分", "三部分"), []),
])
def test_where_and_how_the_count_of_parts_is_read(text, expected):
    assert findings(text, RULES, select=["S013"]) == expected


def test_every_report_of_a_file_has_its_count_of_parts_checked():
    ended = "甲市农业农村局\n2025年1月20日\n"
    wrong_list = TITLE + TWO_PARTS.replace("两部分", "三部分") + TWO_HEADINGS + ended
    right = TITLE.replace("农业农村局", "教育局") + TWO_PARTS + TWO_HEADINGS + ended
    more_headings = TITLE.replace("农业农村局", "民政局") + TWO_PARTS + "一、总体情况\n二、主动公开政府信息情况\n三、其他需要报告的事项\n" + ended
    assert findings(wrong_list + right + more_headings, RULES, select=["S013"]) == [
        ("S013", 2, 20, "开头说报告由“三部分”组成，但列举的部分有2项"),
        ("S013", 14, 20, "开头说报告由“两部分”组成，但一级标题有3个")]


@pytest.mark.parametrize("data, message", [
    ('issuers = { a = { label = "甲", deadline = "01-31", patterns = ["局$"] } }\n', "issuers: 应指明标题未写明机关时按哪一类算（可用：a）"),
    ('default-issuer = "a"\n', "default-issuer: 没有 issuers 时不能设"),
    ('deadline = "01-31"\ndefault-issuer = "a"\nissuers = { a = { label = "甲", deadline = "01-31", patterns = ["局$"] } }\n',
     "deadline: 有 issuers 时期限写在各发布机关中"),
    ('default-issuer = "a"\nissuers = { a = { label = "甲", deadline = "01-31", patterns = ["局("] } }\n',
     "issuers.a.patterns: 正则表达式“局(”有误：第 2 个字符处：缺少“)”"),
    ('tables = { t = { name = "表", rows = { a = 1 } } }\n', "tables.t.rows: 应为“键 = 名称”的表"),
])
def test_bad_issuer_and_table_data_in_a_type_file_is_an_error_naming_the_key(tmp_path, data, message):
    (tmp_path / "report-types").mkdir()
    (tmp_path / "report-types" / "x.toml").write_text(
        'name = "x"\nlabel = "某报告"\ntitle-patterns = ["某报告"]\n' + data, encoding="utf-8")
    (tmp_path / "r.txt").write_text("某报告\n", encoding="utf-8")
    result = run("check", "--rules", str(tmp_path), str(tmp_path / "r.txt"))
    assert result.exit_code == 2 and message in result.stderr, result.stderr


TABLE_RULE = '''code = "Y201"
name = "my-sum"
kind = "table"
problem = "sum"
category = "table"
severity = "error"
message = "{table}{where}"
table = "requests"
along = "column"
left = ["new"]
right = ["results"]
report-types = ["government-information"]
explanation = "x"
authority = "x"
[examples]
bad = ["x"]
good = ["x"]
'''


@pytest.mark.parametrize("change, message", [
    ({}, "Y201-my-sum.toml:11: right: 统计表“requests”没有行“results”（可用：new, carried-over"),
    ({'along = "column"': 'along = "row"', 'left = ["new"]': 'left = ["total"]'},
     "Y201-my-sum.toml:11: right: 统计表“requests”没有列“results”（可用：natural-person, business"),
    ({'table = "requests"': 'table = "appeals"'}, "Y201-my-sum.toml:8: table: 没有报告类型声明统计表“appeals”（可用：active, active-2019, requests, review）"),
    ({'along = "column"': 'along = "diagonal"'}, "Y201-my-sum.toml:9: along: 只能取 column、row"),
])
def test_a_table_rule_names_tables_rows_and_columns_a_type_declares(tmp_path, change, message):
    text = TABLE_RULE
    for old, new in change.items():
        text = text.replace(old, new)
    (tmp_path / "Y201-my-sum.toml").write_text(text, encoding="utf-8")
    (tmp_path / "r.txt").write_text("某报告\n", encoding="utf-8")
    result = run("check", "--rules", str(tmp_path), str(tmp_path / "r.txt"))
    assert result.exit_code == 2 and message in result.stderr, result.stderr


def test_a_text_count_pattern_needs_its_number_group(tmp_path):
    path = tmp_path / "Y202-my-count.toml"
    path.write_text(TABLE_RULE.replace('problem = "sum"', 'problem = "text-count"').replace(
        'table = "requests"\nalong = "column"\nleft = ["new"]\nright = ["results"]\n',
        'patterns = ["收到申请[0-9]+件"]\ncells = ["requests.new.total"]\n').replace('"{table}{where}"', '"{found}"'),
        encoding="utf-8")
    with pytest.raises(RuleFileError) as err:
        load_rule_file(path, builtin=False)
    assert str(err.value) == f"{path}:8: patterns: “收到申请[0-9]+件”中没有命名为 n 的组"
