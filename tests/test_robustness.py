"""Bad side files, runaway rules, encodings, signals and paths (issue 9)."""

import json
import re
import shutil
from pathlib import Path

import pytest

from .events import CAN_WATCH, first_output, read_line, wait_for_exit, watch
from .helpers import EXAMPLE, FIXTURES
from .test_cli import run



def concise_codes(result):
    return [line.split(": ", 1)[1].split(" ")[0] for line in result.stdout.splitlines()
            if line.split(":", 1)[0].endswith(".txt")]


# Item 12: configuration files of the wrong shape.

@pytest.mark.parametrize("text, problem", [
    ("[tool]\nlintlaw = 1\n", "tool.lintlaw 应为表（[tool.lintlaw]），实际是数字"),
    ('tool = "lintlaw"\n', "tool 应为表（[tool]），实际是字符串"),
    ("[[tool.lintlaw]]\n", "tool.lintlaw 应为表（[tool.lintlaw]），实际是数组"),
    ("[tool.lintlaw\n", "配置文件不是有效的 TOML（"),
    ("x = [\n", "配置文件不是有效的 TOML（"),
])
def test_malformed_pyproject_is_exit_2_naming_the_file(project, text, problem):
    (project / "pyproject.toml").write_text(text, encoding="utf-8")
    result = run("check", "reports/a.txt")
    assert result.exit_code == 2
    assert result.stderr.startswith(f"lintlaw: {project / 'pyproject.toml'}: {problem}")
    assert result.stdout == ""


def test_pyproject_without_lintlaw_table_is_passed_over(project):
    (project / "reports" / "pyproject.toml").write_text("[tool.other]\nx = 1\n", encoding="utf-8")
    (project / "lintlaw.toml").write_text('select = ["D001"]\n', encoding="utf-8")
    result = run("check", "--format", "concise", "reports/a.txt")
    assert concise_codes(result) == ["D001"]


@pytest.mark.parametrize("text, message", [
    ("per-file-ignores = 1\n", "per-file-ignores: 应为“通配符 = [规则]”的表"),
    ('[per-file-ignores]\n"a" = "x"\n', "per-file-ignores: 应为“通配符 = [规则]”的表"),
    ("severity = []\n", "severity: 应为“规则 = 级别”的表"),
    ("[severity]\nS101 = []\n", "severity: 应为“规则 = 级别”的表"),
    ('rules = "x"\n', "rules: 应为“规则 = 选项表”"),
    ('rule-dirs = "x"\n', "rule-dirs: 应为字符串列表"),
    ("[rules]\nD006 = 1\n", "rules.D006: 应为选项表，如 [rules.D006] 下写“选项 = 值”，实际是数字"),
    ("select = 1\n", "select: 应为字符串列表"),
    ("fail-on = []\n", "fail-on: 只能取 error、warning、info"),
    ("report-type = {}\n", 'report-type: 应为报告类型的名称（如 "law-based-government"）或 "auto"'),
    ("deadline = []\n", "deadline: 应为“月-日”"),
    ("ignore-findings = 1\n", "ignore-findings: 应为 {"),
    ('ignore-findings = [{rule = 1, path = "a", fingerprint = "b"}]\n', "ignore-findings: 应为 {"),
])
@pytest.mark.parametrize("name, table", [("lintlaw.toml", ""), ("pyproject.toml", "[tool.lintlaw]\n")])
def test_configuration_values_of_the_wrong_shape(project, name, table, text, message):
    if table:
        text = re.sub(r"^\[", "[tool.lintlaw.", text, flags=re.M)
    (project / name).write_text(table + text, encoding="utf-8")
    result = run("check", "reports/a.txt")
    assert result.exit_code == 2
    assert result.stderr == f"lintlaw: {project / name}: {message}" + result.stderr.split(message, 1)[1]
    assert result.stderr.count("\n") == 1


# Item 13: baselines of the wrong shape.

GOOD_ENTRY = {"rule": "D001", "path": "reports/a.txt", "fingerprint": "0" * 16, "line": 3, "message": "m"}


