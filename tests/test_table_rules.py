"""The table rules (T201-T211) on statistics tables built directly, placed in flattened text.

Each table is written as a web capture flattens it (tests/helpers.py: one row per line, cells
between "|") and built as the Table table recognition reads from it, each cell where its text
is: findings point at the cells' places and name them.
"""

from dataclasses import replace
from decimal import Decimal
import json

import pytest

from lintlaw.analysis.document import build_document
from lintlaw.analysis.table_checks import Relation, number, report_tables, sums
from lintlaw.engine.linter import lint
from lintlaw.engine.ruleset import load_rules, select_rules
from lintlaw.render.json_format import render

from .helpers import (active_values, document_with_tables, flattened_tables, requests_values, review_values,
                      source_of, table_findings)

RULES = load_rules()
TABLE_RULES = select_rules(RULES, ["table"], None)
HEAD = "甲市农业农村局2024年政府信息公开工作年度报告\n"
OPENING = ("一、总体情况\n本年度共收到政府信息公开申请8件，上年结转1件，办结8件，结转下年度1件。"
           "因政府信息公开工作被申请行政复议2件，被提起行政诉讼1件。\n")
CLOSING = "五、存在的主要问题及改进情况\n个别栏目更新不及时。\n六、其他需要报告的事项\n无。\n"


def changed(values, **cells):
    """A copy of a table's values with some cells rewritten: published__natural_person="3"."""
    out = dict(values)
    for name, raw in cells.items():
        row, col = (part.replace("_", "-") for part in name.split("__"))
        assert (row, col) in out, name
        out[(row, col)] = raw
    return out


def report(requests=None, review=None, active=None, head=HEAD, opening=OPENING):
    tables = {"active": active or active_values(), "requests": requests or requests_values(),
              "review": review or review_values()}
    return flattened_tables(head + opening, tables, CLOSING)


def table_rule_findings(text, tables, select=("table",)):
    return table_findings(text, tables, RULES, list(select))


def test_a_correct_report_with_every_table_gives_no_table_finding():
    # The 申请 table has requests in two columns, carried over and forward, and results in
    # every group (予以公开, 部分公开, 不予公开, 无法提供, 不予处理, 其他处理): every relation is
    # checked, and holds; the text's counts are the table's.
    text, tables = report()
    assert table_rule_findings(text, tables) == []
    assert table_rule_findings(text, tables, ("S0", "D010")) == []


def test_the_relations_were_checked_not_skipped():
    # A relation left unchecked would also give no finding: each one breaks on one changed cell.
    text, tables = report(requests=changed(requests_values(), carried_forward__natural_person="2",
                                           carried_forward__total="2"))
    assert [(code, line) for code, line, _, _ in table_rule_findings(text, tables, ["T201"])] == [
        ("T201", 23), ("T201", 23)]


@pytest.mark.parametrize("code, cells, expected", [
    ("T201", {"carried_over__natural_person": "2", "carried_over__total": "2"}, [
        (23, 18, "收到和处理政府信息公开申请情况表“自然人”列：本年新收7＋上年结转2＝9，"
                 "而办理结果总计7＋结转下年度继续办理1＝8，两者应相等"),
        (23, 30, "收到和处理政府信息公开申请情况表“总计”列：本年新收8＋上年结转2＝10，"
                 "而办理结果总计8＋结转下年度继续办理1＝9，两者应相等")]),
    ("T202", {"published__natural_person": "3", "published__total": "4"}, [
        (46, 7, "收到和处理政府信息公开申请情况表“自然人”列：办理结果总计为7，而各项办理结果之和为8（予以公开3＋部分公开1＋"
                "不予公开·保护第三方合法权益1＋无法提供·本机关不掌握相关政府信息1＋不予处理·重复申请1＋"
                "其他处理·逾期不补正1，其余各项为0）"),
        (46, 19, "收到和处理政府信息公开申请情况表“总计”列：办理结果总计为8，而各项办理结果之和为9（予以公开4＋部分公开1＋"
                 "不予公开·保护第三方合法权益1＋无法提供·本机关不掌握相关政府信息1＋不予处理·重复申请1＋"
                 "其他处理·逾期不补正1，其余各项为0）")]),
    ("T203", {"unable_not_held__research": "1"}, [
        (35, 36, "收到和处理政府信息公开申请情况表“无法提供·本机关不掌握相关政府信息”行：总计为1，"
                 "而自然人与法人或其他组织各列之和为2（自然人1＋科研机构1，其余各项为0）")]),
])
def test_a_broken_relation_names_its_cells_their_numbers_and_the_sum(code, cells, expected):
    text, tables = report(requests=changed(requests_values(), **cells))
    assert table_rule_findings(text, tables, [code]) == [(code, *finding) for finding in expected]


