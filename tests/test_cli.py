import json
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from lintlaw.cli import app

from .helpers import FIXTURES

runner = CliRunner()
DEFECTS = str(FIXTURES / "numbering-defects.txt")
CLEAN = str(FIXTURES / "well-formed.txt")


def run(*args, input=None):
    return runner.invoke(app, list(args), input=input)


def test_concise_format_and_exit_code():
    result = run("check", "--format", "concise", "--select", "S101", DEFECTS)
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines[0] == f"{DEFECTS}:9:1: S101 编号不连续：“（二）”之后是“（四）”，缺少“（三）”"
    assert lines[-1] == "发现 3 个问题（错误 3，警告 0，提示 0），检查了 1 个文件。"


def test_clean_file_exits_zero():
    result = run("check", CLEAN)
    assert result.exit_code == 0
    assert result.stdout.strip() == "未发现问题（检查了 1 个文件）。"


def test_json_contract():
    result = run("check", "--format", "json", "--select", "S107", DEFECTS)
    data = json.loads(result.stdout)
    assert data[0] == {
        "path": DEFECTS, "line": 5, "column": 1, "end_line": 5, "end_column": 3,
        "code": "S107", "name": "marker-punctuation", "category": "structure",
        "severity": "warning", "message": "标题编号“1、”标点不规范，应写作“1.”",
        "fix": {"safe": True, "edits": [
            {"line": 5, "column": 1, "end_line": 5, "end_column": 3, "content": "1."}]},
        "related": [],
    }


def test_fail_on_threshold():
    assert run("check", "--select", "S107", DEFECTS).exit_code == 0  # warnings only
    assert run("check", "--select", "S107", "--fail-on", "warning", DEFECTS).exit_code == 1


def test_full_format_aligns_carets_under_chinese():
    result = run("check", "--select", "S110", DEFECTS)
    out = result.stdout.splitlines()
    shown = next(line for line in out if line.startswith("8 |"))
    carets = out[out.index(shown) + 1]
    from lintlaw.render.cells import text_width

    text = shown[len("8 | "):]
    assert carets.index("^") - len("  | ") == text_width(text[:text.index("四是")])
    assert carets.count("^") == 4  # two CJK characters, two cells each


def test_directory_recursion_and_stdin(tmp_path):
    (tmp_path / "a.txt").write_text("一、举措\n三、安排\n", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.md").write_text("一、举措\n", encoding="utf-8")
    (tmp_path / "c.docx").write_bytes(b"PK\x03\x04")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "d.txt").write_text("三、x\n", encoding="utf-8")
    result = run("check", "--format", "concise", "--select", "S101", str(tmp_path))
    assert result.stdout.splitlines() == [
        f"{tmp_path / 'a.txt'}:2:1: S101 编号不连续：“一、”之后是“三、”，缺少“二、”",
        "1 个文件无法读取，未检查（见上方的错误信息）。发现 1 个问题（错误 1，警告 0，提示 0），检查了 2 个文件。"]
    result = run("check", "--format", "concise", "--select", "S101", "-", input="一、举措\n三、安排\n")
    assert result.stdout.splitlines()[0] == "-:2:1: S101 编号不连续：“一、”之后是“三、”，缺少“二、”"


@pytest.mark.slow
@pytest.mark.parametrize("content, message", [
    (None, "文件不存在"),
    (b"\x00\x01\x02binary", "二进制文件，不是文本"),
    (b"\x81\x30\xff\xfe\x81", "无法识别文件编码（既不是 UTF-8 也不是 GB18030），请用 --encoding 指定"),
])
def test_bad_input_is_one_line_exit_2(tmp_path, content, message):
    path = tmp_path / "r.txt"
    if content is not None:
        path.write_bytes(content)
    proc = subprocess.run([sys.executable, "-m", "lintlaw", "check", str(path)],
                          capture_output=True, text=True)
    assert proc.returncode == 2
    assert proc.stderr == f"lintlaw: {path}: {message}\n"


def test_empty_file_has_no_findings(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    assert run("check", str(path)).exit_code == 0


@pytest.mark.slow
def test_broken_rule_dir_is_exit_2(tmp_path):
    (tmp_path / "bad.toml").write_text('code = "Y001"\n', encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "lintlaw", "check", "--rules", str(tmp_path), CLEAN],
                          capture_output=True, text=True)
    assert proc.returncode == 2
    assert proc.stderr.startswith(f"lintlaw: {tmp_path / 'bad.toml'}:1: 缺少必填字段")
    assert proc.stderr.count("\n") == 1


