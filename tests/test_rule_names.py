"""Rule names: code letter, category, directory and file name agree; old names redirect."""

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from lintlaw.cli import app
from lintlaw.diagnostics import CODE_LETTERS
from lintlaw.errors import RuleFileError
from lintlaw.engine.redirects import REDIRECTS, REPORT_TYPE_REDIRECTS
from lintlaw.resources import builtin_rules_dir
from lintlaw.engine.ruleset import load_rule_file, load_rules, select_rules

runner = CliRunner()
BUILTIN = load_rules()


@pytest.mark.parametrize("rule", BUILTIN, ids=lambda rule: rule.code)
def test_code_letter_category_directory_and_file_name_agree(rule):
    path = Path(rule.path)
    assert rule.code[0] == CODE_LETTERS[rule.category]
    assert path.parent.name == rule.category
    assert path.parent.parent == builtin_rules_dir()
    assert path.name == f"{rule.code}-{rule.name}.toml"


def test_every_rule_file_in_the_tree_is_loaded():
    rule_files = [p for p in builtin_rules_dir().rglob("*.toml") if p.parent.name not in ("report-types", "tables")]
    assert sorted(str(p) for p in rule_files) == sorted(r.path for r in BUILTIN)


def test_every_redirect_leads_to_a_current_rule_and_no_rule_keeps_an_old_name():
    names = {rule.name for rule in BUILTIN}
    assert set(REDIRECTS.values()) <= names
    assert not set(REDIRECTS) & names


def test_every_report_type_redirect_leads_to_a_current_type_and_no_type_keeps_an_old_name():
    from lintlaw.analysis.report_types import builtin_types

    names = {report_type.name for report_type in builtin_types().types}
    assert set(REPORT_TYPE_REDIRECTS.values()) <= names
    assert not set(REPORT_TYPE_REDIRECTS) & names


# Not a pinyin word list, just the syllables the old names were made of.
PINYIN = re.compile(r"(?:^|-)(?:jiezhi|fazhi|ducha|qita|dunhao|mou|de|gongkai)(?:-|$)")


@pytest.mark.parametrize("rule", BUILTIN, ids=lambda rule: rule.code)
def test_no_pinyin_in_rule_names(rule):
    assert not PINYIN.search(rule.name)


def test_no_pinyin_in_report_type_names_and_each_file_is_named_after_its_type():
    from lintlaw.analysis.report_types import builtin_types

    for report_type in builtin_types().types:
        assert not PINYIN.search(report_type.name)
        assert Path(report_type.path).name == f"{report_type.name}.toml"


@pytest.mark.parametrize("old, code", [("qita", "W011"), ("jiezhi-as-of", "W001"),
                                       ("dunhao-between-titles", "P007")])
def test_an_old_name_selects_the_renamed_rule(old, code):
    assert [r.code for r in select_rules(BUILTIN, [old], None)] == [code]
    assert code not in [r.code for r in select_rules(BUILTIN, None, [old])]


def test_an_old_name_on_the_command_line_still_selects(tmp_path):
    report = tmp_path / "r.txt"
    report.write_text("其它工作按计划推进。\n", encoding="utf-8")
    result = runner.invoke(app, ["check", "--format", "concise", "--select", "qita", str(report)])
    assert result.stdout.splitlines()[0] == f"{report}:1:1: W011 “其它”一般写作“其他”"
    ignored = runner.invoke(app, ["check", "--format", "concise", "--select", "W011", "--ignore", "qita",
                                  str(report)])
    assert ignored.exit_code == 0 and "W011" not in ignored.stdout


def test_an_old_name_in_a_configuration_file_still_ignores(tmp_path):
    (tmp_path / "lintlaw.toml").write_text('ignore = ["qita"]\n', encoding="utf-8")
    report = tmp_path / "r.txt"
    report.write_text("其它工作按计划推进。\n", encoding="utf-8")
    result = runner.invoke(app, ["check", "--format", "concise", "--select", "wording", str(report)])
    assert "W011" not in result.stdout


def test_lintlaw_rule_with_an_old_name_shows_the_rule_and_says_it_was_renamed():
    result = runner.invoke(app, ["rule", "qita"])
    assert result.exit_code == 0
    assert result.stderr == "lintlaw: 规则“qita”已改名为“variant-other-character”\n"
    assert "W011" in result.stdout and "variant-other-character" in result.stdout


def test_a_rule_file_may_not_take_an_old_name(tmp_path):
    source = (builtin_rules_dir() / "wording" / "W011-variant-other-character.toml").read_text(encoding="utf-8")
    path = tmp_path / "Y001-qita.toml"
    path.write_text(source.replace('code = "W011"', 'code = "Y001"')
                    .replace('name = "variant-other-character"', 'name = "qita"'), encoding="utf-8")
    with pytest.raises(RuleFileError) as err:
        load_rule_file(path, builtin=False)
    line = source.splitlines().index('name = "variant-other-character"') + 1
    assert str(err.value) == f"{path}:{line}: name: “qita”是规则“variant-other-character”的旧名，不能再用"


def test_x_is_the_comparison_rules_letter_and_a_user_rule_taking_a_built_in_code_is_refused(tmp_path):
    # Until issue 22 user rules took X; the comparison rules have it now (CONTRIBUTING.md).
    assert CODE_LETTERS["comparison"] == "X"
    assert [r.code for r in BUILTIN if r.category == "comparison"] == ["X001", "X002", "X003", "X004"]
    rules = tmp_path / "mine"
    rules.mkdir()
    source = (builtin_rules_dir() / "wording" / "W011-variant-other-character.toml").read_text(encoding="utf-8")
    (rules / "X001-house-word.toml").write_text(
        source.replace('code = "W011"', 'code = "X001"').replace('name = "variant-other-character"',
                                                                 'name = "house-word"'), encoding="utf-8")
    report = tmp_path / "r.txt"
    report.write_text("其它工作。\n", encoding="utf-8")
    result = runner.invoke(app, ["check", "--isolated", "--rules", str(rules), str(report)])
    assert result.exit_code == 2
    assert result.stderr == (f"lintlaw: {rules / 'X001-house-word.toml'}: “X001”与 "
                             f"{builtin_rules_dir() / 'comparison' / 'X001-carry-over-mismatch.toml'} 重复\n")
