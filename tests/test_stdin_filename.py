"""--stdin-filename: standard input read, configured and reported as a named file (issue 9, item 23)."""

from .test_cli import run
from .test_readers import PAGE

MARKDOWN = ("# 青山县教育局2024年度法治政府建设情况报告\n\n## 主要举措和成效\n\n全年办理20__件。\n\n"
            "## 存在的不足和原因\n\n执法力量不足,截止目前。\n")


def test_markdown_on_standard_input_is_read_as_markdown():
    plain = run("check", "--format", "concise", "--select", "S1,T001", "-", input=MARKDOWN)
    named = run("check", "--format", "concise", "--select", "S1,T001", "--stdin-filename", "docs/r.md", "-",
                input=MARKDOWN)
    # Without a name the “##” lines are plain text: no heading, so nothing but the placeholder.
    assert plain.stdout.splitlines()[0] == "-:5:7: T001 模板占位符“__”未填写"
    assert named.exit_code == 1
    assert named.stdout.splitlines() == ["docs/r.md:5:7: T001 模板占位符“__”未填写",
                                         "发现 1 个问题（错误 1，警告 0，提示 0），检查了 1 个文件。"]
    tree = run("tree", "--stdin-filename", "docs/r.md", "-", input=MARKDOWN)
    assert "一、主要举措和成效" in tree.stdout and "二、存在的不足和原因" in tree.stdout


def test_configuration_follows_the_name(tmp_path, tmp_path_factory, monkeypatch):
    config = 'ignore = ["W001"]\n[per-file-ignores]\n"reports/*.md" = ["P009"]\n'
    (tmp_path / "lintlaw.toml").write_text(config, encoding="utf-8")
    (tmp_path / "reports").mkdir()
    # The configuration is found from the name, not from the working directory.
    monkeypatch.chdir(tmp_path_factory.mktemp("elsewhere"))
    args = ("check", "--format", "concise", "--select", "W001,P009")
    name = str(tmp_path / "reports" / "r.md")
    assert run(*args, "-", input=MARKDOWN).stdout.splitlines()[:2] == [
        "-:9:7: P009 半角“,”夹在中文里，应为全角“，”", "-:9:8: W001 表示“到某时为止”应写“截至”，不是“截止”"]
    assert run(*args, "--stdin-filename", name, "-", input=MARKDOWN).stdout.splitlines() == [
        "未发现问题（检查了 1 个文件）。"]
    other = str(tmp_path / "r.md")  # same configuration, but per-file-ignores do not match
    assert run(*args, "--stdin-filename", other, "-", input=MARKDOWN).stdout.splitlines()[0] == (
        f"{other}:9:7: P009 半角“,”夹在中文里，应为全角“，”")


def test_web_page_on_standard_input():
    result = run("check", "--format", "concise", "--select", "T001,W001,R001", "--stdin-filename", "page.html",
                 "-", input=PAGE)
    assert result.stdout.splitlines()[:2] == ["page.html:10:13: T001 模板占位符“__”未填写",
                                              "page.html:10:17: W001 表示“到某时为止”应写“截至”，不是“截止”"]


def test_fix_still_writes_standard_output_not_the_named_file(tmp_path):
    target = tmp_path / "r.md"
    target.write_text("原文\n", encoding="utf-8")
    result = run("check", "--fix", "--select", "W001,P009", "--stdin-filename", str(target), "-",
                 input=MARKDOWN)
    assert result.stdout == MARKDOWN.replace("不足,截止", "不足，截至")
    assert target.read_text(encoding="utf-8") == "原文\n"


def test_stdin_filename_needs_standard_input(tmp_path):
    path = tmp_path / "r.txt"
    path.write_text("正文。\n", encoding="utf-8")
    result = run("check", "--stdin-filename", "x.md", str(path))
    assert result.exit_code == 2
    assert result.stderr == "lintlaw: --stdin-filename 只用于标准输入：请把 - 作为要检查的文件\n"


def test_word_document_on_standard_input(tmp_path):
    import pytest

    docx = pytest.importorskip("docx")
    document = docx.Document()
    document.add_paragraph("截止目前，已完成。")
    path = tmp_path / "r.docx"
    document.save(path)
    result = run("check", "--format", "concise", "--select", "W001", "--stdin-filename", "r.docx", "-",
                 input=path.read_bytes())
    assert result.stdout.splitlines()[0] == "r.docx:第1段第1字: W001 表示“到某时为止”应写“截至”，不是“截止”"
