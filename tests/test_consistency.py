"""Consistency rules: rates, parts and totals, listed counts (docs/domain.md §5).

Every rule must stay silent on correct figures; the traps come from real reports.
"""

import pytest

from .helpers import findings, flagged


def consistency(text, rules):
    return findings(text, rules, select=["consistency"])


@pytest.mark.parametrize("text, expected", [
    # The rate fits neither base the sentence names.
    ("共收到信访件282件，其中有效件123件，已办结121件，办结率90%。",
     [("C001", 1, 33, "办结率90%与本句的数字对不上：121件÷282件＝42.9%，121件÷123件＝98.4%")]),
    ("共有学校120所，其中民办学校30所，占比20%。",
     [("C001", 1, 22, "占比20%与本句的数字对不上：30所÷120所＝25.0%")]),
    ("共受理行政复议案件151件，办结140件，办结率93.71%。",
     [("C001", 1, 25, "办结率93.71%与本句的数字对不上：140件÷151件＝92.72%")]),
    ("共受理行政复议案件151件，办结140件，办结率94%。",
     [("C001", 1, 25, "办结率94%与本句的数字对不上：140件÷151件＝92.7%")]),
    # 约 widens by one point, not more: 95% is 2.3 points off.
    ("共受理行政复议案件151件，办结140件，办结率约95%。",
     [("C001", 1, 26, "办结率95%与本句的数字对不上：140件÷151件＝92.7%")]),
    # Off by exactly one point is off: the tolerance is below the unit of the last digit shown.
    ("共受理行政复议案件100件，办结51件，办结率50%。",
     [("C001", 1, 24, "办结率50%与本句的数字对不上：51件÷100件＝51.0%")]),
    # 约 adds one point, so two points off is still off.
    ("共受理行政复议案件100件，办结52件，办结率约50%。",
     [("C001", 1, 25, "办结率50%与本句的数字对不上：52件÷100件＝52.0%")]),
    # A part may equal its whole, and a single case is a part.
    ("受理行政复议案件12件，办结12件，办结率90%。",
     [("C001", 1, 22, "办结率90%与本句的数字对不上：12件÷12件＝100.0%")]),
    ("共受理行政复议案件10件，办结1件，办结率20%。",
     [("C001", 1, 22, "办结率20%与本句的数字对不上：1件÷10件＝10.0%")]),
    # The whole may open the sentence.
    ("151件行政复议案件中，已办结140件，办结率94%。",
     [("C001", 1, 24, "办结率94%与本句的数字对不上：140件÷151件＝92.7%")]),
    ("全年行政复议案件办结率达105%。", [("C002", 1, 13, "行政复议案件办结率不可能超过100%，此处写的是105%")]),
    ("共办理行政复议案件17件，其中维持12件、撤销3件、驳回5件。",
     [("C003", 1, 18, "分项之和20件超过了合计17件（12件＋3件＋5件）")]),
    ("拨付资金1.2亿元，其中省级资金8000万元、市级资金5000万元。",
     [("C003", 1, 17, "分项之和1.3亿元超过了合计1.2亿元（8000万元＋5000万元）")]),
    # Large amounts are compared to the last 元 that matters, not to a float's last bit.
    ("共投入资金1234567890元，其中市级资金1234567889元、区级资金2元。",
     [("C003", 1, 24, "分项之和1234567891元超过了合计1234567890元（1234567889元＋2元）")]),
    ("全省债务余额1.13万亿元，其中政府债务1.01万亿元，企业债务1300亿元。",
     [("C003", 1, 21, "分项之和11400亿元超过了合计1.13万亿元（1.01万亿元＋1300亿元）")]),
    ("全年共投入资金2亿3千万元，其中市级资金1亿元，区级资金1亿5千万元。",
     [("C003", 1, 21, "分项之和2.5亿元超过了合计2亿3千万元（1亿元＋1亿5千万元）")]),
    # A change beside the parts is passed over; the parts still add up to more than the total.
    ("共受理行政复议案件17件，其中维持12件，比上年增加2件，撤销6件。",
     [("C003", 1, 18, "分项之和18件超过了合计17件（12件＋6件）")]),
    # A digit before a compound scale: 5千万元 is 5000万元, not 千万元.
    ("全年投入经费5千万元，其中培训经费4千万元、宣传经费2千万元。",
     [("C003", 1, 18, "分项之和6000万元超过了合计5千万元（4千万元＋2千万元）")]),
    ("共办理案件20件，其中行政复议12件，其余6件为行政诉讼。",
     [("C004", 1, 22, "“其余6件”与合计对不上：20件减去12件应余8件")]),
    ("制定出台3部规范性文件：《甲办法》《乙办法》。",
     [("C005", 1, 5, "写的是3部，但列出的名称有2个")]),
    ("组织学习《宪法》《民法典》《教育法》等2部法律。",
     [("C005", 1, 20, "写的是2部，但列出的名称有3个")]),
    # Counts written in Chinese up to 99 are checked (beyond that they are rarely counts of titles).
    ("出台九十九件规范性文件：《甲办法》《乙办法》。",
     [("C005", 1, 3, "写的是九十九件，但列出的名称有2个")]),
    # A count that is not of titles comes first: the count of titles after it is still checked.
    ("培训120人次，出台3部规范性文件：《甲办法》《乙办法》。",
     [("C005", 1, 11, "写的是3部，但列出的名称有2个")]),
    ("印发文件5件，出台3部规范性文件：《甲办法》《乙办法》。",
     [("C005", 1, 10, "写的是3部，但列出的名称有2个")]),
    ("全年行政复议案件办结率达101%。", [("C002", 1, 13, "行政复议案件办结率不可能超过100%，此处写的是101%")]),
    # The longest tail of the rate's name that a clause holds names the part (程网办, not 网办).
    ("共办理事项1500件，其中全流程网办1200件、部分网办300件，全程网办率20%。",
     [("C001", 1, 39, "全程网办率20%与本句的数字对不上：1200件÷1500件＝80.0%")]),
    # A clause group may open with its count: 6件 right after the "；" is the part.
    ("全年共受理政府信息公开申请12件；6件予以公开，占40%。",
     [("C001", 1, 26, "占40%与本句的数字对不上：6件÷12件＝50.0%")]),
    # A whole of done cases may have done parts.
    ("共审结案件20件，其中调解结案12件、判决结案10件。",
     [("C003", 1, 16, "分项之和22件超过了合计20件（12件＋10件）")]),
    # A part right after 其中, a whole right before it.
    ("共受理案件20件，其中12件已公开、10件不予公开。",
     [("C003", 1, 12, "分项之和22件超过了合计20件（12件＋10件）")]),
    ("共办理行政复议案件17件其中维持12件、撤销3件、驳回5件。",
     [("C003", 1, 17, "分项之和20件超过了合计17件（12件＋3件＋5件）")]),
    # A count of another unit among the parts is skipped, not the end of the list.
    ("共开展培训20场，其中线上培训12场、参训3000人次，线下培训10场。",
     [("C003", 1, 16, "分项之和22场超过了合计20场（12场＋10场）")]),
    # A 其中 that cannot be checked does not stop the next one in the sentence.
    ("共办理案件20余件，其中维持12件、撤销10件；共受理申请10件，其中公开6件、不公开5件。",
     [("C003", 1, 38, "分项之和11件超过了合计10件（6件＋5件）")]),
    ("其中，维持12件、撤销3件；共受理申请10件，其中公开6件、不公开5件。",
     [("C003", 1, 28, "分项之和11件超过了合计10件（6件＋5件）")]),
    ("共培训1000人，其中教师800余人、家长300余人；共受理申请10件，其中公开6件、不公开5件。",
     [("C003", 1, 41, "分项之和11件超过了合计10件（6件＋5件）")]),
])
def test_inconsistencies_found(all_rules, text, expected):
    assert consistency(text, all_rules) == expected


