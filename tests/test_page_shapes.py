"""Pages as they really arrive (issue 20): a licence notice split at its links, a table of
contents above the report, a cover letter before it, a site's watermark glued into the text,
and sentences broken at links or cut after a blank line."""

import pytest

from lintlaw.analysis.document import build_document
from lintlaw.engine.fixing import fix_source
from lintlaw.engine.ruleset import select_rules
from lintlaw.text.outline import CHROME, LETTER, TOC

from .helpers import findings, source_of

TITLE = "甲县司法局2024年度法治政府建设情况报告\n"
PARTS = ("一、主要举措和成效\n全年开展普法宣传活动30场。\n二、存在的不足和原因\n部分干部法治意识不强。\n"
         "三、党政主要负责人履行推进法治建设第一责任人职责情况\n局主要负责人带头学法。\n"
         "四、2025年工作安排\n继续推进法治政府建设。\n五、其他需要报告的情况\n无。\n")


def types(text):
    return [line.type for line in build_document(source_of(text)).lines]


# --- 1. licence and copyright notices split into short lines by their links -----------------

NOTICES = [
    # A notice that the page's texts are laws and official documents, each linked word on its line.
    "本页面收录的文字属于\n中华人民共和国\n的\n法律\n、\n法规\n及国家机关的其他公文，依照《\n"
    "中华人民共和国著作权法\n》第五条，不适用该法的保护。\n",
    # A licence footer: the licence's name and the source link on lines of their own.
    "本站文字内容依照\n知识共享署名—相同方式共享\n许可协议发布，转载时须注明\n原文链接\n，并以相同方式共享。\n",
    # A reprint site's copyright statement naming the site it copied from.
    "本网转载的\n政府信息\n均来源于\n甲县人民政府网\n，版权归原作者所有，转载请注明出处。\n",
]


@pytest.mark.parametrize("notice", NOTICES)
def test_a_notice_split_at_its_links_is_one_block_of_debris(all_rules, notice):
    text = TITLE + PARTS + notice
    first, last = PARTS.count("\n") + 2, PARTS.count("\n") + 1 + notice.count("\n")
    sample = notice.split("\n")[0]
    assert findings(text, all_rules, select=["residue", "punctuation"]) == [
        ("R001", first, 1, f"网页残留（第{first}—{last}行）：“{sample}”不是报告正文")]
    fixed = fix_source(source_of(text), select_rules(all_rules, ["R001"], None), unsafe=True)
    assert fixed.source.text == TITLE + PARTS


def test_a_notice_above_the_report_is_debris_too(all_rules):
    text = NOTICES[1] + TITLE + PARTS
    assert types(text)[:5] == [CHROME] * 5
    assert findings(text, all_rules, select=["R001", "R005"]) == [
        ("R001", 1, 1, "网页残留（第1—5行）：“本站文字内容依照”不是报告正文")]


@pytest.mark.parametrize("text", [
    # A sentence of the report about copyright work, broken at a link: it stays report text.
    "全年开展\n著作权\n保护专项行动，查处侵权案件12件，办结率100%。\n",
    # The page's own words about the site, with no licence or copyright word: report text.
    "本网站全年发布\n政务信息\n1200条，其中\n政策解读\n85条。\n",
])
def test_report_sentences_broken_at_links_are_not_notices(all_rules, text):
    assert CHROME not in types(TITLE + PARTS + text)


# --- 2. a table of contents reprinted above the report --------------------------------------

_XXGK_TITLE = "甲县民政局2024年政府信息公开工作年度报告\n"
_XXGK_BODY = ("一、总体情况\n（一）主动公开情况。2024年，我局主动公开政府信息120条。\n"
              "（二）依申请公开情况。全年收到申请5件，均按时答复。\n二、主动公开政府信息情况\n全年制发规范性文件2件。\n")