@pytest.mark.parametrize("data, problem", [
    ([1, 2], "应为 JSON 对象"),
    (None, "应为 JSON 对象"),
    ({"findings": []}, "需要 \"version\": 1"),
    ({"version": 1}, "需要 findings 列表"),
    ({"version": 1, "findings": {}}, "需要 findings 列表"),
    ({"version": 1, "findings": [1]}, "findings 第 1 项不是对象"),
    ({"version": 1, "findings": [GOOD_ENTRY, {k: v for k, v in GOOD_ENTRY.items() if k != "line"}]},
     "findings 第 2 项缺少 line"),
    ({"version": 1, "findings": [dict(GOOD_ENTRY, path=["reports/a.txt"])]}, "findings 第 1 项的 path 应为字符串"),
    ({"version": 1, "findings": [dict(GOOD_ENTRY, rule={"a": 1})]}, "findings 第 1 项的 rule 应为字符串"),
    ({"version": 1, "findings": [dict(GOOD_ENTRY, line="3")]}, "findings 第 1 项的 line 应为整数"),
    ({"version": 1, "findings": [dict(GOOD_ENTRY, line=True)]}, "findings 第 1 项的 line 应为整数"),
])
def test_baseline_of_the_wrong_shape_is_exit_2_before_any_output(project, data, problem):
    (project / "baseline.json").write_text(json.dumps(data), encoding="utf-8")
    result = run("check", "--baseline", "baseline.json", "reports/a.txt")
    assert result.exit_code == 2
    assert result.stderr == f"lintlaw: baseline.json: 不是 lintlaw 基线文件：{problem}" + \
        result.stderr.split(problem, 1)[1]
    assert result.stderr.count("\n") == 1
    assert result.stdout == ""


# Item 20: baseline and ignore-findings paths do not depend on the working directory.

def test_baseline_holds_paths_relative_to_its_own_directory(project, monkeypatch):
    (project / "ci").mkdir()
    assert run("check", "--write-baseline", "ci/baseline.json", "reports/a.txt").exit_code == 0
    entries = json.loads((project / "ci" / "baseline.json").read_text(encoding="utf-8"))["findings"]
    assert {e["path"] for e in entries} == {"../reports/a.txt"}
    for cwd, name, baseline in [(project, "reports/a.txt", "ci/baseline.json"),
                                (project, str(project / "reports" / "a.txt"), "ci/baseline.json"),
                                (project / "reports", "a.txt", "../ci/baseline.json"),
                                (project / "ci", "../reports/./a.txt",
                                 str(project / "ci" / "baseline.json"))]:
        monkeypatch.chdir(cwd)
        result = run("check", "--format", "concise", "--baseline", baseline, name)
        assert (result.exit_code, result.stdout, result.stderr) == (0, "未发现问题（检查了 1 个文件）。\n", ""), cwd


def test_baseline_written_with_an_absolute_path_matches_a_relative_run(project, monkeypatch):
    run("check", "--write-baseline", str(project / "baseline.json"), str(project / "reports" / "a.txt"))
    entries = json.loads((project / "baseline.json").read_text(encoding="utf-8"))["findings"]
    assert {e["path"] for e in entries} == {"reports/a.txt"}
    monkeypatch.chdir(project / "reports")
    result = run("check", "--format", "concise", "--baseline", "../baseline.json", "a.txt")
    assert result.exit_code == 0 and result.stderr == ""


def test_ignore_findings_match_from_any_working_directory(project, monkeypatch):
    [item] = json.loads(run("check", "--format", "gitlab", "--select", "D001", "reports/a.txt").stdout)
    (project / "lintlaw.toml").write_text(
        f'select = ["D001"]\n[[ignore-findings]]\nrule = "D001"\npath = "reports/a.txt"\n'
        f'fingerprint = "{item["fingerprint"]}"\n', encoding="utf-8")
    assert run("check", "--format", "concise", "reports/a.txt").stdout == "未发现问题（检查了 1 个文件）。\n"
    assert run("check", "--format", "concise", str(project / "reports" / "a.txt")).stdout == \
        "未发现问题（检查了 1 个文件）。\n"
    monkeypatch.chdir(project / "reports")
    assert run("check", "--format", "concise", "a.txt").stdout == "未发现问题（检查了 1 个文件）。\n"


