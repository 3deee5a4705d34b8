"""One filter for a configuration's ignore-findings and a baseline (lintlaw/io/suppression.py):
what either covers is neither printed, nor fixed, nor counted towards the exit status."""

import json

import pytest

from .test_cli import run

TITLE = "青山县2024年法治政府建设情况报告\n\n"
THREE = TITLE + "截止目前，甲项已完成。\n\n截止目前，乙项已完成。\n\n截止目前，丙项已完成。\n"
MESSAGE = "W001 表示“到某时为止”应写“截至”，不是“截止”"


@pytest.fixture()
def covered(tmp_path, monkeypatch):
    """a.txt with three W001 findings: 甲 in the baseline, 乙 in the configuration's ignore-findings, 丙 new."""
    monkeypatch.chdir(tmp_path)
    report = tmp_path / "a.txt"
    report.write_text(TITLE + "截止目前，甲项已完成。\n", encoding="utf-8")
    assert run("check", "--select", "W001", "--write-baseline", "baseline.json", "a.txt").exit_code == 0
    report.write_text(THREE, encoding="utf-8")
    items = json.loads(run("check", "--format", "gitlab", "--select", "W001", "a.txt").stdout)
    second = next(item for item in items if item["location"]["lines"]["begin"] == 5)
    (tmp_path / "lintlaw.toml").write_text(
        f'[[ignore-findings]]\nrule = "W001"\npath = "a.txt"\nfingerprint = "{second["fingerprint"]}"\n',
        encoding="utf-8")
    return report


def check(*args):
    return run("check", "--format", "concise", "--select", "W001", "--fail-on", "warning", *args)


def test_only_the_finding_neither_covers_is_printed(covered):
    result = check("--baseline", "baseline.json", "a.txt")
    assert result.stdout.splitlines() == [
        f"a.txt:7:1: {MESSAGE}",
        "发现 1 个问题（错误 0，警告 1，提示 0），检查了 1 个文件。其中 1 个可用 --fix 自动修复。"]
    assert result.stderr == ""
    assert result.exit_code == 1


def test_fix_leaves_what_the_baseline_and_the_configuration_cover(covered):
    result = check("--fix", "--baseline", "baseline.json", "a.txt")
    assert covered.read_text(encoding="utf-8") == THREE.replace("截止目前，丙", "截至目前，丙")
    assert result.stdout.splitlines() == ["已修复 1 个问题（1 处改动）。未发现其余问题（检查了 1 个文件）。"]
    assert result.exit_code == 0


def test_diff_shows_only_the_new_findings_fix(covered):
    result = check("--diff", "--baseline", "baseline.json", "a.txt")
    changed = [line for line in result.stdout.splitlines() if line[:1] in "+-" and line[:3] not in ("+++", "---")]
    assert changed == ["-截止目前，丙项已完成。", "+截至目前，丙项已完成。"]
    assert result.stderr == "1 个问题可以自动修复（1 处改动），涉及 1 个文件。\n"
    assert result.exit_code == 1


def test_without_the_baseline_its_finding_is_printed_and_fixed(covered):
    assert [line.split(": ", 1)[0] for line in check("a.txt").stdout.splitlines()[:-1]] == ["a.txt:3:1", "a.txt:7:1"]
    assert check("--fix", "a.txt").exit_code == 0
    assert covered.read_text(encoding="utf-8") == THREE.replace("截止目前，甲", "截至目前，甲").replace(
        "截止目前，丙", "截至目前，丙")


def test_everything_covered_is_exit_0_even_failing_on_warnings(covered):
    covered.write_text(THREE.replace("截止目前，丙项已完成。\n", ""), encoding="utf-8")
    result = check("--baseline", "baseline.json", "a.txt")
    assert (result.exit_code, result.stdout, result.stderr) == (0, "未发现问题（检查了 1 个文件）。\n", "")
    assert check("--fix", "--baseline", "baseline.json", "a.txt").exit_code == 0
    assert covered.read_text(encoding="utf-8") == THREE.replace("截止目前，丙项已完成。\n", "")


def test_a_stale_entry_is_listed_after_fixing_too(covered):
    covered.write_text(THREE.replace("截止目前，甲", "甲"), encoding="utf-8")
    result = check("--fix", "--baseline", "baseline.json", "a.txt")
    assert result.stderr.splitlines() == [
        "lintlaw: 基线 baseline.json 中有 1 条记录已不再出现，可用 --write-baseline 更新：",
        f"  a.txt:3: {MESSAGE}"]
    assert result.exit_code == 0


@pytest.mark.parametrize("line, fixed, column", [
    ("截止目前,甲项已完成。", "截止目前，甲项已完成。", 1),  # P009 after the finding
    ("甲项。。截止目前已完成。", "甲项。截止目前已完成。", 4),  # P003 before it: the text shifts left
])
def test_a_fix_beside_a_baselined_finding_does_not_let_it_be_fixed(tmp_path, monkeypatch, line, fixed, column):
    # The fix beside the baselined 截止目前 changes the characters around it, so its
    # fingerprint: it is not fixed in the next round all the same. The report then
    # describes the file as a plain check will: a finding no entry matches.
    monkeypatch.chdir(tmp_path)
    report = tmp_path / "b.txt"
    report.write_text(TITLE + line + "\n", encoding="utf-8")
    assert run("check", "--select", "W001", "--write-baseline", "baseline.json", "b.txt").exit_code == 0
    result = check("--select", "W001,P003,P009", "--fix", "--baseline", "baseline.json", "b.txt")
    assert report.read_text(encoding="utf-8") == TITLE + fixed + "\n"
    assert result.stdout.splitlines() == [
        f"b.txt:3:{column}: {MESSAGE}",
        "已修复 1 个问题（1 处改动）。剩余 1 个问题（错误 0，警告 1，提示 0），检查了 1 个文件。"]
    assert result.stderr.splitlines() == [
        "lintlaw: 基线 baseline.json 中有 1 条记录已不再出现，可用 --write-baseline 更新：",
        f"  b.txt:3: {MESSAGE}"]
    assert result.exit_code == 1


