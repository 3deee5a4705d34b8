"""Per-rule options from the configuration: [rules.CODE] in lintlaw.toml, [tool.lintlaw.rules.CODE] in pyproject."""

import pytest

from .test_cli import run

SIGNED = "青山县教育局2024年度法治政府建设情况报告\n一、主要举措和成效\n全年办结案件12件。\n青山县教育局\n2025年4月1日\n"
# Three half-width commas between Chinese: below the default threshold of 5, one finding each (P009).
HALF_WIDTH = "全年,市教育局召开会议,研究部署工作,取得成效。\n"


@pytest.fixture()
def project(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text(SIGNED, encoding="utf-8")
    (tmp_path / "h.txt").write_text(HALF_WIDTH, encoding="utf-8")
    return tmp_path


def configure(project, name: str, text: str):
    table = "[tool.lintlaw]\n" if name == "pyproject.toml" else ""
    if name == "pyproject.toml":
        text = text.replace("[rules.", "[tool.lintlaw.rules.")
    path = project / name
    path.write_text(table + text, encoding="utf-8")
    return path


def findings(*args):
    result = run("check", "--format", "concise", *args)
    return result.stdout.splitlines()[:-1]


@pytest.mark.parametrize("name", ["lintlaw.toml", "pyproject.toml"])
def test_deadline_of_one_rule(project, name):
    assert findings("--select", "D006", "a.txt") == []  # 4月1日 is in time by default
    configure(project, name, '[rules.D006]\ndeadline = "03-31"\n')
    assert findings("--select", "D006", "a.txt") == ["a.txt:5:1: D006 成文日期“2025年4月1日”晚于公开期限2025年3月31日"]


@pytest.mark.parametrize("name", ["lintlaw.toml", "pyproject.toml"])
@pytest.mark.parametrize("code", ["P008", "P009", "half-width-mark"])
def test_shared_threshold_set_through_either_rule(project, name, code):
    before = findings("--select", "P008,P009", "h.txt")
    assert [line.split(" ")[1] for line in before] == ["P009", "P009", "P009"]
    configure(project, name, f'[rules.{code}]\nthreshold = 3\n')
    # One count for the file, and no mark reported twice.
    assert findings("--select", "P008,P009", "h.txt") == [
        "h.txt:1:3: P008 全文有 3 处半角标点（,）夹在中文里，多半是从网页复制时转换的；应改为全角"]


def test_the_deadline_shorthand_still_sets_the_publication_deadline(project):
    configure(project, "lintlaw.toml", 'deadline = "03-31"\n')
    assert findings("--select", "D006", "a.txt") == ["a.txt:5:1: D006 成文日期“2025年4月1日”晚于公开期限2025年3月31日"]
    # The rule's own table wins over the shorthand.
    configure(project, "lintlaw.toml", 'deadline = "03-31"\n[rules.D006]\ndeadline = "04-01"\n')
    assert findings("--select", "D006", "a.txt") == []


@pytest.mark.parametrize("name", ["lintlaw.toml", "pyproject.toml"])
@pytest.mark.parametrize("text, message", [
    ('[rules.D006]\ncolour = 1\n', "rules.D006.colour: 未知的选项（D006 可用的选项：deadline, issuer）"),
    ('[rules.D001]\ndeadline = "03-31"\n', "rules.D001.deadline: 未知的选项（D001 可用的选项：无）"),
    ('[rules.D006]\nproblem = "weekday"\n', "rules.D006.problem: 未知的选项（D006 可用的选项：deadline, issuer）"),
    ('[rules.P008]\nthreshold = "3"\n', "rules.P008.threshold: 类型应为 整数"),
    ('[rules.P008]\nthreshold = true\n', "rules.P008.threshold: 类型应为 整数"),
    ('[rules.D006]\ndeadline = "02-30"\n', "rules.D006.deadline: 应为“月-日”，如 04-01"),
    ('[rules.Y999]\ndeadline = "03-31"\n', "rules.Y999: 没有代码或名称为“Y999”的规则"),
    ('[rules.P008]\nthreshold = 3\n[rules.P009]\nthreshold = 4\n',
     "rules.P009.threshold: P009 与 P008 共用这一设置，两处的值不同；只需设一处"),
])
def test_bad_option_is_exit_2_naming_file_and_key(project, name, text, message):
    path = configure(project, name, text)
    for command in (["check", "a.txt"], ["config", "a.txt"], ["rule", "D006"], ["rules"], ["tree", "a.txt"]):
        result = run(*command)
        assert result.exit_code == 2, command
        assert result.stderr == f"lintlaw: {path}: {message}\n", command


def test_rule_and_config_show_the_options(project):
    path = configure(project, "lintlaw.toml", '[rules.D006]\ndeadline = "03-31"\n[rules.P009]\nthreshold = 3\n')
    out = run("rule", "D006").stdout
    assert out.endswith("选项（可在配置的 [rules.D006] 中设置）：\n"
                        f"  deadline = \"03-31\"    # 来自 {path}\n"
                        "      公开期限，报告年度次年的“月-日”（默认取报告类型的期限）\n"
                        "  issuer = （报告类型的 default-issuer）    # 默认\n"
                        "      期限因发布机关而异的报告类型（如政府信息公开工作年度报告）：标题未写明发布机关时按哪一类机关的期限"
                        "（报告类型文件 [issuers] 中的名称，如 department、government）\n")
    assert "  threshold = 3    # 来自" in run("rule", "P008").stdout
    assert "  deadline = （报告类型的期限）    # 默认" in run("rule", "D006", "--isolated").stdout
    shown = run("config", "a.txt").stdout.splitlines()
    assert shown[-4:] == ["规则选项（[rules.代码]）：",
                          f'rules.D006.deadline = "03-31"    # 来自 {path}',
                          f"rules.P008.threshold = 3    # 来自 {path}",
                          f"rules.P009.threshold = 3    # 来自 {path}"]