def test_each_review_group_is_checked_on_its_own():
    text, tables = report(review=changed(review_values(), lawsuit_direct__total="2"))
    assert table_rule_findings(text, tables, ["T204"]) == [
        ("T204", 52, 19, "政府信息公开行政复议、行政诉讼情况表“行政诉讼·未经复议直接起诉”行：总计为2，"
                         "而结果维持0＋结果纠正1＋其他结果0＋尚未审结0＝1")]


def test_a_finding_carries_every_cell_it_compared_with_its_position_in_json():
    text, tables = report(review=changed(review_values(), review__total="3"))
    document = document_with_tables(text, tables)
    (finding,) = lint(document.source, select_rules(RULES, ["T204"], None), document=document)
    cells = tables[2].cells
    assert finding.start == cells[("review", "total")].offset
    assert [label for _, _, label in finding.related] == [
        "行政复议×总计", "行政复议×结果维持", "行政复议×结果纠正", "行政复议×其他结果", "行政复议×尚未审结"]
    assert [text[a:b] for a, b, _ in finding.related] == ["3", "1", "0", "0", "1"]
    item = json.loads(render([finding], {document.source.path: document.source}, RULES))[0]
    assert item["related"][0] == {"line": 52, "column": 9, "end_line": 52, "end_column": 10,
                                  "label": "行政复议×总计", "text": "3"}
    assert [(r["line"], r["column"]) for r in item["related"][1:]] == [(52, 1), (52, 3), (52, 5), (52, 7)]


def test_a_relation_with_a_blank_term_is_not_checked_and_the_blanks_are_reported_once_per_table():
    values = changed(requests_values(), new__business="", carried_over__business="", published__business="—")
    text, tables = report(requests=values)
    assert table_rule_findings(text, tables) == [
        ("T206", 23, 1, "收到和处理政府信息公开申请情况表有3个单元格没有填数字（如“本年新收×商业企业”），"
                        "没有的应填0")]
    document = document_with_tables(text, tables)
    (finding,) = lint(document.source, select_rules(RULES, ["T206"], None), document=document)
    assert [label for _, _, label in finding.related] == ["本年新收×商业企业", "上年结转×商业企业", "予以公开×商业企业"]


def test_a_table_without_any_number_is_not_reported_as_blank():
    empty = {cell: "" for cell in review_values()}
    text, tables = report(review=empty)
    assert table_rule_findings(text, tables, ["T206", "T204", "T205"]) == []


def test_only_the_report_s_own_numbers_count_a_table_that_fills_only_its_total_column():
    # Real reports often fill only 总计: the column relations are still checked on it.
    values = {cell: (raw if cell[1] == "total" else "") for cell, raw in requests_values().items()}
    values[("published", "total")] = "4"
    text, tables = report(requests=values)
    assert [(code, line, column) for code, line, column, _ in table_rule_findings(text, tables)] == [
        ("T206", 23, 1), ("T202", 46, 13)]


def test_cells_hold_non_negative_integers_and_the_fee_amount_may_be_a_decimal():
    active = changed(active_values(), licensing__decisions="-2", fees__amount="3.5")
    values = changed(requests_values(), refused_secret__natural_person="0.5", refused_prohibited__natural_person="l")
    text, tables = report(requests=values, active=active)
    assert table_rule_findings(text, tables, ["T205"]) == [
        ("T205", 11, 6, "主动公开政府信息情况表“行政许可×本年处理决定数量”填的是“-2”，应为非负整数"),
        ("T205", 27, 18, "收到和处理政府信息公开申请情况表“不予公开·属于国家秘密×自然人”填的是“0.5”，应为非负整数"),
        ("T205", 28, 16, "收到和处理政府信息公开申请情况表“不予公开·其他法律行政法规禁止公开×自然人”填的是“l”，应为非负整数"),
    ]


