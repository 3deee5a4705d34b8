"""PDFs no report writer means to make, and the reader's answer to each: no traceback, no
stray output, and text that is still the report's (or one line saying why there is none)."""

from __future__ import annotations

import subprocess
import sys

from typer.testing import CliRunner

from lintlaw.cli import app
from lintlaw.io.readers import read

from .pdf_helpers import (BODY, LEADING, LEFT, PORTRAIT, RIGHT, SONG, Cell, Pdf, cells_of, grid, lines_of, raw_pdf,
                          read_pdf)

runner = CliRunner()
TITLE = "青山县司法局2024年度法治政府建设情况报告"
TEXT = "全年共办理行政复议案件52件，办结率达到96.15%，比上年提高3个百分点。"


def check(path, *args):
    return runner.invoke(app, ["check", "--format", "concise", *args, str(path)])


def test_a_pdf_without_pages_has_no_text(tmp_path):
    path = tmp_path / "r.pdf"
    path.write_bytes(raw_pdf([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [] /Count 0 >>"]))
    result = check(path)
    assert (result.exit_code, result.stderr) == (2, f"lintlaw: {path}: PDF 中没有文字\n")


def test_two_thousand_blank_pages_end_in_bounded_time(tmp_path):
    pdf = Pdf()
    for _ in range(1999):
        pdf.new_page()
    path = tmp_path / "r.pdf"
    pdf.save(path)
    run = subprocess.run([sys.executable, "-m", "lintlaw", "check", str(path)], capture_output=True, text=True,
                         timeout=60, check=False)
    assert (run.returncode, run.stderr) == (2, f"lintlaw: {path}: PDF 中没有文字\n")


def test_text_set_at_an_angle_on_an_upright_page_is_not_the_report_s(tmp_path):
    # A watermark across the page and a note up the margin, both drawn turned.
    pdf = Pdf()
    pdf.title(TITLE)
    pdf.line("一、主要举措和成效")
    pdf.paragraph(TEXT * 3)
    canvas = pdf.canvas
    canvas.saveState()
    canvas.translate(300, 400)
    canvas.rotate(45)
    canvas.setFont(SONG, 60)
    canvas.setFillGray(0.8)
    canvas.drawString(-200, 0, "内部资料注意保存")
    canvas.restoreState()
    canvas.saveState()
    canvas.translate(40, 600)
    canvas.rotate(90)
    canvas.setFont(SONG, 10)
    canvas.drawString(0, 0, "此件公开发布")
    canvas.restoreState()
    pdf.line("二、存在的不足和原因")
    pdf.paragraph("基层执法力量不足。")
    assert lines_of(read_pdf(pdf, tmp_path)) == [TITLE, "一、主要举措和成效", TEXT * 3, "二、存在的不足和原因", "基层执法力量不足。"]


def _turned_page(pdf: Pdf) -> None:
    """A page whose text is drawn turned a quarter, with no /Rotate to set it upright."""
    canvas = pdf.canvas
    canvas.saveState()
    canvas.translate(PORTRAIT[0], 0)
    canvas.rotate(90)
    canvas.setFont(SONG, 16)
    for line in range(5):
        canvas.drawString(79, 475 - line * 28, "横着排的一行文字，横着排的一行文字，横着排的一行文字。")
    canvas.restoreState()


def test_a_page_whose_text_is_all_drawn_turned_is_read_in_reading_position(tmp_path):
    # No /Rotate: the page is upright, its text (five lines as long as each other, flush left:
    # one paragraph) runs up it. A note set the other way on it is not its text.
    pdf = Pdf()
    pdf.title(TITLE)
    pdf.paragraph(TEXT * 3)
    pdf.new_page()
    _turned_page(pdf)
    pdf.text(LEFT, 800, "页边批注")
    source = read_pdf(pdf, tmp_path)
    assert lines_of(source) == [TITLE, TEXT * 3, "横着排的一行文字，横着排的一行文字，横着排的一行文字。" * 5]
    assert source.layout.place(source.text.index("横着排")) == (2, 1)


def test_text_drawn_twice_is_read_once_and_overlapping_lines_leave_the_paragraphs_alone(tmp_path):
    pdf = Pdf()
    pdf.title(TITLE)
    pdf.line("一、主要举措和成效")
    for dx, dy in ((0, 0), (0.4, 0.3)):  # bold made by drawing the line twice, a little apart
        pdf.text(LEFT + 2 * BODY + dx, pdf.top + dy, "（一）依法全面履行政府职能")
    pdf.top += LEADING
    pdf.paragraph(TEXT * 2)
    pdf.right("青山县司法局")
    pdf.text(RIGHT - 6 * BODY, pdf.top - LEADING - 4, "青山县司法局印章", 12)  # a seal's words over the signature
    pdf.right("2025年1月20日")
    lines = lines_of(read_pdf(pdf, tmp_path))
    assert lines[:4] == [TITLE, "一、主要举措和成效", "（一）依法全面履行政府职能", TEXT * 2]
    assert lines[-1] == "2025年1月20日"
    assert sorted("".join(lines[4:-1])) == sorted("青山县司法局青山县司法局印章")  # both, in some order


def _cid_font_pdf(lines: list[bytes], readable_page: bytes | None = None) -> bytes:
    """Pages set in a Type0 font with no ToUnicode map (and no FontBBox): pdfminer gives
    "(cid:N)" for every glyph. `readable_page` adds a page of ordinary text before them."""
    content = b"".join(b"BT /F1 16 Tf 72 %d Td <%s> Tj ET\n" % (700 - 30 * n, line) for n, line in enumerate(lines))
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", None,
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
               b"/Resources << /Font << /F1 5 0 R >> >> >>",
               b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
               b"<< /Type /Font /Subtype /Type0 /BaseFont /ABCDEF+SimSun /Encoding /Identity-H /DescendantFonts [6 0 R] >>",
               b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /ABCDEF+SimSun "
               b"/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 1000 >>"]
    kids = b"3 0 R"
    if readable_page is not None:
        objects += [b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 8 0 R "
                    b"/Resources << /Font << /F2 9 0 R >> >> >>",
                    b"<< /Length %d >>\nstream\n" % len(readable_page) + readable_page + b"\nendstream",
                    b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
        kids = b"7 0 R 3 0 R"
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, kids.count(b"R"))
    return raw_pdf(objects)


def test_a_font_without_a_character_map_is_named_and_pdfminer_says_nothing(tmp_path):
    path = tmp_path / "r.pdf"
    path.write_bytes(_cid_font_pdf([b"0001000200030004000500060007", b"00080009000A000B000C000D000E"]))
    run = subprocess.run([sys.executable, "-m", "lintlaw", "check", str(path)], capture_output=True, text=True,
                         timeout=60, check=False)
    assert (run.returncode, run.stderr) == (2, f"lintlaw: {path}: 第1页的文字无法提取（字体没有字符对照表），需先做文字识别\n")
    readable = b"BT /F2 12 Tf 72 700 Td (Annual report 2024 with 52 cases reviewed.) Tj ET"
    path.write_bytes(_cid_font_pdf([b"0001000200030004000500060007"], readable_page=readable))
    run = subprocess.run([sys.executable, "-m", "lintlaw", "check", str(path)], capture_output=True, text=True,
                         timeout=60, check=False)
    assert run.stderr == f"lintlaw: {path}: 第2页的文字无法提取（字体没有字符对照表），未检查，需先做文字识别\n"
    assert lines_of(read(str(path))) == ["Annual report 2024 with 52 cases reviewed."]


def test_a_table_of_one_column_is_a_frame_around_text(tmp_path):
    pdf = Pdf()
    pdf.line("一、主要举措和成效")
    pdf.table(grid([["项目"], ["行政复议"], ["行政诉讼"]]), [200.0])
    pdf.paragraph("以上为本年度情况。")
    source = read_pdf(pdf, tmp_path)
    assert (lines_of(source), source.grids) == (["一、主要举措和成效", "项目", "行政复议", "行政诉讼", "以上为本年度情况。"], [])


def test_a_table_inside_a_table_cell_is_its_own_grid(tmp_path):
    pdf = Pdf()
    pdf.line("一、主要举措和成效")
    top = pdf.top
    pdf.table([Cell("项目", 0, 0), Cell("说明", 0, 1), Cell("行政复议", 1, 0), Cell("\n\n\n\n", 1, 1),
               Cell("行政诉讼", 2, 0), Cell("7", 2, 1)], [120.0, 300.0])
    after = pdf.top
    pdf.top = top + 32.0  # inside the cell beside 行政复议
    pdf.table(grid([["甲", "乙"], ["1", "2"]]), [60.0, 60.0], left=LEFT + 160)
    pdf.top = after
    pdf.paragraph("以上为本年度情况。")
    source = read_pdf(pdf, tmp_path)
    assert [cells_of(g) for g in source.grids] == [
        [(0, 0, 1, 1, "项目"), (0, 1, 1, 1, "说明"), (1, 0, 1, 1, "行政复议"), (1, 1, 1, 1, ""), (2, 0, 1, 1, "行政诉讼"),
         (2, 1, 1, 1, "7")],
        [(0, 0, 1, 1, "甲"), (0, 1, 1, 1, "乙"), (1, 0, 1, 1, "1"), (1, 1, 1, 1, "2")]]
    assert lines_of(source)[-1] == "以上为本年度情况。"


def test_two_tables_side_by_side_are_two_grids(tmp_path):
    pdf = Pdf()
    pdf.line("一、主要举措和成效")
    top = pdf.top
    pdf.table(grid([["项目", "2023年"], ["行政复议", "40"]]), [100.0, 80.0])
    pdf.top = top
    pdf.table(grid([["项目", "2024年"], ["行政复议", "52"]]), [100.0, 80.0], left=LEFT + 240)
    pdf.paragraph("以上为本年度情况。")
    source = read_pdf(pdf, tmp_path)
    assert [cells_of(g) for g in source.grids] == [
        [(0, 0, 1, 1, "项目"), (0, 1, 1, 1, "2023年"), (1, 0, 1, 1, "行政复议"), (1, 1, 1, 1, "40")],
        [(0, 0, 1, 1, "项目"), (0, 1, 1, 1, "2024年"), (1, 0, 1, 1, "行政复议"), (1, 1, 1, 1, "52")]]
    assert lines_of(source) == ["一、主要举措和成效", "项目", "2023年", "行政复议", "40", "项目", "2024年", "行政复议", "52",
                                "以上为本年度情况。"]


def test_thousands_of_tiny_rectangles_leave_the_text_alone(tmp_path):
    pdf = Pdf()
    pdf.title(TITLE)
    pdf.line("一、主要举措和成效")
    pdf.paragraph(TEXT * 3)
    for i in range(80):
        for j in range(80):
            pdf.canvas.rect(50 + i * 6, 300 + j * 5, 2, 2, stroke=0, fill=1)
    source = read_pdf(pdf, tmp_path)
    assert (lines_of(source), source.grids) == ([TITLE, "一、主要举措和成效", TEXT * 3], [])
