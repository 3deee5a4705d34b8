"""Findings a reviewer of the whole corpus rejected or found missing: each fixed at its cause.

Every fixture is written for the test (no corpus text): the layout spaces R002 must leave
alone, the sections S109 must not call empty, the mixed lists P007 accepts, page debris R001
must catch, filtered text T003 must catch, and year forms P006/P010 must correct.
"""

import pytest

from .helpers import findings

R002 = "中文之间有多余的空格"


@pytest.mark.parametrize("text, expected", [
    # A stray space mid-sentence, ASCII, no-break or a lone ideographic space.
    ("深化四 清单改革，推进依法行政。", [("R002", 1, 4, R002)]),
    ("深化四\u00a0清单改革，推进依法行政。", [("R002", 1, 4, R002)]),
    ("深化四\u3000清单改革，推进依法行政。", [("R002", 1, 4, R002)]),
    # After a word that is no office, a space before a name-like word still counts.
    ("全面增长\u3000张弛有度，稳步推进。", [("R002", 1, 5, R002)]),
])
def test_stray_spaces_between_chinese_are_findings(all_rules, text, expected):
    assert findings(text, all_rules, select=["R002"]) == expected


@pytest.mark.parametrize("text", [
    # Paragraphs flattened into one line keep their two-space indentation.
    "甲县人民政府关于工作情况的报告\u3000\u3000一、工作回顾\u3000\u3000过去一年，我们稳步推进。",
    "全文如下\u3000\u3000\u00a0报告正文，继续推进。",
    # An office and a name, spaced as is customary.
    "甲省人民政府省长\u3000王某某\u3000\u3000各位代表：现在报告工作。",
    "国务院总理\u3000某某某，各位代表。",
    "县委书记 张某，县长 李某，出席会议。",
])
def test_layout_spaces_are_not_findings(all_rules, text):
    assert findings(text, all_rules, select=["R002"]) == []


S109_TEXT = "甲县2024年度法治政府建设情况报告\n{body}"


@pytest.mark.parametrize("body, expected", [
    # A bare heading with another heading of its level after it is empty.
    ("一、主要举措\n二、存在的不足\n队伍建设有待加强。\n",
     [("S109", 2, 1, "标题“一、主要举措”下没有内容")]),
    # The last heading of a text that ends with a line break is empty too.
    ("一、主要举措\n全年出台制度5项。\n二、下一步打算\n",
     [("S109", 4, 1, "标题“二、下一步打算”下没有内容")]),
    # An empty section before a heading of the same level with another number.
    ("一、主要举措\n（一）完善制度\n（三）加强学习\n全年学习12次。\n",
     [("S109", 3, 1, "标题“（一）完善制度”下没有内容")]),
])
def test_empty_sections(all_rules, body, expected):
    assert findings(S109_TEXT.format(body=body), all_rules, select=["S109"]) == expected


@pytest.mark.parametrize("body", [
    # "一、" again: the first subsection was misnumbered (S102's finding); the part is not empty.
    "一、主要举措\n一、完善制度体系\n全年出台制度5项。\n二、存在的不足\n队伍建设有待加强。\n",
    "一、主要举措\n（一）加强学习\n（一）学习制度\n全年学习12次。\n",
    # The text stops mid-sentence in the last heading: what followed it was cut off.
    "一、主要举措\n全年出台制度5项。\n（二）推进政务公开,",
    "一、主要举措\n全年出台制度5项。\n二、政府信息公",
])
def test_sections_that_only_look_empty(all_rules, body):
    assert findings(S109_TEXT.format(body=body), all_rules, select=["S109"]) == []


def test_a_repeated_marker_is_still_reported_as_a_duplicate(all_rules):
    body = "一、主要举措\n一、完善制度体系\n全年出台制度5项。\n"
    assert findings(S109_TEXT.format(body=body), all_rules, select=["S102", "S109"]) == [
        ("S102", 3, 1, "编号重复：“一、”与上一个同级标题的编号相同")]


def test_a_part_covered_only_in_the_body_is_reported_as_not_set_out(all_rules):
    # The duty is mentioned under a topic heading: the message must not say the part is missing.
    text = ("甲县司法局2024年度法治政府建设情况报告\n一、主要举措和成效\n"
            "一是履行法治建设第一责任人职责，局长带头学法。\n二、存在的不足\n队伍建设有待加强。\n"
            "三、2025年工作安排\n继续推进。\n")
    assert findings(text, all_rules, select=["S003"]) == [
        ("S003", 1, 1, "没有单列“党政主要负责人履行推进法治建设第一责任人职责情况”部分（一级标题中没有"
                       "“第一责任人”“主要负责人履行”“主要负责同志履行”“主要负责人履职”等字样）")]


P007 = "相邻的书名号或引号之间通常不用顿号"


@pytest.mark.parametrize("text, expected", [
    ("做好“六稳”、“六保”工作。", [("P007", 1, 7, P007)]),
    ("落实“甲方针”、“乙方针”、“丙方针”。", [("P007", 1, 8, P007), ("P007", 1, 14, P007)]),
    ("学习《甲条例》、《乙办法》等规定。", [("P007", 1, 8, P007)]),
    # An unmarked item in another list of the sentence does not excuse this one.
    ("推进改革、创新，做好“六稳”、“六保”工作。", [("P007", 1, 15, P007)]),
])
def test_dunhao_between_marked_items(all_rules, text, expected):
    assert findings(text, all_rules, select=["P007"]) == expected


