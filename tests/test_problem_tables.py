"""Kinds declare their problems in a table; rule messages are checked against it at load."""

import string

import pytest

from lintlaw.analysis.document import build_document
from lintlaw.errors import RuleFileError
from lintlaw.engine.kinds import KINDS
from lintlaw.engine.ruleset import load_rule_file, load_rules


RULES = load_rules()

OUTLINE_RULE = '''code = "Y101"
name = "my-gap"
kind = "outline"
problem = "gap"
category = "structure"
severity = "error"
message = "编号不连续：{found}，标题“{title}”"
explanation = "x"
authority = "x"
[examples]
bad = ["一、甲\\n三、乙\\n"]
good = ["一、甲\\n二、乙\\n"]
'''


def test_a_placeholder_the_problem_does_not_provide_is_a_load_error_naming_the_file(tmp_path):
    path = tmp_path / "Y101-my-gap.toml"
    path.write_text(OUTLINE_RULE, encoding="utf-8")
    with pytest.raises(RuleFileError) as err:
        load_rule_file(path, builtin=False)
    assert str(err.value) == (f"{path}:7: message: 消息模板用了未知的占位符 title；"
                              "outline 类型的 gap 检查可用：found、missing、previous")


def test_the_same_placeholder_is_fine_for_the_problem_that_provides_it(tmp_path):
    path = tmp_path / "Y109-my-empty.toml"
    path.write_text(OUTLINE_RULE.replace('"gap"', '"empty-section"'), encoding="utf-8")
    assert load_rule_file(path, builtin=False).kind.problem == "empty-section"


def test_fixed_needs_a_fix_in_a_pattern_rule(tmp_path):
    path = tmp_path / "Y001-my-word.toml"
    path.write_text('''code = "Y001"
name = "my-word"
kind = "pattern"
patterns = ["其它"]
category = "wording"
severity = "warning"
message = "“{match}”应为“{fixed}”"
explanation = "x"
authority = "x"
[examples]
bad = ["其它"]
good = ["其他"]
''', encoding="utf-8")
    with pytest.raises(RuleFileError) as err:
        load_rule_file(path, builtin=False)
    assert str(err.value) == f"{path}:7: message: 消息模板用了未知的占位符 fixed；pattern 类型可用：match、quoted"
    path.write_text(path.read_text(encoding="utf-8").replace(
        'patterns = ["其它"]', 'patterns = ["其它"]\nfix = { replace = "其他", safe = true }'), encoding="utf-8")
    rule = load_rule_file(path, builtin=False)
    assert rule.fixable and rule.render_message({"match": "其它", "fixed": "其他"}) == "“其它”应为“其他”"


def test_an_unknown_problem_lists_the_table():
    problems = ", ".join(KINDS["consistency"].problems)
    assert KINDS["consistency"].validate({"problem": "sum"}) == ("problem", f"必须是以下之一：{problems}")


def _issues(rule, text):
    if rule.kind.name == "comparison":
        from .helpers import comparison_issues

        return comparison_issues(text, rule)
    document = build_document(rule.kind.example_source(text, "t.txt"))
    return list(rule.kind.check(document))


CASES = [(rule, text) for rule in RULES for text in rule.examples["bad"]]


@pytest.mark.parametrize("rule, text", CASES, ids=[rule.code for rule, _ in CASES])
def test_the_table_tells_the_truth_on_every_bad_example(rule, text):
    """Each finding carries every value its problem declares, and a fix only where one is declared."""
    issues = _issues(rule, text)
    assert issues
    options = {"problem": getattr(rule.kind, "problem", None), "fix": getattr(rule.kind, "fix", None)}
    declared = type(rule.kind).message_fields(options)
    used = {name for _, name, _, _ in string.Formatter().parse(rule.message) if name}
    for issue in issues:
        assert declared <= set(issue.values), (rule.code, declared - set(issue.values))
        assert used <= set(issue.values)
        if issue.fix is not None:
            assert rule.fixable, rule.code
    # What `lintlaw rule` says of the fixes: every finding has one, and they are as safe as declared.
    if rule.fixes is not None and rule.fixes.always:
        assert all(issue.fix is not None for issue in issues), rule.code
    if rule.fixes is not None and rule.fixes.safe is not None:
        assert {issue.fix.safe for issue in issues if issue.fix} <= {rule.fixes.safe}, rule.code


def test_an_option_set_anew_updates_the_fixes_a_rule_declares(tmp_path):
    from lintlaw.resources import builtin_rules_dir

    [original] = (builtin_rules_dir() / "residue").glob("R001-*.toml")
    text = original.read_text(encoding="utf-8")
    path = tmp_path / original.name
    path.write_text("\n".join(line for line in text.splitlines() if not line.startswith("safe_lines")) + "\n",
                    encoding="utf-8")
    rule = load_rule_file(path, builtin=False)
    assert (rule.fixes.always, rule.fixes.safe) == (True, False)  # no line is known to be safe to delete
    configured = rule.with_options({"safe_lines": "<br>"}, fail=None)
    assert (configured.fixes.always, configured.fixes.safe) == (True, None)