# Item 14: a damaged rule cache is rebuilt.

@pytest.mark.parametrize("damage", [
    lambda text: "{}",
    lambda text: "[]",
    lambda text: "",
    lambda text: text[:len(text) // 2],
    lambda text: text.replace('"code": "D001"', '"code": 1', 1),
    lambda text: text.split("\n", 1)[1],  # no checksum line
])
def test_damaged_rule_cache_is_ignored_and_rebuilt(tmp_path, monkeypatch, damage):
    from lintlaw.engine.ruleset import load_rules

    monkeypatch.setenv("LINTLAW_CACHE_DIR", str(tmp_path / "cache"))
    expected = [(r.code, r.message) for r in load_rules()]
    [cached] = (tmp_path / "cache").glob("rules-*.json")
    good = cached.read_text(encoding="utf-8")
    cached.write_text(damage(good), encoding="utf-8")
    assert [(r.code, r.message) for r in load_rules()] == expected
    assert cached.read_text(encoding="utf-8") == good  # rebuilt in place
    assert [(r.code, r.message) for r in load_rules()] == expected


def test_rule_cache_of_the_wrong_shape_with_a_valid_checksum_is_rebuilt(tmp_path, monkeypatch):
    import zlib

    from lintlaw.engine.ruleset import load_rules

    monkeypatch.setenv("LINTLAW_CACHE_DIR", str(tmp_path / "cache"))
    expected = [(r.code, r.message) for r in load_rules()]
    [cached] = (tmp_path / "cache").glob("rules-*.json")
    good = cached.read_text(encoding="utf-8")
    for payload in ("{}", "[]", '{"x": 1}'):
        # The cache file's format: the payload's CRC-32 in hex, a line break, the payload.
        cached.write_text(f"{zlib.crc32(payload.encode()):08x}\n{payload}", encoding="utf-8")
        assert [(r.code, r.message) for r in load_rules()] == expected
        assert cached.read_text(encoding="utf-8") == good


# Item 11: symlink loops are unreadable inputs, not crashes.

def test_symlink_loop_input_is_a_one_line_error_and_the_rest_is_checked(project):
    (project / "loop.txt").symlink_to("loop.txt")
    (project / "loopdir").symlink_to("loopdir")
    result = run("check", "--format", "concise", "--select", "D001",
                 "loop.txt", "loopdir/x.txt", "reports/a.txt")
    assert result.exit_code == 2
    assert result.stderr == ("lintlaw: loop.txt: 符号链接循环，无法读取\n"
                             "lintlaw: loopdir/x.txt: 符号链接循环，无法读取\n")
    assert concise_codes(result) == ["D001"]


def test_symlink_loop_does_not_break_configuration_lookup(project):
    (project / "lintlaw.toml").write_text('per-file-ignores = { "x/*" = ["D001"] }\n', encoding="utf-8")
    (project / "loop.txt").symlink_to("loop.txt")
    result = run("check", "loop.txt")
    assert (result.exit_code, result.stderr) == (2, "lintlaw: loop.txt: 符号链接循环，无法读取\n")
    assert run("config", "loop.txt").exit_code == 0


# Item 15: one rule's searches share one time budget per file.

BACKTRACKING_RULE = '''\
code = "Y001"
name = "slow-heading"
kind = "pattern"
category = "wording"
severity = "warning"
message = "慢"
patterns = ['(a|a)+$']
scope = ["heading"]
explanation = "回溯。"
authority = "无"

[examples]
bad = ["一、a"]
good = ["一、b"]
'''


def test_backtracking_rule_stops_after_its_budget_for_the_file(project, monkeypatch):
    import time

    import lintlaw.engine.kinds.pattern as pattern

    # Each heading takes about 0.1 s: under any per-search limit, 6 s for the 60 headings.
    monkeypatch.setattr(pattern, "RULE_BUDGET_SECONDS", 0.3)
    (project / "slow").mkdir()
    (project / "slow" / "Y001.toml").write_text(BACKTRACKING_RULE, encoding="utf-8")
    headings = "".join(f"（{i}）{'a' * 17}b\n正文。\n" for i in range(1, 61))
    (project / "slow.txt").write_text("甲市2024年度法治政府建设情况报告\n一、主要举措\n" + headings, encoding="utf-8")
    began = time.perf_counter()
    result = run("check", "--rules", "slow", "--select", "Y001", "slow.txt")
    elapsed = time.perf_counter() - began
    assert result.exit_code == 2
    assert result.stderr == ("lintlaw: slow/Y001.toml: 正则表达式“(a|a)+$”在 slow.txt 中运行超时"
                             "（每条规则每个文件最多 0.3 秒），请简化\n")
    assert elapsed < 3.0


# Item 22: what a directory search skips.

def _tree(root, files):
    for name in files:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("标题\n", encoding="utf-8")


SKIPPED_ALWAYS = ["venv/lib/LICENSE.txt", "env2/a.md", "node_modules/pkg/README.md", "__pycache__/x.txt",
                  ".hidden/d.txt", "reports/.draft.txt", "reports/node_modules/y.txt"]


def test_directory_search_skips_environments_and_hidden_folders_without_git(tmp_path, monkeypatch):
    from lintlaw.io.inputs import expand

    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))  # no repository above tmp_path
    _tree(tmp_path, ["reports/a.txt", "reports/sub/b.md", "build/c.txt", *SKIPPED_ALWAYS])
    (tmp_path / "venv" / "pyvenv.cfg").write_text("home = /usr/bin\n", encoding="utf-8")
    (tmp_path / "env2" / "pyvenv.cfg").write_text("home = /usr/bin\n", encoding="utf-8")
    (tmp_path / ".gitignore").write_text("build/\n", encoding="utf-8")  # no repository: not read
    monkeypatch.chdir(tmp_path)
    assert expand(["."]) == ["build/c.txt", "reports/a.txt", "reports/sub/b.md"]


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_directory_search_follows_git_ignore_rules(tmp_path, monkeypatch):
    import subprocess

    from lintlaw.io.inputs import expand

    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path.parent))
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", "/dev/null")  # no user-wide excludes
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    _tree(tmp_path, ["reports/a.txt", "reports/old.bak.txt", "reports/keep.bak.txt", "build/c.txt",
                     "reports/out/d.txt", "nested/e.txt", "nested/skip/f.txt", *SKIPPED_ALWAYS])
    (tmp_path / "venv" / "pyvenv.cfg").write_text("home = /usr/bin\n", encoding="utf-8")
    (tmp_path / "env2" / "pyvenv.cfg").write_text("home = /usr/bin\n", encoding="utf-8")
    (tmp_path / ".gitignore").write_text("build/\n*.bak.txt\n!keep.bak.txt\n", encoding="utf-8")
    (tmp_path / "reports" / ".gitignore").write_text("out/\n", encoding="utf-8")
    subprocess.run(["git", "init", "-q", str(tmp_path / "nested")], check=True)  # a repository of its own
    (tmp_path / "nested" / ".gitignore").write_text("skip/\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert expand(["."]) == ["nested/e.txt", "reports/a.txt", "reports/keep.bak.txt"]
    assert expand(["reports"]) == ["reports/a.txt", "reports/keep.bak.txt"]
    # --no-ignore: git's rules off, the fixed skips stay.
    assert expand(["."], respect_ignore=False) == [
        "build/c.txt", "nested/e.txt", "nested/skip/f.txt", "reports/a.txt", "reports/keep.bak.txt",
        "reports/old.bak.txt", "reports/out/d.txt"]
    # Named files are always checked, ignored or not.
    result = run("check", "--format", "concise", "build/c.txt", "venv/lib/LICENSE.txt")
    assert (result.exit_code, result.stdout) == (0, "未发现问题（检查了 2 个文件）。\n")
    result = run("check", "build")
    assert (result.exit_code, result.stderr) == (
        2, "lintlaw: 没有找到要检查的文件（.txt、.md、.docx、.html、.htm、.pdf）；git 忽略的文件已跳过，可用 --no-ignore 检查\n")
    result = run("check", "--no-ignore", "--format", "concise", "build")
    assert (result.exit_code, result.stdout) == (0, "未发现问题（检查了 1 个文件）。\n")


# Item 10: workers die with the parent.

def _children(pid: int) -> set[int]:
    """Live child processes of a process, read from /proc (zombies count as gone)."""
    found = set()
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        state, ppid = stat.rsplit(")", 1)[1].split()[:2]
        if int(ppid) == pid and state not in ("Z", "X"):
            found.add(int(entry.name))
    return found


NEEDS_PROC = pytest.mark.skipif(not (Path("/proc/self/stat").exists() and CAN_WATCH),
                                reason="needs /proc and pidfd_open (Linux)")


@pytest.mark.slow
@NEEDS_PROC
@pytest.mark.parametrize("signal_name, fix", [("SIGTERM", False), ("SIGTERM", True), ("SIGINT", False),
                                              ("SIGHUP", True), ("SIGKILL", True)])
def test_workers_stop_when_the_parent_is_stopped(tmp_path, signal_name, fix):
    import os
    import signal
    import subprocess
    import sys
    import threading

    text = EXAMPLE.read_text(encoding="utf-8") * 20
    (tmp_path / "many").mkdir()
    for i in range(300):
        (tmp_path / "many" / f"r{i:03d}.txt").write_text(text, encoding="utf-8")
    command = [sys.executable, "-m", "lintlaw", "check", "--jobs", "2", "--format", "concise",
               *(["--fix"] if fix else []), "many"]
    process = subprocess.Popen(command, cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               start_new_session=True, bufsize=0)
    try:
        # The parent prints a file's findings once a worker has finished it (and, with --fix,
        # written it back): from then on the workers are in the middle of their work.
        assert first_output(process.stdout, "the first file's findings"), process.communicate()
        workers = _children(process.pid)
        assert len(workers) == 2, f"expected the two workers of --jobs 2, found {workers}"
        watched = {pid: watch(pid) for pid in workers}
        # The pipes are read to their end meanwhile (the workers hold standard output too), so
        # that no process waits on a full pipe; the parent alone is waited for below.
        output = {}
        readers = [threading.Thread(target=lambda name, stream: output.update({name: stream.read()}),
                                    args=(name, stream)) for name, stream in
                   (("stdout", process.stdout), ("stderr", process.stderr))]
        for reader in readers:
            reader.start()
        if signal_name == "SIGINT":
            os.killpg(process.pid, signal.SIGINT)  # what Ctrl-C in a terminal does
        else:
            os.kill(process.pid, getattr(signal, signal_name))
        process.wait(timeout=60)
        # Whatever a worker still does after the parent's death, it may not write a file.
        # (Reports only: a worker stopping this moment may still be removing its temporary file.)
        files = sorted(p for p in (tmp_path / "many").iterdir() if not p.name.startswith("."))
        mtimes = [p.stat().st_mtime_ns for p in files]
        wait_for_exit(watched, "the workers to end after their parent")
        # Every worker has ended: nothing can write any more, so this comparison is final.
        assert [p.stat().st_mtime_ns for p in files] == mtimes
        for reader in readers:
            reader.join(timeout=60)
        stderr = output["stderr"].decode()
        assert "Traceback" not in stderr and "Error" not in stderr and "File \"" not in stderr
        assert process.returncode == {"SIGTERM": 143, "SIGINT": 130, "SIGHUP": 129, "SIGKILL": -9}[signal_name]
        assert sorted(p.name for p in (tmp_path / "many").iterdir() if p.name.startswith(".")) == []
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()


# A worker that finishes a write-back after its parent died would change a file nobody is told
# about. Here the parent dies while a worker holds a fixed file's bytes just before the rename,
# and the worker's watchdog (which ends an orphaned worker within a fraction of a second) is held
# off, as it is for any write that ends within that fraction: only the check just before the
# rename (runner._abandon_if_orphaned) can keep the file as it was.
WRITE_BACK_OUTLIVING_THE_PARENT = """
import os, signal, sys
import lintlaw.io.writeback as writeback

ready, release = int(sys.argv[2]), int(sys.argv[3])
write_atomically = writeback.write_atomically


def held_write(path, data, original, still_same):
    def hold_then_check():
        signal.signal(signal.SIGTERM, signal.SIG_IGN)  # the watchdog's signal
        os.write(ready, f"{os.getpid()}\\n".encode())  # the temporary file is written
        os.read(release, 1)  # returns at end of file: the test closes its end once the parent is dead
        return still_same()
    write_atomically(path, data, original, hold_then_check)


writeback.write_atomically = held_write
sys.argv = ["lintlaw", "check", "--fix", "--select", "W001", "--jobs", "2", sys.argv[1]]
from lintlaw.cli import main
main()
"""


@pytest.mark.slow
@NEEDS_PROC
def test_a_worker_whose_parent_dies_during_its_write_back_leaves_the_file_alone(tmp_path):
    import os
    import signal
    import subprocess
    import sys

    folder = tmp_path / "reports"
    folder.mkdir()
    stale = "截止目前，全部办结。\n".encode()
    (folder / "a.txt").write_bytes(stale)  # W001 fixes 截止 to 截至
    (folder / "b.txt").write_bytes("截至目前，全部办结。\n".encode())  # nothing to fix
    ready_read, ready_write = os.pipe()
    release_read, release_write = os.pipe()
    process = subprocess.Popen([sys.executable, "-c", WRITE_BACK_OUTLIVING_THE_PARENT, str(folder),
                                str(ready_write), str(release_read)],
                               pass_fds=(ready_write, release_read), stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE, start_new_session=True)
    os.close(ready_write)
    os.close(release_read)
    watched = {}
    try:
        line = read_line(ready_read, "a worker to reach the rename of its write-back")
        assert line, process.communicate()
        worker = int(line)
        watched = {worker: watch(worker)}
        assert sorted(p.name for p in folder.iterdir() if p.name.startswith(".a.txt."))  # its temporary file
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=60)
        os.close(release_write)  # the worker goes on, an orphan now
        release_write = None
        wait_for_exit(watched, "the orphaned worker to end")
        assert (folder / "a.txt").read_bytes() == stale
        assert sorted(p.name for p in folder.iterdir()) == ["a.txt", "b.txt"]  # no temporary file left
    finally:
        if release_write is not None:
            os.close(release_write)
        os.close(ready_read)
        if process.poll() is None:
            process.kill()
            process.wait()
        process.stderr.close()


