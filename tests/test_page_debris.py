"""Page debris (R001) in the forms real captures take, and paragraphs broken by the capture
(R005, R006, P001 across a break): issue 10, sections 4 and 5."""

import pytest

from lintlaw.analysis.document import build_document
from lintlaw.engine.fixing import fix_source
from lintlaw.engine.linter import lint
from lintlaw.text.outline import CHROME, HEADING
from lintlaw.engine.ruleset import select_rules
from lintlaw.text.source import decode

from .helpers import findings
from .test_cli import run

TITLE = "甲市2024年度法治政府建设情况报告\n"
BODY = "一、主要举措和成效\n全年开展普法宣传活动30场。\n"


def spans(text, rules, select):
    """(code, line, column, end line, message) for every finding."""
    source = decode(text.encode("utf-8"), "t.txt")
    chosen = select_rules(rules, select, None)
    return [(d.code, *source.position(d.start), source.position(d.end)[0], d.message)
            for d in lint(source, chosen)]


def kinds(text):
    document = build_document(decode(text.encode("utf-8"), "t.txt"))
    return [(line.lineno, line.type) for line in document.lines]


# One block of debris per case: (text, first line, last line, sample in the message).
BLOCKS = [
    # A bulleted metadata table, one field per line, a colon or none.
    ("• 索引号：11330000002482870P/2024-00123\n• 主题分类\n• 发布机构：甲市司法局\n" + TITLE + BODY,
     1, 3, "• 索引号：11330000002482…"),
    ("- 索 引 号: sm09901-2025-00003\n- 备注/文号: 甲委〔2025〕5号\n- 公文生成日期: 2025-02-07\n" + TITLE + BODY,
     1, 3, "- 索 引 号: sm09901-202…"),
    (TITLE + "文章来源：甲市司法局 更新时间：2025-03-05\n" + BODY, 2, 2, "文章来源：甲市司法局 更新时间：2025…"),
    (TITLE + "时间：2025-03-05 10:12 阅读：0\n" + BODY, 2, 2, "时间：2025-03-05 10:12 …"),
    (TITLE + "發布時間:2025-04-11 16:33 信息來源:甲鄉\n" + BODY, 2, 2, "發布時間:2025-04-11 16:3…"),
    # Widgets left one per line, blank lines between them.
    (TITLE + "打印\n\n分享\n字体：[] [] []\n• |\n" + BODY, 2, 6, "打印"),
    (TITLE + "分享:\n字號:\n" + BODY, 2, 3, "分享:"),
    # Breadcrumbs with no spaces, or a bare path.
    ("您当前的位置:首页>新闻中心>法治宣传\n" + TITLE + BODY, 1, 1, "您当前的位置:首页>新闻中心>法治宣传"),
    ("政务公开>法治政府建设>年度报告\n" + TITLE + BODY, 1, 1, "政务公开>法治政府建设>年度报告"),
    # The page header's date and weekday.
    ("今天是：2024年3月5日 星期二\n" + TITLE + BODY, 1, 1, "今天是：2024年3月5日 星期二"),
    ("甲市人民政府网 2024年3月5日 星期二\n" + TITLE + BODY, 1, 1, "甲市人民政府网 2024年3月5日 星期…"),
    # ... or alone on its line (issue 20, item 13): no report line is a date and a weekday only.
    ("2024年3月5日 星期二\n" + TITLE + BODY, 1, 1, "2024年3月5日 星期二"),
    ("2024-03-05（周二）\n" + TITLE + BODY, 1, 1, "2024-03-05（周二）"),
    # Badges, filing numbers, a watermark line with a domain.
    (TITLE + BODY + "政府网站找错\n党政机关\n网站标识码：1234000001\n京公网安备11010502000001号\n", 4, 7, "政府网站找错"),
    ("甲市网—每日更新www.example.com\n" + TITLE + BODY, 1, 1, "甲市网—每日更新www.example.…"),
    # A document-sharing block with its numbered tips.
    (TITLE + "资源ID：123456\n资源大小：35KB\n全文页数：6页\n下载积分：5\n会员登录下载\n友情提示\n"
     "1、下载文档前请自行甄别文档内容的完整性。\n2、PDF文件下载后，可能会被浏览器默认打开。\n" + BODY,
     2, 9, "资源ID：123456"),
    # 范文-site lead-ins and essay-site bylines.
    ("下面是小编为大家整理的法治政府建设工作总结，供大家参考。\n" + TITLE + BODY, 1, 1,
     "下面是小编为大家整理的法治政府建设工作总…"),
    ("公文范文 来源：网友投稿\n" + TITLE + BODY, 1, 1, "公文范文 来源：网友投稿"),
    ("作者：张三 2023-12-09 21:31\n导读：本文是一篇工作总结。\n" + TITLE + BODY, 1, 2, "作者：张三 2023-12-09 21:…"),
    (TITLE + BODY + "此文《法治政府建设工作总结》由范文网推荐\n", 4, 4, "此文《法治政府建设工作总结》由范文网推荐"),
    # Copyright and licence footers.
    (TITLE + BODY + "Copyright © 2025 example.com All Rights Reserved\n本作品采用知识共享署名许可协议\n",
     4, 5, "Copyright © 2025 exa…"),
]


