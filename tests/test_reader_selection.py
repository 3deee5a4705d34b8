"""One table of readers, one choice by suffix, for files and for --stdin-filename alike."""

import pytest

from lintlaw.io import readers
from lintlaw.analysis.document import build_document
from lintlaw.io.inputs import SUFFIXES

from .test_cli import run

MARKDOWN = "# 青山县2024年法治政府建设情况报告\n\n## 主要举措\n\n截止目前已完成。\n\n```\n截止目前\n```\n"


@pytest.mark.parametrize("name, reader", [
    ("r.txt", "text"), ("r.md", "markdown"), ("R.MD", "markdown"), ("r.docx", "docx"),
    ("r.html", "html"), ("r.HTM", "html"), ("r.markdown", "text"), ("README", "text"), ("-", "text"),
    ("dir.md/r.txt", "text"),
])
def test_the_reader_is_chosen_by_suffix(name, reader):
    assert readers.reader_for(name).name == reader


def test_directories_are_searched_for_every_reader_suffix():
    assert SUFFIXES == (".txt", ".md", ".docx", ".html", ".htm", ".pdf")


def test_markdown_gets_its_outline_view_only_through_its_reader():
    data = MARKDOWN.encode("utf-8")
    markdown = readers.read("r.md", data)
    plain = readers.read("r.txt", data)
    assert (markdown.reader, plain.reader) == ("markdown", "text")
    assert markdown.text == plain.text == MARKDOWN  # the file itself: fixes edit it
    [report] = build_document(markdown).reports
    assert [s.title for s in report.walk()] == ["主要举措"]
    assert build_document(markdown).not_text == [(MARKDOWN.index("```"), len(MARKDOWN) - 1)]
    assert build_document(plain).not_text == []


def test_a_file_read_from_disk_goes_through_the_same_reader(tmp_path):
    path = tmp_path / "r.md"
    path.write_text(MARKDOWN, encoding="utf-8")
    source = readers.read(str(path))
    assert source.reader == "markdown" and source.origin is not None  # --fix can write it back


def test_stdin_filename_chooses_the_reader():
    args = ("check", "--format", "concise", "--select", "W001")
    named = run(*args, "--stdin-filename", "r.md", "-", input=MARKDOWN)
    plain = run(*args, "-", input=MARKDOWN)
    # As Markdown the code block is not report text; as plain text it is.
    assert named.stdout.splitlines()[:-1] == ["r.md:5:1: W001 表示“到某时为止”应写“截至”，不是“截止”"]
    assert plain.stdout.splitlines()[:-1] == ["-:5:1: W001 表示“到某时为止”应写“截至”，不是“截止”",
                                              "-:8:1: W001 表示“到某时为止”应写“截至”，不是“截止”"]


def test_fixing_markdown_keeps_its_reader_in_every_round(tmp_path):
    path = tmp_path / "r.md"
    path.write_text(MARKDOWN, encoding="utf-8")
    result = run("check", "--fix", "--select", "W001", str(path))
    assert result.exit_code == 0
    assert path.read_text(encoding="utf-8") == MARKDOWN.replace("截止目前已完成", "截至目前已完成")


def test_a_fixed_text_keeps_the_file_s_reader_encoding_and_mark():
    source = readers.read("r.md", "截止目前。\n".encode("utf-8-sig"))
    fixed = source.with_text("截至目前。\n")
    assert (fixed.path, fixed.encoding, fixed.bom, fixed.reader) == ("r.md", source.encoding, True, "markdown")
