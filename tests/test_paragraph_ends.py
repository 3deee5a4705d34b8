"""A paragraph whose full stop is missing before a heading (P015) and a heading written into the
end of the paragraph before it (S111): shapes real captures have, and the lines to leave alone."""

from lintlaw.engine.ruleset import load_rules, select_rules

from .helpers import findings

RULES = select_rules(load_rules(), ["P015", "S111"], None)
PARAGRAPH = "全年开展普法宣传活动30场，覆盖群众5000余人次，执法人员的法律知识和业务能力进一步提高"


def test_a_whole_sentence_without_its_full_stop_before_a_heading():
    found = findings(f"一、主要举措\n{PARAGRAPH}\n二、存在的不足和原因\n部分干部法治意识不强。\n", RULES)
    assert [(code, line, column) for code, line, column, _ in found] == [("P015", 2, len(PARAGRAPH))]


def test_the_last_line_a_short_line_and_a_contact_line_are_left_alone():
    assert findings(f"一、主要举措\n{PARAGRAPH}", RULES) == []  # an excerpt stops anywhere
    assert findings("一、主要举措\n全年开展普法宣传活动30场，覆盖群众\n二、存在的不足\n无。\n", RULES) == []
    contact = "如对本报告有疑问，请与区政府办公室联系（地址：甲市乙路1号；联系电话：0123-4567890）"
    assert findings(f"一、总体情况\n{contact}\n二、主动公开政府信息情况\n无。\n", RULES) == []


def test_a_level_one_heading_glued_after_a_full_stop():
    text = "一、主要举措和成效\n全年开展普法宣传活动30场。二、存在的不足和原因\n部分干部法治意识不强。\n三、下一步工作安排\n"
    assert [(code, line, column) for code, line, column, _ in findings(text, RULES)] == [("S111", 2, 15)]


def test_an_inline_list_and_a_heading_on_its_own_line_are_not_glued():
    text = ("一、主要举措和成效\n（一）完善制度。主要做法：1.建立台账。2.定期通报。\n（二）加强培训。\n"
            "二、存在的不足和原因。\n")
    assert findings(text, RULES) == []