@pytest.mark.parametrize("text, first, last, sample", BLOCKS)
def test_a_block_of_debris_is_one_finding_covering_the_block(all_rules, text, first, last, sample):
    lines = f"第{first}行" if first == last else f"第{first}—{last}行"
    assert spans(text, all_rules, ["R001"]) == [
        ("R001", first, 1, last, f"网页残留（{lines}）：“{sample}”不是报告正文")]


@pytest.mark.parametrize("text", [
    TITLE + "一、主要举措和成效\n（三）打印机采购情况\n采购打印机5台，分享经验做法。\n",
    TITLE + "一、主要举措和成效\n（三）打印\n分享经验做法，服务来源于群众，作者：张三。\n",
    TITLE + "打印机采购全部依法进行。\n分享经验，来源于群众。\n时间：全年。\n",
    TITLE + "一、主要举措和成效\n1、下载国家反诈中心APP 2万人次。\n2、打印宣传册5000份。\n",
    TITLE + "区政府网站www.jiashi.gov.cn全年发布信息120条。\n",
    TITLE + "办事群众可登录甲市政务服务网www.jszwfw.gov.cn\n",
    TITLE + "党政机关主要负责人带头学法。\n",
    TITLE + "2024年3月5日 星期二，召开常务会议学法。\n",
])
def test_report_text_that_looks_like_debris_is_not(all_rules, text):
    assert spans(text, all_rules, ["R001"]) == []


def test_numbered_download_tips_are_debris_not_headings(all_rules):
    text = (TITLE + "友情提示\n1、下载文档前请自行甄别文档内容的完整性。\n2、PDF文件下载后，可能会被浏览器默认打开。\n"
            "3、本站不支持迅雷下载。\n" + BODY)
    assert kinds(text) == [(1, "title"), (2, CHROME), (3, CHROME), (4, CHROME), (5, CHROME),
                           (6, HEADING), (7, "text")]
    assert spans(text, all_rules, ["R001", "S1"]) == [
        ("R001", 2, 1, 5, "网页残留（第2—5行）：“友情提示”不是报告正文")]


def test_tips_whose_first_one_is_on_the_head_line():
    text = TITLE + "友情提示：1、下载文档前请自行甄别。\n2、PDF文件下载后，可能会被浏览器默认打开。\n" + BODY
    assert kinds(text) == [(1, "title"), (2, CHROME), (3, CHROME), (4, HEADING), (5, "text")]


def test_glued_watermark_is_found_and_deleted_on_its_own(all_rules):
    text = "甲市网—每日更新www.example.com甲市2024年度法治政府建设情况报告\n" + BODY
    assert spans(text, all_rules, ["R001"]) == [
        ("R001", 1, 1, 1, "网页残留（第1行）：“甲市网—每日更新www.example.com”不是报告正文")]
    source = decode(text.encode("utf-8"), "t.txt")
    fixed = fix_source(source, select_rules(all_rules, ["R001"], None), unsafe=True)
    assert fixed.source.text == TITLE + BODY


