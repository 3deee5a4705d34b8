"""The PDF reader on PDFs the tests draw (tests/pdf_helpers.py), one class of layout at a time:
the text a reader of the pages sees (paragraphs rebuilt, furniture gone, characters as meant),
the statistics tables as grids of cells, and findings placed on their page and line."""

from __future__ import annotations

import json
import re

import pytest
from typer.testing import CliRunner

from lintlaw.cli import app
from lintlaw.engine.linter import lint
from lintlaw.engine.ruleset import load_rules, select_rules
from lintlaw.io.readers import read

from .pdf_helpers import (BODY, LANDSCAPE, LEADING, LEFT, PORTRAIT, RIGHT, Cell, Pdf, cells_of, grid, lines_of,
                          map_to_unicode, read_pdf, wqy_font, xxgk_report)

RULES = load_rules()
runner = CliRunner()


def concise(path, *args) -> list[str]:
    result = runner.invoke(app, ["check", "--format", "concise", *args, str(path)])
    return result.stdout.splitlines()


# ---------------------------------------------------------------------------
# Paragraphs

INTRO = ("2024年，在县委、县政府的坚强领导下，我局深入学习贯彻习近平法治思想，全面落实《法治政府建设实施纲要"
         "（2021—2025年）》，各项工作取得新的成效。现将有关情况报告如下。")
FULL = "我局持续加强行政执法队伍建设，组织全体执法人员参加法律知识培训和考试，全面提升行政执法人员的执法水平和能力。"
SHORT = "全年未发生行政败诉案件。"
NUMBERS = ("全面推行行政执法公示制度，本年度公开执法决定共计12345678件，平均办理时限为3.25个工作日，"
           "群众满意率为99.87%，行政执法案卷评查合格率达到100%。")
ACROSS = "持续深化“放管服”改革，不断优化法治化营商环境，推进政务服务事项全程网上办理，" * 6 + "企业和群众的获得感明显增强。"


def rule_of_law_report(pdf: Pdf) -> list[str]:
    """A 法治政府建设年度报告 of two pages; returns the lines its text should read as."""
    pdf.title("青山县司法局2024年度法治政府", "建设情况报告")
    pdf.paragraph(INTRO)
    pdf.line("一、主要举措和成效")
    pdf.line("（一）依法全面履行政府职能")
    assert [len(line) for line in pdf.paragraph(FULL)] == [26, 28]  # its last line is full
    pdf.paragraph(SHORT)
    pdf.line("（二）严格规范公正文明执法")
    drawn = pdf.paragraph(NUMBERS, justify=False)
    assert drawn[0].endswith("共计") and drawn[1].endswith("群众满意率为")  # the numbers did not fit
    pdf.paragraph(ACROSS)  # runs over onto page 2
    pdf.line("二、存在的不足和原因")
    pdf.paragraph("一是法治宣传的针对性不强；二是基层执法力量薄弱。")
    pdf.line("三、党政主要负责人履行推进法治建设第一责任人职责情况")
    pdf.paragraph("局主要负责人认真履行第一责任人职责，带头尊法学法守法用法。")
    pdf.line("四、2025年工作安排")
    pdf.paragraph("继续推进严格规范公正文明执法，加强执法监督。")
    pdf.line("五、其他需要报告的情况")
    pdf.paragraph("无。")
    pdf.line("")
    pdf.right("青山县司法局")
    pdf.right("2025年1月20日")
    return ["青山县司法局2024年度法治政府建设情况报告", INTRO, "一、主要举措和成效", "（一）依法全面履行政府职能",
            FULL, SHORT, "（二）严格规范公正文明执法", NUMBERS, ACROSS, "二、存在的不足和原因",
            "一是法治宣传的针对性不强；二是基层执法力量薄弱。", "三、党政主要负责人履行推进法治建设第一责任人职责情况",
            "局主要负责人认真履行第一责任人职责，带头尊法学法守法用法。", "四、2025年工作安排",
            "继续推进严格规范公正文明执法，加强执法监督。", "五、其他需要报告的情况", "无。", "青山县司法局",
            "2025年1月20日"]


