"""check --annotate: a copy of a Word document with every finding as a comment on its words
(lintlaw/review/word.py; the tracked changes of --fix: tests/test_review.py)."""

import io
import json
import os
import shutil
import stat
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml
from docx.shared import RGBColor
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from lintlaw.diagnostics import Diagnostic, Edit, Fix, Severity
from lintlaw.io.readers.docx_reader import read_docx
from lintlaw.review.comments import comment_text
from lintlaw.review.plan import Remark, Review
from lintlaw.review.word import WordCopy

from .helpers import modules_after_check
from .test_cli import run
from .word_helpers import alternating

pytestmark = pytest.mark.slow  # Word documents built and read with python-docx

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
TITLE = "青山县教育局2024年度法治政府建设情况报告"


def _numbering(document):
    """一、 / （一） / 1、 drawn by Word; the third level's “1、” is a marker S107 reports."""
    levels = [("chineseCounting", "%1、"), ("chineseCounting", "（%2）"), ("decimal", "%3、")]
    lvls = "".join(f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
                   f'<w:lvlText w:val="{text}"/></w:lvl>' for i, (fmt, text) in enumerate(levels))
    numbering = document.part.numbering_part.element
    numbering.append(parse_xml(f'<w:abstractNum {NS} w:abstractNumId="90">{lvls}</w:abstractNum>'))
    numbering.append(parse_xml(f'<w:num {NS} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))


def _numbered(paragraph, level):
    paragraph._p.get_or_add_pPr().append(parse_xml(
        f'<w:numPr {NS}><w:ilvl w:val="{level}"/><w:numId w:val="90"/></w:numPr>'))
    return paragraph


def report(path):
    """A report with findings in formatted runs, on a numbering marker, in a table cell and
    about the whole report (no 第一责任人 part)."""
    document = docx.Document()
    _numbering(document)
    document.add_paragraph(TITLE)
    document.add_paragraph("2024年，我局认真推进法治政府建设。现将有关情况报告如下。")
    _numbered(document.add_paragraph("主要举措和成效"), 0)
    _numbered(document.add_paragraph("依法履行职能"), 1)
    item = _numbered(document.add_paragraph(), 2)
    item.add_run("规范行政审批。全年办理行政许可事项")
    blank = item.add_run("20__件")
    blank.italic = True
    item.add_run("，")
    first = item.add_run("截")  # 截止 spread over two runs of different formatting
    first.bold = True
    first.font.color.rgb = RGBColor(0xC0, 0x00, 0x00)
    item.add_run("止目前已全部办结。")
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "复议案件"
    table.cell(0, 1).text = "20__件"
    _numbered(document.add_paragraph("存在的不足和原因"), 0)
    document.add_paragraph("法治宣传的针对性还不够强。")
    _numbered(document.add_paragraph("2025年工作安排"), 0)
    document.add_paragraph("继续加强依法行政。")
    _numbered(document.add_paragraph("其他需要报告的情况"), 0)
    document.add_paragraph("无。")
    document.save(path)
    return path


def annotate_docx(document, diagnostics, source) -> bytes:
    """The comments-only copy of a document (a path or bytes) for these findings."""
    data = document if isinstance(document, bytes) else Path(document).read_bytes()
    review = Review(source, list(diagnostics), [Remark(d) for d in sorted(diagnostics, key=lambda d: d.sort_key)], [])
    return WordCopy(data, source).write(review, "lintlaw", "2025-03-01T09:30")


def comments(path):
    """Each comment in document order: id, author, initials, its text (paragraphs joined by
    newlines) and the text its anchor covers (paragraph breaks as newlines)."""
    with zipfile.ZipFile(path) as archive:
        body = etree.fromstring(archive.read("word/document.xml"))
        has_comments = "word/comments.xml" in archive.namelist()  # made with the first comment
        notes = etree.fromstring(archive.read("word/comments.xml")) if has_comments else etree.Element("none")
    found = {}
    for note in notes.iter(W + "comment"):
        found[note.get(W + "id")] = {
            "author": note.get(W + "author"), "initials": note.get(W + "initials"),
            "text": "\n".join("".join(t.text or "" for t in p.iter(W + "t")) for p in note.iter(W + "p")),
            "anchored": ""}
    order, open_ = [], []
    for node in body.iter(W + "commentRangeStart", W + "commentRangeEnd", W + "t", W + "p"):
        if node.tag == W + "commentRangeStart":
            order.append(node.get(W + "id"))
            open_.append(node.get(W + "id"))
        elif node.tag == W + "commentRangeEnd":
            open_.remove(node.get(W + "id"))
        else:  # text, or the start of a paragraph inside an open anchor
            for key in open_:
                found[key]["anchored"] += node.text or "" if node.tag == W + "t" else "\n"
    ends = list(body.iter(W + "commentRangeEnd"))
    assert sorted(e.get(W + "id") for e in ends) == sorted(order) == sorted(found)
    for end in ends:  # each range is followed by its reference, as Word writes it
        assert end.getnext().find(W + "commentReference").get(W + "id") == end.get(W + "id")
    return [found[key] for key in order]


def test_every_finding_is_a_comment_on_its_words(tmp_path):
    path = report(tmp_path / "report.docx")
    result = run("check", "--ignore", "layout", "--format", "json", "--annotate", str(tmp_path / "out.docx"), str(path))
    assert result.exit_code == 1
    assert result.stderr == f"已写出审阅副本：{tmp_path / 'out.docx'}（5 条批注）\n"
    findings = json.loads(result.stdout)
    assert [(f["code"], f["line"], f["column"], f["end_column"]) for f in findings] == [
        ("S003", 1, 1, 23), ("S107", 5, 1, 3), ("T001", 5, 22, 24), ("W001", 5, 26, 28), ("T001", 7, 3, 5)]
    lines = read_docx(path).text.split("\n")
    got = comments(tmp_path / "out.docx")
    assert len(got) == len(findings)
    for finding, comment in zip(findings, got):
        assert comment["author"] == "lintlaw" and comment["initials"] == "LL"
        first, basis = comment["text"].split("\n")[:2]
        severity = {"error": "错误", "warning": "警告", "info": "提示"}[finding["severity"]]
        assert first == f"{finding['message']}（{finding['code']}，{severity}）"
        assert basis.startswith("依据：") and finding["name"] not in comment["text"]
        line = lines[finding["line"] - 1]
        words = line[finding["column"] - 1:finding["end_column"] - 1]
        if finding["code"] == "S107":  # the marker is Word's numbering, not text: the paragraph
            assert words == "1、" and comment["anchored"] == line[len("1、"):]
        else:
            assert comment["anchored"] == words


def test_anchors_of_each_kind(tmp_path):
    path = report(tmp_path / "report.docx")
    assert run("check", "--ignore", "layout", "--annotate", str(path)).exit_code == 1
    got = [(c["text"].split("\n")[0].rsplit("（", 1)[1][:4], c["anchored"])
           for c in comments(tmp_path / "report.lintlaw.docx")]
    # About the whole report (a part is missing): on the title.
    assert ("S003", TITLE) in got
    # On Word's automatic marker “1、”, which is not text: the whole paragraph.
    assert ("S107", "规范行政审批。全年办理行政许可事项20__件，截止目前已全部办结。") in got
    # Exactly the words, across runs of different formatting, in body and table cell alike.
    assert ("W001", "截止") in got
    assert [a for code, a in got if code == "T001"] == ["__", "__"]  # the second in the table cell
    assert len(got) == 5


def test_fix_and_severity_in_the_comment(tmp_path):
    path = report(tmp_path / "report.docx")
    run("check", "--annotate", str(path))
    texts = [c["text"] for c in comments(tmp_path / "report.lintlaw.docx")]
    assert ("表示“到某时为止”应写“截至”，不是“截止”（W001，警告）\n"
            "依据：《现代汉语词典》（第7版）“截止”“截至”条；国家语言文字工作委员会等关于常见易混词语的规范用法\n"
            "建议把“截止”改为“截至”") in texts
    assert any(text.startswith("模板占位符“__”未填写（T001，错误）\n依据：") and text.count("\n") == 1 for text in texts)
    assert ("标题编号“1、”标点不规范，应写作“1.”（S107，警告）\n"
            "依据：GB/T 9704-2012《党政机关公文格式》：文中结构层次序数依次可以用“一、”“（一）”“1.”“（1）”标注\n"
            "建议把“1、”改为“1.”\n“1、”是 Word 的自动编号，请在本段的编号格式中修改") in texts


def test_split_runs_keep_their_formatting(tmp_path):
    path = report(tmp_path / "report.docx")
    run("check", "--ignore", "layout", "--annotate", str(path))
    paragraph = next(p for p in docx.Document(tmp_path / "report.lintlaw.docx").paragraphs
                     if p.text.startswith("规范行政审批"))
    runs = [(r.text, bool(r.bold), bool(r.italic)) for r in paragraph.runs if r.text]
    assert runs == [("规范行政审批。全年办理行政许可事项", False, False), ("20", False, True), ("__", False, True),
                    ("件", False, True), ("，", False, False), ("截", True, False), ("止", False, False),
                    ("目前已全部办结。", False, False)]
    red = next(r for r in paragraph.runs if r.text == "截")
    assert red.font.color.rgb == RGBColor(0xC0, 0x00, 0x00)


def _normalized(xml: bytes) -> bytes:
    """document.xml without comment anchors, adjacent runs of equal properties merged and
    adjacent w:t joined (so a run split in two reads as one again), in canonical form."""
    root = etree.fromstring(xml)
    for node in list(root.iter(W + "commentRangeStart", W + "commentRangeEnd", W + "commentReference")):
        target = node.getparent() if node.tag == W + "commentReference" else node
        target.getparent().remove(target)
    for t in root.iter(W + "t"):
        t.attrib.pop("{http://www.w3.org/XML/1998/namespace}space", None)
    for parent in list(root.iter()):
        previous = None
        for child in list(parent):
            if (child.tag == W + "r" and previous is not None and previous.tag == W + "r"
                    and _properties(child) == _properties(previous)):
                for part in list(child):
                    if part.tag != W + "rPr":
                        previous.append(part)
                parent.remove(child)
                continue
            previous = child
    for t in list(root.iter(W + "t")):
        following = t.getnext()
        while following is not None and following.tag == W + "t":
            t.text = (t.text or "") + (following.text or "")
            t.getparent().remove(following)
            following = t.getnext()
    return etree.tostring(root, method="c14n")


def _properties(run) -> bytes:
    properties = run.find(W + "rPr")
    return b"" if properties is None else etree.tostring(properties, method="c14n")


def test_the_document_is_otherwise_unchanged(tmp_path):
    path = report(tmp_path / "report.docx")
    run("check", "--ignore", "layout", "--annotate", str(path))
    before, after = zipfile.ZipFile(path), zipfile.ZipFile(tmp_path / "report.lintlaw.docx")
    assert _normalized(after.read("word/document.xml")) == _normalized(before.read("word/document.xml"))
    assert _normalized(after.read("word/document.xml")) != _normalized(
        before.read("word/document.xml").replace("截".encode(), "戳".encode()))  # the comparison can fail
    added = {"word/comments.xml", "docProps/custom.xml"}  # the comments, and whose they are
    assert set(after.namelist()) == set(before.namelist()) | added
    for name in before.namelist():
        if name in ("[Content_Types].xml", "word/_rels/document.xml.rels", "_rels/.rels", "word/document.xml"):
            continue
        old, new = before.read(name), after.read(name)
        if name.endswith((".xml", ".rels")):
            assert etree.tostring(etree.fromstring(new), method="c14n") == etree.tostring(
                etree.fromstring(old), method="c14n"), name
        else:
            assert new == old, name


def test_the_original_is_untouched(tmp_path):
    path = report(tmp_path / "report.docx")
    original = path.read_bytes()
    previous = os.umask(0o027)
    try:
        assert run("check", "--annotate", str(path)).exit_code == 1
    finally:
        os.umask(previous)
    assert path.read_bytes() == original
    assert stat.S_IMODE((tmp_path / "report.lintlaw.docx").stat().st_mode) == 0o640  # a new file's mode
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.docx", "report.lintlaw.docx"]  # no temporary


def test_runs_inside_links_tracked_changes_and_fields(tmp_path):
    ns = NS + ' xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
    document = docx.Document()
    document.add_paragraph(TITLE)
    p = document.add_paragraph()._p
    p.append(parse_xml(f'<w:hyperlink {ns} r:id="rId99"><w:r><w:t>全年截止目前</w:t></w:r></w:hyperlink>'))
    p.append(parse_xml(f'<w:del {ns} w:id="1" w:author="x"><w:r><w:delText>删掉的</w:delText></w:r></w:del>'))
    p.append(parse_xml(f'<w:ins {ns} w:id="2" w:author="x"><w:r><w:t>已办结</w:t><w:tab/><w:t>20__件</w:t></w:r></w:ins>'))
    p.append(parse_xml(f'<w:fldSimple {ns} w:instr="PAGE"><w:r><w:t>。</w:t></w:r></w:fldSimple>'))
    path = tmp_path / "r.docx"
    document.save(path)
    assert read_docx(path).text == f"{TITLE}\n全年截止目前已办结 20__件。\n"
    assert run("check", "--select", "W001,T001", str(path), "--annotate").exit_code == 1
    copy = tmp_path / "r.lintlaw.docx"
    assert [c["anchored"] for c in comments(copy)] == ["截止", "__"]
    assert _normalized(zipfile.ZipFile(copy).read("word/document.xml")) == _normalized(
        zipfile.ZipFile(path).read("word/document.xml"))
    body = etree.fromstring(zipfile.ZipFile(copy).read("word/document.xml"))
    assert body.find(f".//{W}hyperlink/{W}commentRangeStart") is not None  # the anchor stays in the link


def test_comments_already_in_the_document_stay(tmp_path):
    document = docx.Document()
    reviewed = document.add_paragraph().add_run("全年截止目前")
    document.add_comment([reviewed], "审核人的意见", author="张三", initials="ZS")
    path = tmp_path / "r.docx"
    document.save(path)
    run("check", "--select", "W001", str(path), "--annotate")
    assert [(c["author"], c["initials"], c["text"].split("\n")[0], c["anchored"])
            for c in comments(tmp_path / "r.lintlaw.docx")] == [
        ("张三", "ZS", "审核人的意见", "全年截止目前"),
        ("lintlaw", "LL", "表示“到某时为止”应写“截至”，不是“截止”（W001，警告）", "截止")]


def _diagnostic(start, end, code="Y001", fix=None):
    return Diagnostic(code, "test-rule", "residue", Severity.WARNING, "测试", "r.docx", start, end, fix=fix)


def _simple(tmp_path, *paragraphs):
    document = docx.Document()
    for text in paragraphs:
        paragraph = document.add_paragraph()
        for part in text.split("|"):  # | separates runs
            paragraph.add_run(part)
    path = tmp_path / "r.docx"
    document.save(path)
    source = read_docx(path)
    source.path = "r.docx"
    return path, source


def _anchored(path, source, *diagnostics):
    out = Path(path).with_name("out.docx")
    out.write_bytes(annotate_docx(path, list(diagnostics), source))
    return [c["anchored"] for c in comments(out)]


def test_a_span_across_paragraphs_runs_from_its_first_to_its_last_character(tmp_path):
    path, source = _simple(tmp_path, "甲乙丙", "丁戊|己", "庚")
    start = source.text.index("乙")
    assert _anchored(path, source, _diagnostic(start, source.text.index("戊") + 1)) == ["乙丙\n丁戊"]
    # A span that ends with the paragraph break ends at the paragraph's last character.
    assert _anchored(path, source, _diagnostic(start, source.text.index("丁"))) == ["乙丙"]


def test_a_point_is_anchored_on_the_character_at_it(tmp_path):
    path, source = _simple(tmp_path, "甲乙丙")
    assert _anchored(path, source, _diagnostic(1, 1)) == ["乙"]
    assert _anchored(path, source, _diagnostic(3, 3)) == ["丙"]  # at the end: the one before
    assert _anchored(path, source, _diagnostic(4, 4)) == ["丙"]  # past the last paragraph


def test_an_empty_paragraph_gets_an_empty_anchor(tmp_path):
    path, source = _simple(tmp_path, "甲", "")
    assert _anchored(path, source, _diagnostic(2, 2)) == [""]


def test_overlapping_findings_each_keep_their_words(tmp_path):
    path, source = _simple(tmp_path, "一二三四五六")
    # In document order; of two starting together, the shorter first (as findings are sorted).
    assert _anchored(path, source, _diagnostic(2, 5), _diagnostic(1, 4), _diagnostic(2, 3)) == [
        "二三四", "三", "三四五"]


def test_a_document_changed_since_it_was_checked_is_refused(tmp_path):
    path, source = _simple(tmp_path, "甲乙丙")
    source.text = "甲乙丁\n"
    with pytest.raises(Exception, match="Word 文档在检查之后被改动了"):
        annotate_docx(path, [], source)


def test_annotate_accepts_bytes(tmp_path):
    path, source = _simple(tmp_path, "甲乙丙")
    data = annotate_docx(path.read_bytes(), [_diagnostic(0, 1)], source)
    assert data[:2] == b"PK"
    assert len(docx.Document(io.BytesIO(data)).comments) == 1


def test_comment_text_describes_each_kind_of_edit():
    from lintlaw.text.source import Source

    source = Source(path="r.docx", text="截止目前，共\x1b计\n", encoding="docx", editable=False)
    unsafe = Fix((Edit(0, 2, "截至"), Edit(4, 5, ""), Edit(5, 5, "合")), safe=False)
    remark = Remark(_diagnostic(0, 7, fix=unsafe)._replace(message="有\x1b控制字符"))
    assert comment_text(remark, source, "某规定") == (
        "有\\x1b控制字符（Y001，警告）\n依据：某规定\n建议把“截止”改为“截至”；删除“，”；插入“合”（需人工确认）")


def test_default_name_and_several_documents(tmp_path):
    a = report(tmp_path / "a.docx")
    folder = tmp_path / "more"
    folder.mkdir()
    b = report(folder / "b.DOCX")
    result = run("check", "--ignore", "layout", "--annotate", "--format", "concise", str(a), str(b))
    assert result.exit_code == 1
    assert result.stderr == (f"已写出审阅副本：{tmp_path / 'a.lintlaw.docx'}（5 条批注）\n"
                             f"已写出审阅副本：{folder / 'b.lintlaw.docx'}（5 条批注）\n")


def test_annotate_right_before_the_only_document_names_the_input(tmp_path):
    path = report(tmp_path / "report.docx")
    result = run("check", "--annotate", str(path))
    assert result.exit_code == 1
    assert (tmp_path / "report.lintlaw.docx").is_file()
    result = run("check", "--annotate", str(tmp_path / "named.docx"), str(path))
    assert result.exit_code == 1 and (tmp_path / "named.docx").is_file()


@pytest.mark.parametrize(("args", "written"), [
    (["r.docx", "--annotate"], ["r.lintlaw.docx"]),
    (["--annotate", "r.docx"], ["r.lintlaw.docx"]),  # the only file: the input
    (["--select", "W001", "--annotate", "r.docx"], ["r.lintlaw.docx"]),
    (["--annotate", "out.docx", "r.docx"], ["out.docx"]),
    (["r.docx", "--annotate", "OUT.DOCX"], ["OUT.DOCX"]),
    (["--annotate", "-o", "x.txt", "r.docx"], ["r.lintlaw.docx", "x.txt"]),
    (["--annotate", "reports/"], ["reports/r.lintlaw.docx"]),
    (["--annotate=out.docx", "r.docx"], ["out.docx"]),
])
def test_what_follows_annotate(tmp_path, monkeypatch, args, written):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "reports").mkdir()
    for path in (tmp_path / "r.docx", tmp_path / "reports" / "r.docx"):
        document = docx.Document()
        document.add_paragraph("截止目前，已完成整改。")
        document.save(path)
    before = {p for p in tmp_path.rglob("*")}
    result = run("check", "--select", "W001", *[a for a in args if a != "--select" and a != "W001"])
    assert result.exit_code == 0, result.output  # W001 is a warning
    assert sorted(str(p.relative_to(tmp_path)) for p in set(tmp_path.rglob("*")) - before) == written


def test_a_clean_document_gets_a_copy_without_comments_and_exit_0(tmp_path):
    document = docx.Document()
    document.add_paragraph("全年共开展普法宣传活动30场。")
    path = tmp_path / "clean.docx"
    document.save(path)
    result = run("check", "--select", "W001", str(path), "--annotate")
    assert result.exit_code == 0
    assert result.stderr == f"已写出审阅副本：{tmp_path / 'clean.lintlaw.docx'}（0 条批注）\n"
    assert len(docx.Document(tmp_path / "clean.lintlaw.docx").comments) == 0


def test_directories_yield_word_documents_but_not_earlier_copies(tmp_path):
    report(tmp_path / "a.docx")
    report(tmp_path / "old.lintlaw.docx")
    (tmp_path / "notes.txt").write_text("截止目前。\n", encoding="utf-8")
    result = run("check", "--ignore", "layout", "--annotate", "--format", "concise", "--no-ignore", str(tmp_path))
    assert result.exit_code == 1
    assert result.stderr == f"已写出审阅副本：{tmp_path / 'a.lintlaw.docx'}（5 条批注）\n"
    assert not (tmp_path / "old.lintlaw.lintlaw.docx").exists()


@pytest.mark.parametrize(("args", "message"), [
    (["{txt}", "--annotate"], "lintlaw: {txt}: --annotate 只用于 Word 文档（.docx）和 PDF 文件（.pdf）\n"),
    (["{doc}", "--annotate", "{doc}"], "lintlaw: {doc}: --annotate 的输出文件也是要检查的输入文件，不能覆盖它\n"),
    (["{doc}", "{doc2}", "--annotate", "{tmp}/x.docx"],
     "lintlaw: {tmp}/x.docx: 检查多个文档时不能指定一个副本文件名；省略它，每个文档各写到 NAME.lintlaw.docx 或 NAME.lintlaw.pdf\n"),
    (["{doc}", "--annotate={tmp}/x.txt"], "lintlaw: {tmp}/x.txt: 审阅副本须与原文件同类型（.docx）\n"),
    (["{doc}", "--annotate={tmp}/x.pdf"], "lintlaw: {tmp}/x.pdf: 审阅副本须与原文件同类型（.docx）\n"),
    (["{doc}", "--annotate", "--diff"], "lintlaw: --annotate 不能与 --diff 或 --write-baseline 同用\n"),
    (["-", "--stdin-filename", "r.docx", "--annotate"], "lintlaw: --annotate 只用于 Word 文档或 PDF 文件，不能用于标准输入\n"),
])
def test_refusals(tmp_path, args, message):
    doc, doc2 = report(tmp_path / "r.docx"), report(tmp_path / "r2.docx")
    (tmp_path / "r.txt").write_text(TITLE + "\n", encoding="utf-8")
    names = {"doc": doc, "doc2": doc2, "txt": tmp_path / "r.txt", "tmp": tmp_path}
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    result = run("check", *(a.format(**names) for a in args))
    assert result.exit_code == 2
    assert result.stderr == message.format(**names)
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before  # nothing written


def test_a_copy_that_cannot_be_written_is_exit_2(tmp_path):
    path = report(tmp_path / "r.docx")
    result = run("check", "--format", "concise", str(path), "--annotate", str(tmp_path / "no" / "x.docx"))
    assert result.exit_code == 2
    assert result.stderr == f"lintlaw: {tmp_path / 'no' / 'x.docx'}: 无法写入审阅副本（文件或目录不存在）\n"


SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_reads_the_comments(tmp_path):
    path = report(tmp_path / "report.docx")
    run("check", "--annotate", str(path))
    copy = tmp_path / "report.lintlaw.docx"
    profile = tmp_path / "profile"  # a private profile: no clash with another LibreOffice running
    converted = subprocess.run(
        [SOFFICE, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "odt",
         "--outdir", str(tmp_path / "odt"), str(copy)], capture_output=True, text=True, timeout=300, check=False)
    assert converted.returncode == 0, converted.stderr
    with zipfile.ZipFile(tmp_path / "odt" / "report.lintlaw.odt") as archive:
        content = etree.fromstring(archive.read("content.xml"))
    assert _odt_annotations(content) == [(c["author"], c["text"], c["anchored"]) for c in comments(copy)]


def _odt_annotations(root):
    """(author, text, anchored text) of each annotation LibreOffice kept, in document order."""
    office = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
    paragraph = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}p"
    notes, order, open_ = {}, [], []

    def add(text):
        for name in open_:
            notes[name][2] += text

    def walk(node):
        if node.tag == office + "annotation":  # the comment itself, not document text
            name = node.get(office + "name")
            text = "\n".join("".join(p.itertext()) for p in node.iter(paragraph))
            notes[name] = [node.findtext("{http://purl.org/dc/elements/1.1/}creator"), text, ""]
            order.append(name)
            open_.append(name)
        elif node.tag == office + "annotation-end":
            open_.remove(node.get(office + "name"))
        else:
            if node.tag == paragraph:
                add("\n")
            add(node.text or "")
            for child in node:
                walk(child)
        add(node.tail or "")

    walk(root)
    return [tuple(notes[name]) for name in order]