def test_glued_watermark_before_the_first_sentence(all_rules):
    text = TITLE + "某某范文网-www.example.com.cn2024年，我市深入推进法治政府建设。\n"
    assert spans(text, all_rules, ["R001"]) == [
        ("R001", 2, 1, 2, "网页残留（第2行）：“某某范文网-www.example.com.cn”不是报告正文")]


def test_whole_block_fix_deletes_its_lines(all_rules):
    text = "您当前的位置:首页>新闻中心>法治宣传\n打印\n\n分享\n" + TITLE + BODY
    source = decode(text.encode("utf-8"), "t.txt")
    fixed = fix_source(source, select_rules(all_rules, ["R001"], None), unsafe=True)
    assert fixed.source.text == TITLE + BODY


def test_full_format_names_a_deleted_block_by_its_lines(tmp_path):
    path = tmp_path / "r.txt"
    path.write_text("• 索引号：1133/2024-00123\n• 主题分类：其他\n• 发布机构：甲市司法局\n" + TITLE + BODY,
                    encoding="utf-8")
    result = run("check", "--select", "R001", str(path))
    assert result.exit_code == 0
    assert "  = 修复：删除第1—3行（--fix --unsafe-fixes，需人工复核）\n" in result.stdout
    assert "主题分类" not in result.stdout  # the preview does not print the block


def test_json_range_covers_the_block(tmp_path):
    import json

    path = tmp_path / "r.txt"
    path.write_text(TITLE + "打印\n分享\n" + BODY, encoding="utf-8")
    item = json.loads(run("check", "--format", "json", "--select", "R001", str(path)).stdout)[0]
    assert (item["line"], item["column"], item["end_line"], item["end_column"]) == (2, 1, 3, 3)
    assert item["fix"]["edits"] == [{"line": 2, "column": 1, "end_line": 4, "end_column": 1, "content": ""}]


def r005(before, after):
    return f"段落在“{before}”后断行，下一行“{after}”是同一句话的后半部分"


BROKEN = [
    # Mid-word, no punctuation, across a blank line: the next line starts with a bound character.
    ("一年来，我局坚持依法行政，全面推进政务公开标准化规范\n\n化建设，群众满意度不断提升。\n",
     1, 26, r005("开标准化规范", "化建设，群众")),
    # Across a line holding only a zero-width space: two lines of running text.
    ("2024年，我县坚持以习近平法治思想为指导，深入学习贯彻\n\u200b\n党的二十大精神，全面推进依法行政。\n",
     1, 28, r005("深入学习贯彻", "党的二十大精")),
    # A 《…》 title split over two lines.
    ("全年组织学习《中华人民共和国\n行政处罚法》等法律法规12部。\n", 1, 14, r005("中华人民共和国"[-6:], "行政处罚法》")),
    # A report title split over two lines.
    ("甲市2024年度法治政府建设情况报\n告\n", 1, 17, r005("府建设情况报", "告")),
    # A number split from its measure word.
    ("全年主动公开政府信息1,020条，其中政策文件20\n\n条，部门文件35条。\n", 1, 25, r005("政策文件20", "条，部门文件")),
    ("关于甲市2024年度法治政府建设情况的\n报告\n", 1, 19, r005("府建设情况的", "报告")),
    # A number cut in two.
    ("全年主动公开政府信息，向社会公众公开信息3\n713条\n", 1, 21, r005("众公开信息3", "713条")),
    ("主动公开信息20\n\n条。\n", 1, 8, r005("公开信息20", "条。")),
    # A 《…》 title split where the second line opens and closes a pair of its own.
    ("制定《关于加强家校协同育人工作的指\n导意见（试行）》等文件5件。\n", 1, 17, r005("育人工作的指", "导意见（试行")),
    # A heading with a sentence run in after its title, broken in that sentence.
    ("（一）依法履职。全年组织学习法律法规，深入学习贯彻\n党的二十大精神，全面推进依法行政。\n",
     1, 25, r005("深入学习贯彻", "党的二十大精")),
    # The short tail of a sentence.
    ("全年开展普法宣传活动30场，为教育事业发展提供\n有力的制度支持。\n", 1, 23, r005("事业发展提供", "有力的制度支")),
    # A line that starts with a mark a sentence never starts with.
    ("认真落实《重大行政决策程序暂行条例》\n，严格履行决策程序。\n", 1, 18, r005("序暂行条例》", "，严格履行决")),
    # After a comma (the old form).
    ("全年共开展普法宣传活动30场，\n覆盖群众5000余人次。\n", 1, 15, r005("活动30场，", "覆盖群众50")),
    # Invisible characters at the break are not what the line ends or starts with.
    ("全年共开展普法宣传活动30场，\u200b\n覆盖群众5000余人次。\n", 1, 15, r005("活动30场，", "覆盖群众50")),
    ("一年来，我局坚持依法行政，全面推进政务公开标准化规范\n\n\u00ad化建设，群众满意度不断提升。\n",
     1, 26, r005("开标准化规范", "化建设，群众")),
]


