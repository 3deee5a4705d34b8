"""Issue 12 section 3: a command line that reads well (help, rules, tree, hints, consistency)."""

import subprocess
import sys
from pathlib import Path

import pytest

from lintlaw.render.helptext import width_of, wrap

from .helpers import FIXTURES


def lintlaw(*args, columns=None, input=None, env=None):
    import os

    environment = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "CI")}
    if columns is not None:
        environment["COLUMNS"] = str(columns)
    environment.update(env or {})
    return subprocess.run([str(Path(sys.executable).parent / "lintlaw"), *args], capture_output=True, text=True,
                          input=input, env=environment)


# --- help -------------------------------------------------------------------------------

@pytest.mark.parametrize("option", ["-h", "--help"])
def test_help_is_chinese_complete_and_wrapped(option):
    result = lintlaw("check", option, columns=80)
    assert result.returncode == 0
    out = result.stdout
    assert out.startswith("用法：lintlaw check [选项] PATHS...\n")
    for english in ("Show this message", "Usage:", "Options", "Arguments", "…"):
        assert english not in out
    assert "  -h, --help" in out and "显示此帮助并退出。" in out
    assert all(width_of(line) <= 80 for line in out.splitlines())
    # the long --annotate help is whole, wrapped over lines
    joined = "".join(line.strip() for line in out.splitlines())
    assert "可在其后写副本的文件名（只检查一个文档时）。目录中只查找.docx和.pdf文件。" in joined.replace(" ", "")
    assert "参数：" in out and "选项：" in out


def test_group_help_lists_commands_in_chinese():
    result = lintlaw("-h", columns=60)
    assert result.returncode == 0
    assert "命令：" in result.stdout and "  check" in result.stdout
    assert "Commands" not in result.stdout
    assert all(width_of(line) <= 60 for line in result.stdout.splitlines())
    assert "下载修复后的文件。" in "".join(l.strip() for l in result.stdout.splitlines())


def test_no_arguments_shows_help_and_exits_2():
    result = lintlaw()
    assert result.returncode == 2
    assert result.stdout.startswith("用法：lintlaw [选项] 命令 [参数]...\n")


def test_wrap_keeps_latin_words_and_never_starts_with_closing_punctuation():
    lines = wrap("可选：full、concise、json、json-lines、sarif。", 20)
    assert lines == ["可选：full、", "concise、json、", "json-lines、sarif。"]
    assert wrap("一二三四五，六", 10) == ["一二三四", "五，六"]


# --- lintlaw rules ------------------------------------------------------------------------

@pytest.mark.slow
def test_rules_piped_one_line_each_names_whole_not_padded():
    result = lintlaw("rules")
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["代码", "名称", "类别", "级别", "报告类型", "修复", "说明"]
    c002 = next(line for line in lines if line.startswith("C002"))
    assert c002.split() == ["C002", "rate-over-100", "一致性", "错误", "全部", "—",
                            "办结率、满意率、覆盖率这类“部分占整体”的比率最大为100%。"]
    assert all(line == line.rstrip() for line in lines)
    from lintlaw.engine.ruleset import load_rules

    names = [line.split()[1] for line in lines[1:]]
    assert names == [r.name for r in load_rules([])]


@pytest.mark.slow
@pytest.mark.parametrize("columns", [60, 100])
def test_rules_honour_columns_and_wrap_the_summary(columns):
    lines = lintlaw("rules", columns=columns).stdout.splitlines()
    # every line fits but a row's short cells that cannot be cut (code, name, …)
    assert all(width_of(line) <= columns for line in lines if not line[:4].strip().isalnum())
    assert any(line.split()[:2] == ["C005", "listed-count-mismatch"] for line in lines)
    text = "".join(line.strip() for line in lines)
    assert "所说的数量应与列出的书名号个数一致。" in text


def test_rule_summary_is_the_first_sentence():
    from lintlaw.render.rules_list import summary

    assert summary("甲说“好。”然后\n走了。第二句。") == "甲说“好。”然后走了。"
    assert summary("没有句号") == "没有句号"


# --- tree -----------------------------------------------------------------------------------