@pytest.mark.parametrize("text", [
    # Amounts in 万亿 and 亿 that add up, though not to the last bit in floating point.
    "全省债务余额1.13万亿元，其中政府债务1.01万亿元，企业债务1200亿元。",
    "全省债务余额1.13万亿元，其中政府债务1.01万亿元，其余1200亿元为企业债务。",
    # Digits with a scale in Chinese: each is one amount (5千万元, 3百人次), not also 千万元 or 百人次.
    "全年投入经费5千万元，其中培训经费1千万元、宣传经费2千万元。",
    "全年培训3百人次，其中领导干部1百人次。",
    # How much more or less than another period is not a part of the total.
    "全年共受理行政复议案件120件，其中：审结110件，比上年增加20件。",
    "收入预算16497.86万元，其中：财政拨款收入16497.86万元，比2022年（上一年度，下同）预算增加1421.25万元。",
    "共办理案件50件，其中调解结案30件，同比下降5件，较上年多10件。",
    "全年共投入资金2亿3千万元，其中市级资金1亿元，区级资金1亿3千万元。",
    # A rate on a base the text names other than the first total (收到 vs 有效).
    "督导服务开通以来，共收到信访件282件，其中有效件123件，已办结121件，办结率98.4%，正在办理中2件。",
    # Truncated instead of rounded: 140/151 = 92.715…
    "共受理行政复议案件151件，办结140件，办结率92.71%。",
    "共受理行政复议案件151件，办结140件，办结率92.72%。",  # rounded
    # 约 widens the tolerance by one point: 140/151 = 92.7… is off 94% by 1.3 (the
    # same sentence without 约 is a finding, below).
    "共受理行政复议案件151件，办结140件，办结率约94%。",
    "共受理行政复议案件151件，办结140件，办结率近94%。",
    "共受理行政复议案件151件，办结140件，办结率94%左右。",
    # No rate of nothing: 0 of 0 is no figure to recompute.
    "全年共受理行政复议案件0件，办结0件，办结率100%。",
    # The longest name wins: 线上录取率 is 4402 of 4420, not of itself.
    "全市小学共录取新生4420人，通过线上录取4402人，线上录取率达到99.6%。",
    "共有学校120所，其中民办学校30所，占比25%。",
    # 占 names no part: any figure before it may be the part.
    "全区共有学校120所、教师3000人，其中民办学校30所、民办教师800人，民办学校占25%。",
    # Nothing to check against.
    "全年共办理建议提案108件，办结率100%，满意率100%。",
    "普通高中优质示范高中分配生比例达60%。",
    # Growth and plan completion may exceed 100%.
    "受理案件数量同比增长率达150%。",
    "年度任务完成率达120%。",
    "高中阶段毛入学率达102.3%。",  # a gross ratio may exceed 100%
    "较上年增长120%。",
    # Parts that fall short are not an error; nested 其中 and done counts are other partitions.
    "共办理行政复议案件20件，其中维持12件。",
    "共收到信访件282件，其中有效件123件，已办结121件。",
    "共收到申请100件，其中依申请公开60件，其中已答复55件、正在办理5件。",
    "完成多部门联合抽查计划共2项，其中市级部门双随机抽查计划1项，县级完成联合抽查任务1项。",
    "共办理案件20件，其中行政复议12件，其余8件为行政诉讼。",
    # The 12345 hotline, phone numbers and document numbers are not counts.
    "直接办理信访事项723件，其中包括12345政务热线工单248件和局长信箱89件。",
    "共设立热线2条，其中服务电话023-58123456。",
    "依据渝教发〔2024〕2号文件，共开展检查3次，其中专项检查2次。",
    # Approximate parts: the sum is unknown.
    "共培训1000人，其中教师800余人、家长300余人。",
    # Ranges are not parts.
    "共开展检查10次，其中每校1至2次。",
    # Years inside a law title are part of its name.
    "共学习法规3部，其中《法治政府建设实施纲要（2021—2025年）》1部。",
    # A listed count with 等 may list fewer; a count of tasks is not a count of titles.
    "组织学习《宪法》《民法典》等3部法律。",
    "落实《甲市法治政府建设实施方案》12项任务。",
    "出台3件规范性文件，包括《甲办法》《乙办法》。",
    "出台3部规范性文件：《甲办法》《乙办法》等。",
    # Not an exact count of titles: approximate, another unit, a Chinese count above 99.
    "出台3余部规范性文件：《甲办法》《乙办法》。",
    "培训教师3人：《甲办法》《乙办法》。",
    "出台一百件规范性文件：《甲办法》《乙办法》。",
    # A done count after 其中's parts is another partition (有效件 → 已办结), and so is what follows it.
    "共收到信访件200件，其中有效件123件，已办结121件。",
    "共收到信访件200件，其中有效件123件，已办结121件，转办80件。",
    # The parts end at another total, at a rate, and at the remainder.
    "全年共受理行政复议案件20件，其中维持12件，全年共受理行政诉讼案件10件。",
    "共办理案件20件，其中维持12件，占60%，较上年增加10件。",
    "共办理案件20件，其中行政复议12件，其余8件为行政诉讼案件，出庭应诉8件。",
    # An approximate whole has no sum to exceed.
    "共办理案件20余件，其中维持12件、撤销10件。",
    # Parts never refer to a total stated after them.
    "其中，维持12件、撤销10件。全年共办理案件20件。",
    # Nested titles count once: 《关于印发〈…〉的通知》.
    "制订出台《甲方案》《关于印发《乙办法》的通知》《丙意见》3部规范性文件。",
])
def test_correct_figures_are_not_flagged(all_rules, text):
    assert consistency(text, all_rules) == []