# Item 3: the encoding is decided honestly.

GBK_REPORT = FIXTURES / "gbk-report.txt"


def test_real_gbk_report_is_read_and_fixed_in_gbk(tmp_path):
    path = tmp_path / "gbk.txt"
    original = GBK_REPORT.read_bytes()
    path.write_bytes(original)
    result = run("check", "--format", "concise", "--select", "W001", str(path))
    assert result.stdout.splitlines()[0] == f"{path}:6:1: W001 表示“到某时为止”应写“截至”，不是“截止”"
    assert run("check", "--fix", "--select", "W001", str(path)).exit_code == 0
    assert path.read_bytes() == original.replace("截止目前".encode("gbk"), "截至目前".encode("gbk"))


def test_traditional_chinese_in_gb18030_is_read():
    from lintlaw.text.source import decode

    text = "甲縣2024年度法治政府建設情況報告\n一、主要舉措\n學習貫徹習近平法治思想，推進依法行政。\n"
    source = decode(text.encode("gb18030"), "t.txt")
    assert (source.encoding, source.text) == ("gb18030", text)


def test_short_gbk_text_with_a_rare_name_is_read():
    from lintlaw.text.source import decode

    text = "局长王堃、副局长李喆出席。\n"
    assert decode(text.encode("gbk"), "n.txt").text == text


