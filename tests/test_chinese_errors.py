"""Every error line is Chinese (issue 20 E1): what the system, TOML, JSON, regular
expressions and zip say in English is said in Chinese, with the line and column (or the
character) where the parser names one. (A full disk: tests/test_full_disk.py.)"""

import zipfile

import pytest

from .test_cli import run
from .test_ruleset import VALID

REPORT = "截止目前，已完成。\n"
RULE = VALID  # a valid rule file of one's own: each test breaks it one way


@pytest.fixture
def folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "r.txt").write_text(REPORT, encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("name, text, line", [
    ("pyproject.toml", "[tool.lintlaw\n", "pyproject.toml: 配置文件不是有效的 TOML（第 1 行第 14 列：表头缺少结尾的“]”）"),
    ("lintlaw.toml", 'select = ["ALL"\nfail-on = "x"\n', "lintlaw.toml: 配置文件不是有效的 TOML（第 2 行第 1 列：数组缺少结尾的“]”）"),
    ("lintlaw.toml", "rules.选择 = 1\n",
     "lintlaw.toml: 配置文件不是有效的 TOML（第 1 行第 7 列：键的写法无效，含中文、空格等字符的键要加引号）"),
    ("lintlaw.toml", "select = ALL\n", "lintlaw.toml: 配置文件不是有效的 TOML（第 1 行第 10 列：值无效，字符串要加引号）"),
    ("lintlaw.toml", 'select = ["ALL"]\nselect = []\n', "lintlaw.toml: 配置文件不是有效的 TOML（第 2 行第 12 列：键重复赋值）"),
])
def test_a_broken_configuration_file_is_named_with_line_and_column(folder, name, text, line):
    (folder / name).write_text(text, encoding="utf-8")
    result = run("check", "r.txt")
    assert result.exit_code == 2
    assert result.stderr == f"lintlaw: {folder / name}: {line.split(': ', 1)[1]}\n"


@pytest.mark.parametrize("data, reason", [
    (b"", "文件是空的"),
    (b'{"version": 1, "findings": [}', "第 1 行第 29 列：此处应是一个值"),
    (b'{"version": 1,\n "findings": []\n "x": 1}', "第 3 行第 2 列：缺少逗号"),
    (b"{'version': 1}", "第 1 行第 2 列：此处应是双引号括起的键名"),
    (b'{"version": 1, "findings": []} []', "第 1 行第 32 列：JSON 内容结束后还有多余的内容"),
    (b"\xff\xfe{\x00}\x00", "不是 UTF-8 编码，第 1 字节起无法解码"),
])
def test_a_broken_baseline_is_named_with_line_and_column(folder, data, reason):
    (folder / "b.json").write_bytes(data)
    result = run("check", "--baseline", "b.json", "r.txt")
    assert result.exit_code == 2
    assert result.stderr == f"lintlaw: b.json: 基线文件不是有效的 JSON（{reason}）\n"


@pytest.mark.parametrize("change, line", [
    (("'其它'", "'['"), "7: patterns: 正则表达式“[”有误：在末尾：字符集“[”缺少结尾的“]”"),
    (("'其它'", "'其(它'"), "7: patterns: 正则表达式“其(它”有误：在末尾：缺少“)”"),
    (("'其它'", "'*其它'"), "7: patterns: 正则表达式“*其它”有误：第 1 个字符处：量词 * + ? {} 前面没有可重复的内容"),
    (("'其它'", "'其{2,1}'"), "7: patterns: 正则表达式“其{2,1}”有误：第 3 个字符处：重复次数的下限大于上限"),
    (("'其它'", "'[z-a]'"), "7: patterns: 正则表达式“[z-a]”有误：第 5 个字符处：字符范围无效，起点在终点之后"),
    (("“{match}”", "“{match”"), "6: message: 消息模板有误：“{”“}”不成对（要显示花括号本身，请写成“{{”“}}”）"),
])
def test_a_broken_rule_is_named_in_chinese(folder, change, line):
    assert _check_with_rule(folder, RULE.replace(*change)) == f"lintlaw: rules/Y001.toml:{line}\n"


@pytest.mark.parametrize("change, reason", [
    (('code = "Y001"', 'code = "Y001'), "第 1 行第 13 列：字符串缺少结尾的引号，字符串不能跨行"),
    (("patterns = ['其它']", 'patterns = ["\\d"]'),
     "第 7 行第 16 列：双引号字符串中的“\\”没有转义，正则表达式宜写在单引号 '…' 中"),
    (("[examples]", "[examples"), "第 11 行第 10 列：表头缺少结尾的“]”"),
])
def test_a_rule_file_that_is_not_toml_is_named_with_line_and_column(folder, change, reason):
    assert _check_with_rule(folder, RULE.replace(*change)) == f"lintlaw: rules/Y001.toml: 不是有效的 TOML（{reason}）\n"


def _check_with_rule(folder, text: str) -> str:
    """Standard error of a check with rules/Y001.toml holding `text` (which must stop it)."""
    (folder / "rules").mkdir()
    (folder / "rules" / "Y001.toml").write_text(text, encoding="utf-8")
    result = run("check", "--rules", "rules", "r.txt")
    assert result.exit_code == 2
    return result.stderr


def _zip(path, members: dict):
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)


@pytest.mark.parametrize("make, reason", [
    (lambda path: path.write_text("这是改了扩展名的文本。", encoding="utf-8"),
     "文件不是 .docx 格式或已损坏（.docx 是 zip 压缩包；旧式 .doc 请先另存为 .docx）"),
    (lambda path: _zip(path, {"a.txt": "x"}), "缺少 Word 文档的组成部分，文件可能已损坏"),
])
def test_a_file_that_is_not_a_word_document_is_said_in_chinese(folder, make, reason):
    make(folder / "d.docx")
    result = run("check", "d.docx")
    assert result.exit_code == 2
    assert result.stderr.splitlines()[0] == f"lintlaw: d.docx: 不是有效的 Word 文档：{reason}"


def test_a_report_type_with_a_broken_pattern_is_said_in_chinese(folder):
    (folder / "rules" / "report-types").mkdir(parents=True)
    (folder / "rules" / "report-types" / "budget.toml").write_text(
        'name = "budget"\nlabel = "部门预算"\ntitle-patterns = ["预算(说明"]\ndeadline = "04-01"\n', encoding="utf-8")
    result = run("check", "--rules", "rules", "r.txt")
    assert result.exit_code == 2
    assert "title-patterns: 正则表达式“预算(说明”有误：第 3 个字符处：缺少“)”" in result.stderr
