"""The GB/T 9704 layout rules (L0xx) on Word documents built as Word and WPS users build them:
nothing on a report set out to the standard, exactly one finding per kind of deviation
otherwise, with its count, its first places and, for a font or a size, a fix on every place.
"""

import json

import docx
import pytest
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt

from lintlaw.diagnostics import FormatEdit
from lintlaw.engine.fixing import fix_source
from lintlaw.engine.linter import lint
from lintlaw.engine.ruleset import load_rules, select_rules
from lintlaw.io.readers import read
from lintlaw.text.word_format import Run, parse_example

from .helpers import CORPUS, modules_after_check
from .layout_documents import REPORT, east_asian, page, saved, set_run, word_style, wps_style
from .test_cli import run

pytestmark = pytest.mark.slow  # Word documents built and read with python-docx

LAYOUT = select_rules(load_rules(), ["layout"], None)


def layout_findings(path):
    """(code, line, column, message) of every layout finding in a file."""
    source = read(str(path))
    return [(d.code, *source.position(d.start), d.message) for d in lint(source, LAYOUT)]


@pytest.mark.parametrize("build", [word_style, wps_style], ids=["word", "wps"])
def test_a_report_set_out_to_the_standard_has_no_layout_finding(tmp_path, build):
    assert layout_findings(saved(build(), tmp_path / "report.docx")) == []


@pytest.mark.parametrize("options", [
    {"fonts": {"body": "仿宋", "signature": "仿宋", "date": "仿宋", "heading-1": "方正黑体_GBK",
               "heading-2": "楷体", "heading-3": "FangSong", "title": "方正小标宋_GBK"}},
    {"line": 28}, {"line": 29}, {"line": 30},
    {"margins": {"top": 37.5, "bottom": 34.5, "left": 27.5, "right": 26.5}},
    {"margins": {"grid": (579, 0), "grid_type": "lines"}},  # no character grid: the size decides
    {"margins": {"grid": (579, 2 ** 32 - 1025)}},  # LibreOffice's way of writing w:charSpace="-1025"
    {"number": {"before": "—", "after": "—"}}, {"number": {"simple": True}},
    {"number": {"text_box": True}},
], ids=["other-names", "28pt", "29pt", "30pt", "within-1mm", "line-grid", "libreoffice-grid", "no-spaces",
        "simple-field", "text-box"])
def test_what_the_standard_allows_is_not_reported(tmp_path, options):
    assert layout_findings(saved(word_style(**options), tmp_path / "report.docx")) == []