def test_rate_finding_names_the_numbers_it_compared(all_rules):
    from lintlaw.engine.linter import lint
    from lintlaw.text.source import decode

    source = decode("共收到信访件282件，其中有效件123件，已办结121件，办结率90%。".encode(), "t.txt")
    [finding] = [d for d in lint(source, all_rules) if d.code == "C001"]
    assert [(source.text[a:b], label) for a, b, label in finding.related] == [
        ("121件", "分子"), ("282件", "分母"), ("123件", "分母")]


def test_four_computations_are_all_shown(all_rules):
    text = "共收到来信500件、来访400件、网上信访300件、电话信访200件，办结100件，办结率10%。"
    assert consistency(text, all_rules) == [("C001", 1, 46, (
        "办结率10%与本句的数字对不上：100件÷500件＝20.0%，100件÷400件＝25.0%，100件÷300件＝33.3%，"
        "100件÷200件＝50.0%"))]


def test_parts_finding_spans_the_parts(all_rules):
    text = "共办理行政复议案件17件，其中维持12件、撤销3件、驳回5件。"
    assert flagged(text, all_rules, select=["C003"]) == [("C003", "12件、撤销3件、驳回5件")]


@pytest.mark.parametrize("text, shown", [
    # The numerator is the only count of its kind: it is its own whole.
    ("法制审核14件，审核率100%。", "✓ 14件是所在分句组唯一的同类数字，分子即全部，100%相符"),
    # Another count of the same kind, too small to be the whole: nothing to check against.
    ("受理10件，法制审核14件，审核率100%。", "未核对：有分子 14件，本句没有可作分母的数字"),
])
def test_tree_facts_tell_how_a_rate_was_checked(text, shown):
    from typer.testing import CliRunner

    from lintlaw.cli import app

    result = CliRunner().invoke(app, ["tree", "--facts", "-"], input=text + "\n")
    assert f"第1行 审核率100%：{shown}\n" in result.stdout


