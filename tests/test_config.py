"""Configuration files, suppression by fingerprint, baselines."""

import json

import pytest

from .test_cli import run


def codes(result):
    return [line.split(": ", 1)[1].split(" ")[0] for line in result.stdout.splitlines() if ": " in line
            and line.split(": ", 1)[1][:1].isupper()]


def concise(*args):
    return run("check", "--format", "concise", *args)


def test_defaults_without_configuration(project):
    assert codes(concise("reports/a.txt")) == ["S003", "S005", "S107", "S110", "S101", "T001", "T001", "D001",
                                             "C001"]


@pytest.mark.parametrize("name, table", [("pyproject.toml", "[tool.lintlaw]\n"), ("lintlaw.toml", ""),
                                         (".lintlaw.toml", "")])
def test_select_and_ignore_from_each_kind_of_file(project, name, table):
    (project / name).write_text(table + 'select = ["structure", "T"]\nignore = ["S005", "numbering-gap"]\n',
                                encoding="utf-8")
    assert codes(concise("reports/a.txt")) == ["S003", "S107", "S110", "T001", "T001"]


def test_nearest_configuration_wins(project):
    (project / "lintlaw.toml").write_text('select = ["T"]\n', encoding="utf-8")
    (project / "reports" / "lintlaw.toml").write_text('select = ["D"]\n', encoding="utf-8")
    assert codes(concise("reports/a.txt")) == ["D001"]


def test_extend_select_per_file_ignores_severity_and_fail_on(project):
    (project / "lintlaw.toml").write_text(
        'select = ["S1"]\nextend-select = ["C001"]\nfail-on = "warning"\n'
        '[per-file-ignores]\n"reports/*.txt" = ["S101"]\n[severity]\nS110 = "info"\nC001 = "warning"\n',
        encoding="utf-8")
    result = concise("reports/a.txt")
    assert codes(result) == ["S107", "S110", "C001"]
    assert "错误 0，警告 2，提示 1" in result.stdout
    assert result.exit_code == 1  # fail-on = warning
    assert run("check", "--fail-on", "error", "reports/a.txt").exit_code == 0  # the command line wins


def test_command_line_select_replaces_the_configuration(project):
    (project / "lintlaw.toml").write_text('select = ["T"]\n', encoding="utf-8")
    assert codes(concise("--select", "D001", "reports/a.txt")) == ["D001"]
    assert codes(concise("--isolated", "--select", "S107", "reports/a.txt")) == ["S107"]


def test_deadline_and_report_type(project):
    report = project / "reports" / "b.txt"
    report.write_text("青山县教育局2024年度工作总结报告\n一、主要举措\n青山县教育局\n2025年3月20日\n", encoding="utf-8")
    (project / "lintlaw.toml").write_text(
        'deadline = "03-01"\nreport-type = "law-based-government"\nselect = ["D006", "S003"]\n', encoding="utf-8")
    result = concise("reports/b.txt")
    # The generic title would not require the 第一责任人 part; report-type makes it a 法治 report.
    assert codes(result) == ["S003", "D006"]
    assert "晚于公开期限2025年3月1日" in result.stdout


def test_fixes_follow_the_configuration(project):
    (project / "lintlaw.toml").write_text('ignore = ["S107"]\n', encoding="utf-8")
    run("check", "--fix", "reports/a.txt")
    assert "2、规范行政审批" in (project / "reports" / "a.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize("text, message", [
    ('bogus = 1\n', "bogus: 未知的配置项"),
    ('select = "T"\n', "select: 应为字符串列表"),
    ('select = ["Q9"]\n', "select: 未知的规则选择器“Q9”"),
    ('fail-on = "fatal"\n', "fail-on: 只能取 error、warning、info"),
    ('deadline = "02-30"\n', "deadline: 应为“月-日”"),
    ('report-type = "annual"\n', "report-type: 只能取 auto, government-information, law-based-government, generic"),
    ('[severity]\nS101 = "high"\n', "severity: 应为“规则 = 级别”的表"),
    ('select = [\n', "配置文件不是有效的 TOML"),
])
def test_bad_configuration_is_exit_2_naming_file_and_key(project, text, message):
    (project / "lintlaw.toml").write_text(text, encoding="utf-8")
    result = run("check", "reports/a.txt")
    assert result.exit_code == 2
    assert str(project / "lintlaw.toml") in result.stderr and message in result.stderr


