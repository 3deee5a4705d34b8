"""Every rule's own bad/good examples (the ones `lintlaw rule CODE` prints) are tests."""

import pytest

from lintlaw.ruleset import load_rules

from .conftest import findings

RULES = load_rules()
CASES = [(rule, kind, i, text) for rule in RULES for kind in ("bad", "good")
         for i, text in enumerate(rule.examples[kind])]


@pytest.mark.parametrize("rule, kind, index, text", CASES,
                         ids=[f"{r.code}-{k}{i}" for r, k, i, _ in CASES])
def test_rule_example(rule, kind, index, text):
    codes = [code for code, *_ in findings(text, [rule])]
    if kind == "bad":
        assert rule.code in codes
    else:
        assert codes == []


def test_every_rule_has_both_kinds_of_example():
    for rule in RULES:
        assert rule.examples["bad"] and rule.examples["good"], rule.code
