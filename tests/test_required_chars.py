"""A pattern is skipped only on a text that lacks characters every match needs."""

from pathlib import Path

import pytest

from lintlaw.engine.required_chars import lacks_required, required_sets

from .helpers import findings

FIXTURES = Path(__file__).parent / "fixtures"
EXAMPLES = Path(__file__).parents[1] / "examples"


def _shown(pattern):
    return [set(chars) for chars in required_sets(pattern)]


@pytest.mark.parametrize("pattern, sets", [
    ("法制政府", [{"法"}, {"制"}, {"政"}, {"府"}]),
    ("[_＿]{2,}", [{"_", "＿"}]),
    ("(?<=[0-9])[_＿](?=[0-9]*年)", [{"_", "＿"}]),  # lookarounds consume nothing
    ("a?b*c", [{"c"}]),  # optional parts require nothing
    ("(?:ab){1,3}", [{"a"}, {"b"}]),
    ("锟斤拷|烫烫烫", [{"锟", "烫"}]),  # one character of each alternative
    ("(?:(?:xy)|z)w", [{"x", "z"}, {"w"}]),
    ("(?i:ab)c", [{"c"}]),  # a case-insensitive part requires nothing
])
def test_what_every_match_needs(pattern, sets):
    assert _shown(pattern) == sets


@pytest.mark.parametrize("pattern", [
    "a|b?",  # an alternative that needs nothing
    "[^a]", r"\d+", r"\w",  # negated classes and categories
    "[一-龥]",  # a class too wide to look for
    "(?i)abc",
    r"\p{Han}x", r"a\Kb", "(?|(a)|(b))",  # the regex module's own syntax
    "[[:digit:]]年",  # a POSIX class, which Python's parser reads as a set of brackets
    "(?:年度){e<=1}",  # fuzzy matching, which Python's parser reads as literal braces
    "(?:",  # not a pattern at all
])
def test_no_requirement_is_guessed(pattern):
    assert required_sets(pattern) == ()


def test_a_pattern_python_warns_about_gives_no_requirement_and_no_warning(recwarn):
    # Python's parser warns of a possible nested set in “[[” (the regex module's version 1
    # reads one there): such a pattern is not analysed, and the user sees no warning.
    assert required_sets("[[a]b") == ()
    assert not recwarn.list


def test_a_text_lacking_one_set_is_not_searched():
    sets = required_sets("法制政府")
    assert not lacks_required("推进法制政府建设", sets)
    assert lacks_required("推进法治政府建设", sets)  # no 制
    assert not lacks_required("任何文字", ())


def _texts(all_rules):
    for rule in all_rules:
        yield from rule.examples["good"]
        yield from rule.examples["bad"]
    for path in [*FIXTURES.glob("*.txt"), *EXAMPLES.glob("*.txt")]:
        yield path.read_bytes().decode("utf-8", "replace")


def test_skipping_never_loses_a_match(all_rules):
    """Every built-in pattern, on every example and fixture: skipped only where it finds nothing."""
    checked = skipped = 0
    for rule in all_rules:
        for pattern in getattr(rule.kind, "patterns", None) or []:
            if not hasattr(pattern, "search"):
                continue
            sets = required_sets(pattern.pattern)
            for text in _texts(all_rules):
                checked += 1
                if lacks_required(text, sets):
                    skipped += 1
                    assert pattern.search(text) is None, (rule.code, pattern.pattern, text[:40])
    assert skipped > checked // 4  # the test holds real skips, not only searches


def test_a_rule_still_finds_its_mark_among_others(all_rules):
    # T001 needs _ or ＿, R006 a zero-width character: a report with both is searched for both.
    text = "一、总体情况\n全年办理案件20__件，\u200b完成率100%。\n"
    assert findings(text, all_rules, select=["T001", "R006"]) == [
        ("T001", 2, 9, "模板占位符“__”未填写"),
        ("R006", 2, 13, "文中夹有看不见的字符（零宽空格、软连字符等），多半是从网页复制时带入的，应删除")]