def test_paragraphs_are_rebuilt_and_title_headings_and_signature_stay_lines(tmp_path):
    pdf = Pdf(numbers="- {n} -", head="青山县司法局文件", foot="青山县司法局办公室印发")
    expected = rule_of_law_report(pdf)
    source = read_pdf(pdf, tmp_path)
    assert pdf.page_count == 2
    assert lines_of(source) == expected


def test_a_correct_pdf_report_gives_no_finding_and_r005_never_fires_on_the_pdf_s_line_breaks(tmp_path):
    pdf = Pdf(numbers="- {n} -")
    rule_of_law_report(pdf)
    path = tmp_path / "r.pdf"
    pdf.save(path)
    assert concise(path) == ["未发现问题（检查了 1 个文件）。"]


def test_a_paragraph_really_broken_in_the_source_is_still_reported(tmp_path):
    # The drafter pressed Enter after “30场，”: the line stops short, the next paragraph goes on
    # with the same sentence. The PDF's own wraps around it are not reported.
    pdf = Pdf()
    pdf.title("青山县司法局2024年度法治政府建设情况报告")
    pdf.line("一、主要举措和成效")
    pdf.paragraph("全年共开展“八五”普法宣传活动30场，")
    pdf.paragraph("覆盖群众5000余人次，发放宣传资料12000余份，普法宣传的覆盖面和影响力进一步扩大，"
                  "群众的法治意识明显增强。")
    path = tmp_path / "r.pdf"
    pdf.save(path)
    assert concise(path, "--select", "R005") == [
        f"{path}:第1页第3行: R005 段落在“活动30场，”后断行，下一行“覆盖群众50”是同一句话的后半部分",
        "发现 1 个问题（错误 0，警告 1，提示 0），检查了 1 个文件。"]


def test_two_fields_set_on_one_line_are_lines_of_their_own(tmp_path):
    # 编制单位 and 单位 on one line, after a paragraph whose last line is full and before a note
    # at the left edge: neither field goes on with the line before or after it.
    pdf = Pdf()
    pdf.paragraph(FULL)
    pdf.text(LEFT, pdf.top, "编制单位：青山县交通运输局")
    pdf.text(RIGHT - 4 * BODY, pdf.top, "单位：件")
    pdf.text(LEFT, pdf.top + LEADING, "注：本表数据的统计期限为2024年1月1日至2024年12月31日。")
    assert lines_of(read_pdf(pdf, tmp_path)) == [
        FULL, "编制单位：青山县交通运输局", "单位：件", "注：本表数据的统计期限为2024年1月1日至2024年12月31日。"]


# ---------------------------------------------------------------------------
# Page furniture

PAGE_NUMBERS = ["- {n} -", "— {n} —", "第{n}页 共{total}页", "共{total}页 第{n}页", "{n}/{total}", "{n}"]


@pytest.mark.parametrize("align", ["centre", "outer"])
@pytest.mark.parametrize("form", PAGE_NUMBERS)
def test_page_numbers_in_every_form_are_not_text(form, align, tmp_path):
    pdf = Pdf(numbers=form, number_align=align)
    expected = rule_of_law_report(pdf)
    assert lines_of(read_pdf(pdf, tmp_path)) == expected


def test_running_heads_and_feet_are_not_text_but_the_same_words_in_the_body_are(tmp_path):
    head = "青山县司法局2024年度法治政府建设情况报告"
    pdf = Pdf(head=head, foot="青山县人民政府办公室　2025年1月20日印发", numbers="{n}")
    expected = rule_of_law_report(pdf)
    source = read_pdf(pdf, tmp_path)
    assert lines_of(source) == expected
    # Nothing the rules read stands in a page's margins.
    boxes = [source.layout.box(offset) for offset in range(len(source.text))]
    tops = [box[1][1] for box in boxes if box]
    assert min(tops) >= 105.0 and max(tops) < 760.0


# ---------------------------------------------------------------------------
# Characters


# ---------------------------------------------------------------------------
# Characters