@pytest.mark.parametrize("contents", [
    # Headed by 目录, both levels, the body's headings running a sentence on after their words,
    # and a capture cut short after the first two parts.
    "目  录\n一、总体情况\n（一）主动公开情况\n（二）依申请公开情况\n二、主动公开政府信息情况\n"
    "三、收到和处理政府信息公开申请情况\n四、政府信息公开行政复议、行政诉讼情况\n五、存在的主要问题及改进情况\n"
    "六、其他需要报告的事项\n",
    # No 目录 line, page numbers after leader dots or spaces.
    "一、总体情况……………………1\n二、主动公开政府信息情况……2\n三、收到和处理政府信息公开申请情况……3\n"
    "四、政府信息公开行政复议、行政诉讼情况  5\n五、存在的主要问题及改进情况  6\n",
    # No 目录 line, each page number on a line of its own.
    "一、总体情况\n1\n二、主动公开政府信息情况\n2\n三、收到和处理政府信息公开申请情况\n3\n",
    # No 目录 line, no page numbers: its first two entries come back as the report's headings.
    "一、总体情况\n（一）主动公开情况\n（二）依申请公开情况\n二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况\n",
])
def test_a_table_of_contents_above_the_report_is_not_headings(all_rules, contents):
    text = _XXGK_TITLE + contents + _XXGK_BODY
    entries = contents.count("\n")
    assert types(text)[1:1 + entries] == [TOC] * entries
    assert findings(text, all_rules, select=["S1"]) == []


def test_a_table_of_contents_after_a_cover_letter(all_rules):
    text = (_LETTER + _XXGK_TITLE + "目录\n一、总体情况\n二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况\n"
            + _XXGK_BODY)
    assert findings(text, all_rules, select=["S1"]) == []
    assert types(text).count(TOC) == 4


# --- 3. a cover letter before the report ------------------------------------------------------

_LETTER = ("甲县民政局\n甲民函〔2025〕3号\n县人民政府办公室：\n"
           "现将《甲县民政局2024年政府信息公开工作年度报告》报送你们，请审阅。\n"
           "附件：甲县民政局2024年政府信息公开年报\n甲县民政局\n2025年1月20日\n")

LETTERS = [
    # 发文字号, 主送机关, the sending sentence naming the report in other words, 附件, signature and date.
    "甲县司法局\n甲司函〔2025〕3号\n县委全面依法治县委员会办公室：\n"
    "现将《甲县司法局2024年法治政府建设工作报告》报送你们，请审阅。\n"
    "附件：甲县司法局2024年法治政府建设工作报告\n甲县司法局\n2025年1月20日\n",
    # The letter's own title names the report and ends in 报告; no 附件.
    "甲县司法局关于报送2024年度法治政府建设情况报告的报告\n甲司〔2025〕8号\n县人民政府：\n"
    "根据有关要求，现将我局2024年法治政府建设工作情况呈报，请审阅。\n甲县司法局\n2025年1月18日\n",
    # A 通知 that prints the report for the offices below.
    "关于印发甲县司法局2024年度法治政府建设工作报告的通知\n各乡镇司法所，局机关各股室：\n"
    "现将《甲县司法局2024年度法治政府建设工作报告》印发给你们，请结合实际抓好落实。\n甲县司法局\n2025年2月10日\n",
]


@pytest.mark.parametrize("letter", LETTERS)
def test_a_report_starts_at_its_title_after_a_cover_letter(all_rules, letter):
    text = letter + TITLE + "2024年，我局扎实推进法治政府建设。\n" + PARTS
    document = build_document(source_of(text))
    [report] = document.reports
    assert report.title.text == TITLE.strip()
    assert types(text)[:letter.count("\n")] == [LETTER] * letter.count("\n")
    assert findings(text, all_rules, select=["structure", "date"]) == []


