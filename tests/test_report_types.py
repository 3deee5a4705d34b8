"""Report types are data: a type added from a rule directory, recognised, forced, shown, validated."""

import pytest

from lintlaw.analysis.report_types import builtin_types

from .test_cli import run

# A small type of its own (not a real one): recognised by its title, one required part.
GONGKAI_TYPE = '''name = "gongkai"
label = "政务公开专项检查报告"
title-patterns = ["政务公开专项检查报告"]
deadline = "01-31"

[parts.requests]
name = "收到和处理政府信息公开申请情况"
keywords = ["依申请公开", "公开申请"]
'''
PART_RULE = '''code = "S901"
name = "missing-checked-requests-part"
kind = "required-section"
part = "requests"
report-types = ["gongkai"]
category = "structure"
severity = "warning"
message = "缺少“{part}”部分"
explanation = "政务公开专项检查报告应当报告收到和处理政府信息公开申请的情况。"
authority = "《中华人民共和国政府信息公开条例》第五十条"

[examples]
bad = ["""
青山县2024年政务公开专项检查报告
一、主动公开政府信息情况
"""]
good = ["""
青山县2024年政务公开专项检查报告
一、收到和处理政府信息公开申请情况
"""]
'''
REPORT = ("青山县2024年政务公开专项检查报告\n一、总体情况\n全年公开信息1200条。\n"
          "二、主动公开政府信息情况\n主动公开规范性文件12件。\n青山县人民政府办公室\n2025年2月10日\n")


@pytest.fixture()
def project(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "lint-rules" / "report-types").mkdir(parents=True)
    (tmp_path / "lint-rules" / "report-types" / "gongkai.toml").write_text(GONGKAI_TYPE, encoding="utf-8")
    (tmp_path / "lint-rules" / "S901-missing-checked-requests-part.toml").write_text(PART_RULE, encoding="utf-8")
    (tmp_path / "r.txt").write_text(REPORT, encoding="utf-8")
    return tmp_path


def concise_lines(*args):
    result = run("check", "--format", "concise", *args)
    return result, result.stdout.splitlines()[:-1]


def test_a_type_without_a_deadline_leaves_dates_alone_and_the_next_report_s_are_checked(project):
    (project / "lint-rules" / "report-types" / "gongkai.toml").write_text(
        GONGKAI_TYPE.replace('deadline = "01-31"\n', ""), encoding="utf-8")
    (project / "two.txt").write_text(REPORT + "青山县司法局2024年度法治政府建设情况报告\n一、主要举措和成效\n"
                                     "全年办理案件12件。\n青山县司法局\n2025年4月2日\n", encoding="utf-8")
    assert concise_lines("--rules", "lint-rules", "--select", "D006", "two.txt")[1] == [
        "two.txt:12:1: D006 成文日期“2025年4月2日”晚于公开期限2025年4月1日"]


def test_builtin_types_are_data():
    types = builtin_types()
    assert [t.name for t in types.types] == ["government-information", "law-based-government", "generic"]
    government = types.get("law-based-government")
    assert government.label == "法治政府建设年度报告" and government.deadline == (4, 1)
    assert list(government.parts) == ["measures", "shortcomings", "responsibility", "plans", "other-matters"]
    assert types.choose("甲市2024年度法治政府建设情况报告") == (government, "标题含“法治政府建设”")
    assert types.choose("甲市2024年工作总结") == (types.get("generic"), "标题未表明其他类型")
    assert types.choose(None)[0].name == "generic"


def test_a_type_from_a_rule_directory_brings_its_required_parts(project):
    result, lines = concise_lines("--rules", "lint-rules", "--select", "S,D006", "r.txt")
    # Its own part is missing; the 法治 parts (S001-S005) and its 01-31 deadline apply.
    assert lines == ["r.txt:1:1: S901 缺少“收到和处理政府信息公开申请情况”部分",
                     "r.txt:7:1: D006 成文日期“2025年2月10日”晚于公开期限2025年1月31日"]
    assert result.exit_code == 0  # warnings only
    # Without the directory it is a generic report: nothing required of it.
    assert concise_lines("--select", "S,D006", "r.txt")[1] == []