KANGXI_TEXT = ("全年制发行政规范性文件一件，截止目前已全部公开，不存在应公开未公开的情形。全年通过政府门户网站"
               "主动公开政府信息三百余条，及时回应社会关切。")


def test_kangxi_radicals_and_compatibility_ideographs_read_as_the_characters_meant(tmp_path):
    font = wqy_font()
    if font is None:
        pytest.skip("WenQuanYi Micro Hei (fonts-wqy-microhei) is not installed: no TrueType font to remap")
    pdf = Pdf()
    pdf.title("青山县司法局2024年度法治政府建设情况报告")
    pdf.line("一、主要举措和成效", font=font)
    pdf.paragraph(KANGXI_TEXT, font=font)
    path = tmp_path / "r.pdf"
    # The font's ToUnicode maps the glyphs of 一 and 文 to the Kangxi radicals ⼀ ⽂, and 不 to
    # the compatibility ideograph U+F967, as some exported PDFs do.
    path.write_bytes(map_to_unicode(pdf.save(), {"一": "\u2f00", "文": "\u2f42", "不": "\uf967"}))
    import pdfplumber

    with pdfplumber.open(path) as raw:
        assert "\u2f00" in raw.pages[0].extract_text()  # the PDF does say ⼀
    source = read(str(path))
    assert lines_of(source)[1:] == ["一、主要举措和成效", KANGXI_TEXT]
    # One character for one glyph: the finding's place is the glyphs' place on the page.
    assert concise(path, "--select", "W001,S101") == [
        f"{path}:第1页第3行: W001 表示“到某时为止”应写“截至”，不是“截止”",
        "发现 1 个问题（错误 0，警告 1，提示 0），检查了 1 个文件。"]
    offset = source.text.index("截止")
    page, box = source.layout.box(offset)
    assert page == 1 and box[0] == pytest.approx(LEFT + (2 + 14) * BODY, abs=0.5)  # indent, 14 characters


# ---------------------------------------------------------------------------
# Orientation


def _mixed_orientation(rotate: bool) -> tuple[Pdf, list[str]]:
    # The page number and the running foot stand as far from the bottom edge on every page.
    pdf = Pdf(numbers="- {n} -", foot="青山县司法局印发")
    pdf.title("青山县司法局2024年度法治政府建设情况报告")
    pdf.line("一、主要举措和成效")
    pdf.paragraph(ACROSS[:120])
    pdf.new_page(LANDSCAPE, rotate=rotate)
    wide = "横向页面上的文字一行更长，" * 8 + "照样连成一段。"
    pdf.line("二、存在的不足和原因")
    pdf.paragraph(wide, right=LANDSCAPE[0] - LEFT)
    pdf.table(grid([["项目", "2023年", "2024年", "增减"], ["行政复议", "40", "52", "12"]]), [200, 150, 150, 150])
    pdf.new_page(PORTRAIT)
    pdf.line("三、党政主要负责人履行推进法治建设第一责任人职责情况")
    pdf.paragraph("局主要负责人认真履行第一责任人职责，带头尊法学法守法用法，" * 2 + "推动法治建设各项任务落实。")
    expected = ["青山县司法局2024年度法治政府建设情况报告", "一、主要举措和成效", ACROSS[:120],
                "二、存在的不足和原因", wide, "项目", "2023年", "2024年", "增减", "行政复议", "40", "52", "12",
                "三、党政主要负责人履行推进法治建设第一责任人职责情况",
                "局主要负责人认真履行第一责任人职责，带头尊法学法守法用法，" * 2 + "推动法治建设各项任务落实。"]
    return pdf, expected


@pytest.mark.parametrize("rotate", [False, True], ids=["landscape", "rotated"])
def test_a_landscape_page_between_portrait_pages_is_read_in_order(rotate, tmp_path):
    pdf, expected = _mixed_orientation(rotate)
    source = read_pdf(pdf, tmp_path)
    assert lines_of(source) == expected
    assert [cells_of(g) for g in source.grids] == [[
        (0, 0, 1, 1, "项目"), (0, 1, 1, 1, "2023年"), (0, 2, 1, 1, "2024年"), (0, 3, 1, 1, "增减"),
        (1, 0, 1, 1, "行政复议"), (1, 1, 1, 1, "40"), (1, 2, 1, 1, "52"), (1, 3, 1, 1, "12")]]
    assert source.layout.sizes[1] == pytest.approx(LANDSCAPE)
    assert source.layout.place(source.text.index("横向")) == (2, 2)