def test_unknown_selector_is_exit_2():
    result = run("check", "--select", "Q9", CLEAN)
    assert result.exit_code == 2


def test_rule_and_rules_commands():
    result = run("rule", "S101")
    assert result.exit_code == 0
    assert result.stdout.startswith("S101 numbering-gap\n类别：结构（structure）    级别：错误（error）\n"
                                    "适用的报告类型：全部\n自动修复：无\n\n"
                                    "消息示例：编号不连续：“二、”之后是“四、”，缺少“三、”\n")
    assert "依据：GB/T 9704-2012" in result.stdout
    assert "  - 一、主要举措" in result.stdout
    listing = run("rules").stdout
    assert "S101" in listing and "T005" in listing
    assert run("rule", "Z999").exit_code == 2


@pytest.mark.parametrize("code, line, cell", [
    ("S101", "自动修复：无", "—"),
    ("W001", "自动修复：每个问题都有安全修复（--fix）", "安全"),
    ("R005", "自动修复：每个问题都有修复，需人工确认（--fix --unsafe-fixes）", "需确认"),
    ("R001", "自动修复：每个问题都有修复，有的安全（--fix），有的需人工确认（--unsafe-fixes）", "部分安全"),
    ("W013", "自动修复：部分问题有修复，需人工确认（--fix --unsafe-fixes）", "需确认"),
])
def test_rule_and_rules_say_whether_fix_mends_it(code, line, cell):
    assert run("rule", code).stdout.splitlines()[3] == line
    listing = run("rules").stdout.splitlines()
    assert listing[0].split()[5] == "修复"
    assert next(row for row in listing if row.startswith(code + " ")).split()[5] == cell


def test_tree_marks_numbering_breaks():
    result = run("tree", DEFECTS)
    assert result.exit_code == 0
    assert "报告 青山县司法局2024年度法治政府建设情况报告" in result.stdout
    line = next(l for l in result.stdout.splitlines() if "（四）加强行政复议工作" in l)
    assert "第9行" in line and "✗ S101 编号不连续" in line


def test_gb18030_crlf_positions_refer_to_original_lines(tmp_path):
    path = tmp_path / "gbk.txt"
    path.write_bytes("标题\r\n\r\n一、举措\r\n三、安排\r\n".encode("gb18030"))
    result = run("check", "--format", "json", "--select", "S101", str(path))
    [item] = json.loads(result.stdout)
    assert (item["line"], item["column"], item["end_line"], item["end_column"]) == (4, 1, 4, 3)


FIGURES = str(FIXTURES / "figures.txt")


def test_tree_facts_show_why_a_rate_is_accepted_or_not():
    result = run("tree", "--facts", FIGURES)
    assert result.exit_code == 0
    out = result.stdout
    assert "报告年度：2024年（标题第1行）" in out
    assert "成文日期：2025年1月20日  第20行" in out
    assert "第7行 250件〔合计〕  120件〔分项〕  117件〔完成〕  97.5%〔办结率〕" in out
    assert "第7行 办结率97.5%：✓ 117件÷120件＝97.500%（另试过 250件）" in out
    assert "第9行 线上录取率95%：✗ 与本句任何分子、分母之比都不符" in out


def test_json_carries_the_numbers_a_finding_compared():
    result = run("check", "--format", "json", "--select", "consistency", FIGURES)
    items = json.loads(result.stdout)
    assert [(i["code"], i["line"], i["column"]) for i in items] == [("C001", 9, 35), ("C003", 11, 20)]
    assert items[0]["message"] == "线上录取率95%与本句的数字对不上：3528人÷3600人＝98.0%"
    assert items[0]["related"] == [
        {"line": 9, "column": 22, "end_line": 9, "end_column": 27, "label": "分子", "text": "3528人"},
        {"line": 9, "column": 10, "end_line": 9, "end_column": 15, "label": "分母", "text": "3600人"},
    ]


WILD_FIGURES = str(FIXTURES / "figures-in-the-wild.txt")


def test_tree_facts_show_rate_checks_the_way_reports_write_them():
    out = run("tree", "--facts", WILD_FIGURES).stdout
    assert "第7行 优秀率90%：✓ 72卷÷80卷＝90.000%" in out
    assert "第8行 审核率100%：✓ 14件是所在分句组唯一的同类数字，分子即全部，100%相符" in out
    assert out.count("第9行 占50%：✓ 6件÷12件＝50.000%") == 2