def test_a_type_from_the_configuration_rule_dirs_is_seen_by_every_command(project):
    (project / "lintlaw.toml").write_text('rule-dirs = ["lint-rules"]\n', encoding="utf-8")
    assert concise_lines("--select", "S901", "r.txt")[1] == ["r.txt:1:1: S901 缺少“收到和处理政府信息公开申请情况”部分"]
    tree = run("tree", "r.txt")
    assert "类型 政务公开专项检查报告（标题含“政务公开专项检查报告”）" in tree.stdout
    assert "⚠ S901 缺少“收到和处理政府信息公开申请情况”部分" in tree.stdout
    rule = run("rule", "S901")
    assert rule.exit_code == 0
    assert rule.stdout.splitlines()[:3] == ["S901 missing-checked-requests-part", "类别：结构（structure）    级别：警告（warning）",
                                            "适用的报告类型：gongkai（政务公开专项检查报告）"]
    listing = run("rules").stdout
    assert any(line.split()[:5] == ["S901", "missing-checked-requests-part", "结构", "警告", "gongkai"]
               for line in listing.splitlines() if "S901" in line), listing


def test_old_form_rules_list_still_names_rule_directories(project):
    (project / "lintlaw.toml").write_text('rules = ["lint-rules"]\n', encoding="utf-8")
    assert concise_lines("--select", "S901", "r.txt")[1] == ["r.txt:1:1: S901 缺少“收到和处理政府信息公开申请情况”部分"]
    (project / "lintlaw.toml").write_text('rules = ["lint-rules"]\nrule-dirs = ["lint-rules"]\n', encoding="utf-8")
    result = run("check", "r.txt")
    assert result.exit_code == 2
    assert result.stderr == (f"lintlaw: {project / 'lintlaw.toml'}: rules: 规则目录请只写在 rule-dirs 中"
                             "（rules 用于各规则的选项，如 [rules.D006]）\n")


@pytest.mark.parametrize("name", ["law-based-government", "fazhi"])  # fazhi: its former name
def test_report_type_forced_by_the_configuration(project, name):
    (project / "lintlaw.toml").write_text(f'rule-dirs = ["lint-rules"]\nreport-type = "{name}"\n', encoding="utf-8")
    assert [line.split(" ")[1] for line in concise_lines("--select", "S", "r.txt")[1]] == ["S002", "S003", "S004",
                                                                                           "S005"]
    assert "类型 法治政府建设年度报告（配置 report-type = \"law-based-government\"）" in run("tree", "r.txt").stdout
    shown = "law-based-government" if name == "law-based-government" else \
        "law-based-government（配置中写作旧名 fazhi）"
    assert f"report-type = {shown}    # 来自 {project / 'lintlaw.toml'}" in run("config", "r.txt").stdout.splitlines()
    (project / "lintlaw.toml").write_text('rule-dirs = ["lint-rules"]\nreport-type = "annual"\n', encoding="utf-8")
    result = run("check", "r.txt")
    assert result.exit_code == 2
    assert result.stderr == (f"lintlaw: {project / 'lintlaw.toml'}: report-type: "
                             "只能取 auto, gongkai, government-information, law-based-government, generic\n")


def test_a_rule_naming_the_former_type_name_applies_to_the_renamed_type(project):
    # A rule directory written before fazhi was renamed law-based-government keeps working.
    rule = ('code = "S901"\nname = "measures-heading"\nkind = "pattern"\npatterns = ["主要举措"]\n'
            'report-types = ["fazhi"]\ncategory = "structure"\nseverity = "warning"\nmessage = "找到“{match}”"\n'
            'explanation = "测试。"\nauthority = "测试"\n[examples]\n'
            'bad = ["青山县2024年度法治政府建设情况报告\\n一、主要举措\\n"]\n'
            'good = ["青山县2024年政府信息公开工作年度报告\\n一、主要举措\\n"]\n')
    (project / "lint-rules" / "S901-missing-checked-requests-part.toml").unlink()
    (project / "lint-rules" / "S901-measures-heading.toml").write_text(rule, encoding="utf-8")
    (project / "two.txt").write_text("青山县2024年度法治政府建设情况报告\n一、主要举措\n青山县人民政府\n2025年1月20日\n"
                                     "青山县2024年政府信息公开工作年度报告\n一、主要举措\n", encoding="utf-8")
    assert concise_lines("--rules", "lint-rules", "--select", "S901", "two.txt")[1] == ["two.txt:2:3: S901 找到“主要举措”"]
    assert run("rule", "--rules", "lint-rules", "S901").stdout.splitlines()[2] == \
        "适用的报告类型：law-based-government（法治政府建设年度报告）"


