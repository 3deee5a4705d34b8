"""Word documents for the layout tests, built with python-docx the ways Word and WPS set a
report out to GB/T 9704: A4, 天头 37 mm, 订口 28 mm, 版心 156 × 225 mm, 22 lines of 28
characters (a 28.95-point line grid), the title in 方正小标宋简体 二号 centred, headings in
黑体, 楷体_GB2312 and 仿宋_GB2312, the body in 仿宋_GB2312 三号, page numbers “— 1 —” in 四号.

`word_style` sets the body through the Normal style (Word's way); `wps_style` sets every run
directly with all four font slots and a hint, and puts the page number in a text box (WPS's
way). Each builder takes keyword overrides, so a test changes exactly one thing.
"""

from __future__ import annotations

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Mm, Pt

REPORT = [  # (element, text)
    ("title", "甲县2024年法治政府建设年度报告"),
    ("body", "2024年，我县坚持以习近平法治思想为指导，全面推进法治政府建设。现将有关情况报告如下。"),
    ("heading-1", "一、主要举措和成效"),
    ("heading-2", "（一）加强组织领导。"),
    ("body", "县政府常务会议专题研究法治政府建设工作4次。"),
    ("heading-3", "1.完善制度体系。全年修订规范性文件5件。"),
    ("heading-4", "（1）规范性文件备案审查"),
    ("body", "全年办理行政复议案件20件，行政诉讼案件10件。"),
    ("heading-1", "二、存在的不足和原因"),
    ("body", "一是依法行政能力有待提高；二是执法规范化水平有待提升。"),
    ("heading-1", "三、党政主要负责人履行推进法治建设第一责任人职责情况"),
    ("body", "县政府主要负责人认真履行推进法治建设第一责任人职责。"),
    ("heading-1", "四、2025年工作安排"),
    ("body", "2025年，我县将继续深入推进法治政府建设。"),
    ("signature", "甲县人民政府"),
    ("date", "2025年3月1日"),
]
FONTS = {"title": "方正小标宋简体", "heading-1": "黑体", "heading-2": "楷体_GB2312", "heading-3": "仿宋_GB2312",
         "heading-4": "仿宋_GB2312", "body": "仿宋_GB2312", "signature": "仿宋_GB2312", "date": "仿宋_GB2312"}


def east_asian(element, font: str) -> None:
    """Set the East Asian font of a run, a style's or the defaults' w:rPr owner."""
    rpr = element.get_or_add_rPr()
    rpr.get_or_add_rFonts().set(qn("w:eastAsia"), font)


def set_run(run, font: str | None = None, points: float | None = None, wps: bool = False) -> None:
    if font is not None:
        fonts = run._r.get_or_add_rPr().get_or_add_rFonts()
        if wps:  # WPS writes every slot and a hint
            for slot in ("w:ascii", "w:hAnsi", "w:cs"):
                fonts.set(qn(slot), font)
            fonts.set(qn("w:hint"), "eastAsia")
        fonts.set(qn("w:eastAsia"), font)
    if points is not None:
        run.font.size = Pt(points)
        if wps:
            rpr = run._r.get_or_add_rPr()
            size = rpr.makeelement(qn("w:szCs"), {qn("w:val"): str(round(points * 2))})
            rpr.find(qn("w:sz")).addnext(size)


def page(section, top=37, bottom=35, left=28, right=26, width=210, height=297, grid=(579, -849),
         grid_type="linesAndChars") -> None:
    section.page_width, section.page_height = Mm(width), Mm(height)
    section.top_margin, section.bottom_margin = Mm(top), Mm(bottom)
    section.left_margin, section.right_margin = Mm(left), Mm(right)
    sectpr = section._sectPr
    for old in sectpr.findall(qn("w:docGrid")):
        sectpr.remove(old)
    if grid is not None:
        sectpr.append(parse_xml(f'<w:docGrid {nsdecls("w")} w:type="{grid_type}" w:linePitch="{grid[0]}" '
                                f'w:charSpace="{grid[1]}"/>'))


