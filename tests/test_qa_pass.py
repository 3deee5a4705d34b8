"""Failures an independent QA pass found after issue 9 (items A-M of its report)."""

import pytest

from .test_cli import run
from .test_readers import PAGE


# A: --fix on standard input passes Word documents and web pages through, and names them.

def test_fix_on_standard_input_passes_a_web_page_through_byte_for_byte():
    data = PAGE.encode("utf-8")
    result = run("check", "--fix", "--select", "W001", "--stdin-filename", "x.html", "-", input=data)
    assert result.stdout_bytes == data
    assert result.stderr.startswith("lintlaw: x.html: Word 文档和网页不能自动修复，只报告问题\n")


def test_fix_on_standard_input_passes_a_word_document_through_byte_for_byte(tmp_path):
    docx = pytest.importorskip("docx")
    document = docx.Document()
    document.add_paragraph("截止目前，已完成。")
    path = tmp_path / "r.docx"
    document.save(path)
    data = path.read_bytes()
    result = run("check", "--fix", "--select", "W001", "--stdin-filename", "r.docx", "-", input=data)
    assert result.stdout_bytes == data
    assert result.stderr.startswith("lintlaw: r.docx: Word 文档和网页不能自动修复，只报告问题\n")
    assert "r.docx:1:1: W001" in result.stderr  # the findings go to standard error


# B: the mojibake guard does not depend on which rules are selected; refusing is exit 2.

MOJIBAKE_REPORT = "甲市2024年度法治政府建设情况报告\n一、主要举措\n截止目前，共办理\ufffd\ufffd件。\n"


@pytest.mark.parametrize("selection", [["--select", "W001"], ["--ignore", "R003"], ["--select", "W001,R003"]])
def test_mojibake_guard_holds_whatever_rules_are_selected(tmp_path, selection):
    path = tmp_path / "m.txt"
    path.write_text(MOJIBAKE_REPORT, encoding="utf-8")
    result = run("check", "--format", "concise", "--fix", *selection, str(path))
    assert path.read_text(encoding="utf-8") == MOJIBAKE_REPORT
    assert result.exit_code == 2
    assert result.stderr == (f"lintlaw: {path}: 有乱码（R003），文件编码可能识别错了，不自动修复；"
                             "确认编码后用 --encoding 指定\n")
    assert f"{path}:3:1: W001 表示“到某时为止”应写“截至”，不是“截止”" in result.stdout.splitlines()


def test_mojibake_guard_on_standard_input_passes_the_bytes_through_with_exit_2():
    data = MOJIBAKE_REPORT.encode("utf-8")
    result = run("check", "--fix", "--select", "W001", "--stdin-filename", "m.txt", "-", input=data)
    assert result.stdout_bytes == data
    assert result.exit_code == 2
    assert result.stderr.startswith("lintlaw: m.txt: 有乱码（R003），文件编码可能识别错了，不自动修复")


def test_mojibake_in_page_chrome_only_does_not_stop_fixing(tmp_path):
    # The guard runs R003 itself, loaded apart from the selected rules.
    from lintlaw.runner import has_mojibake
    from lintlaw.source import Source

    assert has_mojibake(Source("m.txt", MOJIBAKE_REPORT))
    assert not has_mojibake(Source("m.txt", MOJIBAKE_REPORT.replace("\ufffd\ufffd", "35")))