def test_the_required_parts_are_judged_on_the_report_after_its_letter(all_rules):
    text = LETTERS[1] + TITLE + "2024年，我局扎实推进法治政府建设。\n一、主要举措和成效\n全年开展普法宣传活动30场。\n"
    line = LETTERS[1].count("\n") + 1
    assert [code for code, *where in findings(text, all_rules, select=["structure"])] == [
        "S002", "S003", "S004", "S005"]
    assert {tuple(where[:2]) for code, *where in findings(text, all_rules, select=["structure"])} == {(line, 1)}


@pytest.mark.parametrize("text", [
    # A report addressed to the body above with its own 现将…报告如下: no letter before a title.
    TITLE + "县人民政府：\n现将我局2024年度法治政府建设情况报告如下：\n" + PARTS,
    # Two signs of a letter but no report title after them: nothing to start at.
    "甲司函〔2025〕3号\n县人民政府：\n现将有关情况报告如下：\n" + PARTS,
])
def test_no_cover_letter_without_its_signs_and_a_title_after_it(text):
    assert LETTER not in types(text)


# --- 14. a site's watermark glued into the text ------------------------------------------------

WATERMARKS = [
    # At the start of the title, with no dash between the site's name and its address.
    ("甲县范文网www.jxfw.com" + TITLE + PARTS, 1, 1, "甲县范文网www.jxfw.com"),
    # In mid-sentence, after a clause mark.
    (TITLE + "一、主要举措和成效\n全年办理行政复议案件35件，公文大全网www.gwdq.com，办结率100%。\n", 3, 15,
     "公文大全网www.gwdq.com"),
    # In mid-sentence with no mark before it: a document site's name.
    (TITLE + "一、主要举措和成效\n全面推进严格规范公正文明执法范文大全网 www.fwdq.net全年查处案件12件。\n", 3, 15,
     "范文大全网 www.fwdq.net"),
]


@pytest.mark.parametrize("text, line, column, sample", WATERMARKS)
def test_a_watermark_glued_into_the_text_is_debris(all_rules, text, line, column, sample):
    assert findings(text, all_rules, select=["R001"]) == [
        ("R001", line, column, f"网页残留（第{line}行）：“{sample}”不是报告正文")]
    fixed = fix_source(source_of(text), select_rules(all_rules, ["R001"], None), unsafe=True)
    assert sample not in fixed.source.text and len(fixed.source.text) == len(text) - len(sample)


@pytest.mark.parametrize("sentence", [
    "依托甲县政务服务网www.jxzw.com办理审批事项。",  # a site the sentence names, at the line's start
    "判决书全部在中国裁判文书网公开，通过中国法院网www.chinacourt.org同步发布。",  # after a preposition
    "在甲县人民政府网（www.jiaxian.cn）公开信息，在甲县政府网站www.jiaxian.gov.cn公开。",  # brackets, gov.cn
])
def test_a_site_a_sentence_names_is_not_a_watermark(all_rules, sentence):
    assert findings(TITLE + "一、主要举措和成效\n" + sentence + "\n", all_rules, select=["R001"]) == []


# --- 15 and 6. sentences broken at links, cut after a blank line ------------------------------

HEAD = TITLE + "一、主要举措和成效\n"


