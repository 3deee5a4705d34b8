"""Word, web-page and Markdown input: the same outline and findings as the equivalent text."""

import pytest

from .test_cli import run

TEXT = """青山县教育局2024年度法治政府建设情况报告
一、主要举措和成效
（一）依法履行职能
1.优化政务服务。全年办理20__件。
2.规范行政审批。
（三）健全决策机制
二、存在的不足和原因
三、党政主要负责人履行推进法治建设第一责任人职责情况
四、2025年工作安排
"""


def concise(path, *args):
    """The concise findings without the path; a Word document's 第N段第M字（…） as N:M, to
    compare with the text's."""
    import re

    out = run("check", "--format", "concise", *args, str(path)).stdout
    place = re.compile(r"^第(\d+)段第(\d+)字(?:（(?:标题)?“.*?”下?）)?:")
    return [place.sub(r"\1:\2:", line[len(str(path)) + 1:]) for line in out.splitlines()
            if line.startswith(str(path))]


def _numbering(document):
    """A three-level list: 一、 / （一） / 1. — chineseCounting, chineseCounting, decimal."""
    from docx.oxml import parse_xml

    ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    levels = [("chineseCounting", "%1、"), ("chineseCounting", "（%2）"), ("decimal", "%3.")]
    lvls = "".join(f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
                   f'<w:lvlText w:val="{text}"/></w:lvl>' for i, (fmt, text) in enumerate(levels))
    numbering = document.part.numbering_part.element
    numbering.append(parse_xml(f'<w:abstractNum {ns} w:abstractNumId="90">{lvls}</w:abstractNum>'))
    numbering.append(parse_xml(f'<w:num {ns} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))


def _numbered(document, text, level):
    from docx.oxml import parse_xml

    paragraph = document.add_paragraph(text)
    ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    paragraph._p.get_or_add_pPr().append(parse_xml(
        f'<w:numPr {ns}><w:ilvl w:val="{level}"/><w:numId w:val="90"/></w:numPr>'))


def test_docx_with_automatic_numbering_matches_the_text(tmp_path):
    docx = pytest.importorskip("docx")
    document = docx.Document()
    _numbering(document)
    document.add_paragraph("青山县教育局2024年度法治政府建设情况报告")
    _numbered(document, "主要举措和成效", 0)
    _numbered(document, "依法履行职能", 1)
    _numbered(document, "优化政务服务。全年办理20__件。", 2)
    _numbered(document, "规范行政审批。", 2)
    # A typed marker where the numbering skipped: （三） after （一）, as in the text.
    document.add_paragraph("（三）健全决策机制")
    for title in ("存在的不足和原因", "党政主要负责人履行推进法治建设第一责任人职责情况", "2025年工作安排"):
        _numbered(document, title, 0)
    path = tmp_path / "report.docx"
    document.save(path)
    text = tmp_path / "report.txt"
    text.write_text(TEXT, encoding="utf-8")
    assert concise(path, "--ignore", "layout") == concise(text)  # python-docx's default layout is not GB/T 9704's
    assert "4:16: T001 模板占位符“__”未填写" in concise(path)
    assert "6:1: S101 编号不连续：“（一）”之后是“（三）”，缺少“（二）”" in concise(path)
    tree = run("tree", str(path)).stdout
    assert "一、主要举措和成效" in tree and "（一）依法履行职能" in tree and "1.优化政务服务" in tree


def test_docx_table_cells_are_paragraphs_in_order(tmp_path):
    docx = pytest.importorskip("docx")
    document = docx.Document()
    document.add_paragraph("青山县教育局2024年度法治政府建设情况报告")
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "案件数"
    table.cell(0, 1).text = "20__件"
    path = tmp_path / "t.docx"
    document.save(path)
    assert "3:3: T001 模板占位符“__”未填写" in concise(path, "--select", "T001")


def test_docx_is_fixed_in_a_reviewed_copy_and_says_so(tmp_path):
    docx = pytest.importorskip("docx")
    document = docx.Document()
    document.add_paragraph("截止目前，已完成。")
    path = tmp_path / "r.docx"
    document.save(path)
    before = path.read_bytes()
    result = run("check", "--fix", "--select", "W001", str(path))
    assert path.read_bytes() == before
    assert result.stderr == f"已写出审阅副本：{tmp_path / 'r.lintlaw.docx'}（1 处修订，1 条批注）\n"
    assert result.stdout == "已把 1 个问题的修复作为修订写入审阅副本（1 处修订）。未发现其余问题（检查了 1 个文件）。\n"


def test_broken_docx_is_exit_2(tmp_path):
    path = tmp_path / "bad.docx"
    path.write_bytes(b"PK\x03\x04not really a zip")
    result = run("check", str(path))
    assert result.exit_code == 2 and f"{path}: 不是有效的 Word 文档" in result.stderr


PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>青山县教育局2024年度法治政府建设情况报告_青山县人民政府</title></head>
<body>
<div class="nav">您当前位置：<a href="/">首页</a> &gt; 政务公开 &gt; 法治政府建设</div>
<div class="info">发布时间：2025-01-20 浏览次数：<span>35</span></div>
<h1>青山县教育局2024年度法治政府建设情况报告</h1>
<div class="TRS_Editor">
<p>一、主要举措和成效</p>
<p>（一）依法履行职能</p>
<p>全年办理行政复议案件20__件，截止目前已全部办结。</p>
<p>二、存在的不足和原因</p>
<p>三、党政主要负责人履行推进法治建设第一责任人职责情况</p>
<p>四、2025年工作安排</p>
</div>
<div class="footer">版权所有：青山县人民政府 ICP备12345号</div>
</body></html>
"""


def test_html_page_gives_the_findings_of_its_body_on_its_own_lines(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(PAGE, encoding="utf-8")
    # The chrome around the article (breadcrumb, 发布时间, 版权所有) is not part of the body: no R001.
    assert concise(path) == concise(path, "--select", "T001,W001,S")
    assert concise(path, "--select", "T001,W001,R001") == [
        "10:13: T001 模板占位符“__”未填写", "10:17: W001 表示“到某时为止”应写“截至”，不是“截止”"]


def test_markdown_headings_form_the_outline(tmp_path):
    path = tmp_path / "r.md"
    path.write_text("# 青山县教育局2024年度法治政府建设情况报告\n\n## 主要举措和成效\n\n### 依法履职\n\n"
                    "全年办理20__件。\n\n### （三）规范执法\n\n## 存在的不足和原因\n\n"
                    "## 党政主要负责人履行推进法治建设第一责任人职责情况\n\n## 2025年工作安排\n", encoding="utf-8")
    found = concise(path, "--select", "T001,S101,S104,S002,S003,S004")
    # The ### depth has a typed marker: the numbering there is the drafter's, “（三）” first.
    assert found == ["7:7: T001 模板占位符“__”未填写",
                     "9:5: S104 编号从“（三）”开始，缺少“（一）”"]
    result = run("check", "--fix", "--select", "W001,T001", str(path))
    assert result.exit_code == 1  # nothing to fix, the placeholder remains; the file is untouched
    assert path.read_text(encoding="utf-8").startswith("# 青山县")


def test_word_findings_are_placed_by_paragraph_under_their_heading(tmp_path):
    """Word shows no line numbers: a finding says which paragraph (第N段) under which heading."""
    docx = pytest.importorskip("docx")
    document = docx.Document()
    for text in ("青山县教育局2024年度法治政府建设情况报告", "截止目前，我局推进法治建设。", "一、主要举措和成效",
                 "（一）依法履行职能截止目前的情况说明与思考", "全年截止年底共办理120件。"):
        document.add_paragraph(text)
    path = tmp_path / "r.docx"
    document.save(path)
    out = run("check", "--isolated", "--format", "concise", "--select", "W001", str(path)).stdout.splitlines()
    assert out[:3] == [
        f"{path}:第2段第1字（“青山县教育局2024年度法治政…”下）: W001 表示“到某时为止”应写“截至”，不是“截止”",
        f"{path}:第4段第10字（标题“（一）依法履行职能截止目前的情…”）: W001 表示“到某时为止”应写“截至”，不是“截止”",
        f"{path}:第5段第3字（“（一）依法履行职能截止目前的情…”下）: W001 表示“到某时为止”应写“截至”，不是“截止”"]
    full = run("check", "--isolated", "--select", "W001", str(path)).stdout.splitlines()
    assert full[0] == f"{path}:第2段第1字（“青山县教育局2024年度法治政…”下）: W001 警告 表示“到某时为止”应写“截至”，不是“截止”"
    assert "2 | 截止目前，我局推进法治建设。" in full
    tree = run("tree", "--isolated", str(path)).stdout
    assert "一、主要举措和成效  第3段" in tree