@pytest.mark.parametrize("text, line, column, message", BROKEN)
def test_a_paragraph_broken_by_the_capture(all_rules, text, line, column, message):
    assert spans(text, all_rules, ["R005"]) == [("R005", line, column, line, message)]


def test_the_fix_joins_the_two_lines(all_rules):
    text = "一年来，我局坚持依法行政，全面推进政务公开标准化规范\n\u200b\n化建设，群众满意度不断提升。\n"
    source = decode(text.encode("utf-8"), "t.txt")
    fixed = fix_source(source, select_rules(all_rules, ["R005"], None), unsafe=True)
    assert fixed.source.text == "一年来，我局坚持依法行政，全面推进政务公开标准化规范化建设，群众满意度不断提升。\n"


@pytest.mark.parametrize("text", [
    # A heading without a marker, then its paragraph.
    "统筹推进法治政府建设高质量发展\n坚持把学习宣传贯彻党的二十大精神作为首要政治任务，持续深化。\n",
    # A title, then the text.
    TITLE + "2024年，我市深入推进法治政府建设，取得明显成效。\n",
    # A paragraph without its full stop, then the signature and the date.
    "全年工作取得明显成效，群众满意度不断提升\n甲市司法局\n2025年1月20日\n",
    # Table rows and list items.
    "项目 | 数量\n行政许可 | 20\n行政处罚 | 35\n",
    "- 加强学习，提升能力\n- 完善制度，规范运行\n",
    # A short label line, then running text.
    "主要做法\n全年开展培训5次，参训200人次。\n",
    # A paragraph that lost its full stop, then a new one starting as paragraphs do.
    "全年开展培训5次，参训人员200人次，取得良好效果\n一是加强学习，提升能力。\n",
    "全年开展培训5次，参训人员200人次，取得良好效果\n2025年，我局将继续加强学习。\n",
    # A one-word paragraph under a heading, and a heading after a paragraph.
    "五、其他需要报告的情况\n无\n",
    "全年开展培训5次，参训人员200人次，取得良好效果\n二、存在的不足和原因\n",
    # A word that starts with a bound character yet starts a sentence.
    "主要做法\n化解矛盾纠纷120件，调解成功率98%。\n",
    # A heading whose title has a comma, then its paragraph.
    "（一）强化政治引领，压实法治建设责任\n成立了以镇党委书记、镇长任双组长的法治政府建设工作领导小组，明确职责分工。\n",
    # A paragraph that lost its full stop, then the closing line.
    "全年工作取得明显成效，群众满意度不断提升\n特此报告。\n",
    # Ends with a full stop, a semicolon, a colon.
    "主要做法如下：\n一是加强学习；\n二是完善制度。\n",
])
def test_lines_that_are_not_a_broken_paragraph(all_rules, text):
    assert spans(text, all_rules, ["R005"]) == []


