"""Patterns tried only where their matches can start find exactly what a search finds."""

from pathlib import Path

import pytest
import regex
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lintlaw.engine.kinds.pattern import budget_for
from lintlaw.engine.match_starts import match_starts

FIXTURES = Path(__file__).parent / "fixtures"
EXAMPLES = Path(__file__).parents[1] / "examples"
CORPUS = Path(__file__).parents[2] / "shared" / "corpus"


def _places(pattern: str, text: str) -> list[int]:
    return [found.start() for found in regex.finditer(match_starts(pattern), text)]


def _tried_at_places(pattern: str, text: str) -> list[tuple[int, int]]:
    compiled = regex.compile(pattern)
    found = budget_for(text, "t.txt").search_at(compiled, text, _places(pattern, text), 0, len(text), "r.toml")
    return [match.span() for match in found]


def _searched(pattern: str, text: str) -> list[tuple[int, int]]:
    return [match.span() for match in regex.finditer(pattern, text)]


@pytest.mark.parametrize("pattern, text, places", [
    # The first character is one of the alternatives' first characters.
    ("(1[0-2]|[1-9])月", "共3-12月，0月", [1, 3, 4]),
    # A lookbehind testing one character removes the places it rules out.
    ("(?<![0-9-])(1[0-2]|[1-9])月", "共3-12月，0月", [1]),
    # A lookbehind's text ends with 月 or a space: the character before must be one of them.
    ("(?<=[0-9]月[ \t]*)([12][0-9]|3[01]|[1-9])日", "3月5日 6日 3月 7日", [2, 5, 8, 11]),
    # A branch reset is read as a plain group.
    ("(?<![0-9])(?|(1)[0-2]|([2-9]))x", "1x 12x a5x", [0, 3, 8]),
])
def test_places_a_match_can_start(pattern, text, places):
    assert _places(pattern, text) == places
    assert _tried_at_places(pattern, text) == _searched(pattern, text)


@pytest.mark.parametrize("pattern", [
    "法制政府", "[_＿]{2,}", "(?<![0-9])[0-9]+",  # a literal or a class first: the regex module scans for it
    "(?:19|20)[0-9]{2}",  # alternatives that all open with a literal: scanned for too
    "(a|[b-c])?d",  # the alternatives may be skipped: the first character is not theirs alone
    "(a|b*)",  # a match may be empty
    "(a|.)b", "(a|[^b])c", r"(a|\d)x", "(?i)(a|[bc])",  # any character, a negated class, a category, any case
    r"(\p{Han}|[0-9])x",  # the regex module's own syntax: not read at all
])
def test_patterns_searched_as_before(pattern):
    assert match_starts(pattern) is None


def test_a_bracket_in_a_class_is_not_a_branch_reset():
    # "[(?|]" is a class of three characters; the group after it is the branch reset.
    assert _places("(?<![a])(?|[(?|]|(z)[0-9])", "(x?y|z1") == [0, 2, 4, 5]


def _texts(all_rules):
    for rule in all_rules:
        yield from rule.examples["good"]
        yield from rule.examples["bad"]
    for path in [*FIXTURES.glob("*.txt"), *EXAMPLES.glob("*.txt"), *CORPUS.glob("*.txt"), *CORPUS.glob("web/*.txt")]:
        yield path.read_bytes().decode("utf-8", "replace")


def _built_in_patterns(all_rules):
    for rule in all_rules:
        for pattern in getattr(rule.kind, "patterns", None) or []:
            if hasattr(pattern, "pattern") and match_starts(pattern.pattern) is not None:
                yield rule.code, pattern.pattern


def test_built_in_patterns_find_the_same_everywhere(all_rules):
    """Every built-in pattern tried at its places, on every example, fixture and corpus text."""
    patterns = list(_built_in_patterns(all_rules))
    assert {code for code, _ in patterns} >= {"P011", "P012"}  # the slow ones this is for
    found = 0
    for text in _texts(all_rules):
        for code, pattern in patterns:
            expected = _searched(pattern, text)
            assert _tried_at_places(pattern, text) == expected, (code, pattern, text[:40])
            found += len(expected)
    assert found >= 10  # the texts hold real matches (the rules' bad examples), not only places where nothing is found


PIECES = st.sampled_from(["1", "2", "3", "9", "0", "10", "12", "2024", "-", "－", "~", " ", "\t", "月", "日", "号",
                          "年", "年级", "个", "%", "万", "元", "X", "x", "×", "*", "＊", "a", "表", ".", "。", "\n"])


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(PIECES, max_size=30).map("".join))
def test_built_in_patterns_find_the_same_on_any_text(all_rules, text):
    for code, pattern in _built_in_patterns(all_rules):
        assert _tried_at_places(pattern, text) == _searched(pattern, text), (code, pattern)