def test_plain_text_check_does_not_import_python_docx_or_the_layout_analysis(tmp_path):
    (tmp_path / "r.txt").write_text(TITLE + "\n截止目前。\n", encoding="utf-8")
    word = {"docx", "lxml"}
    # Nor the Word layout analysis: a text file has no formatting to check (issue 24).
    layout = {"lintlaw.analysis.word_layout", "lintlaw.text.word_format"}
    loaded = modules_after_check(tmp_path / "r.txt")
    assert {m.split(".")[0] for m in loaded} & word == set()
    assert loaded & layout == set()
    report(tmp_path / "r.docx")  # the probe sees them when they are loaded
    loaded = modules_after_check(tmp_path / "r.docx")
    assert {m.split(".")[0] for m in loaded} & word == word
    assert loaded & layout == layout


@st.composite
def _documents_and_spans(draw):
    """Paragraphs cut into runs of alternating formatting, and spans of their text."""
    runs = st.lists(st.text(alphabet="甲乙丙丁戊 ab，。", min_size=1, max_size=6), min_size=0, max_size=4)
    paragraphs = draw(st.lists(runs, min_size=1, max_size=4))
    text = "\n".join("".join(p) for p in paragraphs) + "\n"
    spans = draw(st.lists(st.tuples(st.integers(0, len(text) - 1), st.integers(0, len(text) - 1)),
                          min_size=1, max_size=5))
    spans = [(a, b + 1) if a <= b else (b, a + 1) for a, b in spans]
    return paragraphs, [(a, b) for a, b in spans if text[a] != "\n" and text[b - 1] != "\n"]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(_documents_and_spans())