def test_writing_a_baseline_records_what_an_old_baseline_covers_too(covered):
    result = run("check", "--select", "W001", "--baseline", "baseline.json", "--write-baseline", "new.json", "a.txt")
    assert result.exit_code == 0
    entries = json.loads((covered.parent / "new.json").read_text(encoding="utf-8"))["findings"]
    assert [entry["line"] for entry in entries] == [3, 7]  # 乙 stays with the configuration


@pytest.mark.slow
def test_stale_entries_of_several_files_checked_by_workers(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(TITLE + "截止目前，甲项已完成。\n", encoding="utf-8")
    assert run("check", "--select", "W001", "--write-baseline", "baseline.json", "a.txt", "b.txt").exit_code == 0
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(TITLE + "截至目前，甲项已完成。\n", encoding="utf-8")
    result = check("--jobs", "2", "--baseline", "baseline.json", "a.txt", "b.txt")
    assert result.stderr.splitlines() == [
        "lintlaw: 基线 baseline.json 中有 2 条记录已不再出现，可用 --write-baseline 更新：",
        f"  a.txt:3: {MESSAGE}", f"  b.txt:3: {MESSAGE}"]
    assert result.exit_code == 0


def _pattern_rule(code: str, name: str, pattern: str, replace: str, bad: str, good: str) -> str:
    return (f'code = "{code}"\nname = "{name}"\nkind = "pattern"\ncategory = "wording"\nseverity = "warning"\n'
            f'message = "“{{match}}”"\npatterns = ["{pattern}"]\nfix = {{ replace = "{replace}", safe = true }}\n'
            f'explanation = "测试。"\nauthority = "测试"\n[examples]\nbad = ["{bad}"]\ngood = ["{good}"]\n')


@pytest.mark.parametrize("line, fixed, found", [
    ("共甲丙戊。", "共甲丁丁丁。", "3:2: Y001 “甲丁丁丁”"),  # the fix runs across the finding's end
    ("共戊丙甲。", "共丁丁丁甲。", "3:2: Y001 “丁丁丁甲”"),  # across its start
    # The same after a fix earlier in the line that made the text longer.
    ("戊丙，共甲丙戊。", "丁丁丁，共甲丁丁丁。", "3:6: Y001 “甲丁丁丁”"),
    ("戊丙，共戊丙甲。", "丁丁丁，共丁丁丁甲。", "3:6: Y001 “丁丁丁甲”"),
    # Beside it: the new text Y002 writes next to Y001's 甲 becomes part of Y001's match.
    ("共甲戊丙。", "共甲丁丁丁。", "3:2: Y001 “甲丁丁丁”"),  # from its end
    ("共丙戊甲。", "共丁丁丁甲。", "3:2: Y001 “丁丁丁甲”"),  # up to its start
    # Beside it, Y003's new text that Y001 does not match: Y001 keeps its span.
    ("共甲戊己。", "共甲庚。", "3:2: Y001 “甲”"),
    ("共戊己甲。", "共庚甲。", "3:3: Y001 “甲”"),
    # Beside it, after an earlier fix in the line.
    ("戊丙，共丙戊甲。", "丁丁丁，共丁丁丁甲。", "3:6: Y001 “丁丁丁甲”"),
    ("戊丙，共甲戊己。", "丁丁丁，共甲庚。", "3:6: Y001 “甲”"),
])
def test_a_fix_across_a_baselined_finding_does_not_let_it_be_fixed(tmp_path, monkeypatch, line, fixed, found):
    # Y002 rewrites part of the baselined Y001 finding, or writes next to it: Y001 then
    # finds a longer text at the moved span, with a new fingerprint, and leaves it alone
    # all the same.
    monkeypatch.chdir(tmp_path)
    (tmp_path / "own").mkdir()
    (tmp_path / "own" / "Y001-first.toml").write_text(
        _pattern_rule("Y001", "first", "[丙丁]*甲[丙丁]*", "乙", "甲丙", "乙"), encoding="utf-8")
    (tmp_path / "own" / "Y002-second.toml").write_text(
        _pattern_rule("Y002", "second", "戊丙|丙戊", "丁丁丁", "丙戊", "丁"), encoding="utf-8")
    (tmp_path / "own" / "Y003-third.toml").write_text(
        _pattern_rule("Y003", "third", "戊己|己戊", "庚", "戊己", "庚"), encoding="utf-8")
    report = tmp_path / "c.txt"
    report.write_text(TITLE + line + "\n", encoding="utf-8")
    assert run("check", "--rules", "own", "--select", "Y001", "--write-baseline", "baseline.json",
               "c.txt").exit_code == 0
    result = check("--rules", "own", "--select", "Y", "--fix", "--baseline", "baseline.json", "c.txt")
    assert report.read_text(encoding="utf-8") == TITLE + fixed + "\n"
    assert result.stdout.splitlines()[0] == f"c.txt:{found}"
