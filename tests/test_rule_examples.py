"""Every rule's own bad/good examples (the ones `lintlaw rule CODE` prints) are tests.

A bad example states what the rule must say (message, line, column of each
finding) and, for a rule with a fix, the text after --fix (and after
--fix --unsafe-fixes when that differs); a good example must give no finding.
"""

import pytest

from lintlaw.engine.fixing import fix_source
from lintlaw.engine.ruleset import Expected, load_rules

from lintlaw.engine.linter import lint


def findings(text, rule):
    """(code, line, column, message) of a rule's findings on one of its examples."""
    source = rule.kind.example_source(text)
    return [(d.code, *source.position(d.start), d.message) for d in lint(source, [rule])]


RULES = load_rules()
BAD = [(rule, i, text) for rule in RULES for i, text in enumerate(rule.examples["bad"])]
GOOD = [(rule, i, text) for rule in RULES for i, text in enumerate(rule.examples["good"])]


@pytest.mark.parametrize("rule, index, text", BAD, ids=[f"{r.code}-bad{i}" for r, i, _ in BAD])
def test_bad_example_gives_its_stated_findings(rule, index, text):
    assert text.findings, f"{rule.path}: bad example {index} states no expected finding"
    found = [Expected(line, column, message) for code, line, column, message in findings(text, rule)]
    assert found == list(text.findings)


@pytest.mark.parametrize("rule, index, text", BAD, ids=[f"{r.code}-bad{i}" for r, i, _ in BAD])
def test_bad_example_fixes_to_its_stated_text(rule, index, text):
    source = rule.kind.example_source(text)
    safe = fix_source(source, [rule], unsafe=False).source.text
    unsafe = fix_source(source, [rule], unsafe=True).source.text
    # No `fixed` means --fix leaves the text as it is; no `fixed_unsafe` means
    # unsafe fixes add nothing to the safe ones.
    assert safe == (text.fixed if text.fixed is not None else source.text)
    assert unsafe == (text.fixed_unsafe if text.fixed_unsafe is not None else safe)
    if text.fixed is not None:
        assert text.fixed != text, "fixed should be left out when the fix changes nothing"
    if text.fixed_unsafe is not None:
        assert text.fixed_unsafe != safe, "fixed_unsafe should be left out when it equals fixed"


@pytest.mark.parametrize("rule, index, text", GOOD, ids=[f"{r.code}-good{i}" for r, i, _ in GOOD])
def test_good_example_gives_no_finding(rule, index, text):
    assert findings(text, rule) == []


FIXED = [(rule, i, text) for rule, i, text in BAD if text.fixed is not None or text.fixed_unsafe is not None]


@pytest.mark.parametrize("rule, index, text", FIXED, ids=[f"{r.code}-bad{i}" for r, i, _ in FIXED])
def test_a_fixed_example_is_stable_under_its_rule(rule, index, text):
    # What --fix gives is what a second --fix leaves alone (user rules are checked at load).
    for unsafe in (False, True):
        once = fix_source(rule.kind.example_source(text), [rule], unsafe=unsafe).source
        assert fix_source(once, [rule], unsafe=unsafe).source.text == once.text