def test_parts_after_a_full_stop_are_checked_against_the_previous_total():
    result = run("check", "--format", "concise", "--select", "consistency", WILD_FIGURES)
    assert result.stdout.splitlines()[0] == (
        f"{WILD_FIGURES}:5:31: C003 分项之和2550件超过了合计2,310件（980件＋1,450件＋120件）")
    assert len([line for line in result.stdout.splitlines() if ": C0" in line]) == 1


@pytest.mark.parametrize("args, message", [
    (["check", "--fail-on", "nope", CLEAN],
     "--fail-on 的值无效：“nope”不是可选的值（可选：error、warning、info）（用 lintlaw check -h 查看用法）"),
    (["check", "--jobs", "abc", CLEAN], "--jobs / -j 的值无效：“abc”不是整数（用 lintlaw check -h 查看用法）"),
    (["check", "--jobs", "0", CLEAN], "--jobs / -j 的值无效：0 超出范围（至少为 1）（用 lintlaw check -h 查看用法）"),
    (["serve", "--port", "70000"], "--port 的值无效：70000 超出范围（0 到 65535）（用 lintlaw serve -h 查看用法）"),
    (["check", "--fial-on", "error", CLEAN], "没有选项 --fial-on，是否想用 --fail-on？（用 lintlaw check -h 查看用法）"),
    (["check", "--bogus", CLEAN], "没有选项 --bogus（用 lintlaw check -h 查看用法）"),
    (["chek", CLEAN], "没有命令“chek”，是否想用 check？（用 lintlaw -h 查看用法）"),
    (["lint", CLEAN], "没有命令“lint”（可用：check、config、rule、rules、serve、tree）（用 lintlaw -h 查看用法）"),
    (["check"], "缺少参数 PATHS（用 lintlaw check -h 查看用法）"),
    (["check", CLEAN, "--format"], "选项 --format 后面缺少它的值"),
    (["check", "--fix=yes", CLEAN], "选项 --fix 不带值"),
    (["tree", CLEAN, "b", "c"], "多余的参数：b c（用 lintlaw tree -h 查看用法）"),
    (["tree", CLEAN, "报告 (1).txt"], "多余的参数：报告 (1).txt（用 lintlaw tree -h 查看用法）"),
    (["it's"], "没有命令“it's”（可用：check、config、rule、rules、serve、tree）（用 lintlaw -h 查看用法）"),
    (["check", "--fail-on", "a\nb", CLEAN],
     "--fail-on 的值无效：“a\\x0ab”不是可选的值（可选：error、warning、info）（用 lintlaw check -h 查看用法）"),
])
def test_command_line_mistakes_are_one_chinese_line(args, message):
    result = run(*args)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == f"lintlaw: {message}\n"


def test_option_values_still_reach_the_command():
    result = run("check", "--fail-on", "warning", "--jobs", "1", "--format", "concise", DEFECTS)
    assert result.exit_code == 1
    assert result.stdout.splitlines()[-1].startswith("发现 ")
    assert run("check", "--fail-on", "error", "-j", "2", CLEAN).exit_code == 0


def test_rule_shows_the_message_its_rule_file_expects_else_the_template(tmp_path):
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "Y001-house-style.toml").write_text(
        'code = "Y001"\nname = "house-style"\nkind = "pattern"\ncategory = "wording"\nseverity = "info"\n'
        'message = "不用“{match}”"\npatterns = [\'其它\']\nexplanation = "x"\nauthority = "y"\n'
        '[examples]\nbad = ["其它事项"]\ngood = ["其他事项"]\n', encoding="utf-8")
    shown = run("rule", "--isolated", "--rules", str(rules), "Y001").stdout.splitlines()
    assert shown[1] == "类别：用语（wording）    级别：提示（info）"
    assert shown[5] == "消息：不用“{match}”"  # no expected message in the file: the template
    assert run("rule", "W001").stdout.splitlines()[5] == "消息示例：表示“到某时为止”应写“截至”，不是“截止”"


def test_rules_lists_categories_and_severities_in_chinese():
    from lintlaw.diagnostics import CATEGORY_NAMES, CATEGORIES

    assert set(CATEGORY_NAMES) == set(CATEGORIES)
    rows = [line.split() for line in run("rules").stdout.splitlines()[1:]]
    assert {row[2] for row in rows} <= set(CATEGORY_NAMES.values())
    assert {row[3] for row in rows} <= {"错误", "警告", "提示", "错误（已停用）", "警告（已停用）", "提示（已停用）"}
    assert ["S107", "marker-punctuation", "结构", "警告"] in [row[:4] for row in rows]