def page_number(section, before="— ", after=" —", points=14, text_box=False, simple=False,
                instruction=" PAGE  \\* MERGEFORMAT ", number_format=None) -> None:
    """A footer holding a PAGE field between `before` and `after`, its number in `points`;
    `number_format` sets the section's (w:pgNumType w:fmt)."""
    if number_format is not None:  # in its place in w:sectPr, before w:cols
        section._sectPr.find(qn("w:cols")).addprevious(
            parse_xml(f'<w:pgNumType {nsdecls("w")} w:fmt="{number_format}"/>'))
    footer = section.footer
    footer.is_linked_to_previous = False
    p = footer.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    size = round(points * 2)
    rpr = f'<w:rPr><w:sz w:val="{size}"/><w:szCs w:val="{size}"/></w:rPr>'
    if simple:
        field = f'<w:fldSimple w:instr="{instruction}"><w:r>{rpr}<w:t>1</w:t></w:r></w:fldSimple>'
    else:
        field = (f'<w:r>{rpr}<w:fldChar w:fldCharType="begin"/></w:r>'
                 f'<w:r>{rpr}<w:instrText xml:space="preserve">{instruction}</w:instrText></w:r>'
                 f'<w:r>{rpr}<w:fldChar w:fldCharType="separate"/></w:r>'
                 f'<w:r>{rpr}<w:t>1</w:t></w:r>'
                 f'<w:r>{rpr}<w:fldChar w:fldCharType="end"/></w:r>')
    inner = (f'<w:p {nsdecls("w")}><w:r>{rpr}<w:t xml:space="preserve">{before}</w:t></w:r>{field}'
             f'<w:r>{rpr}<w:t xml:space="preserve">{after}</w:t></w:r></w:p>')
    if text_box:  # WPS: the number in a frame of its own, as a VML text box
        p._p.append(parse_xml(
            f'<w:r {nsdecls("w")} xmlns:v="urn:schemas-microsoft-com:vml"><w:pict>'
            f'<v:shape style="position:absolute"><v:textbox>'
            f'<w:txbxContent>{inner}</w:txbxContent></v:textbox></v:shape></w:pict></w:r>'))
    else:
        for child in parse_xml(inner):
            p._p.append(child)


def pages(document, count: int) -> None:
    """The page count the file records, as Word and WPS save it (docProps/app.xml)."""
    for rel in document.part.package.rels.values():
        if rel.reltype.endswith("/extended-properties"):
            part = rel.target_part
            part._blob = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                          b'<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
                          b'<Pages>%d</Pages></Properties>' % count)
            return
    raise AssertionError("python-docx's template has no docProps/app.xml")


def word_style(paragraphs=REPORT, fonts=None, sizes=None, align=None, line=None, margins=None,
               number=None, count=3):
    """A report set out as Word users do: the body through the Normal style, headings and the
    title by direct formatting. `fonts`, `sizes`, `align` override by element; `line` sets an
    exact line spacing (points) on body paragraphs; `margins` and `number` override the page."""
    fonts = {**FONTS, **(fonts or {})}
    sizes = {"title": 22, **(sizes or {})}
    align = {"title": "center", **(align or {})}
    document = docx.Document()
    normal = document.styles["Normal"]
    east_asian(normal.element, "仿宋_GB2312")
    normal.font.size = Pt(16)
    normal.paragraph_format.line_spacing = 1.0  # single, on the 28.95-point line grid
    normal.paragraph_format.space_after = Pt(0)
    page(document.sections[0], **(margins or {}))
    for element, text in paragraphs:
        p = document.add_paragraph()
        run = p.add_run(text)
        if fonts[element] != "仿宋_GB2312":
            set_run(run, fonts[element])
        if element in sizes:
            set_run(run, points=sizes[element])
        if element in align:
            p.alignment = {"center": WD_ALIGN_PARAGRAPH.CENTER, "left": WD_ALIGN_PARAGRAPH.LEFT,
                           "both": WD_ALIGN_PARAGRAPH.JUSTIFY, "right": WD_ALIGN_PARAGRAPH.RIGHT}[align[element]]
        elif element in ("signature", "date"):
            p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        if line is not None and element == "body":
            p.paragraph_format.line_spacing = Pt(line)
    if number is not False:  # False: no page number at all
        page_number(document.sections[0], **(number or {}))
    pages(document, count)
    return document


def wps_style(paragraphs=REPORT, fonts=None, sizes=None, count=3):
    """A report set out as WPS saves it: every run with its fonts and sizes written out, an
    exact 28.95-point spacing, the page number in a text box."""
    fonts = {**FONTS, **(fonts or {})}
    sizes = {**{element: 16 for element in FONTS}, "title": 22, **(sizes or {})}
    document = docx.Document()
    page(document.sections[0], grid=(579, 0), grid_type="lines")
    for element, text in paragraphs:
        p = document.add_paragraph()
        set_run(p.add_run(text), fonts[element], sizes[element], wps=True)
        if element == "title":
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p.paragraph_format.line_spacing = Pt(28.95)
    page_number(document.sections[0], text_box=True)
    pages(document, count)
    return document


def saved(document, path):
    document.save(path)
    return path
