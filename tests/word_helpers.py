"""Word documents for the reviewed-copy tests, and what a drafter does with a reviewed copy:
accept or reject every tracked change (as Word's 全部接受 / 全部拒绝 do: the element rules of
WordprocessingML, applied here to the XML; tests/test_libreoffice_review.py has LibreOffice
do the same)."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import parse_xml
from docx.shared import RGBColor
from lxml import etree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
RNS = NS + ' xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
TITLE = "青山县教育局2024年度法治政府建设情况报告"
RED = RGBColor(0xC0, 0x00, 0x00)


def drafted(path, *, unsafe: bool = True) -> Path:
    """A report as a drafter writes it in Word, whose every fix a tracked change can carry:
    five half-width marks in runs of different formatting (one P008 finding for the file), 截止 over
    two runs, a half-width heading marker, a link, a table cell, and (`unsafe`) 不断的提高."""
    document = docx.Document()
    document.add_paragraph(TITLE)
    opening = document.add_paragraph()
    opening.add_run("2024年,我局认真推进法治政府建设")
    bold = opening.add_run(",现将有关情况报告如下")
    bold.bold = True
    opening.add_run("。")
    document.add_paragraph("一、主要举措和成效")
    document.add_paragraph("(一)依法履行职能")
    item = document.add_paragraph()
    item.add_run("全年共办理行政许可事项120件,")
    first = item.add_run("截")
    first.italic = True
    first.font.color.rgb = RED
    item.add_run("止目前已全部办结;群众满意。")
    link = document.add_paragraph()
    link.add_run("详见")
    target = document.part.relate_to("https://example.gov.cn/", RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link._p.append(parse_xml(f'<w:hyperlink {RNS} r:id="{target}"><w:r><w:t>截止年底的公示</w:t></w:r></w:hyperlink>'))
    link.add_run("。")
    if unsafe:
        document.add_paragraph("各部门不断的提高依法行政水平。")
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "复议案件"
    table.cell(0, 1).text = "截止年底办结3件"
    document.add_paragraph("二、存在的不足和原因")
    document.add_paragraph("法治宣传的针对性还不够强。")
    document.add_paragraph("三、党政主要负责人履行推进法治建设第一责任人职责情况")
    document.add_paragraph("主要负责人认真履职。")
    document.add_paragraph("四、2025年工作安排")
    document.add_paragraph("继续加强依法行政,提高依法行政水平。")
    document.save(path)
    return Path(path)


def alternating(path, paragraphs: list[list[str]]) -> Path:
    """A document of paragraphs cut into runs, every second run bold."""
    document = docx.Document()
    for runs in paragraphs:
        paragraph = document.add_paragraph()
        for i, part in enumerate(runs):
            paragraph.add_run(part).bold = i % 2 == 1
    document.save(path)
    return Path(path)


def xml(path, part: str = "word/document.xml"):
    with zipfile.ZipFile(path) as archive:
        return etree.fromstring(archive.read(part))


def tracked(path) -> list[tuple[str, str, str, str]]:
    """(kind, author, date, text) of every tracked insertion and deletion, in document order."""
    found = []
    for node in xml(path).iter(W + "ins", W + "del"):
        if node.getparent().tag == W + "rPr":
            continue
        text = "".join(t.text or "" for t in node.iter(W + "t", W + "delText"))
        found.append((node.tag[len(W):], node.get(W + "author"), node.get(W + "date"), text))
    return found


def changes(path) -> list[tuple[str, str]]:
    """(deleted, inserted) text of each change: a w:del and the w:ins right after it, or either alone."""
    pairs: list[list] = []
    for node in xml(path).iter(W + "ins", W + "del"):
        if node.getparent().tag == W + "rPr":
            continue
        text = "".join(t.text or "" for t in node.iter(W + "t", W + "delText"))
        if node.tag == W + "ins" and pairs and pairs[-1][2] is node.getprevious():
            pairs[-1][1] = text
        else:
            pairs.append([text, "", node] if node.tag == W + "del" else ["", text, None])
    return [(deleted, inserted) for deleted, inserted, _node in pairs]


def resolved(path, accept: bool) -> bytes:
    """The document with every tracked change accepted (or rejected): what 全部接受 (全部拒绝) leaves."""
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    body = etree.fromstring(parts["word/document.xml"])
    joined = []
    for node in list(body.iter(W + "ins", W + "del", W + "rPrChange")):
        parent = node.getparent()
        if node.tag == W + "rPrChange":
            if not accept:
                old = node.find(W + "rPr")
                for child in list(parent):
                    parent.remove(child)
                for child in list(old):
                    parent.append(child)
                if len(parent) == 0:  # no properties of its own: none at all
                    parent.getparent().remove(parent)
            else:
                parent.remove(node)
        elif parent.tag == W + "rPr":  # a paragraph's mark: accepted, the paragraph joins the next
            paragraph = parent.getparent().getparent()
            parent.remove(node)
            _drop_if_empty(parent)
            if accept and node.tag == W + "del":
                joined.append(paragraph)
            elif accept:  # an inserted mark, rejected: not written by lintlaw
                raise AssertionError("a paragraph mark's insertion")
        elif (node.tag == W + "ins") == accept:  # kept: its content stays, as text
            for text in node.iter(W + "delText"):
                text.tag = W + "t"
            for child in list(node):
                node.addprevious(child)
            parent.remove(node)
        else:
            parent.remove(node)
    for paragraph in joined:  # in order: a run of deleted marks joins all into the last paragraph
        following = paragraph.getnext()
        while following.tag != W + "p":
            following = following.getnext()
        properties = following.find(W + "pPr")
        content = [child for child in paragraph if child.tag != W + "pPr"]
        for child in reversed(content):
            if properties is not None:
                properties.addnext(child)
            else:
                following.insert(0, child)
        paragraph.getparent().remove(paragraph)
    parts["word/document.xml"] = etree.tostring(body, xml_declaration=True, encoding="UTF-8", standalone=True)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return out.getvalue()


def _drop_if_empty(properties) -> None:
    """Remove a paragraph mark's properties left empty, and the paragraph's, as an editor does."""
    while properties is not None and len(properties) == 0 and properties.tag in (W + "rPr", W + "pPr"):
        parent = properties.getparent()
        parent.remove(properties)
        properties = parent


def text_of(data: bytes, name: str = "r.docx") -> str:
    """A Word document's text as lintlaw reads it."""
    from lintlaw.io.readers.docx_reader import read_docx

    return read_docx(Path(name), data).text


def runs(data: bytes) -> list[tuple[str, bool, bool, object]]:
    """(text, bold, italic, colour) of every run with text, paragraph by paragraph, read by python-docx."""
    document = docx.Document(io.BytesIO(data))
    return [(run.text, bool(run.bold), bool(run.italic), run.font.color.rgb if run.font.color.type else None)
            for paragraph in document.paragraphs for run in paragraph.runs if run.text]


def undated_parts(path) -> list[bytes]:
    """A reviewed copy's body and comments without the minute they were written."""
    import re

    with zipfile.ZipFile(path) as archive:
        return [re.sub(rb'w:date="[^"]*"', b"", archive.read(part)) for part in ("word/document.xml", "word/comments.xml")]