CASES = {
    "body-font": ({"fonts": {"body": "宋体"}},
                  [("L001", 2, 1, "正文6段字体为宋体，应为仿宋_GB2312（第2、5、8段等）")]),
    # The fix takes the 仿宋 the document itself uses for its body elsewhere.
    "body-font-own": ({"fonts": {"body": "宋体", "heading-3": "仿宋", "signature": "仿宋", "date": "仿宋"}},
                      [("L001", 2, 1, "正文6段字体为宋体，应为仿宋（第2、5、8段等）")]),
    "heading-1": ({"fonts": {"heading-1": "宋体"}},
                  [("L002", 3, 1, "一级标题4段字体为宋体，应为黑体（第3、9、11段等）")]),
    "heading-2": ({"fonts": {"heading-2": "仿宋_GB2312"}},
                  [("L003", 4, 1, "二级标题1段字体为仿宋_GB2312，应为楷体_GB2312（第4段）")]),
    # A heading run on into its text: the heading's words, and the text after its 。 as body.
    "heading-3": ({"fonts": {"heading-3": "黑体", "heading-4": "黑体"}},
                  [("L004", 6, 1, "三级、四级标题2段字体为黑体，应为仿宋_GB2312（第6、7段）"),
                   ("L001", 6, 10, "正文1段字体为黑体，应为仿宋_GB2312（第6段）")]),
    "title-font": ({"fonts": {"title": "宋体"}}, [("L005", 1, 1, "标题字体为宋体，应为方正小标宋简体（第1段）")]),
    "title-size": ({"sizes": {"title": 18}}, [("L006", 1, 1, "标题字号为小二（18磅），应为二号（22磅）（第1段）")]),
    "title-alignment": ({"align": {"title": "both"}}, [("L007", 1, 1, "标题两端对齐，应居中（第1段）")]),
    "text-size": ({"sizes": {"body": 14}},
                  [("L008", 2, 1, "正文6段字号为四号（14磅），应为三号（16磅）（第2、5、8段等）")]),
    "margins": ({"margins": {"top": 25.4, "bottom": 25.4, "left": 31.8, "right": 31.8}},
                [("L009", 1, 1, "版面不合规定：天头25.4毫米（应为37±1毫米）、订口31.8毫米（应为28±1毫米）、"
                                "版心146.4×246.2毫米（应为156×225毫米）")]),
    "letter-paper": ({"margins": {"width": 215.9, "height": 279.4, "right": 31.9, "bottom": 17.4}},
                     [("L009", 1, 1, "版面不合规定：纸张215.9×279.4毫米（应为A4，210×297毫米）")]),
    "lines": ({"line": 20},
              [("L010", 2, 1, "正文6段行距为20磅，每面约排31行，应为每面22行左右（行距约28～29磅）（第2、5、8段等）")]),
    "chars": ({"margins": {"grid": (579, 20480)}},
              [("L011", 1, 1, "文档网格每行约排21字（字距21磅），应为每行28字左右")]),
    "page-number-form": ({"number": {"before": "- ", "after": " -"}},
                         [("L012", 1, 1, "页码为“- 1 -”，应为“— 1 —”（数字左右各放一条一字线）")]),
    "page-number-words": ({"number": {"before": "第", "after": "页", "simple": True}},
                          [("L012", 1, 1, "页码为“第1页”，应为“— 1 —”（数字左右各放一条一字线）")]),
    # Word's own “- 1 -” formats: a field switch, or the section's number format.
    "arabic-dash": ({"number": {"before": "", "after": "", "instruction": " PAGE \\* ArabicDash "}},
                    [("L012", 1, 1, "页码为“- 1 -”，应为“— 1 —”（数字左右各放一条一字线）")]),
    "number-in-dash": ({"number": {"before": "", "after": "", "number_format": "numberInDash"}},
                       [("L012", 1, 1, "页码为“- 1 -”，应为“— 1 —”（数字左右各放一条一字线）")]),
    "full-width": ({"number": {"instruction": " PAGE \\* DBCHAR "}},
                   [("L012", 1, 1, "页码为“— １ —”，应为“— 1 —”（数字左右各放一条一字线）")]),
    "page-number-size": ({"number": {"points": 10.5}}, [("L013", 1, 1, "页码字号为五号（10.5磅），应为四号（14磅）")]),
    "no-page-number": ({"number": False, "count": 5}, [("L014", 1, 1, "文档共5页，没有页码")]),
}


@pytest.mark.parametrize("options, expected", CASES.values(), ids=CASES.keys())
def test_each_kind_of_deviation_is_one_finding(tmp_path, options, expected):
    path = saved(word_style(**options), tmp_path / "report.docx")
    assert sorted(layout_findings(path)) == sorted(expected)


def test_wps_documents_are_read_the_same_way(tmp_path):
    path = saved(wps_style(fonts={"body": "宋体"}, sizes={"heading-1": 15}), tmp_path / "report.docx")
    assert layout_findings(path) == [
        ("L001", 2, 1, "正文6段字体为宋体，应为仿宋_GB2312（第2、5、8段等）"),
        ("L008", 3, 1, "正文4段字号为小三（15磅），应为三号（16磅）（第3、9、11段等）")]


def test_a_one_page_document_needs_no_page_number(tmp_path):
    assert layout_findings(saved(word_style(number=False, count=1), tmp_path / "report.docx")) == []


def test_what_is_no_element_is_not_checked(tmp_path):
    """Table cells, a centred caption, the “附件” label before the title and text in a text box
    keep their own formatting."""
    document = word_style()
    label = document.paragraphs[0].insert_paragraph_before()
    set_run(label.add_run("附件1"), "黑体")
    caption = document.add_paragraph()
    caption.alignment = WD_ALIGN_PARAGRAPH.CENTER
    set_run(caption.add_run("表1 行政复议案件情况"), "黑体", 14)
    table = document.add_table(rows=2, cols=2)
    for row, texts in zip(table.rows, (("项目", "件数"), ("行政复议", "20"))):
        for cell, text in zip(row.cells, texts):
            set_run(cell.paragraphs[0].add_run(text), "宋体", 10.5)
    assert layout_findings(saved(document, tmp_path / "report.docx")) == []


def test_a_landscape_section_of_tables_keeps_its_own_margins(tmp_path):
    document = word_style()
    section = document.add_section()
    section.orientation = WD_ORIENT.LANDSCAPE
    page(section, width=297, height=210, top=28, bottom=26, left=37, right=35)
    table = document.add_table(rows=2, cols=2)
    for cell in table._cells:
        set_run(cell.paragraphs[0].add_run("20"), "宋体", 10.5)
    assert layout_findings(saved(document, tmp_path / "report.docx")) == []