# ---------------------------------------------------------------------------
# Tables


def results_table() -> list[Cell]:
    """A table with what the xxgk tables hold: a header split over lines, a merged header, a
    label written one character per line down a merged cell, a wrapped label, a "-" cell, a
    blank cell."""
    return [
        Cell("项目", 0, 0, rowspan=2, colspan=2), Cell("申请人情况", 0, 2, colspan=3),
        Cell("自然\n人", 1, 2), Cell("法人或其\n他组织", 1, 3), Cell("总计", 1, 4),
        Cell("三、本年度办理结果", 2, 0, rowspan=5), Cell("（一）予以公开", 2, 1), *_numbers(2, "8 2 10"),
        Cell("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", 3, 1), *_numbers(3, "1 - 1"),
        Cell("（三）不予公开", 4, 1), *_numbers(4, "0 _ 0"),
        Cell("（四）无法提供", 5, 1), *_numbers(5, "5 1 6"),
        Cell("（七）总计", 6, 1), *_numbers(6, "14 3 17"),
    ]


def _numbers(row: int, numbers: str) -> list[Cell]:
    return [Cell("" if n == "_" else n, row, col) for col, n in enumerate(numbers.split(), start=2)]


RESULTS_GRID = [
    (0, 0, 2, 2, "项目"), (0, 2, 1, 3, "申请人情况"), (1, 2, 1, 1, "自然人"), (1, 3, 1, 1, "法人或其他组织"),
    (1, 4, 1, 1, "总计"), (2, 0, 5, 1, "三、本年度办理结果"), (2, 1, 1, 1, "（一）予以公开"), (2, 2, 1, 1, "8"),
    (2, 3, 1, 1, "2"), (2, 4, 1, 1, "10"), (3, 1, 1, 1, "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"),
    (3, 2, 1, 1, "1"), (3, 3, 1, 1, "-"), (3, 4, 1, 1, "1"), (4, 1, 1, 1, "（三）不予公开"), (4, 2, 1, 1, "0"),
    (4, 3, 1, 1, ""), (4, 4, 1, 1, "0"), (5, 1, 1, 1, "（四）无法提供"), (5, 2, 1, 1, "5"), (5, 3, 1, 1, "1"),
    (5, 4, 1, 1, "6"), (6, 1, 1, 1, "（七）总计"), (6, 2, 1, 1, "14"), (6, 3, 1, 1, "3"), (6, 4, 1, 1, "17"),
]
WIDTHS = [22.0, 90.0, 40.0, 52.0, 50.0]  # the first column one character wide


@pytest.mark.parametrize("style, backgrounds", [("lines", False), ("rects", False), ("rects", True)],
                         ids=["lines", "rectangles", "rectangles-on-white"])
def test_a_ruled_table_is_a_grid_of_its_cells_with_their_merges(style, backgrounds, tmp_path):
    pdf = Pdf(backgrounds=backgrounds)
    pdf.line("三、收到和处理政府信息公开申请情况")
    pdf.table(results_table(), WIDTHS, style=style)
    pdf.line("四、政府信息公开行政复议、行政诉讼情况")
    source = read_pdf(pdf, tmp_path)
    [table] = source.grids
    assert cells_of(table) == RESULTS_GRID
    # One line per cell, a merged cell once, the text before and after the table its own.
    lines = lines_of(source)
    assert lines[0] == "三、收到和处理政府信息公开申请情况" and lines[-1] == "四、政府信息公开行政复议、行政诉讼情况"
    assert lines[1:-1] == [text for *_, text in RESULTS_GRID]
    assert [c.line for c in table.cells] == list(range(1, len(RESULTS_GRID) + 1))