def test_a_type_may_not_take_a_former_type_name(project):
    (project / "lint-rules" / "report-types" / "gongkai.toml").write_text(
        GONGKAI_TYPE.replace('name = "gongkai"', 'name = "fazhi"'), encoding="utf-8")
    result = run("check", "--rules", "lint-rules", "r.txt")
    assert (result.exit_code, result.stderr) == (2, "lintlaw: lint-rules/report-types/gongkai.toml:1: name: "
                                                    "“fazhi”是报告类型“law-based-government”的旧名，不能再用\n")


def test_rules_apply_only_to_the_types_they_name(tmp_path):
    # Two reports in one file: the 法治 parts are required of the first alone.
    text = ("青山县2024年度法治政府建设情况报告\n一、主要举措和成效\n二、存在的不足和原因\n青山县人民政府\n2025年1月20日\n"
            "青山县2024年度统计工作总结\n一、主要举措和成效\n青山县统计局\n2025年1月21日\n")
    (tmp_path / "two.txt").write_text(text, encoding="utf-8")
    result = run("check", "--format", "concise", "--select", "S003,S004", str(tmp_path / "two.txt"))
    assert [line.split(": ", 1)[1][:4] for line in result.stdout.splitlines()[:-1]] == ["S003", "S004"]
    assert all(line.startswith(f"{tmp_path / 'two.txt'}:1:1:") for line in result.stdout.splitlines()[:-1])


@pytest.mark.parametrize("file, text, message", [
    ("report-types/gongkai.toml", 'colour = "red"\n' + GONGKAI_TYPE,
     "report-types/gongkai.toml:1: colour: 未知字段（报告类型可用的字段：name, label, title-patterns, "
     "intro-patterns, deadline, issuers, default-issuer, parts, tables, format-sentences, stock-phrases）"),
    ("report-types/gongkai.toml", GONGKAI_TYPE + 'colour = "red"\n',
     "report-types/gongkai.toml:9: parts.requests.colour: 未知字段（必备部分可用的字段：name, keywords, "
     "weak-keywords, next-year-words, topic-headings, topic-excludes）"),
    ("report-types/gongkai.toml", GONGKAI_TYPE.replace('"01-31"', '"02-30"'),
     "report-types/gongkai.toml:4: deadline: 应为“月-日”，如 \"04-01\""),
    ("report-types/gongkai.toml", GONGKAI_TYPE.replace('keywords = ["依申请公开", "公开申请"]\n', 'keywords = "申请"\n'),
     "report-types/gongkai.toml:8: parts.requests.keywords: 类型应为列表"),
    ("report-types/gongkai.toml", GONGKAI_TYPE.replace('title-patterns = ["政务公开专项检查报告"]\n', ""),
     "报告类型中应有且只有一个不带 title-patterns 的兜底类型"),
    ("S901-missing-checked-requests-part.toml", PART_RULE.replace('["gongkai"]', '["gongkai", "annual"]'),
     "S901-missing-checked-requests-part.toml:5: report-types: 未知的报告类型“annual”（可用：gongkai, government-information, law-based-government, generic）"),
    ("S901-missing-checked-requests-part.toml", PART_RULE.replace('"requests"', '"appeals"'),
     "S901-missing-checked-requests-part.toml:4: part: 报告类型 gongkai 没有声明必备部分“appeals”"),
])
def test_bad_type_data_is_exit_2_naming_file_line_and_key(project, file, text, message):
    (project / "lint-rules" / file).write_text(text, encoding="utf-8")
    result = run("check", "--rules", "lint-rules", "r.txt")
    assert result.exit_code == 2
    assert result.stderr.startswith("lintlaw: ") and message in result.stderr, result.stderr