def test_a_decimal_in_a_count_cell_is_shown_as_the_report_would_write_it():
    # 8.5 requests cannot be (T205), and the sums that read the cell show it as it is, never
    # rounded to a count: 10.50 as 10.5, and sums with a fraction (13.5) as they come out.
    values = changed(requests_values(), published__natural_person="8.5", published__total="10.50")
    text, tables = report(requests=values)
    assert table_rule_findings(text, tables, ["T2"]) == [
        ("T205", 25, 19, "收到和处理政府信息公开申请情况表“予以公开×自然人”填的是“8.5”，应为非负整数"),
        ("T203", 25, 33, "收到和处理政府信息公开申请情况表“予以公开”行：总计为10.5，"
                         "而自然人与法人或其他组织各列之和为9.5（自然人8.5＋商业企业1，其余各项为0）"),
        ("T205", 25, 33, "收到和处理政府信息公开申请情况表“予以公开×总计”填的是“10.50”，应为非负整数"),
        ("T202", 46, 7, "收到和处理政府信息公开申请情况表“自然人”列：办理结果总计为7，而各项办理结果之和为13.5"
                        "（予以公开8.5＋部分公开1＋不予公开·保护第三方合法权益1＋无法提供·本机关不掌握相关政府信息1＋"
                        "不予处理·重复申请1＋其他处理·逾期不补正1，其余各项为0）"),
        ("T202", 46, 19, "收到和处理政府信息公开申请情况表“总计”列：办理结果总计为8，而各项办理结果之和为15.5"
                         "（予以公开10.5＋部分公开1＋不予公开·保护第三方合法权益1＋无法提供·本机关不掌握相关政府信息1＋"
                         "不予处理·重复申请1＋其他处理·逾期不补正1，其余各项为0）"),
    ]


@pytest.mark.parametrize("value, shown", [
    ("12", "12"), ("12.0", "12"), ("12.50", "12.5"), ("0.75", "0.75"), ("1E+1", "10"), ("123.456", "123.456"),
    ("-2.5", "-2.5"), ("0.000", "0"),
])
def test_numbers_in_table_messages_are_written_as_a_report_writes_them(value, shown):
    # The fee amount (万元) may have decimals: 3.50万元 is shown as 3.5, 1E+1 (a Decimal's
    # exponent form) never reaches a message.
    assert number(Decimal(value)) == shown


def test_the_2019_layout_is_outdated_from_the_2021_reports_on_and_its_change_column_may_be_negative():
    old = {("licensing", "change"): "-3", ("procurement", "procurement-amount"): "45.6"}
    text, tables = flattened_tables(HEAD, {"active-2019": old})
    assert table_rule_findings(text, tables) == [
        ("T207", 3, 1, "主动公开政府信息情况表用的是2019年版格式（“本年新制作数量”“本年新公开数量”“对外公开总数量”等栏目），"
                       "2024年度的报告应使用2021年版格式")]
    text, tables = flattened_tables(HEAD.replace("2024", "2020"), {"active-2019": old})
    assert table_rule_findings(text, tables) == []


def test_the_sum_over_results_counts_rows_an_older_layout_lacks_as_zero():
    # The 2019 table has one 其他处理 row: here it holds the natural person's 1 that the 2021
    # table puts under 逾期不补正, and 2 in the total column, where 1 is due.
    values = changed(requests_values(), other_other__natural_person="1", other_other__total="2")
    text, tables = report(requests=values)
    cells = tables[1].cells
    for key in [key for key in cells if key[0].startswith("other-")]:
        cell = cells.pop(key)  # the 2021 sub-rows: the older table has the group row only
        if key[0] == "other-other":
            cells[("other", key[1])] = replace(cell, row="other")
    assert [(code, line, column) for code, line, column, _ in table_rule_findings(text, tables, ["T202"])] == [
        ("T202", 46, 19)]


def test_a_missing_cell_leaves_the_relation_unchecked():
    text, tables = report(requests=changed(requests_values(), new__natural_person="9"))
    del tables[1].cells[("carried-over", "natural-person")]
    assert [(code, column) for code, _, column, _ in table_rule_findings(text, tables, ["T201"])] == []


