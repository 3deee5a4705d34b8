"""Markdown input: the title, numbering of unnumbered headings, code blocks (issue 9, item 23)."""

from lintlaw.io import readers
from lintlaw.analysis.document import build_document
from lintlaw.io.readers.markdown import code_blocks, outline_text

from .test_cli import run
from .test_readers import concise

TITLE = "# 青山县教育局2024年度法治政府建设情况报告\n\n"
PARTS = ("## 主要举措和成效\n\n全年依法办理各项事务。\n\n## 存在的不足和原因\n\n执法力量不足。\n\n"
         "## 党政主要负责人履行推进法治建设第一责任人职责情况\n\n带头学法。\n\n## 2025年工作安排\n\n继续推进。\n\n")


def outline(text, path="r.md"):
    document = build_document(readers.read(path, text.encode("utf-8")))
    [report] = document.reports
    return report, [(s.marker.raw.strip(), s.title) for s in report.walk()]


def test_a_later_heading_naming_a_report_is_a_section():
    report, sections = outline(TITLE + PARTS + "## 其他需要报告的情况\n\n无。\n")
    assert report.title.text == "青山县教育局2024年度法治政府建设情况报告"
    assert sections[-1] == ("五、", "其他需要报告的情况")
    assert len(sections) == 5


def test_other_matters_heading_is_not_empty_or_missing(tmp_path):
    path = tmp_path / "r.md"
    path.write_text(TITLE + PARTS + "## 其他需要报告的情况\n\n无。\n", encoding="utf-8")
    assert concise(path, "--select", "S") == []


def test_level_one_heading_alone_is_the_title_even_without_report():
    report, sections = outline("# 工作总结\n\n## 主要举措\n\n正文。\n\n## 下步打算\n\n正文。\n")
    assert report.title is None  # not a 报告 title line, but not a section either
    assert sections == [("一、", "主要举措"), ("二、", "下步打算")]


def test_sections_all_at_level_one_have_no_title():
    _, sections = outline("# 主要举措\n\n正文。\n\n# 下步打算\n\n正文。\n")
    assert sections == [("一、", "主要举措"), ("二、", "下步打算")]


def test_unnumbered_headings_at_a_typed_depth_get_no_number(tmp_path):
    text = (TITLE + "## 一、主要举措和成效\n\n正文。\n\n## 存在的不足和原因\n\n正文。\n\n"
            "## 二、党政主要负责人履行推进法治建设第一责任人职责情况\n\n正文。\n\n## 2025年工作安排\n\n正文。\n")
    _, sections = outline(text)
    assert [marker for marker, _ in sections] == ["一、", "二、"]
    path = tmp_path / "r.md"
    path.write_text(text, encoding="utf-8")
    assert concise(path, "--select", "S1") == []


def test_the_drafters_numbering_is_judged_as_typed(tmp_path):
    text = ("# 青山县2024年度法治政府建设情况报告\n\n## 一、主要举措\n\n正文。\n\n## 存在的不足\n\n正文。\n\n"
            "## 二、下一步工作安排\n\n正文。\n")
    path = tmp_path / "r.md"
    path.write_text(text, encoding="utf-8")
    assert concise(path, "--select", "S1") == []  # was: S102 编号重复：“二、”…
    gap = text.replace("## 二、下一步", "## 三、下一步")
    path.write_text(gap, encoding="utf-8")
    assert concise(path, "--select", "S1") == ["11:4: S101 编号不连续：“一、”之后是“三、”，缺少“二、”"]


def test_a_depth_without_typed_markers_is_numbered():
    _, sections = outline(TITLE + "## 主要举措\n\n正文。\n\n## 计划\n\n正文。\n\n## 小结\n\n正文。\n")
    assert [marker for marker, _ in sections] == ["一、", "二、", "三、"]


def test_the_title_is_the_first_heading_that_reads_as_one():
    for first in ("# 目录\n\n", "## 工作情况\n\n"):
        report, sections = outline(first + TITLE + "## 主要举措\n\n正文。\n\n## 存在的不足\n\n正文。\n")
        assert report.title.text == "青山县教育局2024年度法治政府建设情况报告"
        assert sections == [("一、", "主要举措"), ("二、", "存在的不足")]


CODE = ("## 主要举措\n\n全年办理案件。\n\n```\n截止目前,数据如下:(见表)\n# 不是标题\n```\n\n"
        "~~~~text\n20__年\n~~~\n仍在代码块里,截止。\n~~~~\n\n办理20__件。\n")


def test_code_blocks_are_found_with_their_fences():
    blocks = code_blocks(CODE)
    assert [CODE[a:b] for a, b in blocks] == ["```\n截止目前,数据如下:(见表)\n# 不是标题\n```",
                                            "~~~~text\n20__年\n~~~\n仍在代码块里,截止。\n~~~~"]
    assert len(outline_text(CODE)) == len(CODE)


def test_unclosed_fence_runs_to_the_end():
    text = "正文。\n```\n截止目前\n"
    assert code_blocks(text) == [(4, len(text))]
    assert code_blocks("用```x```标出。\n") == []


def test_code_blocks_are_neither_linted_nor_fixed(tmp_path):
    path = tmp_path / "r.md"
    path.write_text(CODE, encoding="utf-8")
    assert concise(path, "--select", "W001,T001,P008,P009,S") == ["16:5: T001 模板占位符“__”未填写"]
    result = run("check", "--fix", "--select", "W001,P008,P009", str(path))
    assert result.exit_code == 0
    assert path.read_text(encoding="utf-8") == CODE



def test_a_written_marker_is_read_as_the_outline_grammar_reads_it():
    # “1.5亿元” opens with no marker (the grammar's 1. is never followed by a digit): the
    # depth has no typed marker, so both headings are numbered from the “#” marks.
    _, sections = outline(TITLE + "## 主要举措\n\n正文。\n\n## 1.5亿元资金全部到位\n\n正文。\n")
    assert sections == [("一、", "主要举措"), ("二、", "1.5亿元资金全部到位")]


def test_heading_markers_are_the_grammar_s_reading_of_each_line():
    from lintlaw.text.outline import heading_markers

    lines = ["（二）依法决策", "1.5亿元资金", "3、制度", "）坚持", "情况报", "告", "⑤其他", "主要举措"]
    assert [(m.level, m.number, m.raw) if m else None for m in heading_markers(lines)] == [
        (2, 2, "（二）"), None, (3, 3, "3、"), None, None, None, (4, 5, "⑤"), None]
    assert heading_markers([]) == []
