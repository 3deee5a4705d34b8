"""Statistics tables as part of the document: grids from Word and web pages, tables
recovered from flattened text by their labels, unread tables, and table labels that are
not headings (issue 13, part 2)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from typer.testing import CliRunner

from lintlaw.analysis.document import TABLE_WORDS, build_document
from lintlaw.analysis.table_reading import layouts
from lintlaw.cli import app
from lintlaw.engine.ruleset import load_rules, select_rules
from lintlaw.io.readers import read
from lintlaw.text.grid import GridCell

from .helpers import findings, modules_after_check, source_of
from .table_helpers import (REQUESTS, REVIEW, TITLE, build_docx, build_html, expected_cells, line_of,
                            report_text)

RULES = load_rules()
runner = CliRunner()
LAYOUTS = ["cell", "tab", "space", "bar"]
DOCX = pytest.param("docx", marks=pytest.mark.slow)  # built with python-docx: slow
HOW = {"cell": "逐格一行的文本", "tab": "以制表符分隔各格的文本", "space": "以空格分隔各格的文本",
       "bar": "以“|”分隔各格的文本", "docx": "Word 表格", "html": "网页表格"}


def _source(form: str, tmp_path, **options):
    if form == "docx":
        build_docx(tmp_path / "r.docx", **options)
        return read(str(tmp_path / "r.docx"))
    if form == "html":
        (tmp_path / "r.html").write_text(build_html(**options), encoding="utf-8")
        return read(str(tmp_path / "r.html"))
    return source_of(report_text(form, **options))


def _tables(source):
    [report] = build_document(source).reports
    return report


# ---------------------------------------------------------------------------
# Readers record the grid


@pytest.mark.slow
def test_docx_grid_has_merged_cells_once_at_their_position_and_line(tmp_path):
    source = _source("docx", tmp_path)
    active, requests, review = source.grids
    lines = source.text.split("\n")
    # Header of table 三: the note spans 3×3, 申请人情况 seven columns, 自然人 two rows. Word keeps
    # an empty paragraph for each covered cell of a vertical merge (line 41, under the note).
    assert requests.cells[:4] == [
        GridCell("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", 39, 0, 0, 3, 3),
        GridCell("申请人情况", 40, 0, 3, 1, 7),
        GridCell("自然人", 42, 1, 3, 2, 1),
        GridCell("法人或其他组织", 43, 1, 4, 1, 5),
    ]
    assert lines[41] == ""
    results = next(c for c in requests.cells if c.text == "三、本年度办理结果")
    assert (results.row, results.col, results.rowspan, results.colspan) == (5, 0, 22, 1)
    refused = next(c for c in requests.cells if c.text == "（三）不予公开")
    assert (refused.row, refused.col, refused.rowspan, refused.colspan) == (7, 1, 8, 1)
    # Every cell's line holds its text; table 四's header, then fifteen numbers in one row.
    assert all(lines[c.line] == c.text for g in source.grids for c in g.cells if c.text)
    assert [(c.text, c.row, c.col, c.colspan) for c in review.cells[:2]] == [("行政复议", 0, 0, 5),
                                                                           ("行政诉讼", 0, 5, 10)]
    assert [c.text for c in review.cells if c.row == 3] == REVIEW.split()
    assert active.lines == range(8, 38)


@pytest.mark.slow
def test_docx_lines_are_still_the_paragraphs_in_order(tmp_path):
    """Line N is still paragraph N, table cells included (an empty paragraph for each cell a
    vertical merge covers), so Word comments find their paragraphs."""
    import docx
    from docx.oxml.ns import qn

    source = _source("docx", tmp_path)
    body = docx.Document(str(tmp_path / "r.docx")).element.body
    paragraphs = ["".join(t.text or "" for t in p.iter(qn("w:t"))) for p in body.iter(qn("w:p"))]
    assert source.text.split("\n") == [*paragraphs, ""]


def test_html_grid_lays_out_rowspan_and_colspan(tmp_path):
    source = _source("html", tmp_path)
    active, requests, review = source.grids
    lines = source.text.split("\n")
    assert requests.cells[:3] == [
        GridCell("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", 39, 0, 0, 3, 3),
        GridCell("申请人情况", 40, 0, 3, 1, 7),
        GridCell("自然人", 41, 1, 3, 2, 1),
    ]
    # A cell under a rowspan moves right: 1.属于国家秘密 sits in column 2, its numbers from 3.
    secret = next(c for c in requests.cells if c.text == "1.属于国家秘密")
    assert (secret.row, secret.col) == (7, 2)
    second = [c for c in requests.cells if c.row == 8]
    assert [(c.text, c.col) for c in second[:2]] == [("2.其他法律行政法规禁止公开", 2), ("0", 3)]
    assert all(lines[c.line] == c.text for g in source.grids for c in g.cells)
    assert [c.col for c in review.cells if c.row == 2] == list(range(5, 15))
    assert active.cells[0] == GridCell("第二十条第（一）项", 8, 0, 0, 1, 4)


def test_html_blank_cell_has_no_line_and_the_inserted_title_shifts_lines(tmp_path):
    page = ("<html><head><title>青山县2024年政府信息公开工作年度报告</title></head><body>"
            "<table><tr><td>甲</td><td></td><td rowspan='2'>乙</td></tr><tr><td colspan='2'>丙</td></tr>"
            "</table></body></html>")
    (tmp_path / "p.html").write_text(page, encoding="utf-8")
    source = read(str(tmp_path / "p.html"))
    assert source.text.split("\n")[:4] == ["青山县2024年政府信息公开工作年度报告", "甲", "乙", "丙"]
    assert source.grids[0].cells == [GridCell("甲", 1, 0, 0), GridCell("", -1, 0, 1),
                                     GridCell("乙", 2, 0, 2, 2, 1), GridCell("丙", 3, 1, 0, 1, 2)]


# ---------------------------------------------------------------------------
# Recognition in every form


@pytest.mark.parametrize("form", [DOCX, "html", *LAYOUTS])
def test_every_cell_of_the_three_tables_is_read(form, tmp_path):
    source = _source(form, tmp_path)
    report = _tables(source)
    assert report.unread_tables == []
    assert [(t.key, t.how) for t in report.tables] == [(key, HOW[form])
                                                       for key in ("active", "requests", "review")]
    expected = expected_cells()
    for table in report.tables:
        assert {key: cell.raw for key, cell in table.cells.items()} == expected[table.key]
        for (row, col), cell in table.cells.items():
            assert (cell.row, cell.col, cell.value) == (row, col, Decimal(cell.raw))
            assert source.text[cell.offset:cell.offset + len(cell.raw)] == cell.raw


@pytest.mark.parametrize("form", LAYOUTS)
def test_cells_point_at_their_place_in_flattened_text(form):
    text = report_text(form)
    source = source_of(text)
    requests = next(t for t in _tables(source).tables if t.key == "requests")
    total = requests.cell("new", "total")
    first = line_of(text, "一、本年新收政府信息公开申请数量") if form == "cell" else None
    if form == "cell":  # the seventh number after the label
        assert source.position(total.offset) == (first + 7, 1)
    else:  # the last cell of the row's line
        row = next(i for i, line in enumerate(text.split("\n"), 1) if line.startswith("一、本年新收"))
        line = text.split("\n")[row - 1]
        assert source.position(total.offset) == (row, len(line) - 1)
    assert requests.lines.start == line_of(text, "三、收到和处理政府信息公开申请情况")  # 0-based: the line after


def test_table_lines_span_the_table():
    text = report_text("tab")
    requests = next(t for t in _tables(source_of(text)).tables if t.key == "requests")
    first = line_of(text, "三、收到和处理政府信息公开申请情况") + 1
    last = line_of(text, "四、政府信息公开行政复议、行政诉讼情况") - 1
    assert requests.lines == range(first - 1, last)


def test_a_sentence_right_after_a_table_is_text(all_rules):
    # R002 leaves the spaces between a table's cells alone; the line after the last cell
    # is no cell, so its stray space is reported.
    text = report_text("tab").replace("四、政府信息公开行政复议、行政诉讼情况",
                                      "申请均已 全部办结。\n四、政府信息公开行政复议、行政诉讼情况")
    line = line_of(text, "申请均已 全部办结。")
    assert findings(text, all_rules, select=["R002"]) == [("R002", line, 5, "中文之间有多余的空格")]


def test_blank_cells_written_as_empty_bars_are_blank_cells():
    text = report_text("bar").replace("2.重复申请 | 1 | 0 | 0 | 0 | 0 | 0 | 1", "2.重复申请 | 1 |  |  |  |  | / | 1")
    requests = next(t for t in _tables(source_of(text)).tables if t.key == "requests")
    cells = [requests.cell("not-processed-repeated", col) for col in
             ("natural-person", "business", "other-organisation", "total")]
    assert [(c.raw, c.value) for c in cells] == [("1", Decimal(1)), ("", None), ("/", None),
                                                 ("1", Decimal(1))]
    row = line_of(text, "2.重复申请 | 1 |  |  |  |  | / | 1")
    assert source_of(text).position(cells[1].offset) == (row, 1)  # a blank cell points at its line


def test_half_width_markers_and_trailing_tabs():
    text = (report_text("tab").replace("（一）予以公开", "(一)予以公开").replace("1.属于国家秘密", "1、属于国家秘密")
            .replace("（七）总计\t20\t2\t0\t0\t1\t0\t23", "（七）总计\t20\t2\t0\t0\t1\t0\t"))
    requests = next(t for t in _tables(source_of(text)).tables if t.key == "requests")
    assert requests.cell("published", "total").raw == "10"
    assert requests.cell("refused-secret", "total").raw == "0"
    total = requests.cell("results-total", "total")
    assert (total.raw, total.value) == ("", None)


def test_the_2019_layout_of_table_two_is_its_own_table():
    lines = ["第二十条第（一）项", "信息内容 | 本年新制作数量 | 本年新公开数量 | 对外公开总数量",
             "规章 | 0 | 0 | 0", "规范性文件 | 3 | 3 | 40",
             "第二十条第（五）项", "信息内容 | 上一年项目数量 | 本年增/减 | 处理决定数量",
             "行政许可 | 45 | -2 | 1200", "其他对外管理服务事项 | 10 | 0 | 30",
             "第二十条第（六）项", "信息内容 | 上一年项目数量 | 本年增/减 | 处理决定数量",
             "行政处罚 | 12 | 1 | 300", "行政强制 | 3 | 0 | 5",
             "第二十条第（八）项", "信息内容 | 上一年项目数量 | 本年增/减 |", "行政事业性收费 | 2 | 0 |",
             "第二十条第（九）项", "信息内容 | 采购项目数量 | 采购总金额 |", "政府集中采购 | 6 | 85.5 |"]
    report = _tables(source_of(report_text("bar", {"active": lines})))
    active = report.tables[0]
    assert (active.key, len(active.cells)) == ("active-2019", 22)
    assert active.cell("licensing", "change").value == Decimal(-2)
    assert active.cell("procurement", "procurement-amount").value == Decimal("85.5")
    assert layouts()[active.key].format == "2019"


def test_the_2019_other_handling_row_without_sub_rows_is_read():
    lines = [line for line in report_text("space").split("\n")
             if not line.startswith(("1.申请人无正当", "2.申请人逾期", "3.其他 "))]
    text = "\n".join(lines).replace("（六）其他处理 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
                                    "（六）其他处理")
    lines = text.split("\n")
    index = lines.index("（六）其他处理 0 0 0 0 0 0 0")  # the numbers stay on the group's own row
    assert index
    requests = next(t for t in _tables(source_of(text)).tables if t.key == "requests")
    assert requests.cell("other", "total").raw == "0"
    assert requests.cell("other-other", "total") is None


# ---------------------------------------------------------------------------
# Never guessed: unread tables


def _unread(text):
    report = _tables(source_of(text))
    return [(t.key, t.line, t.reason) for t in report.unread_tables]


def test_a_row_that_lost_a_blank_cell_makes_the_table_unread():
    lines = report_text("cell").split("\n")
    label = lines.index("（二）部分公开（区分处理的，只计这一情形，不计其他情形）")
    del lines[label + 3]  # one of its seven numbers, as a capture drops an empty cell
    text = "\n".join(lines)
    start = line_of(text, "三、收到和处理政府信息公开申请情况")
    assert _unread(text) == [("requests", start, "“（二）部分公开（区分处理的，只计这一情形，不计其他情形）”一行有6格数字，"
                              "按格式应有7格（自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他、总计），"
                              "无法确定各数字属于哪一列")]


def test_a_missing_row_makes_the_table_unread():
    text = report_text("tab").replace("2.重复申请\t1\t0\t0\t0\t0\t0\t1\n", "")
    [(key, _line, reason)] = _unread(text)
    assert (key, reason) == ("requests", "“3.要求提供公开出版物”不在格式的这个位置（此处应为“（五）不予处理 2.重复申请”）")


def test_a_table_cut_off_at_the_end_is_unread():
    text = report_text("space").split("（五）不予处理")[0]
    [(key, _line, reason)] = _unread(text)
    assert (key, reason) == ("requests", "没有找到“（五）不予处理 1.信访举报投诉类申请”“（五）不予处理 2.重复申请”"
                                         "“（五）不予处理 3.要求提供公开出版物”等10行")


def test_review_with_too_few_numbers_is_unread():
    text = report_text("space", {"review": ["行政复议 行政诉讼", "结果维持 结果纠正 其他结果 尚未审结 总计", "1 0 0 1 2"]})
    assert _unread(text) == [("review", line_of(text, "行政复议 行政诉讼") - 1,
                              "表头之后有5格数字，按格式应有15格，无法确定各数字属于哪一列")]


def test_headers_without_numbers_are_no_table():
    """A capture cut inside the header (the 杨凌 page): nothing to read, nothing reported."""
    text = report_text("bar", {"requests": [" | ".join(["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
                                                        "申请人情况", "", "", ""]),
                                            "自然人 | 法人或其他组织 | 总计", "商业企业 | 科研机构"]})
    report = _tables(source_of(text))
    assert [t.key for t in report.read_tables] == ["active", "review"]


def test_prose_with_table_words_holds_no_table():
    text = ("青山县司法局2024年度法治政府建设情况报告\n一、主要举措和成效\n（一）予以公开\n"
            "依法予以公开政府信息120条，本年新收申请12件，行政复议结果维持3件，尚未审结1件。\n"
            "（二）行政复议\n行政诉讼\n总计\n结果维持\n12\n")
    document = build_document(source_of(text))
    assert [r.read_tables for r in document.reports] == [[]]
    assert [s.heading.text for s in document.reports[0].walk()] == ["一、主要举措和成效", "（一）予以公开",
                                                                    "（二）行政复议"]


def test_the_unread_table_is_reported_once_as_info():
    lines = report_text("cell").split("\n")
    del lines[lines.index("（二）部分公开（区分处理的，只计这一情形，不计其他情形）") + 3]
    text = "\n".join(lines)
    row = line_of(text, "三、收到和处理政府信息公开申请情况") + 1
    assert findings(text, RULES, ["T101"]) == [
        ("T101", row, 1, "“收到和处理政府信息公开申请情况”表未能可靠识别：“（二）部分公开（区分处理的，只计这一情形，"
                         "不计其他情形）”一行有6格数字，按格式应有7格（自然人、商业企业、科研机构、社会公益组织、"
                         "法律服务机构、其他、总计），无法确定各数字属于哪一列；此表不做核对")]
    assert findings(report_text("cell"), RULES, ["T101"]) == []
    # A rule of the 政府信息公开 report: not for a 法治政府建设 report, whatever it holds.
    assert findings(text.replace(TITLE, "青山县交通运输局2024年度法治政府建设情况报告"), RULES, ["T101"]) == []


# ---------------------------------------------------------------------------
# Table labels are not headings


@pytest.mark.parametrize("form", [DOCX, "html", *LAYOUTS])
def test_table_labels_are_not_headings(form, tmp_path):
    source = _source(form, tmp_path)
    [report] = build_document(source).reports
    assert [s.heading.text for s in report.walk()] == [
        "一、总体情况", "（一）主动公开", "（二）依申请公开", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
        "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项"]
    from lintlaw.engine.linter import lint

    structure = select_rules(RULES, ["structure", "R002", "R005"], None)
    assert [(d.code, source.position(d.start)) for d in lint(source, structure)] == []


def test_numbering_rules_still_see_headings_outside_tables():
    text = report_text("tab").replace("五、存在的主要问题及改进情况", "七、存在的主要问题及改进情况")
    row = line_of(text, "七、存在的主要问题及改进情况")
    assert findings(text, RULES, ["S101"]) == [("S101", row, 1, "编号不连续：“四、”之后是“七、”，缺少“五、”“六、”")]


def test_spaces_between_cells_are_no_stray_spaces_but_prose_spaces_still_are():
    text = report_text("space").replace("全年通过局门户网站", "全年通过局 门户网站")
    row = line_of(text, "全年通过局 门户网站主动公开政府信息326条，其中政策文件18条。")
    assert findings(text, RULES, ["R002"]) == [("R002", row, 6, "中文之间有多余的空格")]


# ---------------------------------------------------------------------------
# lintlaw tree


def test_tree_says_which_tables_were_read_and_how(tmp_path):
    path = tmp_path / "r.txt"
    path.write_text(report_text("tab"), encoding="utf-8")
    out = runner.invoke(app, ["tree", str(path)]).stdout.splitlines()
    assert out[-4:] == [
        "    └── 统计表格",
        "        ├── 主动公开政府信息情况（2021年格式）  第9–22行 · 从以制表符分隔各格的文本读出 10 格",
        "        ├── 收到和处理政府信息公开申请情况（2021年格式）  第24–51行 · 从以制表符分隔各格的文本读出 175 格",
        "        └── 政府信息公开行政复议、行政诉讼情况（2021年格式）  第53–56行 · 从以制表符分隔各格的文本读出 15 格",
    ]


def test_tree_says_why_a_table_was_not_read(tmp_path):
    path = tmp_path / "r.txt"
    path.write_text(report_text("tab").replace("2.重复申请\t1\t0\t0\t0\t0\t0\t1\n", ""), encoding="utf-8")
    out = runner.invoke(app, ["tree", str(path)]).stdout.splitlines()
    assert out[-2] == ("        ├── 收到和处理政府信息公开申请情况  第24行 · 未能可靠识别：“3.要求提供公开出版物”"
                       "不在格式的这个位置（此处应为“（五）不予处理 2.重复申请”）")


def test_tree_tables_prints_each_table_as_an_aligned_grid(tmp_path):
    path = tmp_path / "r.html"
    path.write_text(build_html(), encoding="utf-8")
    out = runner.invoke(app, ["tree", "--tables", str(path)]).stdout.splitlines()
    review = out.index("政府信息公开行政复议、行政诉讼情况（2021年格式）  第63–66行 · 从网页表格读出 15 格")
    assert out[review + 1:review + 5] == [
        "                  结果维持  结果纠正  其他结果  尚未审结  总计",
        "行政复议                 1         0         0         1     2",
        "未经复议直接起诉         0         1         0         0     1",
        "复议后起诉               0         0         0         0     0",
    ]
    requests = out.index("收到和处理政府信息公开申请情况（2021年格式）  第32–59行 · 从网页表格读出 175 格")
    assert out[requests + 7].startswith("（三）不予公开 2.其他法律行政法规禁止公开  ")
    assert out[requests + 7].endswith("         0     0     0")
    active = out.index("主动公开政府信息情况（2021年格式）  第15–28行 · 从网页表格读出 10 格")
    assert out[active + 4] == "行政许可                                                               120"


def test_tree_tables_says_when_there_is_none(tmp_path):
    path = tmp_path / "r.txt"
    path.write_text(TITLE + "\n一、总体情况\n全年公开信息12条。\n", encoding="utf-8")
    assert runner.invoke(app, ["tree", "--tables", str(path)]).stdout.splitlines()[-1] == "（没有识别出统计表格）"


# ---------------------------------------------------------------------------
# Cost: plain 法治 text pays nothing


def test_every_table_has_labels_holding_a_gate_word():
    for layout in layouts().values():
        words = [word for word in TABLE_WORDS if any(word in label for label in layout.label_words())]
        assert words, layout.key


@pytest.mark.slow
def test_text_without_table_words_does_not_import_the_table_code(tmp_path):
    (tmp_path / "r.txt").write_text("青山县司法局2024年度法治政府建设情况报告\n一、主要举措和成效\n行政复议结果维持。\n",
                                    encoding="utf-8")
    (tmp_path / "t.txt").write_text(report_text("tab"), encoding="utf-8")
    reading = {"lintlaw.analysis.table_reading", "lintlaw.analysis.tables"}
    assert modules_after_check(tmp_path / "r.txt") & reading == set()
    assert modules_after_check(tmp_path / "t.txt") & reading == reading


def test_request_rows_in_the_fixture_follow_the_layout():
    """The fixture's rows are the layout's leaf rows in order (a check on the fixture itself)."""
    layout = layouts()["requests"]
    leaves = [row.key for row in layout.rows if row.key not in layout.groups]
    assert [key for _g, _l, key, _n in REQUESTS] == leaves


@pytest.mark.slow
def test_a_table_inside_a_word_cell_is_read_once(tmp_path):
    import docx

    document = docx.Document()
    document.add_paragraph("正文")
    outer = document.add_table(rows=1, cols=2)
    outer.cell(0, 0).text = "外"
    inner = outer.cell(0, 1).add_table(rows=1, cols=2)
    inner.cell(0, 0).text = "甲"
    inner.cell(0, 1).text = "乙"
    document.save(str(tmp_path / "n.docx"))
    source = read(str(tmp_path / "n.docx"))
    # The cell holding the table keeps its own paragraph, and Word's one after the table.
    assert source.text.split("\n") == ["正文", "外", "", "甲", "乙", "", ""]
    assert [[(c.text, c.line, c.col) for c in grid.cells] for grid in source.grids] == [
        [("外", 1, 0), ("", 2, 1)], [("甲", 3, 0), ("乙", 4, 1)]]


def test_a_label_a_capture_wrapped_over_two_lines_is_still_a_label():
    text = report_text("cell").replace("（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
                                       "（二）部分公开（区分处理的，只计这一\n情形，不计其他情形）")
    report = _tables(source_of(text))
    requests = next(t for t in report.tables if t.key == "requests")
    assert requests.cell("partly-published", "total").raw == "2"


def test_a_note_between_rows_is_passed_over_and_the_heading_after_the_table_stays_a_heading():
    note = "注：申请件数按申请人提出的申请计算"
    text = report_text("tab").replace("（七）总计", f"{note}\n（七）总计")
    report = _tables(source_of(text))
    assert [t.key for t in report.tables] == ["active", "requests", "review"]
    requests = report.tables[1]
    assert requests.cell("results-total", "total").raw == "23"
    row = line_of(text, note)
    assert row - 1 in requests.lines
    assert "四、政府信息公开行政复议、行政诉讼情况" in [s.heading.text for s in report.walk()]


def test_an_unknown_row_label_is_not_passed_over():
    """A row the layout does not know, with its numbers, is not a note: the row it stands
    for is missing, and the table is unread."""
    text = report_text("tab").replace("2.重复申请\t", "2.重复提出的申请\t")
    [(key, _line, reason)] = _unread(text)
    assert (key, reason) == ("requests", "“2.重复提出的申请”不是格式中的行名（此处应为“（五）不予处理 2.重复申请”）")
    cells = report_text("cell").replace("\n2.重复申请\n", "\n2.重复提出的申请\n")
    [(key, _line, reason)] = _unread(cells)
    assert (key, reason) == ("requests", "“（五）不予处理 1.信访举报投诉类申请”一行有14格数字，按格式应有7格（自然人、商业企业、"
                                         "科研机构、社会公益组织、法律服务机构、其他、总计），无法确定各数字属于哪一列")


def test_a_markdown_table_reads_and_a_dash_is_a_placeholder_not_a_ruling_line():
    rows = [["行政复议", "行政诉讼"], ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计", "未经复议直接起诉", "复议后起诉"],
            ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 2]
    lines = ["| " + " | ".join(row) + " |" for row in rows]
    lines.insert(1, "|---|---|")
    lines.append("| " + " | ".join(["—"] * 14 + ["0"]) + " |")
    review = _tables(source_of(report_text("bar", {"review": lines}))).tables[-1]
    assert (review.key, review.how) == ("review", "以“|”分隔各格的文本")
    first, last = review.cell("review", "upheld"), review.cell("lawsuit-after-review", "total")
    assert [(first.raw, first.value), (last.raw, last.value)] == [("—", None), ("0", Decimal(0))]
    cells = report_text("cell", {"review": [cell for row in rows for cell in row] + ["—"] * 14 + ["0"]})
    assert _tables(source_of(cells)).tables[-1].cell("review", "upheld").raw == "—"


# ---------------------------------------------------------------------------
# Where a table begins and ends: the thresholds


REVIEW_HEADER = ["行政复议", "行政诉讼", "结果维持", "尚未审结"]


@pytest.mark.parametrize("labels, numbers, located", [
    (REVIEW_HEADER, ["1", "0", "1"], True),  # four labels and three numbers: a table, unread
    (REVIEW_HEADER[:3], ["1", "0", "1"], False),  # three labels are a few short lines, no table
    (REVIEW_HEADER, ["1", "0"], False),  # two numbers are no table either
])
def test_a_table_needs_four_of_its_labels_and_three_numbers(labels, numbers, located):
    text = TITLE + "\n一、总体情况\n全年公开信息12条。\n" + "\n".join(labels + numbers) + "\n"
    found = [(t.key, t.reason) for t in _tables(source_of(text)).unread_tables]
    assert found == ([("review", "表头之后有3格数字，按格式应有15格，无法确定各数字属于哪一列")] if located else [])


@pytest.mark.parametrize("notes, read", [(["注：单位为件"], True), (["注：单位为件", "数据来源：本机关统计"], True),
                                         (["注：单位为件", "数据来源：本机关统计", "（下转第二页）续"], False),
                                         (["注" * 60], True), (["注" * 61], False)])
def test_up_to_two_short_lines_of_other_text_stay_inside_a_table(notes, read):
    text = report_text("tab").replace("（七）总计", "\n".join(notes) + "\n（七）总计")
    report = _tables(source_of(text))
    expected = ["active", "requests", "review"] if read else ["active", "review"]
    assert [t.key for t in report.tables] == expected


def test_a_remark_cell_after_the_numbers_and_a_number_split_from_its_label_are_passed_over():
    text = (report_text("bar").replace("四、结转下年度继续办理 | 2 | 1 | 0 | 1 | 1 | 0 | 5",
                                       "四、结转下年度继续办理 | 2 | 1 | 0 | 1 | 1 | 0 | 5 | （转入下一年度）")
            .replace("1.属于国家秘密 | 0", "1. | 属于国家秘密 | 0"))
    requests = _tables(source_of(text)).tables[1]
    assert requests.cell("carried-forward", "total").raw == "5"
    assert requests.cell("refused-secret", "total").raw == "0"


def test_a_blank_web_cell_points_at_its_row_label(tmp_path):
    source = _source("html", tmp_path, numbers={"published": "8 _ 0 0 1 0 9"})
    requests = _tables(source).tables[1]
    blank = requests.cell("published", "business")
    assert (blank.raw, blank.value) == ("", None)
    label = next(c for c in source.grids[1].cells if c.text == "（一）予以公开")
    assert source.position(blank.offset) == source.position(source.line_starts[label.line])


COLUMN = 'columns = [{ key = "a", labels = ["甲"] }]\n'


@pytest.mark.parametrize("table, problem", [
    ('shape = "rows"\ncolumns = [{ key = "a", labels = [] }]\nrows = [{ key = "r", labels = ["乙"] }]',
     "列 a 的 labels 应为非空字符串的列表"),
    ('shape = "rows"\ncolumns = [{ key = "a", labels = ["甲", 3] }]\nrows = [{ key = "r", labels = ["乙"] }]',
     "列 a 的 labels 应为非空字符串的列表"),
    ('shape = "rows"\n' + COLUMN + 'rows = [{ key = "r", labels = ["乙"], columns = ["b"] }]',
     "行 r 的 columns 应取自本表的列"),
    ('shape = "rows"\ncolumns = [{ key = "a", labels = ["甲"] }, { key = "a", labels = ["丙"] }]\n'
     'rows = [{ key = "r", labels = ["乙"] }]', "列的 key 应为不重复的英文小写短横线名称"),
    ('shape = "rows"\n' + COLUMN + 'rows = [{ key = "Row", labels = ["乙"] }]',
     "行的 key 应为不重复的英文小写短横线名称"),
    ('shape = "rows"\n' + COLUMN + 'rows = [{ key = "r", labels = ["乙"], parent = "q" }]',
     "行 r 的 parent“q”应是在它之前的行"),
    ('shape = "cols"\n' + COLUMN + 'rows = [{ key = "r", labels = ["乙"] }]', "shape 只能取 rows, groups"),
    ('shape = "rows"\nwidth = 3\n' + COLUMN + 'rows = [{ key = "r", labels = ["乙"] }]', "未知字段 width"),
])
def test_a_broken_layout_names_the_table_and_the_problem(tmp_path, monkeypatch, table, problem):
    from lintlaw.analysis import table_reading
    from lintlaw.errors import RuleFileError

    (tmp_path / "t.toml").write_text(f'[demo]\nname = "演示"\n{table}\n', encoding="utf-8")
    monkeypatch.setattr(table_reading, "layouts_dir", lambda: tmp_path)
    table_reading.layouts.cache_clear()
    try:
        with pytest.raises(RuleFileError) as err:
            table_reading.layouts()
        assert str(err.value) == f"{tmp_path / 't.toml'}: [demo] {problem}"
    finally:
        table_reading.layouts.cache_clear()
