"""Failures an independent QA pass found after issue 9 (items A-M of its report)."""

import pytest

from .test_cli import run
from .test_readers import PAGE


# A: --fix on standard input passes web pages through, and names them; a Word document's
# reviewed copy goes to standard output.

def test_fix_on_standard_input_passes_a_web_page_through_byte_for_byte():
    data = PAGE.encode("utf-8")
    result = run("check", "--fix", "--select", "W001", "--stdin-filename", "x.html", "-", input=data)
    assert result.stdout_bytes == data
    assert result.stderr.startswith("lintlaw: x.html: 网页不能自动修复，只报告问题\n")


def test_fix_on_standard_input_gives_a_word_documents_reviewed_copy(tmp_path):
    import io
    import zipfile

    docx = pytest.importorskip("docx")
    document = docx.Document()
    document.add_paragraph("截止目前，已完成。")
    path = tmp_path / "r.docx"
    document.save(path)
    data = path.read_bytes()
    result = run("check", "--fix", "--select", "W001", "--stdin-filename", "r.docx", "-", input=data)
    body = zipfile.ZipFile(io.BytesIO(result.stdout_bytes)).read("word/document.xml").decode("utf-8")
    assert "<w:delText xml:space=\"preserve\">截止</w:delText>" in body and ">截至</w:t>" in body
    assert "W001" not in result.stderr  # fixed: nothing remains to report
    assert result.exit_code == 0


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


def test_mojibake_is_detected_by_the_built_in_rule_itself(tmp_path):
    # The guard runs R003 itself, loaded apart from the selected rules.
    from lintlaw.runner import has_mojibake
    from lintlaw.text.source import Source

    assert has_mojibake(Source("m.txt", MOJIBAKE_REPORT))
    assert not has_mojibake(Source("m.txt", MOJIBAKE_REPORT.replace("\ufffd\ufffd", "35")))


# C: only regular files are read; a named pipe or a device is refused before any read.

def _lintlaw(*args, cwd, timeout=30):
    import subprocess
    import sys

    return subprocess.run([sys.executable, "-m", "lintlaw", *args], cwd=cwd, capture_output=True,
                          timeout=timeout)


@pytest.mark.slow
@pytest.mark.parametrize("fix", [[], ["--fix"]])
def test_named_pipe_is_refused_without_waiting_for_a_writer(tmp_path, fix):
    import os

    os.mkfifo(tmp_path / "f.txt")
    (tmp_path / "ok.txt").write_text("正文。\n", encoding="utf-8")
    result = _lintlaw("check", *fix, "f.txt", "ok.txt", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.decode().splitlines()[0] == "lintlaw: f.txt: 是命名管道，不是普通文件，不检查"
    assert "检查了 1 个文件" in result.stdout.decode()


@pytest.mark.slow
@pytest.mark.parametrize("fix", [[], ["--fix"]])
def test_device_is_refused_before_it_is_read(tmp_path, fix):
    result = _lintlaw("check", *fix, "/dev/zero", cwd=tmp_path)
    assert (result.returncode, result.stderr.decode()) == (
        2, "lintlaw: /dev/zero: 是字符设备，不是普通文件，不检查\n")


def test_running_out_of_memory_while_decoding_is_a_one_line_error(tmp_path, monkeypatch):
    from lintlaw.text import source

    def exhausted(*_args, **_kwargs):
        raise MemoryError

    path = tmp_path / "huge.txt"
    path.write_text("正文。\n", encoding="utf-8")
    monkeypatch.setattr(source, "decode", exhausted)
    result = run("check", str(path))
    assert (result.exit_code, result.stderr) == (2, f"lintlaw: {path}: 文件太大，内存不足，无法解码\n")


# E: deeply nested JSON or TOML from users is a one-line error; a baseline may carry a BOM.

DEEP_JSON = "[" * 100000 + "]" * 100000


def test_deeply_nested_baseline_is_a_one_line_error(tmp_path):
    report = tmp_path / "r.txt"
    report.write_text("正文。\n", encoding="utf-8")
    baseline = tmp_path / "b.json"
    baseline.write_text(DEEP_JSON, encoding="utf-8")
    result = run("check", "--baseline", str(baseline), str(report))
    assert (result.exit_code, result.stderr) == (
        2, f"lintlaw: {baseline}: 基线文件不是有效的 JSON（嵌套层次太深）\n")


def test_baseline_saved_with_a_byte_order_mark_is_read(tmp_path):
    report = tmp_path / "r.txt"
    report.write_text("截止目前，已完成。\n", encoding="utf-8")
    baseline = tmp_path / "b.json"
    assert run("check", "--select", "W001", "--write-baseline", str(baseline), str(report)).exit_code == 0
    baseline.write_bytes(b"\xef\xbb\xbf" + baseline.read_bytes())
    result = run("check", "--select", "W001", "--baseline", str(baseline), str(report))
    assert (result.exit_code, result.stdout) == (0, "未发现问题（检查了 1 个文件）。\n")


def test_deeply_nested_configuration_and_rule_file_are_one_line_errors(tmp_path):
    report = tmp_path / "r.txt"
    report.write_text("正文。\n", encoding="utf-8")
    config = tmp_path / "lintlaw.toml"
    config.write_text("select = " + DEEP_JSON + "\n", encoding="utf-8")
    result = run("check", str(report))
    assert (result.exit_code, result.stderr) == (
        2, f"lintlaw: {config}: 配置文件不是有效的 TOML（嵌套层次太深）\n")
    config.unlink()
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "Y001-deep.toml").write_text("patterns = " + DEEP_JSON + "\n", encoding="utf-8")
    result = run("check", "--rules", str(rules), str(report))
    assert result.exit_code == 2
    assert result.stderr == f"lintlaw: {rules / 'Y001-deep.toml'}: 不是有效的 TOML（嵌套层次太深）\n"