def test_tree_wraps_long_labels_at_the_terminal_width():
    from rich.console import Console

    from lintlaw.io.inputs import load
    from lintlaw.pipeline import plan_for_path
    from lintlaw.render.tree import render

    path = str(FIXTURES / "numbering-defects.txt")
    plan = plan_for_path(path, None, True, [])
    structure = [rule for rule in plan.rules if rule.category == "structure"]
    console = Console(width=60, soft_wrap=False, highlight=False, record=True, file=open("/dev/null", "w"))
    render(load(path, None), structure, console, types=plan.types)
    out = console.export_text()
    console.file.close()
    assert all(width_of(line) <= 60 for line in out.splitlines())
    assert "…" not in out
    joined = "".join(line.strip(" │├└─") for line in out.splitlines())
    assert "编号重复：“2.”与上一个同级标题的编号相同" in joined
    assert "第7行" in joined


def test_tree_console_wraps_when_columns_is_set(monkeypatch):
    from lintlaw.render.tree import tree_console

    monkeypatch.setenv("COLUMNS", "70")
    console = tree_console()
    assert console.width == 70 and console.soft_wrap is False
    monkeypatch.delenv("COLUMNS")
    assert tree_console().width == 1000  # a pipe: lines stay whole


# --- HTML: the page's line numbers --------------------------------------------------------

PAGE = """<html>
<head><title>x</title></head>
<body>
<div class="nav">
</div>
<div>
<p>当前位置：首页 &gt; 政务公开</p>
<p>甲市教育局2024年度法治政府建设情况报告</p>
<p>一、主要举措和成效</p>
<p>全年办理案件12件。</p>
<p>（一）依法行政</p>
<p>（三）规范执法</p>
</div>
</body>
</html>
"""


@pytest.mark.slow
def test_html_messages_and_tree_use_the_page_lines(tmp_path):
    page = tmp_path / "page.html"
    page.write_text(PAGE, encoding="utf-8")
    result = lintlaw("check", "--isolated", "--format", "concise", "--select", "R001", str(page))
    assert result.stdout.splitlines()[0] == f"{page}:7:1: R001 网页残留（第7行）：“当前位置：首页 > 政务公开”不是报告正文"
    tree = lintlaw("tree", str(page)).stdout
    assert "甲市教育局2024年度法治政府建设情况报告  第8行" in tree
    assert "一、主要举措和成效  第9行" in tree
    assert "（三）规范执法  第12行  ✗ S101" in tree


# --- NUL bytes: UTF-16 without a BOM, a stray NUL --------------------------------------------

TEXT = "甲市2024年度报告\n一、主要举措\n"


@pytest.mark.slow
@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_suggests_the_encoding(tmp_path, codec):
    path = tmp_path / "r.txt"
    path.write_bytes(TEXT.encode(codec))
    result = lintlaw("check", "--isolated", str(path))
    assert result.returncode == 2
    assert result.stderr.splitlines()[0] == (
        f"lintlaw: {path}: 看来是没有字节序标记（BOM）的 UTF-16 文本；请用 --encoding {codec} 读取")
    assert lintlaw("check", "--isolated", "--encoding", codec, str(path)).returncode in (0, 1)


@pytest.mark.slow
def test_a_stray_nul_names_its_line_and_the_way_out(tmp_path):
    path = tmp_path / "r.txt"
    path.write_bytes("甲市2024年度报告\n一、主\x00要举措\n".encode())
    result = lintlaw("check", "--isolated", str(path))
    assert result.returncode == 2
    assert result.stderr.splitlines()[0] == (
        f"lintlaw: {path}: 第2行有一个空字符（NUL，\\x00），文本中不应有；请删去它，或用 --encoding 指定文件的编码")


def test_real_binary_is_still_binary():
    from lintlaw.text.nul_bytes import nul_problem

    assert nul_problem(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "b.png") == "b.png: 二进制文件，不是文本"
    assert nul_problem(b"ab\x00\x01cd", "x") == "x: 二进制文件，不是文本"
    assert nul_problem(bytes(range(256)) * 4, "y") == "y: 二进制文件，不是文本"


# --- consistency with ruff: statistics, config, selectors -----------------------------------

DEFECTS = str(FIXTURES / "numbering-defects.txt")


@pytest.mark.slow
def test_statistics_in_json():
    import json

    result = lintlaw("check", "--isolated", "--statistics", "--format", "json", "--select", "S107,S101", DEFECTS)
    assert result.returncode == 1
    assert json.loads(result.stdout) == [
        {"code": "S101", "name": "numbering-gap", "count": 3, "fixable": 0},
        {"code": "S107", "name": "marker-punctuation", "count": 2, "fixable": 2},
    ]