def test_rates_across_sentences_are_not_combined(all_rules):
    text = "全年共收到信访件282件。已办结121件，办结率98.4%。"
    assert consistency(text, all_rules) == []


def test_a_sentence_without_figures_does_not_end_the_checks(all_rules):
    text = "工作情况共有以下方面。共受理行政复议案件151件，办结140件，办结率94%。"
    assert consistency(text, all_rules) == [
        ("C001", 1, 36, "办结率94%与本句的数字对不上：140件÷151件＝92.7%")]


def test_the_same_words_without_a_total_are_not_a_restatement(all_rules):
    # Each department's own figures, in the same words: no total is stated twice.
    text = ("一、主要举措\n（一）市司法局\n办理行政复议案件12件，其中维持10件。\n"
            "（二）县司法局\n办理行政复议案件8件，其中维持6件。")
    assert consistency(text, all_rules) == []


def test_conflicting_restatement(all_rules):
    text = "全年共办理行政复议案件20件。\n全年共办理行政复议案件22件，均已办结。"
    assert consistency(text, all_rules) == [
        ("C006", 2, 12, "“全年共办理行政复议案件”前文写的是20件，这里是22件，两处不一致")]


@pytest.mark.parametrize("prefix, name", [
    ("通过线上录取4402人，线上录取率达到", "线上录取率"),
    ("办结率均达到约", "办结率"),
    ("其中民办学校30所，占比", "占比"),
    ("占全部案件的", "占全部案件的"),
    ("群众满意度达到", ""),
    ("较上年下降", ""),
])
def test_rate_names(prefix, name):
    from lintlaw.analysis.facts import rate_name

    assert rate_name(prefix) == name