@pytest.mark.parametrize("sentence, expected", [
    ("本年度共收到政府信息公开申请9件，均已答复。", [("T208", 15, "正文“收到政府信息公开申请9件”与收到和处理政府信息公开申请情况表不符："
                                          "“本年新收×总计”为8")]),
    ("我局共受理依申请公开9件。", [("T208", 11, "正文“受理依申请公开9件”与收到和处理政府信息公开申请情况表不符：“本年新收×总计”为8")]),
    ("本年度收到公开政府信息申请九件。", [("T208", 14, "正文“收到公开政府信息申请九件”与收到和处理政府信息公开申请情况表不符："
                                       "“本年新收×总计”为8")]),
    ("收到政府信息公开申请8件，办结7件。", [("T209", 16, "正文“办结7件”与收到和处理政府信息公开申请情况表不符：“办理结果总计×总计”为8")]),
    ("因政府信息公开工作被申请行政复议3件。", [("T210", 17, "正文“行政复议3件”与政府信息公开行政复议、行政诉讼情况表不符："
                                          "“行政复议×总计”为2")]),
    ("因政府信息公开工作被提起行政诉讼2件。", [("T211", 17, "正文“行政诉讼2件”与政府信息公开行政复议、行政诉讼情况表不符："
                                          "“行政诉讼·未经复议直接起诉×总计”＋“行政诉讼·复议后起诉×总计”为1")]),
    # Not the same number, or not about requests: left alone.
    ("2019年以来累计收到政府信息公开申请120件。", []),
    ("共收到政府信息公开申请10件（含上年结转2件）。", []),
    ("全市共收到政府信息公开申请560件。", []),
    ("受理行政许可申请1200件，办结1180件。", []),
    ("12345热线受理群众诉求3000件，办结2990件。", []),
    ("全年审结行政复议案件15件。", []),  # not 政府信息公开 ones, and not in part 四
    ("收到留言56条，已全部办理。", []),
])
def test_counts_in_the_text_against_the_table(sentence, expected):
    text, tables = report(opening="一、总体情况\n" + sentence + "\n")
    found = [(code, line, column, message) for code, line, column, message in table_rule_findings(text, tables)]
    assert found == [(code, 3, column, message) for code, column, message in expected]


def test_part_four_s_own_sentences_are_checked_without_naming_its_subject():
    tables = {"requests": requests_values(), "review": review_values()}
    text, built = flattened_tables(HEAD + OPENING, tables, CLOSING, notes={"review": "本年度发生行政复议案件1起。\n"})
    assert table_rule_findings(text, built, ["T210"]) == [
        ("T210", 34, 12, "正文“行政复议案件1起”与政府信息公开行政复议、行政诉讼情况表不符：“行政复议×总计”为2")]


def test_table_rules_do_not_apply_to_a_rule_of_law_report_and_its_rules_not_to_this_type():
    head = "甲市农业农村局2024年度法治政府建设情况报告\n"
    broken = changed(requests_values(), new__total="9")
    text, tables = report(requests=broken, head=head, opening="一、主要举措和成效\n收到政府信息公开申请9件。\n")
    assert table_rule_findings(text, tables) == []
    assert [code for code, *_ in table_rule_findings(text, tables, ["S0", "D010"])] == ["S003", "S004"]
    text, tables = report(requests=broken)
    assert [code for code, *_ in table_rule_findings(text, tables, ["S001", "S002", "S003", "S004", "S005"])] == []
    assert {code for code, *_ in table_rule_findings(text, tables)} == {"T201", "T203", "T208"}


def test_reports_without_tables_and_documents_without_reports_give_nothing():
    document = build_document(source_of(HEAD + OPENING))
    assert report_tables(document.reports[0]) == []
    relation = Relation("requests", "column", ("new",), ("results-total",))
    assert list(sums(document, relation)) == []


def test_recognition_reads_the_flattened_tables_as_the_tests_build_them():
    text, tables = report()
    document = build_document(source_of(text))
    read = {table.key: table for table in report_tables(document.reports[0])}
    for built in tables:
        assert {k: (c.value, c.offset) for k, c in read[built.key].cells.items()} == {
            k: (c.value, c.offset) for k, c in built.cells.items()}