@pytest.mark.parametrize("text, expected", [
    # A linked name on its own line between two halves of a sentence: both breaks.
    (HEAD + "全县各级领导干部认真学习贯彻党的二十大精神，加快\n全国统一大市场\n建设，推动各项改革任务落地见效。\n",
     [(3, 24, "段落在“大精神，加快”后断行，下一行“全国统一大市”是同一句话的后半部分"),
      (4, 7, "段落在“国统一大市场”后断行，下一行“建设，推动各”是同一句话的后半部分")]),
    (HEAD + "组织全体执法人员认真学习新修订的\n《中华人民共和国行政复议法》\n等法律法规，全年培训执法人员300人次。\n",
     [(3, 16, "段落在“学习新修订的”后断行，下一行“《中华人民共”是同一句话的后半部分"),
      (4, 14, "段落在“行政复议法》”后断行，下一行“等法律法规，”是同一句话的后半部分")]),
    # Cut after a word no sentence ends on, across a blank line, before a year.
    (HEAD + "全面推行行政执法公示制度，按照《甲县行政执法公示办法》，从\n\n2020年起在全县推行，执法行为更加规范。\n",
     [(3, 29, "段落在“示办法》，从”后断行，下一行“2020年起”是同一句话的后半部分")]),
    # Cut in the middle of a word, across a blank line.
    (HEAD + "今年以来，我局坚持以人民为中心，持续深化行政审批\n\n制度改革，全面推行“一网通办”。\n",
     [(3, 24, "段落在“深化行政审批”后断行，下一行“制度改革，全”是同一句话的后半部分")]),
])
def test_sentences_broken_at_links_and_after_blank_lines(all_rules, text, expected):
    assert [(line, column, message) for code, line, column, message in findings(text, all_rules, select=["R005"])] \
        == expected


@pytest.mark.parametrize("text", [
    # A subheading without a marker between finished paragraphs.
    HEAD + "全年开展普法宣传活动30场，覆盖群众5000余人次。\n加强队伍建设\n全年组织执法人员培训12次，参训300人次。\n",
    # A paragraph that lost its full stop, a subheading, then a paragraph opening with a year.
    HEAD + "全年开展普法宣传活动30场，覆盖群众5000余人次\n加强队伍建设\n2024年组织执法人员培训12次，参训300人次。\n",
    # A paragraph that lost its full stop, a subheading, then a paragraph opening with 为此，.
    HEAD + "全年开展普法宣传活动30场，覆盖群众5000余人次\n强化执法监督\n为此，我局全年开展执法检查12次，整改问题35个。\n",
    # A sentence may end on 作为 or 参与: a lost full stop, not a cut.
    HEAD + "全县各部门在推进依法行政中积极主动作为\n\n2024年全县办理行政复议案件35件，办结率100%。\n",
])
def test_lines_that_are_not_one_sentence(all_rules, text):
    assert findings(text, all_rules, select=["R005"]) == []


# --- 4. a review of several years, a page title naming another year ---------------------------

_REVIEW_BODY = "一、主要举措和成效\n全县开展普法宣传活动300场。\n"


@pytest.mark.parametrize("text", [
    # A span of years in the title.
    "发布时间：2023-11-20\n甲县2019—2023年法治政府建设工作总结\n" + _REVIEW_BODY,
    "发布时间：2023-11-20\n甲县2019-2023年法治政府建设情况报告\n" + _REVIEW_BODY,
    # The year and five years back, said in the title and the opening.
    "发布时间：2023-11-20\n甲县关于2023年法治政府建设情况的报告\n五年来，我县深入学习贯彻习近平法治思想。\n" + _REVIEW_BODY,
    # A level-1 heading that reviews a span of years.
    "发布时间：2023-11-20\n甲县2023年法治政府建设情况报告\n一、2019—2023年法治政府建设主要成效\n全县开展普法宣传活动300场。\n",
])
def test_a_review_of_several_years_is_not_early(all_rules, text):
    assert findings(text, all_rules, select=["D007"]) == []


def test_a_page_title_naming_another_year_does_not_date_the_report(all_rules):
    # The site's section title says 2024; the document's own title and its opening say 2023.
    text = ("甲县人民政府2024年法治政府建设工作报告\n发布时间：2024-03-05\n甲县司法局2023年度法治政府建设情况报告\n"
            "2023年，我局扎实推进法治政府建设。\n" + _REVIEW_BODY)
    [report] = build_document(source_of(text)).reports
    assert (report.title.lineno, report.year) == (3, 2023)
    assert findings(text, all_rules, select=["date"]) == []