def test_parts_after_a_rate_belong_to_the_count_before_it(all_rules):
    text = "受理142件，审结131件，审结率92.25%，其中维持87件、撤销9件、驳回40件。"
    assert consistency(text, all_rules) == [
        ("C003", 1, 29, "分项之和136件超过了合计131件（87件＋9件＋40件）")]
    text = "受理142件，审结131件，审结率92.25%，其中维持87件、撤销9件、驳回35件。"
    assert consistency(text, all_rules) == []


def test_facts_are_computed_only_for_rules_that_need_them(all_rules, monkeypatch):
    from lintlaw.analysis.document import Document, build_document
    from lintlaw.engine.ruleset import select_rules
    from lintlaw.text.source import decode

    computed = []
    fact = Document.fact
    monkeypatch.setattr(Document, "fact", lambda self, key, compute: fact(
        self, key, lambda: computed.append(key) or compute()))
    document = build_document(decode("一、举措\n共办理20件，其中维持12件。\n".encode(), "t.txt"))
    for rule in select_rules(all_rules, ["structure", "placeholder", "number"], None):
        list(rule.kind.check(document))
    assert "facts" not in computed
    for rule in select_rules(all_rules, ["C003", "C004"], None):
        list(rule.kind.check(document))
    # Each computed once, however many rules ask.
    assert sorted(k for k in computed if k in ("facts", "consistency")) == ["consistency", "facts"]


# --- issue 10 §7: consistency the way reports write it -------------------------

def test_parts_after_a_full_stop_belong_to_the_previous_sentence(all_rules):
    text = "全年受理户籍业务申请2,310件，均在时限内办结。其中，迁入980件、迁出1,450件、变更120件。"
    assert consistency(text, all_rules) == [
        ("C003", 1, 31, "分项之和2550件超过了合计2,310件（980件＋1,450件＋120件）")]


@pytest.mark.parametrize("text", [
    "全年受理户籍业务申请2,310件，均在时限内办结。其中，迁入980件、迁出1,250件、变更80件。",
    # The last total of the previous sentence, not its last count, is the whole.
    "全年共受理申请100件，办结95件。其中，行政许可60件、行政确认38件。",
    # Two counts and no total word: whose parts these are is not clear.
    "受理申请100件，办结95件。其中，行政许可60件、行政确认38件。",
    # A new paragraph is not the previous sentence.
    "全年受理户籍业务申请2,310件。\n其中，迁入980件、迁出1,450件、变更120件。",
    # The 其中 sentence has a whole of its own.
    "全年受理申请2,310件。其中户籍业务300件，其中迁入200件、迁出100件。",
])
def test_parts_after_a_full_stop_traps(all_rules, text):
    assert consistency(text, all_rules) == []