@pytest.mark.parametrize("text", [
    # Mixed lists: marked and unmarked items, all joined by 、.
    "坚持“甲方针”、“乙方针”、“丙方针”、高度自治的方针。",
    "推进依法行政、“放管服”、“最多跑一次”改革。",
    "推进依法行政、“放管服”、“最多跑一次”。",
    "学习《甲条例》、《乙办法》、行政法规和规章。",
])
def test_mixed_lists_keep_their_dunhao(all_rules, text):
    assert findings(text, all_rules, select=["P007"]) == []


TITLE = "甲市2024年度法治政府建设情况报告\n"
BODY = "一、主要举措和成效\n全年开展普法宣传活动30场。\n"


def _fixed(text, rules, select, unsafe):
    from lintlaw.engine.fixing import fix_source
    from lintlaw.engine.ruleset import select_rules
    from lintlaw.text.source import decode

    source = decode(text.encode("utf-8"), "t.txt")
    return fix_source(source, select_rules(rules, select, None), unsafe=unsafe).source.text


def test_lines_of_markup_are_one_finding_each_run_and_safely_deleted(all_rules):
    text = ('[<div class="box" id="main">\n' + TITLE + BODY + "<!-- year -->\n</div>]\n")
    assert findings(text, all_rules, select=["R001"]) == [
        ("R001", 1, 1, "网页残留（第1行）：“[<div class=\"box\" id…”不是报告正文"),
        ("R001", 5, 1, "网页残留（第5—6行）：“<!-- year -->”不是报告正文")]
    # Safe: nothing of the report is on those lines.
    assert _fixed(text, all_rules, ["R001"], unsafe=False) == TITLE + BODY


def test_lookalike_brackets_around_markup(all_rules):
    text = TITLE + "‹div class=\"x\"›\n" + BODY
    assert findings(text, all_rules, select=["R001"]) == [
        ("R001", 2, 1, "网页残留（第2行）：“‹div class=\"x\"›”不是报告正文")]


def test_tags_glued_to_text_are_one_finding_per_run_with_an_unsafe_fix(all_rules):
    text = (TITLE + "<h5>一、主要举措和成效</h5>\n<p>全年开展普法宣传活动30场。</p>\n"
            "二、存在的不足\n<p>队伍建设有待加强。\n")
    assert findings(text, all_rules, select=["R001"]) == [
        ("R001", 2, 1, "网页残留（第2—3行，共4处）：“<h5>”“</h5>”“<p>”不是报告正文"),
        ("R001", 5, 1, "网页残留（第5行）：“<p>”不是报告正文")]
    assert _fixed(text, all_rules, ["R001"], unsafe=False) == text
    assert _fixed(text, all_rules, ["R001"], unsafe=True) == (
        TITLE + "一、主要举措和成效\n全年开展普法宣传活动30场。\n二、存在的不足\n队伍建设有待加强。\n")


def test_injected_gambling_spam(all_rules):
    text = ("甲市交通运输局\n真人电子游艺平台\n" + TITLE
            + "一、主要举措和成效\n2024年，bbin体育:坚持依法行政，365bet网上娱乐_365BETAPP官网有关要求。\n")
    assert findings(text, all_rules, select=["R001"]) == [
        ("R001", 2, 1, "网页残留（第2行）：“真人电子游艺平台”不是报告正文"),
        ("R001", 5, 7, "网页残留（第5行，共2处）：“bbin体育:”“365bet网上娱乐_365BETAPP…”不是报告正文")]
    assert _fixed(text, all_rules, ["R001"], unsafe=True) == (
        "甲市交通运输局\n" + TITLE + "一、主要举措和成效\n2024年，坚持依法行政，有关要求。\n")


@pytest.mark.parametrize("body", [
    # Real sentences about lotteries, gambling and comparisons are report text.
    "全年使用体育彩票公益金120万元，福利彩票销售额增长。\n",
    "开展打击网络赌博、百家乐等违法犯罪专项行动。\n",
    "体育彩票\n",
    "电子平台\n",
    # Angle brackets that are no HTML: an inner title, a comparison.
    "学习《关于印发<甲办法>的通知》，年龄<35岁的干部占比a<b。\n",
    "全年办理案件365件，网上办理率达到98%。\n",
])
def test_debris_traps(all_rules, body):
    assert findings(TITLE + BODY + body, all_rules, select=["R001"]) == []


