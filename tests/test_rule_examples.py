"""Every rule's own bad/good examples (the ones `lintlaw rule CODE` prints) are tests.

A bad example states what the rule must say (message, line, column of each
finding) and, for a rule with a fix, the text after --fix (and after
--fix --unsafe-fixes when that differs); a good example must give no finding.
A comparison rule's example is compared with the reports it gives (last year's,
other issuers'): its findings are those in the example's own text.
"""

import pytest

from lintlaw.engine.fixing import fix_source
from lintlaw.engine.ruleset import Expected, load_rules

from .helpers import example_findings, source_of

RULES = load_rules()
BAD = [(rule, i, text) for rule in RULES for i, text in enumerate(rule.examples["bad"])]
GOOD = [(rule, i, text) for rule in RULES for i, text in enumerate(rule.examples["good"])]


@pytest.mark.parametrize("rule, index, text", BAD, ids=[f"{r.code}-bad{i}" for r, i, _ in BAD])
def test_bad_example_gives_its_stated_findings(rule, index, text):
    assert text.findings, f"{rule.path}: bad example {index} states no expected finding"
    found = [Expected(line, column, message) for code, line, column, message in example_findings(text, rule)]
    assert found == list(text.findings)


@pytest.mark.parametrize("rule, index, text", BAD, ids=[f"{r.code}-bad{i}" for r, i, _ in BAD])
def test_bad_example_fixes_to_its_stated_text(rule, index, text):
    source = source_of(text)
    safe = fix_source(source, [rule], unsafe=False).source.text
    unsafe = fix_source(source, [rule], unsafe=True).source.text
    # No `fixed` means --fix leaves the text as it is; no `fixed_unsafe` means
    # unsafe fixes add nothing to the safe ones.
    assert safe == (text.fixed if text.fixed is not None else str(text))
    assert unsafe == (text.fixed_unsafe if text.fixed_unsafe is not None else safe)
    if text.fixed is not None:
        assert text.fixed != text, "fixed should be left out when the fix changes nothing"
    if text.fixed_unsafe is not None:
        assert text.fixed_unsafe != safe, "fixed_unsafe should be left out when it equals fixed"


@pytest.mark.parametrize("rule, index, text", GOOD, ids=[f"{r.code}-good{i}" for r, i, _ in GOOD])
def test_good_example_gives_no_finding(rule, index, text):
    assert example_findings(text, rule) == []