def test_config_of_a_missing_path_is_an_error():
    result = lintlaw("config", "/nonexistent/lintlaw")
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == "lintlaw: /nonexistent/lintlaw: 文件或目录不存在\n"


@pytest.mark.slow
def test_selectors_take_codes_in_any_case():
    lower = lintlaw("check", "--isolated", "--format", "concise", "--select", "s101", DEFECTS)
    upper = lintlaw("check", "--isolated", "--format", "concise", "--select", "S101", DEFECTS)
    assert lower.returncode == 1 and lower.stdout == upper.stdout
    assert lower.stdout.count(" S101 ") == 3
    ignored = lintlaw("check", "--isolated", "--format", "concise", "--select", "S1", "--ignore", "s10", DEFECTS)
    assert ignored.returncode == 0 and " S10" not in ignored.stdout and " S110 " in ignored.stdout


@pytest.mark.slow
@pytest.mark.parametrize("value", ["", "S101,", " "])
def test_an_empty_selector_is_an_error(value):
    result = lintlaw("check", "--isolated", "--select", value, DEFECTS)
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == "lintlaw: 空的规则选择器（不选规则时省略此选项；选全部规则用 ALL）\n"


# --- progress bar ---------------------------------------------------------------------------

class _Terminal:
    """A stand-in for standard error at a terminal."""

    def __init__(self):
        self.written = []

    def isatty(self):
        return True

    def write(self, text):
        self.written.append(text)
        return len(text)

    def flush(self):
        pass


def test_progress_only_for_many_files_at_a_terminal_outside_ci(monkeypatch):
    from lintlaw.render import progress

    monkeypatch.delenv("CI", raising=False)
    monkeypatch.setattr(sys, "stderr", _Terminal())
    assert progress.wanted(5) and not progress.wanted(4)
    monkeypatch.setenv("CI", "true")
    assert not progress.wanted(50)
    monkeypatch.delenv("CI")
    monkeypatch.setattr(sys, "stderr", open("/dev/null", "w"))
    assert not progress.wanted(50)
    sys.stderr.close()


def test_progress_bar_counts_every_file(monkeypatch, tmp_path):
    from lintlaw.io.config import Settings
    from lintlaw.render import progress
    from lintlaw.runner import Options, Plan, check_files

    monkeypatch.delenv("CI", raising=False)
    terminal = _Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    plans = {}
    for i in range(6):
        path = tmp_path / f"{i}.txt"
        path.write_text("甲市2024年度法治政府建设情况报告\n", encoding="utf-8")
        plans[str(path)] = Plan([], Settings())
    for jobs in (1, 2):
        calls = []
        assert len(check_files(plans, Options(), jobs, lambda: calls.append(1))) == 6
        assert len(calls) == 6
    with progress.file_progress(6) as advance:
        for _ in range(6):
            advance()
    assert "6/6" in "".join(terminal.written)


@pytest.mark.slow
def test_a_plain_check_does_not_import_the_progress_bar():
    code = ("import sys; from lintlaw.cli import main; sys.argv = ['lintlaw', 'check', '--format', 'concise', "
            f"{str(FIXTURES / 'well-formed.txt')!r}]\n"
            "try:\n    main()\nexcept SystemExit:\n    pass\n"
            "print('rich.progress' in sys.modules, 'rich' in sys.modules, file=sys.stderr)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stderr.strip().splitlines()[-1] == "False False"


# --- README ---------------------------------------------------------------------------------

README = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")


def test_readme_names_the_suffixes_directories_are_searched_for():
    import re

    from lintlaw.io.inputs import SUFFIXES

    statement = re.search(r"Directories are searched for (.*?) files", README, re.S).group(1)
    assert re.findall(r"`(\.\w+)`", statement) == list(SUFFIXES)
    assert "`.txt` and `.md` (" not in README


def test_readme_precommit_snippet_pins_a_commit_not_a_missing_tag():
    import re

    revs = re.findall(r"^\s*rev: (\S+)", README, re.M)
    assert revs and all(re.fullmatch(r"[0-9a-f]{40}", rev) for rev in revs)
    assert "no release tags yet, so pin a commit" in README