@pytest.mark.parametrize("text, expected", [
    ("抽查执法案卷80卷，优秀72卷，优秀率95%。",
     [("C001", 1, 20, "优秀率95%与本句的数字对不上：72卷÷80卷＝90.0%")]),
    ("应组织听证事项20次，实际组织听证18次，听证率95%。",
     [("C001", 1, 25, "听证率95%与本句的数字对不上：18次÷20次＝90.0%")]),
    ("收到申请1,200条，公开1,020条，公开率80%。",
     [("C001", 1, 24, "公开率80%与本句的数字对不上：1,020条÷1,200条＝85.0%")]),
])
def test_numerator_named_by_its_verb(all_rules, text, expected):
    assert consistency(text, all_rules) == expected


@pytest.mark.parametrize("text", [
    "抽查执法案卷80卷，优秀72卷，优秀率90%。",
    "应组织听证事项20次，实际组织听证18次，听证率90%。",
    "收到申请1,200条，公开1,020条，公开率85%。",
    # Another subject after "；": 205 cases are not the base of the review rate.
    "全年查处违法案件205件，罚款合计18.3万元；重大执法决定法制审核14件，审核率100%。",
    # Counts each followed by their own share are siblings, not each other's whole.
    "在主动公开的信息中，工作指南1条，占8%；其他公文5条，占41%；决算预算2条，占17%，采购目录2条，占17%。",
])
def test_rate_clause_group_traps(all_rules, text):
    assert consistency(text, all_rules) == []


def test_rate_in_its_own_clause_group_is_still_checked(all_rules):
    text = "全年查处违法案件205件；受理复议申请50件，办结45件，办结率80%。"
    assert consistency(text, all_rules) == [
        ("C001", 1, 33, "办结率80%与本句的数字对不上：45件÷50件＝90.0%")]


@pytest.mark.parametrize("text, expected", [
    # A "；" after the rate ends nothing the rate needs: its part and whole come before it.
    ("受理复议申请50件，办结45件，办结率80%；另有5件正在办理。",
     [("C001", 1, 20, "办结率80%与本句的数字对不上：45件÷50件＝90.0%")]),
    ("受理复议申请50件，办结45件，办结率90%；另有5件正在办理。", []),
    # With two "；" before the rate its group starts after the last one: 90件 is another subject
    # (taken as the whole, 45÷90 would fit the wrong 50%).
    ("全年查处违法案件205件；受理行政复议90件；受理行政诉讼50件，审结45件，审结率50%。",
     [("C001", 1, 43, "审结率50%与本句的数字对不上：45件÷50件＝90.0%")]),
    ("全年查处违法案件205件；受理行政复议90件；受理行政诉讼50件，审结45件，审结率90%。", []),
    # The half-width ";" of a pasted text ends a clause group as "；" does.
    ("全年查处违法案件205件;受理行政复议90件;受理行政诉讼50件，审结45件，审结率50%。",
     [("C001", 1, 43, "审结率50%与本句的数字对不上：45件÷50件＝90.0%")]),
    ("全年查处违法案件205件;受理行政复议90件;受理行政诉讼50件，审结45件，审结率90%。", []),
])
def test_a_rate_s_clause_group_runs_from_the_last_semicolon_before_it(all_rules, text, expected):
    assert consistency(text, all_rules) == expected


# 140 ÷ 151 = 92.715…%: a rate shown with d decimals fits when it is less than 10^-d away,
# whether the report rounded or truncated; 约 widens that by one point.
@pytest.mark.parametrize("rate, computed", [
    ("92.7%", None), ("92.8%", None), ("92.6%", "92.7%"), ("92.9%", "92.7%"),
    ("92.71%", None), ("92.72%", None), ("92.70%", "92.72%"), ("92.73%", "92.72%"),
    ("93%", None), ("92%", None), ("94%", "92.7%"), ("91%", "92.7%"),
    ("约93.8%", None), ("约91.7%", None), ("约93.9%", "92.7%"), ("约91.6%", "92.7%"),
])
def test_the_rounding_margin_of_a_rate(all_rules, rate, computed):
    """`computed` is what the finding shows, None when the rate fits."""
    found = consistency(f"共受理行政复议案件151件，办结140件，办结率{rate}。", all_rules)
    shown = rate.removeprefix("约")
    assert found == ([] if computed is None else [
        ("C001", 1, 25 + rate.startswith("约"), f"办结率{shown}与本句的数字对不上：140件÷151件＝{computed}")])