@pytest.mark.parametrize("option, value, line", [
    ("inline", "['某网(']", "inline: 正则表达式“某网(”有误：在末尾：缺少“)”"),
    ("safe_lines", "'<p('", "safe_lines: 正则表达式“<p(”有误：在末尾：缺少“)”"),
])
def test_a_bad_inline_or_safe_lines_pattern_is_a_rule_file_error(tmp_path, option, value, line):
    from .test_cli import run

    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "Y001.toml").write_text(
        'code = "Y001"\nname = "my-chrome"\nkind = "page-chrome"\ncategory = "residue"\n'
        f'severity = "warning"\nmessage = "{{sample}}"\n{option} = {value}\n'
        'explanation = "x"\nauthority = "x"\n[examples]\nbad = ["x"]\ngood = ["y"]\n', encoding="utf-8")
    result = run("check", "--rules", str(rules), "-")
    assert result.exit_code == 2
    assert f"{rules / 'Y001.toml'}:7: {line}" in result.stderr


T006 = "“{}”：这里的文字被星号替换了（网站的敏感词过滤或未填的占位），应补回原文"


@pytest.mark.parametrize("text, expected", [
    ("全年主动***息120条。", [("T006", 1, 5, T006.format("***"))]),
    ("推进政务**开，做好****作。", [("T006", 1, 5, T006.format("**")), ("T006", 1, 11, T006.format("****"))]),
    ("全年主动＊＊＊息。", [("T006", 1, 5, T006.format("＊＊＊"))]),
])
def test_asterisks_in_place_of_words(all_rules, text, expected):
    assert findings(text, all_rules, select=["T006"]) == expected


@pytest.mark.parametrize("text", [
    "在**县司法局**牵头下开展工作。",
    "**县司法局**牵头，**市教育局**配合。",
    "面积为5*8米，注*表示当年新增项目。",
    "开展培训**次，覆盖***人。",  # a count's placeholder: T003's finding
    "推动*高质量发展。",  # one star: T003's finding
    "***",
    "说明：***表示数据暂缺。",
])
def test_asterisks_that_are_no_lost_words(all_rules, text):
    assert findings(text, all_rules, select=["T006"]) == []


def test_a_unit_placeholder_is_reported_once(all_rules):
    assert findings("开展培训**次。", all_rules, select=["placeholder"]) == [
        ("T003", 1, 5, "模板占位符“**”未替换")]


P006 = "年份起止用浪纹线或一字线，“{}”应写作“{}”"


@pytest.mark.parametrize("text, expected", [
    ("落实《甲市法治建设纲要2016-2020》。", [("P006", 1, 12, P006.format("2016-2020", "2016—2020"))]),
    ("落实《甲市规划（2021-2025）》。", [("P006", 1, 9, P006.format("2021-2025", "2021—2025"))]),
    ("印发《关于印发〈甲纲要2016-2020〉的通知》。", [("P006", 1, 12, P006.format("2016-2020", "2016—2020"))]),
    ("落实《甲纲要（2021-2025年）》。", [("P006", 1, 8, P006.format("2021-2025", "2021—2025"))]),
])
def test_year_ranges_in_titles(all_rules, text, expected):
    # One finding: not also W013 for the same title.
    assert findings(text, all_rules, select=["P006", "W013"]) == expected


def test_a_year_range_in_a_title_is_fixed_safely(all_rules):
    assert _fixed("落实《甲市法治建设纲要2016-2020》。\n", all_rules, ["P006"], unsafe=False) == (
        "落实《甲市法治建设纲要2016—2020》。\n")


@pytest.mark.parametrize("text", [
    "发布日期：2025-01-21，编号2016-2020-3》",
    "《甲市工作报告》2016-2020期间的数据。",
])
def test_year_range_traps(all_rules, text):
    assert findings(text, all_rules, select=["P006"]) == []


P010 = "发文字号中的年份用六角括号“〔〕”括入，“{}”应写作“{}”"


@pytest.mark.parametrize("text, expected", [
    ("依据《关于做好甲工作的通知》（甲人社发[2016]82号）。",
     [("P010", 1, 20, P010.format("[2016]", "〔2016〕"))]),
    ("根据甲政发(2021)5号文件。", [("P010", 1, 6, P010.format("(2021)", "〔2021〕"))]),
    ("根据甲政发（2021）5号文件。", [("P010", 1, 6, P010.format("（2021）", "〔2021〕"))]),
    ("甲办发【2020】3号", [("P010", 1, 4, P010.format("【2020】", "〔2020〕"))]),
    ("甲办函［2019］12号", [("P010", 1, 4, P010.format("［2019］", "〔2019〕"))]),
])
def test_document_number_brackets(all_rules, text, expected):
    assert findings(text, all_rules, select=["P010"]) == expected


def test_document_number_brackets_are_fixed_safely(all_rules):
    text = "依据甲人社发[2016]82号和甲政发(2021)5号文件。\n"
    assert _fixed(text, all_rules, ["P010"], unsafe=False) == "依据甲人社发〔2016〕82号和甲政发〔2021〕5号文件。\n"


@pytest.mark.parametrize("text", [
    "依据甲人社发〔2016〕82号文件。",
    "见参考文献[1]，详见[2016]。",
    "全年（2021年）共办理案件5件。",
    "落实《甲规划（2021—2025年）》。",
    "依法审理（2021）京0105民初123号案件。",
    "甲市(2021)年度报告5份。",
])
def test_document_number_traps(all_rules, text):
    assert findings(text, all_rules, select=["P010"]) == []