def test_the_fix_sets_every_place_and_changes_no_text(tmp_path):
    path = saved(word_style(fonts={"body": "宋体"}, sizes={"heading-1": 15}), tmp_path / "report.docx")
    source = read(str(path))
    found = {d.code: d for d in lint(source, LAYOUT)}
    starts = source.line_starts
    lines = source.text.split("\n")
    assert found["L001"].fix.safe and found["L001"].fix.edits == ()
    assert found["L001"].fix.formats == tuple(
        FormatEdit(starts[n - 1], starts[n - 1] + len(lines[n - 1]), font="仿宋_GB2312") for n in (2, 5, 8, 10, 12, 14))
    assert found["L008"].fix.formats == tuple(
        FormatEdit(starts[n - 1], starts[n - 1] + len(lines[n - 1]), half_points=32) for n in (3, 9, 11, 13))
    result = fix_source(source, LAYOUT)  # text fixing passes formatting by
    assert (result.source.text, result.fixed) == (source.text, 0)


def test_json_gives_the_formatting_changes(tmp_path):
    path = saved(word_style(sizes={"title": 18}), tmp_path / "report.docx")
    out = run("check", "--isolated", "--select", "L006", "--format", "json", str(path))
    [finding] = json.loads(out.stdout)
    assert finding["fix"] == {"safe": True, "edits": [], "formats": [
        {"line": 1, "column": 1, "end_line": 1, "end_column": 18, "font": None, "size": 22.0}]}
    full = run("check", "--isolated", "--select", "L006", str(path)).stdout
    assert "= 修复：1处字号改为22磅（--fix 作为修订写入审阅副本）" in full


def test_layout_rules_are_off_for_other_inputs(tmp_path):
    text = tmp_path / "report.txt"
    text.write_text("\n".join(words for _element, words in REPORT) + "\n", encoding="utf-8")
    assert layout_findings(text) == []
    assert not {"docx", "lintlaw.io.readers.docx_format"} & modules_after_check(text)


# --- reading the formatting ---

def _runs(document, tmp_path, line):
    return read(str(saved(document, tmp_path / "read.docx"))).formatting.paragraphs[line - 1].runs


def test_fonts_and_sizes_come_through_styles_their_bases_and_the_defaults(tmp_path):
    document = docx.Document()
    styles = document.styles
    base = styles.add_style("Report Body", 1)  # a paragraph style based on Normal
    base.base_style = styles["Normal"]
    east_asian(styles["Normal"].element, "仿宋_GB2312")
    styles["Normal"].font.size = Pt(16)
    derived = styles.add_style("Report Quote", 1)
    derived.base_style = base
    emphasis = styles.add_style("Emphasis Run", 2)  # a character style
    east_asian(emphasis.element, "楷体_GB2312")
    document.add_paragraph("依法行政。", style=derived)  # Report Quote → Report Body → Normal
    p = document.add_paragraph("依法行政。", style=derived)
    p.add_run("全面推进。", style=emphasis)
    direct = p.add_run("法治政府。")
    set_run(direct, "黑体", 15)
    unrelated = styles.add_style("Unrelated", 1)  # based on nothing: the document defaults
    document.add_paragraph("依法行政。", style=unrelated)
    formatting = read(str(saved(document, tmp_path / "read.docx"))).formatting
    assert formatting.paragraphs[2].runs == (Run(0, 5, "ＭＳ 明朝", 22),)
    assert formatting.paragraphs[0].runs == (Run(0, 5, "仿宋_GB2312", 32),)
    assert formatting.paragraphs[1].runs == (Run(0, 5, "仿宋_GB2312", 32), Run(5, 10, "楷体_GB2312", 32),
                                             Run(10, 15, "黑体", 30))


def test_theme_fonts_follow_the_east_asian_language(tmp_path):
    document = docx.Document()  # python-docx's defaults: the theme's minor East Asian font
    p = document.add_paragraph("依法行政")
    assert _runs(document, tmp_path, 1) == (Run(0, 4, "ＭＳ 明朝", 22),)  # themeFontLang ja-JP
    lang = p.runs[0]._r.get_or_add_rPr().makeelement(
        "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}lang",
        {"{http://schemas.openxmlformats.org/wordprocessingml/2006/main}eastAsia": "zh-CN"})
    p.runs[0]._r.get_or_add_rPr().append(lang)
    assert _runs(document, tmp_path, 1) == (Run(0, 4, "宋体", 22),)  # a Chinese run: the Hans font