@pytest.mark.parametrize("rate", ["12.49%", "12.51%"])
def test_a_rate_one_unit_of_its_last_decimal_off_is_off_despite_float_error(all_rules, rate):
    # 1 ÷ 8 = 12.5% exactly; in floating point 12.5 − 12.49 comes to 0.00999…, just under 0.01.
    assert consistency(f"共受理行政复议案件8件，办结1件，办结率{rate}。", all_rules) == [
        ("C001", 1, 21, f"办结率{rate}与本句的数字对不上：1件÷8件＝12.50%")]


def test_sole_numerator_of_100_percent_is_shown_as_consistent():
    from lintlaw.analysis.consistency import analysis_of
    from lintlaw.analysis.document import build_document
    from lintlaw.text.source import decode

    text = "一、举措\n全年查处违法案件205件，罚款合计18.3万元；重大执法决定法制审核14件，审核率100%。\n"
    [check] = analysis_of(build_document(decode(text.encode(), "t.txt"))).rates
    assert check.sole.quantity.text == "14件" and check.matched is None and not check.checkable


def test_a_share_after_a_semicolon_is_of_the_sentence_total(all_rules):
    text = "全年共受理依申请公开12件，予以公开的有6件，占50%；无法提供的有6件，占50%。"
    assert consistency(text, all_rules) == []
    text = "全年共受理依申请公开12件，予以公开的有6件，占50%；无法提供的有6件，占60%。"
    assert consistency(text, all_rules) == [
        ("C001", 1, 39, "占60%与本句的数字对不上：6件÷12件＝50.0%")]


def test_a_count_with_its_own_share_is_still_the_base_of_a_named_rate(all_rules):
    text = "受理申请100件，占全市的30%，办结95件，办结率90%。"
    assert consistency(text, all_rules) == [
        ("C001", 1, 27, "办结率90%与本句的数字对不上：95件÷100件＝95.0%")]


# --- sentences passed over before their figures are read -----------------------
# Only a sentence with a cue and one of what the checks need (a total's words, a percent
# sign, a part list, or a 《》 title with a count of documents) has its figures read. In each
# of these that thing is the only one, so a fast path that missed it would go silent.

@pytest.mark.parametrize("text, expected", [
    ("受理10件，办结9件，办结率95％。",  # a full-width percent sign
     [("C001", 1, 15, "办结率95％与本句的数字对不上：9件÷10件＝90.0%")]),
    ("全年行政复议案件受理总数20件，办结率较高。\n全年行政复议案件受理总数22件，办结率较高。",
     [("C006", 2, 13, "“全年行政复议案件受理总数”前文写的是20件，这里是22件，两处不一致")]),
    ("全年行政复议案件受理总量20件，占比较高。\n全年行政复议案件受理总量22件，占比较高。",
     [("C006", 2, 13, "“全年行政复议案件受理总量”前文写的是20件，这里是22件，两处不一致")]),
    ("受理案件20件，分别为行政复议12件、行政诉讼10件。",
     [("C003", 1, 16, "分项之和22件超过了合计20件（12件＋10件）")]),
    ("受理案件20件，包括行政复议12件、行政诉讼10件。",
     [("C003", 1, 15, "分项之和22件超过了合计20件（12件＋10件）")]),
    ("制定出台3部规范性文件：《甲办法》《乙办法》。", [("C005", 1, 5, "写的是3部，但列出的名称有2个")]),
    ("组织学习《宪法》《民法典》《教育法》等2部法律。", [("C005", 1, 20, "写的是2部，但列出的名称有3个")]),
    ("印发2份通知：《甲通知》《乙通知》《丙通知》。", [("C005", 1, 3, "写的是2份，但列出的名称有3个")]),
])
def test_what_each_check_needs_is_enough_to_read_a_sentence(all_rules, text, expected):
    assert consistency(text, all_rules) == expected