def test_config_command_shows_settings_and_origins(project):
    (project / "lintlaw.toml").write_text('ignore = ["P008"]\n', encoding="utf-8")
    out = run("config", "reports/a.txt").stdout
    assert f"配置文件：{project / 'lintlaw.toml'}" in out
    assert f"ignore = ['P008']    # 来自 {project / 'lintlaw.toml'}" in out
    assert "fail-on = error（错误）    # 默认" in out


def test_suppressing_one_finding_by_fingerprint(project):
    [item] = json.loads(run("check", "--format", "gitlab", "--select", "D001", "reports/a.txt").stdout)
    (project / "lintlaw.toml").write_text(
        f'[[ignore-findings]]\nrule = "D001"\npath = "reports/a.txt"\nfingerprint = "{item["fingerprint"]}"\n',
        encoding="utf-8")
    assert codes(concise("--select", "D001,T001", "reports/a.txt")) == ["T001", "T001"]


def test_baseline_round_trip(project):
    assert run("check", "--write-baseline", "baseline.json", "reports/a.txt").exit_code == 0
    clean = concise("--baseline", "baseline.json", "reports/a.txt")
    assert clean.exit_code == 0 and codes(clean) == []
    # A new line above moves every finding; a new placeholder is the one new finding.
    path = project / "reports" / "a.txt"
    path.write_text("前言。\n" + path.read_text(encoding="utf-8").replace("按时办结率100%", "按时办结率100%，__件"),
                    encoding="utf-8")
    result = concise("--baseline", "baseline.json", "reports/a.txt")
    assert codes(result) == ["T001"] and result.exit_code == 1
    assert "reports/a.txt:8:" in result.stdout


def test_baseline_reports_entries_that_no_longer_match(project):
    run("check", "--write-baseline", "baseline.json", "reports/a.txt")
    path = project / "reports" / "a.txt"
    path.write_text(path.read_text(encoding="utf-8").replace("2024年11月31日", "2024年11月30日"), encoding="utf-8")
    result = concise("--baseline", "baseline.json", "reports/a.txt")
    assert "基线 baseline.json 中有 1 条记录已不再出现" in result.stderr
    assert "D001 日期“2024年11月31日”不存在" in result.stderr


def test_broken_baseline_is_exit_2(project):
    (project / "baseline.json").write_text("{", encoding="utf-8")
    result = run("check", "--baseline", "baseline.json", "reports/a.txt")
    assert result.exit_code == 2 and "baseline.json: 基线文件不是有效的 JSON" in result.stderr


def test_extra_rule_directories_from_the_configuration(project):
    (project / "house-rules").mkdir()
    (project / "house-rules" / "Y001.toml").write_text(
        'code = "Y001"\nname = "house-style"\nkind = "pattern"\ncategory = "wording"\nseverity = "warning"\n'
        'message = "本单位写作“{match}”须改为“工作要点”"\npatterns = [\'工作重点\']\nexplanation = "本单位规范。"\n'
        'authority = "本单位公文写作规范"\n[examples]\nbad = ["工作重点"]\ngood = ["工作要点"]\n', encoding="utf-8")
    (project / "lintlaw.toml").write_text('rules = ["house-rules"]\nselect = ["Y001"]\n', encoding="utf-8")
    (project / "reports" / "b.txt").write_text("明确2025年工作重点。\n", encoding="utf-8")
    assert concise("reports/b.txt").stdout.splitlines()[0] == \
        "reports/b.txt:1:8: Y001 本单位写作“工作重点”须改为“工作要点”"


def test_tree_follows_the_configuration(project):
    assert "⚠ S003 没有单列“党政主要负责人履行" in run("tree", "reports/a.txt").stdout
    (project / "lintlaw.toml").write_text('ignore = ["S003"]\n', encoding="utf-8")
    assert "S003" not in run("tree", "reports/a.txt").stdout
    assert "⚠ S003 没有单列“党政主要负责人履行" in run("tree", "--isolated", "reports/a.txt").stdout


def test_config_names_severities_in_chinese_and_deadline_defaults_as_defaults(project):
    (project / "lintlaw.toml").write_text('fail-on = "warning"\n[severity]\nS005 = "warning"\nS101 = "info"\n',
                                          encoding="utf-8")
    out = run("config", "reports/a.txt").stdout.splitlines()
    origin = f"# 来自 {project / 'lintlaw.toml'}"
    assert f"severity = {{S005: warning（警告），S101: info（提示）}}    {origin}" in out
    assert f"fail-on = warning（警告）    {origin}" in out
    # A configuration that sets no deadline leaves it at the report types' (it said "来自" before).
    assert next(line for line in out if line.startswith("deadline = ")).endswith("    # 默认")