def test_any_span_is_anchored_on_exactly_its_text(tmp_path, case):
    paragraphs, spans = case
    path = alternating(tmp_path / "p.docx", paragraphs)
    source = read_docx(path)
    anchored = _anchored(path, source, *(_diagnostic(a, b) for a, b in spans))
    assert anchored == [source.text[a:b] for a, b in sorted(spans, key=lambda s: (s[0], s[1]))]
    assert _normalized(zipfile.ZipFile(tmp_path / "out.docx").read("word/document.xml")) == _normalized(
        zipfile.ZipFile(path).read("word/document.xml"))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.lists(st.text(alphabet="甲乙 ，", min_size=1, max_size=4), max_size=3), min_size=1, max_size=4),
       st.lists(st.tuples(st.integers(0, 40), st.integers(0, 40)), min_size=1, max_size=6))
def test_any_span_at_all_gives_one_comment_and_changes_no_text(tmp_path, paragraphs, spans):
    """Points, paragraph breaks at either end, spans past the text: a comment each, never a crash."""
    document = docx.Document()
    for runs in paragraphs:
        paragraph = document.add_paragraph()
        for part in runs:
            paragraph.add_run(part)
    path = tmp_path / "p.docx"
    document.save(path)
    source = read_docx(path)
    spans = [(min(a, b), max(a, b)) for a, b in spans]
    diagnostics = [_diagnostic(a, b)._replace(message=f"m{i}") for i, (a, b) in enumerate(spans)]
    (tmp_path / "out.docx").write_bytes(annotate_docx(path, diagnostics, source))
    anchored = {c["text"].split("（")[0]: c["anchored"] for c in comments(tmp_path / "out.docx")}
    assert len(anchored) == len(spans)
    for i, (a, b) in enumerate(spans):
        # A span with text covers exactly it, without the paragraph breaks at its ends.
        inner = source.text[a:b].strip("\n")
        assert anchored[f"m{i}"] == inner or not inner
    assert _normalized(zipfile.ZipFile(tmp_path / "out.docx").read("word/document.xml")) == _normalized(
        zipfile.ZipFile(path).read("word/document.xml"))