def test_the_label_written_down_a_narrow_cell_is_drawn_one_character_per_line(tmp_path):
    # What the previous test reads as one label is, on the page, nine lines of one character.
    import pdfplumber

    pdf = Pdf()
    pdf.table(results_table(), WIDTHS)
    path = tmp_path / "r.pdf"
    pdf.save(path)
    with pdfplumber.open(path) as raw:
        label = [c for c in raw.pages[0].chars if c["x0"] < LEFT + WIDTHS[0]]
    assert len({round(c["top"]) for c in label}) == len("三、本年度办理结果")


@pytest.mark.parametrize("style", ["lines", "rects"])
@pytest.mark.parametrize("open_cut", [False, True], ids=["closed", "open"])
@pytest.mark.parametrize("cut_row, cut_lines", [(4, 0), (6, 0), (3, 1)],
                         ids=["between-rows", "before-the-last-row", "inside-a-wrapped-label"])
def test_a_table_cut_by_a_page_break_is_one_table(style, open_cut, cut_row, cut_lines, tmp_path):
    # The page breaks between two rows, or inside a row whose label wraps (its first line and
    # the numbers on one page, the rest of the label on the next); the label merged down the
    # rows, written one character per line, runs on down the next page. The rule at the break
    # is drawn, or left open.
    pdf = Pdf(numbers="- {n} -", backgrounds=style == "rects")
    pdf.line("三、收到和处理政府信息公开申请情况")
    pdf.top = 560.0
    pdf.table(results_table(), WIDTHS, style=style, valign="top", cut_row=cut_row, cut_lines=cut_lines,
              open_cut=open_cut)
    pdf.line("四、政府信息公开行政复议、行政诉讼情况")
    source = read_pdf(pdf, tmp_path)
    assert pdf.page_count == 2
    [table] = source.grids
    assert cells_of(table) == RESULTS_GRID
    assert lines_of(source)[-1] == "四、政府信息公开行政复议、行政诉讼情况"


def test_a_table_cell_is_placed_on_its_page_and_line(tmp_path):
    pdf = Pdf()
    pdf.line("二、存在的不足和原因")
    pdf.table(grid([["项目", "2023年", "2024年"], ["行政复议", "40", "52"], ["行政诉讼", "9", "7"]]), [150, 100, 100])
    pdf.paragraph("行政诉讼案件数量有所下降。")
    source = read_pdf(pdf, tmp_path)
    places = {line: source.layout.place(source.text.index(line)) for line in ("项目", "52", "行政诉讼", "7", "行政诉讼案件")}
    assert places == {"项目": (1, 2), "52": (1, 3), "行政诉讼": (1, 4), "7": (1, 4), "行政诉讼案件": (1, 5)}


# ---------------------------------------------------------------------------
# The statistics tables and the table rules


@pytest.mark.parametrize("style", ["lines", "rects"])
def test_a_correct_xxgk_report_as_pdf_gives_no_finding(style, tmp_path):
    path = tmp_path / "r.pdf"
    xxgk_report(style=style, backgrounds=style == "rects").save(path)
    assert concise(path) == ["未发现问题（检查了 1 个文件）。"]


def test_one_wrong_count_in_a_pdf_table_is_found_on_its_page_and_line(tmp_path):
    # As tests/test_table_forms.py: 本年新收 by natural persons 21 instead of 20.
    path = tmp_path / "r.pdf"
    xxgk_report(numbers={"new": "21 3 0 1 2 0 26"}).save(path)
    assert concise(path) == [
        f"{path}:第2页第5行: T201 收到和处理政府信息公开申请情况表“自然人”列：本年新收21＋上年结转2＝23，"
        "而办理结果总计20＋结转下年度继续办理2＝22，两者应相等",
        f"{path}:第2页第5行: T203 收到和处理政府信息公开申请情况表“本年新收”行：总计为26，而自然人与法人或其他组织各列之和为27"
        "（自然人21＋商业企业3＋社会公益组织1＋法律服务机构2，其余各项为0）",
        "发现 2 个问题（错误 2，警告 0，提示 0），检查了 1 个文件。"]
    result = runner.invoke(app, ["check", "--format", "json", str(path)])
    first = json.loads(result.stdout)[0]
    assert (first["code"], first["page"], first["page_line"]) == ("T201", 2, 5)
    source = read(str(path))
    assert source.text.splitlines()[first["line"] - 1] == "21"


