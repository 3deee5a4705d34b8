"""Who issued a report (issue 22): the title's words, else the signature, else the file's
name; --issuer names it for one file. `lintlaw tree` says which, and where it was read."""

import pytest
from typer.testing import CliRunner

from lintlaw.analysis.document import build_document
from lintlaw.cli import app

from .helpers import source_of

runner = CliRunner()
BODY = "一、总体情况\n全年主动公开政府信息。\n"


@pytest.mark.parametrize("text, path, issuing", [
    ("青石县市场监督管理局2024年政府信息公开工作年度报告\n" + BODY, "t.txt", ("青石县市场监督管理局", "标题", 1)),
    ("甘谷县人民政府办公室\n2024年政府信息公开工作年度报告\n" + BODY, "t.txt", ("甘谷县人民政府办公室", "标题", 2)),
    ("篇二：青山县教育局2024年度法治政府建设工作总结\n" + BODY, "t.txt", ("青山县教育局", "标题", 1)),
    ("青山县人民政府关于2024年度法治政府建设情况的报告\n" + BODY, "t.txt", ("青山县人民政府", "标题", 1)),
    ("2024年政府信息公开工作年度报告\n" + BODY + "青石县教育局\n2025年1月20日\n", "t.txt",
     ("青石县教育局", "落款", 4)),
    # A signature that names no organ (a person) is passed over for the file's name.
    ("2024年政府信息公开工作年度报告\n" + BODY + "张三\n2025年1月20日\n", "2024/教育局.txt",
     ("教育局", "文件名", None)),
    ("2024年政府信息公开工作年度报告\n" + BODY, "年报/青石县教育局2024年政府信息公开工作年度报告.docx",
     ("青石县教育局", "文件名", None)),
    ("2024年政府信息公开工作年度报告\n" + BODY, "2023-青石县教育局.txt", ("青石县教育局", "文件名", None)),
    # The year taken out of a file's name leaves one separator where it stood.
    ("2024年政府信息公开工作年度报告\n" + BODY, "putuo-bangongshi-2025-yusuan.pdf",
     ("putuo-bangongshi-yusuan", "文件名", None)),
    ("2024年政府信息公开工作年度报告\n" + BODY, "-", (None, None, None)),
])
def test_the_issuer_is_read_from_the_title_else_the_signature_else_the_file_name(text, path, issuing):
    report = build_document(source_of(text, path)).reports[0]
    name, where, line = report.issuing
    assert (name, where, line.lineno if line else None) == issuing
    assert report.issuer == issuing[0]


def test_the_issuer_given_on_the_command_line_wins():
    text = "青石县市场监督管理局2024年政府信息公开工作年度报告\n" + BODY
    report = build_document(source_of(text), issuer="青石县市场监管局").reports[0]
    assert report.issuing == ("青石县市场监管局", "--issuer", None)


def test_tree_shows_the_issuer_and_where_it_was_read(tmp_path):
    path = tmp_path / "r.txt"
    path.write_text("2024年政府信息公开工作年度报告\n" + BODY + "青石县教育局\n2025年1月20日\n", encoding="utf-8")
    shown = runner.invoke(app, ["tree", "--isolated", str(path)]).stdout.splitlines()[1]
    assert " · 年度 2024 · " in shown and " · 发布机构 青石县教育局（取自落款第4行） · " in shown
    given = runner.invoke(app, ["tree", "--isolated", "--issuer", "青石县教育体育局", str(path)]).stdout
    assert " · 发布机构 青石县教育体育局（--issuer 指定） · " in given.splitlines()[1]


def test_an_empty_issuer_is_a_usage_error(tmp_path):
    path = tmp_path / "r.txt"
    path.write_text("2024年政府信息公开工作年度报告\n" + BODY, encoding="utf-8")
    result = runner.invoke(app, ["tree", "--issuer", " ", str(path)])
    assert result.exit_code == 2 and result.stderr == "lintlaw: --issuer: 发布机关不能为空\n"


def test_words_after_guanyu_are_not_the_issuer():
    title = "省人民政府关于2020年度推进法治政府建设情况的报告\n" + BODY
    assert build_document(source_of(title)).reports[0].issuing[:2] == ("省人民政府", "标题")
