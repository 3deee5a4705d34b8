"""Every rule's own bad/good examples (the ones `lintlaw rule CODE` prints) are tests.

A bad example states what the rule must say (message, line, column of each
finding; optionally where it ends and its related spans, as --format json gives
them) and, for a rule with a fix, the text after --fix (and after
--fix --unsafe-fixes when that differs); a good example must give no finding.
A comparison rule's example is compared with the reports it gives (last year's,
other issuers'): its findings are those in the example's own text.
"""

import pytest

from lintlaw.engine.fixing import fix_source
from lintlaw.engine.linter import lint
from lintlaw.engine.ruleset import Expected, load_rules

from .helpers import example_findings


def findings(text, rule):
    """(code, line, column, message) of a rule's findings on one of its examples; a comparison
    rule's example is compared with the reports it gives."""
    if rule.kind.name == "comparison":
        return example_findings(text, rule)
    source = rule.kind.example_source(text)
    return [(d.code, *source.position(d.start), d.message) for d in lint(source, [rule])]


RULES = load_rules()
BAD = [(rule, i, text) for rule in RULES for i, text in enumerate(rule.examples["bad"])]
GOOD = [(rule, i, text) for rule in RULES for i, text in enumerate(rule.examples["good"])]


@pytest.mark.parametrize("rule, index, text", BAD, ids=[f"{r.code}-bad{i}" for r, i, _ in BAD])
def test_bad_example_gives_its_stated_findings(rule, index, text):
    assert text.findings, f"{rule.path}: bad example {index} states no expected finding"
    if rule.kind.name == "comparison":  # compared with the reports the example gives
        found = [Expected(line, column, message) for code, line, column, message in example_findings(text, rule)]
        assert found == list(text.findings)
        return
    source = rule.kind.example_source(text)
    found = lint(source, [rule])
    assert len(found) == len(text.findings), [(*source.position(d.start), d.message) for d in found]
    # Where an example states a finding's end or related spans, they are compared too.
    stated = [_as_stated(d, source, expected) for d, expected in zip(found, text.findings)]
    assert stated == list(text.findings)


def _as_stated(finding, source, expected: Expected) -> Expected:
    """A finding in the terms its expected counterpart uses."""
    end = source.position(finding.end) if expected.end is not None else None
    related = None
    if expected.related is not None:
        related = tuple((*source.position(start), *source.position(stop), label)
                        for start, stop, label in finding.related)
    return Expected(*source.position(finding.start), finding.message, end, related)


STATED_ENDS = [(rule, i) for rule, i, text in BAD if any(f.end for f in text.findings)]
STATED_RELATED = [(rule, i) for rule, i, text in BAD if any(f.related is not None for f in text.findings)]


def test_some_examples_state_where_findings_end_and_their_related_spans():
    # The optional fields are used (the rules whose findings span more than their start, or
    # point at other places: numbering markers, wording, rates, parts, table cells).
    assert {rule.code for rule, _ in STATED_ENDS} >= {"S101", "W001", "C001", "C003", "T201"}
    assert {rule.code for rule, _ in STATED_RELATED} >= {"C001", "C003", "T201"}


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