def test_a_page_title_year_is_no_premature_date_when_the_report_names_another(all_rules):
    # The document's own title names no year; the page's title above it does, the opening another.
    text = ("甲县2024年法治政府建设工作报告\n发布时间：2024-03-05\n甲县司法局法治政府建设情况报告\n"
            "2023年，我局扎实推进法治政府建设。\n" + _REVIEW_BODY)
    assert findings(text, all_rules, select=["D007"]) == []


@pytest.mark.parametrize("text, line", [
    # One year, its opening agreeing, published before the year ended: still an error.
    ("发布时间：2024-06-05\n甲县司法局2024年度法治政府建设情况报告\n2024年，我局扎实推进法治政府建设。\n" + _REVIEW_BODY, 1),
    # "2024年以来" opens many a report of that one year.
    ("甲县司法局2024年度法治政府建设情况报告\n2024年以来，我局扎实推进法治政府建设。\n" + _REVIEW_BODY
     + "甲县司法局\n2024年1月21日\n", 6),
    # The year from the page's title, and no opening sentence that names another.
    ("甲县2024年法治政府建设工作报告\n发布时间：2024-03-05\n甲县司法局法治政府建设情况报告\n" + _REVIEW_BODY, 2),
])
def test_an_early_date_of_a_one_year_report_is_still_found(all_rules, text, line):
    assert [(code, at) for code, at, *_ in findings(text, all_rules, select=["D007"])] == [("D007", line)]


# --- 5. an unread table never leaks -------------------------------------------------------------

_INFO_HEAD = ("甲县民政局2024年政府信息公开工作年度报告\n一、总体情况\n2024年，我局认真落实政府信息公开条例。\n"
              "二、主动公开政府信息情况\n全年主动公开政府信息120条。\n三、收到和处理政府信息公开申请情况\n")
_INFO_TAIL = ("四、政府信息公开行政复议、行政诉讼情况\n全年未发生政府信息公开行政复议、行政诉讼。\n"
              "五、存在的主要问题及改进情况\n部分信息更新不及时。\n六、其他需要报告的事项\n无。\n")
_REQUEST_LABELS = [label.replace("1.", "1、").replace("2.", "2、").replace("3.", "3、")
                   for _key, labels in __import__("tests.helpers", fromlist=["REQUESTS_ROWS"]).REQUESTS_ROWS
                   for label in labels]
_REQUEST_HEADER = "本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和\n申请人情况\n自然人\n法人或其他组织\n总计\n"
_NO_NUMBERS = "找到了表格的行名，但只有0格可读的数字（数字丢失，或与行名连在一起）"

UNREAD = [
    # One cell a line, every number lost; sub-rows numbered 1、2、.
    (_REQUEST_HEADER + "\n".join(_REQUEST_LABELS) + "\n", _NO_NUMBERS),
    # A row a line, its numbers glued to its label.
    (_REQUEST_HEADER + "\n".join(label + "0000000" for label in _REQUEST_LABELS) + "\n", _NO_NUMBERS),
    # A row a line with cells between bars, one row short of its numbers: read, and unread.
    ("申请人情况|自然人|法人或其他组织|总计\n" + "\n".join(
        f"{label}|1|0|0|0|0|0|1" if index != 1 else f"{label}|1|0"
        for index, label in enumerate(_REQUEST_LABELS)) + "\n",
     "“二、上年结转政府信息公开申请数量”一行有2格数字，按格式应有7格（自然人、商业企业、科研机构、社会公益组织、"
     "法律服务机构、其他、总计），无法确定各数字属于哪一列"),
]


@pytest.mark.parametrize("table, reason", UNREAD)
def test_an_unread_table_is_reported_and_its_labels_are_no_headings(all_rules, table, reason):
    text = _INFO_HEAD + table + _INFO_TAIL
    first = _INFO_HEAD.count("\n") + 1
    assert findings(text, all_rules, select=["T101", "structure"]) == [
        ("T101", first, 1, f"“收到和处理政府信息公开申请情况”表未能可靠识别：{reason}；此表不做核对")]
    kinds = types(text)
    region = kinds[first - 1:first - 1 + table.count("\n")]
    assert "heading" not in region