def _utf8_with_stray_gbk() -> bytes:
    text = EXAMPLE.read_text(encoding="utf-8")
    return text.encode("utf-8").replace("主要举措".encode("utf-8"), "主要举措".encode("gbk"), 1)


def test_utf8_with_a_stray_gbk_sequence_is_reported_not_read_as_gb18030(tmp_path):
    from lintlaw.errors import InputError
    from lintlaw.text.source import decode

    data = _utf8_with_stray_gbk()
    offset = data.index("主要举措".encode("gbk"))
    with pytest.raises(InputError) as caught:
        decode(data, "r.txt")
    assert str(caught.value) == (f"r.txt: 大部分是 UTF-8，但第 {offset + 1} 字节起有不是 UTF-8 的内容"
                                 "（可能混入了 GBK 编码的文字），请用 --encoding 指定文件的编码")
    path = tmp_path / "r.txt"
    path.write_bytes(data)
    result = run("check", "--fix", str(path))
    assert result.exit_code == 2
    assert result.stderr.startswith(f"lintlaw: {path}: 大部分是 UTF-8，但第 {offset + 1} 字节起")
    assert path.read_bytes() == data


def test_bytes_that_read_as_rare_characters_in_gb18030_are_reported():
    from lintlaw.errors import InputError
    from lintlaw.text.source import decode

    big5 = "甲縣2024年度法治政府建設情況報告\n一、主要舉措\n學習貫徹習近平法治思想，推進依法行政。\n".encode("big5")
    with pytest.raises(InputError) as caught:
        decode(big5, "b.txt")
    assert str(caught.value) == ("b.txt: 既不是 UTF-8，按 GB18030 读出的又多是生僻字或乱码，无法确定编码，"
                                 "请用 --encoding 指定文件的编码")
    assert decode(big5, "b.txt", encoding="big5").text.startswith("甲縣2024年度")