def test_a_title_split_by_a_break_is_not_two_unpaired_marks(all_rules):
    text = "全年组织学习《中华人民共和国\n\n行政处罚法》等法律法规12部。\n"
    assert spans(text, all_rules, ["P001"]) == []
    assert [code for code, *_ in spans(text, all_rules, ["R005", "P001"])] == ["R005"]


def test_an_unpaired_mark_is_still_one_when_the_next_line_does_not_close_it(all_rules):
    text = "学习《中华人民共和国宪法。\n全年开展活动12场。\n"
    assert spans(text, all_rules, ["P001"]) == [
        ("P001", 1, 3, 1, "「《」没有配对的后半个（应与「》」成对）")]


@pytest.mark.parametrize("text, line, column", [
    ("全年办理\u200b35件。\n", 1, 5),
    ("全年办理\u200b\u200d35件。\n", 1, 5),
    ("依法\u00ad行政。\n", 1, 3),
    ("全年办理35件\u2060。\n", 1, 8),
    ("全年办理35件。\n\u200b\n共计12场。\n", 2, 1),
    ("全年办理\ufeff35件。\n", 1, 5),
])
def test_invisible_characters(all_rules, text, line, column):
    assert spans(text, all_rules, ["R006"]) == [
        ("R006", line, column, line, "文中夹有看不见的字符（零宽空格、软连字符等），多半是从网页复制时带入的，应删除")]
    source = decode(text.encode("utf-8"), "t.txt")
    fixed = fix_source(source, select_rules(all_rules, ["R006"], None))
    assert fixed.source.text == "".join(c for c in text if c not in "\u200b\u200d\u00ad\u2060\ufeff")


def test_a_byte_order_mark_at_the_start_is_not_text(all_rules):
    source = decode("\ufeff全年办理35件。\n".encode("utf-8"), "t.txt")
    assert [d.code for d in lint(source, select_rules(all_rules, ["R006"], None))] == []


def test_full_format_names_the_lines_a_join_makes_one(tmp_path):
    path = tmp_path / "r.txt"
    path.write_text("一年来，我局坚持依法行政，全面推进政务公开标准化规范\n\u200b\n化建设，群众满意度不断提升。\n",
                    encoding="utf-8")
    result = run("check", "--select", "R005", str(path))
    assert "  = 修复：把第1行和第3行接成一行（--fix --unsafe-fixes，需人工复核）\n" in result.stdout


def test_each_break_says_which_sign_gave_it_away(all_rules):
    from lintlaw.analysis import breaks

    words = next(rule for rule in all_rules if rule.code == "R005").kind.words

    def why(text):
        document = build_document(decode(text.encode("utf-8"), "t.txt"))
        return [found.why for found in breaks.find_breaks(document, words)]

    assert why(BROKEN[0][0]) == ["bound"]
    assert why(BROKEN[1][0]) == ["sentence"]
    assert why(BROKEN[2][0]) == ["pair"]
    assert why("甲市2024年度法治政府建设情况报\n告\n") == ["title"]
    assert why("主动公开信息20\n\n条。\n") == ["unit"]
    assert why("甲市2024年法治政府建设工作总\n结\n") == ["piece"]
    assert why("全年共开展普法宣传活动30场，\n覆盖群众5000余人次。\n") == ["mark"]


def _glued_rule(tmp_path, pattern: str):
    """A directory with one page-chrome rule whose only glued pattern is `pattern`."""
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "Y001.toml").write_text(
        'code = "Y001"\nname = "my-chrome"\nkind = "page-chrome"\ncategory = "residue"\n'
        f'severity = "warning"\nmessage = "{{sample}}"\nglued = [\'{pattern}\']\n'
        'explanation = "x"\nauthority = "x"\n[examples]\nbad = ["x"]\ngood = ["y"]\n', encoding="utf-8")
    return rules


def test_a_bad_glued_pattern_is_a_rule_file_error(tmp_path):
    rules = _glued_rule(tmp_path, "某网(")
    result = run("check", "--rules", str(rules), "-")
    assert result.exit_code == 2
    assert f"{rules / 'Y001.toml'}:7: glued: 正则表达式“某网(”有误：在末尾：缺少“)”" in result.stderr