def test_table_rows_are_never_headings(tmp_path):
    path = tmp_path / "r.pdf"
    xxgk_report().save(path)
    tree = runner.invoke(app, ["tree", str(path)]).stdout
    sections = [re.sub(r"^[\s│├└─]+", "", line).split("  ")[0] for line in tree.splitlines()[2:]]
    assert sections == ["一、总体情况", "（一）主动公开", "（二）依申请公开", "二、主动公开政府信息情况",
                        "三、收到和处理政府信息公开申请情况", "四、政府信息公开行政复议、行政诉讼情况",
                        "五、存在的主要问题及改进情况", "六、其他需要报告的事项", "统计表格",
                        "主动公开政府信息情况（2021年格式）", "收到和处理政府信息公开申请情况（2021年格式）",
                        "政府信息公开行政复议、行政诉讼情况（2021年格式）"]


def test_tree_tables_shows_the_pdf_tables_as_read(tmp_path):
    path = tmp_path / "r.pdf"
    xxgk_report(style="rects").save(path)
    tree = runner.invoke(app, ["tree", "--tables", str(path)]).stdout
    assert "收到和处理政府信息公开申请情况（2021年格式）  第40–254行 · 从PDF 表格（按表格线读取）读出 175 格" in tree
    review = tree[tree.rindex("政府信息公开行政复议、行政诉讼情况（2021年格式）"):].splitlines()
    assert [line.split() for line in review[1:]] == [
        ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"], ["行政复议", "1", "0", "0", "1", "2"],
        ["未经复议直接起诉", "0", "1", "0", "0", "1"], ["复议后起诉", "0", "0", "0", "0", "0"]]


def test_findings_outside_the_rules_selection_are_not_reported(tmp_path):
    source = read_pdf(xxgk_report(numbers={"new": "21 3 0 1 2 0 26"}), tmp_path)
    found = lint(source, select_rules(RULES, ["T203"], None))
    assert [d.code for d in found] == ["T203"]


def test_a_page_of_few_lines_has_the_edges_of_the_pages_before_it(tmp_path):
    # The last page holds a heading as long as the line and a paragraph of two lines: the heading
    # and the paragraph's first line share their indent, the one running line starts at the left
    # edge the pages before it share. The heading stays a heading; the paragraph is one line.
    pdf = Pdf(numbers="- {n} -")
    pdf.line("一、主要举措和成效")
    pdf.paragraph(ACROSS)
    pdf.new_page()
    pdf.line("三、党政主要负责人履行推进法治建设第一责任人职责情况")
    pdf.paragraph("局主要负责人认真履行第一责任人职责，带头尊法学法守法用法，推动法治建设各项任务落实。")
    assert lines_of(read_pdf(pdf, tmp_path)) == [
        "一、主要举措和成效", ACROSS, "三、党政主要负责人履行推进法治建设第一责任人职责情况",
        "局主要负责人认真履行第一责任人职责，带头尊法学法守法用法，推动法治建设各项任务落实。"]


@pytest.mark.parametrize("valign", ["top", "centre"])
@pytest.mark.parametrize("cut_row", [6, 15, 16], ids=["in-the-first-result-row", "before-a-group", "inside-a-group"])
def test_the_requests_table_cut_by_a_page_break_reads_as_when_whole(valign, cut_row, tmp_path):
    # The page breaks one row into 三、本年度办理结果 (its label, one character per line, runs on
    # down the next page), just before the group （四）无法提供 (a label of its own, not the rest of
    # （三）不予公开), or inside it.
    whole = read_pdf(xxgk_report(valign=valign), tmp_path, "whole.pdf")
    cut = read_pdf(xxgk_report(valign=valign, cut_row=cut_row), tmp_path, "cut.pdf")
    assert cells_of(cut.grids[1]) == cells_of(whole.grids[1])
    assert concise(tmp_path / "cut.pdf") == ["未发现问题（检查了 1 个文件）。"]