MOJIBAKE_REPORT = "甲市2024年度法治政府建设情况报告\n一、主要举措\n截止目前，共办理\ufffd\ufffd件。\n"


@pytest.mark.parametrize("option", ["--fix", "--diff"])
def test_file_with_mojibake_is_not_fixed_unless_the_encoding_is_forced(tmp_path, option):
    path = tmp_path / "m.txt"
    path.write_text(MOJIBAKE_REPORT, encoding="utf-8")
    result = run("check", "--format", "concise", "--select", "W001,R003", option, str(path))
    # --fix: 2, as for any fix not written back; --diff: nothing would change.
    assert result.exit_code == (2 if option == "--fix" else 0)
    assert result.stderr.startswith(
        f"lintlaw: {path}: 有乱码（R003），文件编码可能识别错了，不自动修复；确认编码后用 --encoding 指定\n")
    assert path.read_text(encoding="utf-8") == MOJIBAKE_REPORT
    if option == "--fix":
        assert [line.split(": ", 1)[1][:4] for line in result.stdout.splitlines()[:2]] == ["W001", "R003"]
    else:
        assert "截至" not in result.stdout
    forced = run("check", "--select", "W001,R003", "--encoding", "utf-8", "--fix", str(path))
    assert forced.exit_code == 1 and "不自动修复" not in forced.stderr
    assert path.read_text(encoding="utf-8") == MOJIBAKE_REPORT.replace("截止目前", "截至目前")


def test_standard_input_with_mojibake_passes_through_unfixed():
    result = run("check", "--select", "W001,R003", "--fix", "-", input=MOJIBAKE_REPORT.encode("utf-8"))
    assert result.stdout_bytes == MOJIBAKE_REPORT.encode("utf-8")
    assert result.stderr.startswith("lintlaw: -: 有乱码（R003），文件编码可能识别错了，不自动修复")