def test_a_heading_about_printing_stays_a_heading():
    text = TITLE + "一、主要举措和成效\n（三）打印\n（四）打印机采购情况\n打印\n"
    assert kinds(text) == [(1, "title"), (2, HEADING), (3, HEADING), (4, HEADING), (5, CHROME)]


def test_a_split_title_after_a_whole_one(all_rules):
    text = "依照《甲条例》和《中华人民共和国\n行政处罚法》办理案件12件。\n"
    assert spans(text, all_rules, ["P001"]) == []
    text = "学习《甲《乙》办法\n》等规定，全年办理案件12件。\n"
    assert spans(text, all_rules, ["P001"]) == []


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_glued_watermark_with_any_line_ending(all_rules, newline):
    text = (TITLE + "某某范文网-www.example.com2024年，我市深入推进法治政府建设。\n").replace("\n", newline)
    assert spans(text, all_rules, ["R001"]) == [
        ("R001", 2, 1, 2, "网页残留（第2行）：“某某范文网-www.example.com”不是报告正文")]


def test_report_headings_with_words_download_sites_also_use_stay_headings(all_rules):
    # 侵权, 充值 and 未经许可 belong to reports as much as to download-site tips and footers.
    text = ("甲县市场监督管理局2024年度法治政府建设情况报告\n一、主要举措和成效\n（一）完善执法制度\n"
            "全年办理案件12件。\n（二）规范预付卡充值管理\n开展专项检查3次。\n"
            "（三）严厉打击知识产权侵权假冒行为\n未经许可擅自从事经营的，依法查处12起。\n")
    assert findings(text, all_rules, select=["R001", "S101", "S109"]) == []



# Glued patterns are searched from line break to line break (fast) instead of with a
# line-start lookbehind at every character; these are the cases where the two could part.
BREAK = "(?:\\r\\n|\\r|\\n)"
GLUED_EDGES = [
    # A match running past its line's break is no finding, and the next line is still tried.
    (f"某网{BREAK}?", TITLE + "某网\n某网—甲市2024年工作总结。\n", "某网", [3]),
    ("某网\\s*", "某网\n某网—甲市2024年工作总结。\n", "某网", [2]),
    # A match into the next line (not past its break) hides that line's start, as it always did.
    (f"某网(?:{BREAK}某)?", "某网\n某网—甲市2024年工作总结。\n", "某网", []),
    # Empty matches where the pattern allows them, the text's first line, and blank lines.
    ("(?:某网—)?", "某网—甲市\n某网—甲市2024年工作总结。\n", "某网—", [1, 2]),
    ("某网", "\n\n某网\n某网—甲市2024年工作总结。\n", "某网", [3, 4]),
]


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
@pytest.mark.parametrize("pattern, text, sample, lines", GLUED_EDGES)
def test_glued_patterns_match_at_each_line_start(all_rules, newline, pattern, text, sample, lines):
    rule = next(rule for rule in all_rules if rule.code == "R001").with_options({"glued": [pattern]}, fail=None)
    assert spans(text.replace("\n", newline), [rule], ["R001"]) == [
        ("R001", line, 1, line, f"网页残留（第{line}行）：“{sample}”不是报告正文") for line in lines]


def test_a_glued_pattern_that_runs_out_of_time_is_named_as_written(tmp_path, monkeypatch):
    import lintlaw.engine.kinds.pattern as pattern

    monkeypatch.setattr(pattern, "RULE_BUDGET_SECONDS", 0.0)  # out of time at the first search
    monkeypatch.setattr(pattern, "BUDGET_SECONDS_PER_MILLION_CHARACTERS", 0.0)
    rules = _glued_rule(tmp_path, "某网")
    result = run("check", "--rules", str(rules), "--select", "Y001", "-", input="某网正文。\n".encode("utf-8"))
    assert result.exit_code == 2
    assert result.stderr == (f"lintlaw: {rules / 'Y001.toml'}: 正则表达式“某网”在 - 中运行超时"
                             "（每条规则每个文件最多 0 秒），请简化\n")