def test_deeply_nested_rule_cache_is_ignored_and_rebuilt(tmp_path, monkeypatch):
    from lintlaw.engine import rulecache
    from lintlaw.engine.ruleset import load_rules

    monkeypatch.setenv("LINTLAW_CACHE_DIR", str(tmp_path / "cache"))
    expected = [(r.code, r.message) for r in load_rules()]
    [cached] = (tmp_path / "cache").glob("rules-*.json")
    cached.write_text(f"{rulecache._checksum(DEEP_JSON)}\n{DEEP_JSON}", encoding="utf-8")
    assert [(r.code, r.message) for r in load_rules()] == expected


# F: the per-rule time budget grows with the text, so built-in rules never trip on large files.

def test_rule_budget_grows_with_the_text():
    from lintlaw.engine.kinds.pattern import budget_for

    assert budget_for("正文。" * 10, "r.txt").seconds == pytest.approx(2.0, abs=0.001)
    assert budget_for("正" * 3_000_000, "r.txt").seconds == pytest.approx(11.0)  # ~9 MB of UTF-8


def test_built_in_rules_do_not_run_out_of_time_on_a_big_text(monkeypatch):
    import lintlaw.engine.kinds.pattern as pattern
    from lintlaw.engine.linter import lint
    from lintlaw.engine.ruleset import load_rules, select_rules
    from lintlaw.text.source import Source

    # No base time at all: only the text's own share, 0.6 s for these 200,000 characters,
    # ten times what N001 and R001 (page chrome, glued patterns) need.
    monkeypatch.setattr(pattern, "RULE_BUDGET_SECONDS", 0.0)
    rules = select_rules(load_rules(), ["N001", "R001"], None)
    text = "甲市2024年度法治政府建设情况报告\n一、主要举措\n" + "全年办理行政复议案件35件，约占全部案件的一半。\n" * 8000
    found = lint(Source("big.txt", text), rules)
    assert {d.code for d in found} <= {"N001", "R001"}


# G: --statistics counts as fixable only findings in files --fix can write.

def test_statistics_do_not_count_fixes_in_web_pages(tmp_path):
    page = tmp_path / "p.html"
    page.write_text(PAGE, encoding="utf-8")
    text = tmp_path / "r.txt"
    text.write_text("截止目前，已完成。\n", encoding="utf-8")
    assert run("check", "--statistics", "--select", "W001", str(page)).stdout.splitlines()[0] == (
        "     1  W001  cutoff-for-as-of")
    assert run("check", "--statistics", "--select", "W001", str(text)).stdout.splitlines()[0] == (
        "     1  W001  cutoff-for-as-of  （可修复 1）")


# I: standard output or error closed.

@pytest.mark.slow
@pytest.mark.parametrize("closed", [">&-", "2>&-"])
def test_closed_standard_output_or_error_is_no_crash(tmp_path, closed):
    import subprocess
    import sys

    (tmp_path / "fixable.txt").write_text("截止目前，已完成。\n", encoding="utf-8")
    command = f"'{sys.executable}' -m lintlaw check --fail-on warning fixable.txt {closed}"
    result = subprocess.run(["bash", "-c", command], cwd=tmp_path, capture_output=True, timeout=60)
    assert result.returncode == 1
    assert b"Error" not in result.stdout + result.stderr


# J: one file named several ways is checked (and fixed) once.