def test_part_headings_with_their_tables_dropped_are_no_table(all_rules):
    # The tables were dropped whole: the part headings follow one another, no row label is left.
    text = (_INFO_HEAD + "四、政府信息公开行政复议、行政诉讼情况\n五、存在的主要问题及改进情况\n部分信息更新不及时。\n"
            "六、其他需要报告的事项\n无。\n")
    assert findings(text, all_rules, select=["T101"]) == []
    assert types(text).count("heading") == 6


# --- 6. a paragraph that stops mid-sentence before the next one ----------------------------------

@pytest.mark.parametrize("text, line, message", [
    (HEAD + "全年共制定行政规范性文件12件，全部进行合法性审查，按照\n二、存在的不足和原因\n部分干部法治意识不强。\n", 3,
     "段落停在句子中间（“合法性审查，按照”），下一行已是标题“二、存在的不足和原因”：后文可能在复制时丢失"),
    (HEAD + "（一）规范执法。全年查处违法案件12件，罚没款3.5万元，\n（二）强化监督\n全年办理复议案件5件。\n", 3,
     "段落停在句子中间（“没款3.5万元，”），下一行已是标题“（二）强化监督”：后文可能在复制时丢失"),
    (HEAD + "全县各部门严格落实重大行政决策程序，对重大决策事项一律进行合法性审查和《\n"
     "1.完善制度\n制定规范性文件5件。\n", 3,
     "段落停在句子中间（“行合法性审查和《”），下一行已是标题“1.完善制度”：后文可能在复制时丢失"),
])
def test_a_paragraph_that_stops_before_a_heading(all_rules, text, line, message):
    assert [(code, at, text) for code, at, _column, text in findings(text, all_rules, select=["R007"])] == [
        ("R007", line, message)]


@pytest.mark.parametrize("text", [
    HEAD + "本年度主要工作包括\n（一）加强学习\n全年组织学习12次。\n",  # a list's lead-in that lost its colon
    HEAD + "全县各部门在推进依法行政中积极主动作为\n二、存在的不足和原因\n",  # a sentence may end on 作为
    HEAD + "全年共制定行政规范性文件12件，全部进行合法性审查，按照\n",  # the text's last line: an excerpt's cut
    HEAD + "主要做法如下，\n（一）加强学习\n",  # too short for a paragraph
])
def test_lines_before_a_heading_that_are_not_cut(all_rules, text):
    assert findings(text, all_rules, select=["R007"]) == []


# --- 7. a report flattened into one line ----------------------------------------------------------

_FLAT_PARTS = [
    "甲县2024年度法治政府建设情况报告",
    "2024年，我县深入学习贯彻习近平法治思想，扎实推进法治政府建设，全面完成年度目标任务，现将有关情况报告如下。",
    "一、主要举措和成效",
    "（一）加强组织领导。县政府常务会议专题研究法治政府建设工作4次，制定年度工作要点，明确责任单位和完成时限，"
    "将法治政府建设纳入全县高质量发展综合绩效考核，压紧压实各部门主体责任。",
    "（二）严格规范执法。全年开展行政执法案卷评查2次，评查案卷120卷，发现问题15个，已全部整改到位，群众满意度明显提高，"
    "全面推行行政执法公示、执法全过程记录、重大执法决定法制审核三项制度。",
    "二、存在的不足和原因部分干部运用法治思维和法治方式解决问题的能力不强，执法队伍专业化水平有待提高，基层法治力量相对薄弱。",
    "三、党政主要负责人履行推进法治建设第一责任人职责情况县政府主要负责人认真履行第一责任人职责，带头学法用法，全年带头讲法治课2次。",
    "四、2025年工作安排继续深入学习贯彻习近平法治思想，持续深化行政执法体制改革，全面提升依法行政水平，加强行政规范性文件合法性审核。",
    "五、其他需要报告的情况无。",
]
_FLAT_MESSAGE = "整篇报告挤在一行里：复制时丢失了换行（这一行里有7个标题、1段正文）；已按标题编号读出层次，应按段落分行"


