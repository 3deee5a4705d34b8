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