def test_a_file_named_twice_is_checked_once(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "dup.txt").write_text("截止目前，已完成。\n", encoding="utf-8")
    (tmp_path / "link-to-dup.txt").symlink_to("dup.txt")
    result = run("check", "--fix", "--jobs", "2", "dup.txt", "./dup.txt", "link-to-dup.txt")
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == "已修复 1 个问题（1 处改动）。未发现其余问题（检查了 1 个文件）。\n"
    assert (tmp_path / "dup.txt").read_text(encoding="utf-8") == "截至目前，已完成。\n"


# K: no fix counts when nothing could be fixed.

def test_no_fix_counts_when_no_input_could_be_read(tmp_path):
    result = run("check", "--fix", str(tmp_path / "missing.txt"))
    assert result.exit_code == 2
    assert result.stdout == "1 个文件无法读取，未检查（见上方的错误信息）。\n"


# L: a rules entry that is a file, not a directory.

def test_rules_pointing_at_a_file_says_it_is_not_a_directory(tmp_path):
    (tmp_path / "r.txt").write_text("正文。\n", encoding="utf-8")
    (tmp_path / "lintlaw.toml").write_text('rules = ["r.txt"]\n', encoding="utf-8")
    result = run("check", str(tmp_path / "r.txt"))
    assert (result.exit_code, result.stderr) == (
        2, f"lintlaw: {tmp_path / 'r.txt'}: 不是目录（应指向存放规则文件的目录）\n")


# M: half-width heading markers, from five in a report, are one S107 finding whose fix converts all.

def _half_width_report(count: int) -> str:
    parts = "".join(f"({n})依法履职\n正文。\n" for n in "一二三四五六"[:count])
    return "甲市2024年度法治政府建设情况报告\n一、主要举措\n" + parts + "二、存在的不足\n1、执法\n正文。\n"


def test_five_half_width_markers_are_one_finding_fixed_together(tmp_path):
    path = tmp_path / "r.txt"
    path.write_text(_half_width_report(5), encoding="utf-8")
    result = run("check", "--format", "concise", "--select", "S107", str(path))
    assert result.stdout.splitlines()[:2] == [
        f"{path}:3:1: S107 标题编号“(一)”标点不规范，应写作“（一）”（全文 5 处标题编号用了半角括号，修复一并改为全角）",
        f"{path}:14:1: S107 标题编号“1、”标点不规范，应写作“1.”"]
    assert run("check", "--fix", "--select", "S107", str(path)).exit_code == 0
    assert path.read_text(encoding="utf-8") == (
        _half_width_report(5).replace("(", "（").replace(")", "）").replace("1、", "1."))


def test_the_one_half_width_finding_s_fix_rewrites_every_marker_in_one_pass(all_rules):
    from lintlaw.engine.linter import lint
    from lintlaw.engine.ruleset import select_rules

    from .helpers import source_of

    text = _half_width_report(5)
    [found, _] = lint(source_of(text), select_rules(all_rules, ["S107"], None))
    assert [text[edit.start:edit.end] + edit.content for edit in found.fix.edits] == [
        f"({n})（{n}）" for n in "一二三四五"]


def test_four_half_width_markers_are_reported_one_by_one(tmp_path):
    path = tmp_path / "r.txt"
    path.write_text(_half_width_report(4), encoding="utf-8")
    result = run("check", "--format", "concise", "--select", "S107", str(path))
    assert result.stdout.splitlines()[:5] == [
        f"{path}:{3 + 2 * i}:1: S107 标题编号“({n})”标点不规范，应写作“（{n}）”" for i, n in enumerate("一二三四")
    ] + [f"{path}:12:1: S107 标题编号“1、”标点不规范，应写作“1.”"]


def test_fix_on_standard_input_passes_it_through_when_a_rule_fails(tmp_path, monkeypatch):
    import lintlaw.engine.kinds.pattern as pattern

    from .test_robustness import BACKTRACKING_RULE

    monkeypatch.setattr(pattern, "RULE_BUDGET_SECONDS", 0.0)  # the rule runs out of time at once
    monkeypatch.setattr(pattern, "BUDGET_SECONDS_PER_MILLION_CHARACTERS", 0.0)
    (tmp_path / "slow").mkdir()
    (tmp_path / "slow" / "Y001.toml").write_text(BACKTRACKING_RULE, encoding="utf-8")
    data = "甲市2024年度法治政府建设情况报告\n一、主要举措\n（一）aaab\n截止目前，已完成。\n".encode("utf-8")
    result = run("check", "--fix", "--rules", str(tmp_path / "slow"), "--select", "Y001,W001", "-", input=data)
    assert result.exit_code == 2
    assert result.stdout_bytes == data
    assert "运行超时" in result.stderr