@pytest.mark.parametrize("joiner", ["", "\u3000\u3000"])
def test_a_report_flattened_into_one_line_is_read_by_its_markers(all_rules, joiner):
    text = joiner.join(_FLAT_PARTS) + "\n"
    document = build_document(source_of(text))
    [report] = document.reports
    assert report.title.text == _FLAT_PARTS[0]
    assert [(s.marker.raw, s.title[:5]) for s in report.walk()] == [
        ("一、", "主要举措和"), ("（一）", "加强组织领"), ("（二）", "严格规范执"), ("二、", "存在的不足"),
        ("三、", "党政主要负"), ("四、", "2025年"), ("五、", "其他需要报")]
    assert findings(text, all_rules, select=["structure", "residue", "date"]) == [("R008", 1, 1, _FLAT_MESSAGE)]
    fixed = fix_source(source_of(text), select_rules(all_rules, ["R008"], None), unsafe=True)
    assert fixed.source.text == "\n".join(joiner + part if index and joiner else part
                                          for index, part in enumerate(_FLAT_PARTS)) + "\n"


def test_the_numbering_of_a_flattened_report_is_checked(all_rules):
    parts = [part.replace("三、党政", "四、党政") for part in _FLAT_PARTS]
    text = "".join(parts) + "\n"
    at = {code: column for code, _line, column, _message in findings(text, all_rules, select=["S1"])}
    assert at == {"S101": text.index("四、党政") + 1, "S102": text.index("四、2025") + 1}


@pytest.mark.parametrize("text", [
    # One long paragraph with run-in items (（一）…（二）…, 一是…) and one 一、: no lost line breaks.
    TITLE + "一、主要举措和成效\n" + "全年主要做法：（一）加强学习，全年组织集中学法12次，覆盖全体干部职工。（二）完善制度，制定规范性文件5件。"
    "一是强化审核，二是加强备案，三是开展清理。" * 8 + "\n",
    # A table flattened into one line, its cells parted by runs of spaces.
    TITLE + "一、主要举措和成效\n" + "　　".join(["本年新收", "5", "0", "0", "0", "0", "0", "5"] * 30) + "\n",
])
def test_long_lines_that_are_no_flattened_report(all_rules, text):
    assert findings(text, all_rules, select=["R008"]) == []


def test_a_flattened_excerpt_that_starts_at_its_first_heading(all_rules):
    text = "".join(_FLAT_PARTS[2:]) + "\n"
    [report] = build_document(source_of(text)).reports
    assert [s.marker.raw for s in report.walk()] == ["一、", "（一）", "（二）", "二、", "三、", "四、", "五、"]
    assert [code for code, *_ in findings(text, all_rules, select=["R008"])] == ["R008"]


def test_page_chrome_inside_a_flattened_line_is_deleted_alone(all_rules):
    text = "\u3000\u3000".join(["发布时间：2025-03-05", *_FLAT_PARTS]) + "\n"
    assert findings(text, all_rules, select=["R001"]) == [("R001", 1, 1, "网页残留（第1行）：“发布时间：2025-03-05”不是报告正文")]
    fixed = fix_source(source_of(text), select_rules(all_rules, ["R001"], None), unsafe=True)
    assert fixed.source.text == "\u3000\u3000" + "\u3000\u3000".join(_FLAT_PARTS) + "\n"