def test_margins_pages_and_page_numbers_are_read(tmp_path):
    formatting = read(str(saved(word_style(count=7), tmp_path / "read.docx"))).formatting
    [section] = formatting.sections
    assert (round(section.top, 1), round(section.left, 1), round(section.right, 1), round(section.bottom, 1)) == (
        37.0, 28.0, 26.0, 35.0)
    assert round(section.char_pitch, 2) == 15.79 and formatting.pages == 7
    assert [(n.before, n.after, n.half_points) for n in section.page_numbers] == [("— ", " —", 28)]
    assert {p.line_pitch for p in formatting.paragraphs[1:]} == {28.95}


def test_margins_written_with_units_are_read_and_unreadable_ones_are_not_guessed(tmp_path):
    from docx.oxml.ns import qn

    document = word_style()
    margins = document.sections[0]._sectPr.find(qn("w:pgMar"))
    for key, value in (("top", "3.7cm"), ("bottom", "35mm"), ("left", "2.8cm"), ("right", "26mm")):
        margins.set(qn(f"w:{key}"), value)
    assert layout_findings(saved(document, tmp_path / "units.docx")) == []
    margins.set(qn("w:top"), "a lot")
    formatting = read(str(saved(document, tmp_path / "odd.docx"))).formatting
    assert not formatting.sections[0].measured
    assert layout_findings(tmp_path / "odd.docx") == []


def test_odd_values_are_neither_guessed_at_nor_a_crash(tmp_path):
    from docx.oxml.ns import qn

    document = word_style()
    sectpr = document.sections[0]._sectPr
    sectpr.find(qn("w:docGrid")).set(qn("w:charSpace"), "-999999")  # a pitch below nothing
    body = document.paragraphs[1]
    body.paragraph_format.line_spacing = Pt(0)  # exactly nothing
    body.runs[0]._r.get_or_add_rPr().get_or_add_sz().set(qn("w:val"), "big")  # not a size: the style's
    source = read(str(saved(document, tmp_path / "odd.docx")))
    assert source.warnings == [] and source.formatting.paragraphs[1].line_pitch is None
    assert source.formatting.paragraphs[1].runs[0].half_points == 32
    assert layout_findings(tmp_path / "odd.docx") == []


def test_numbering_labels_shift_the_runs(tmp_path):
    from .test_readers import _numbered, _numbering

    document = word_style(paragraphs=REPORT[:2])
    _numbering(document)
    _numbered(document, "主要举措和成效", 0)
    source = read(str(saved(document, tmp_path / "read.docx")))
    assert source.text.split("\n")[2] == "一、主要举措和成效"
    assert [(run.start, run.end) for run in source.formatting.paragraphs[2].runs] == [(2, 9)]


# --- the official template ---

TEMPLATE = CORPUS / "published" / "template-xxgk-nianbao-geshi.docx"


@pytest.mark.skipif(not TEMPLATE.is_file(), reason="the shared corpus is not here")
def test_what_the_rules_say_on_the_official_template():
    """The 国办 template is a blank form in Word's defaults: its tables (宋体 五号, 楷体 notes)
    are left alone; its page, its 宋体 headings and body and its missing page numbers are not
    GB/T 9704's. Its title (…格式模板) is no report title, so the title is not judged."""
    assert layout_findings(TEMPLATE) == [
        ("L009", 2, 1, "版面不合规定：天头25.4毫米（应为37±1毫米）、订口31.8毫米（应为28±1毫米）、"
                       "版心146.5×246.2毫米（应为156×225毫米）"),
        ("L014", 2, 1, "文档共3页，没有页码"),
        ("L002", 4, 1, "一级标题6段字体为宋体，应为黑体（第4、7、49段等）"),
        ("L008", 4, 1, "正文9段字号为小四（12磅），应为三号（16磅）（第4、5、7段等）"),
        ("L001", 5, 1, "正文3段字体为宋体，应为仿宋_GB2312（第5、356、358段）"),
    ]


# --- the examples' notation ---

def test_the_example_notation():
    text, formatting = parse_example("⟦黑体 三号 居中⟧一、总体⟦仿宋_GB2312 16磅⟧情况\n"
                                     "⟦页面 上37 左28 共3页⟧\n⟦页码 四号⟧— 1 —\n")
    assert text == "一、总体情况"
    [paragraph] = formatting.paragraphs
    assert paragraph.alignment == "center"
    assert paragraph.runs == (Run(0, 4, "黑体", 32), Run(4, 6, "仿宋_GB2312", 32))
    [section] = formatting.sections
    assert (section.top, section.left, formatting.pages) == (37.0, 28.0, 3)
    assert [(n.before, n.after, n.half_points) for n in section.page_numbers] == [("— ", " —", 28)]
    with pytest.raises(ValueError):
        parse_example("⟦页面 上37⟧\n正文")