def test_a_flattened_report_with_its_table_reads_the_table_and_its_headings(all_rules):
    from .helpers import REQUESTS_COLUMNS, REQUESTS_ROWS, requests_values

    values = requests_values()
    parts = ["甲县民政局2024年政府信息公开工作年度报告", "一、总体情况",
             "2024年，我局认真贯彻落实政府信息公开条例，全面推进政务公开工作，主动公开政府信息120条。",
             "二、主动公开政府信息情况", "全年主动公开各类政府信息120条，其中规范性文件2件，均在县政府门户网站公开。",
             "三、收到和处理政府信息公开申请情况", "申请人情况", "自然人", "法人或其他组织", "总计"]
    for key, labels in REQUESTS_ROWS:
        parts += labels + [values[(key, column)] for column in REQUESTS_COLUMNS]
    parts += ["四、政府信息公开行政复议、行政诉讼情况", "全年未发生政府信息公开行政复议、行政诉讼案件。",
              "五、存在的主要问题及改进情况", "部分信息更新不够及时，政策解读形式较为单一。",
              "六、其他需要报告的事项", "本年度未收取信息处理费。"]
    text = "\u3000\u3000".join(parts) + "\n"
    [report] = build_document(source_of(text)).reports
    assert [s.marker.raw for s in report.walk()] == ["一、", "二、", "三、", "四、", "五、", "六、"]
    [table] = report.tables
    assert table.cell("new", "total").value == int(values[("new", "total")])
    assert findings(text, all_rules, select=["structure", "table", "residue"]) == [
        ("R008", 1, 1, "整篇报告挤在一行里：复制时丢失了换行（这一行里有6个标题、5段正文）；已按标题编号读出层次，应按段落分行")]


def test_a_notice_sentence_next_to_its_split_run_is_debris_too(all_rules):
    notice = ("本页面的文字来自国家机关的公文及其正式译文。\n依照《\n中华人民共和国著作权法\n》第五条，不适用该法的保护。\n"
              "本页面在全世界都属于公有领域。\n")
    text = TITLE + PARTS + notice
    first = PARTS.count("\n") + 2
    assert findings(text, all_rules, select=["residue", "punctuation"]) == [
        ("R001", first, 1, f"网页残留（第{first}—{first + 4}行）：“本页面的文字来自国家机关的公文及其正式译…”不是报告正文")]


def test_a_report_line_naming_the_site_next_to_a_notice_stays(all_rules):
    text = TITLE + PARTS + "如对本报告有疑问，请通过本网站联系我局。\n" + NOTICES[1]
    assert types(text)[PARTS.count("\n") + 1] == "text"


def test_a_watermark_two_patterns_find_is_one_finding(all_rules):
    # After a clause mark and holding a document site's word: found by both forms, reported once.
    text = TITLE + "一、主要举措和成效\n全年办理行政复议案件35件，甲县范文网www.jxfw.com，办结率100%。\n"
    assert findings(text, all_rules, select=["R001"]) == [
        ("R001", 3, 15, "网页残留（第3行）：“甲县范文网www.jxfw.com”不是报告正文")]


def test_a_contents_list_with_unnumbered_entries_between_its_parts(all_rules):
    # Under 目录: numbered parts, then the tables of part 五 listed without markers, then 六、七、.
    dots = "……………………"
    contents = ("目录\n" + "".join(f"{part}{dots}{page}\n" for page, part in enumerate(
        ["一、部门主要职能", "二、部门机构设置", "三、名词解释", "四、部门预算编制说明", "五、部门预算表"], 1))
        + "".join(f"{n}.2025年部门收支预算表之{n}{dots}{n + 5}\n" for n in range(1, 4))
        + f"六、其他相关情况说明{dots}9\n七、项目经费情况说明{dots}10\n")
    body = ("甲区乙街道办事处主要职能\n甲区乙街道办事处是区政府的派出机关，依法履行服务管理职责。\n"
            "一、加强党的建设。落实基层党建责任制。\n二、统筹社区发展。参与辖区公共服务设施建设。\n")
    text = "甲区2025年区级部门预算\n" + contents + body
    assert types(text)[1:1 + contents.count("\n")] == [TOC] * contents.count("\n")
    assert findings(text, all_rules, select=["S1"]) == []
