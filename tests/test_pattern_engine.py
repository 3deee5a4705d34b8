"""Rule patterns `re` can run as the regex module would, in linear time, are compiled by `re`."""

import re
from pathlib import Path

import pytest
import regex

from lintlaw.engine.kinds.pattern_engine import compile_pattern, plain

FIXTURES = Path(__file__).parent / "fixtures"
CORPUS = Path(__file__).parents[2] / "shared" / "corpus"


@pytest.mark.parametrize("pattern", [
    "法制政府", "锟斤拷|烫烫烫", "截止(?=目前|[0-9０-９])", "、(?=等(?![级次第]))",
    "第(?:一|二)[章节]{1,3}", "第(?:一二){1,3}",  # bounded repeats of what matches one way
    "法[^，]{0,63}",  # at the limit of the ways one place is tried (64)
])
def test_plain_patterns_go_to_re(pattern):
    assert plain(pattern)
    assert isinstance(compile_pattern(pattern), re.Pattern)


@pytest.mark.parametrize("pattern", [
    "a+b", "某[^，]*网", "x{2,}",  # a repeat without a bound: no timeout would stop it
    "a{1,2000}", "法[^，]{0,64}", "a[bc]{0,8}[de]{0,8}",  # too many ways to try one place (2000, 65, 9 × 9)
    "a(?:b{1,2}){1,2}", "a(?:b|c)?(?:(?:d)?){1,3}", "a(?:b|b){1,20}c",  # alternatives or repeats repeated
    r"法\w", r"法\s", r"法[\d年]", r"法\b", "法(?i:a)",  # classes and boundaries the engines read differently; a flag
    "(?<=以)法治思想", "[_＿]{2}", "(?:1[0-2]|[1-9])月",  # not opening with a literal: regex scans them faster
    r"法\p{Han}", "(?|(a)|(b))", "(?i)abc", "法(?<=[0-9]月[ \t]*)",  # the regex module's own syntax or reading
    "(a)(?(1)b|c)",  # a conditional group
])
def test_other_patterns_stay_with_the_regex_module(pattern):
    assert not plain(pattern)
    assert isinstance(compile_pattern(pattern), regex.Pattern)


def test_a_bad_pattern_is_the_regex_module_s_error():
    with pytest.raises(regex.error):
        compile_pattern("法(")


def test_built_in_patterns_compiled_by_re_find_what_the_regex_module_finds(all_rules):
    plain_ones = [pattern for rule in all_rules if rule.kind.name == "pattern"
                  for pattern in rule.kind.patterns if isinstance(pattern, re.Pattern)]
    assert len(plain_ones) >= 8  # the literal wording rules (W002 法制政府 …)
    texts = [text for rule in all_rules for text in rule.examples["good"] + rule.examples["bad"]]
    texts += [path.read_text(encoding="utf-8", errors="replace")
              for path in [*FIXTURES.glob("*.txt"), *CORPUS.glob("*.txt"), *CORPUS.glob("web/*.txt")]]
    found = 0
    for pattern in plain_ones:
        twin = regex.compile(pattern.pattern)
        for text in texts:
            spans = [m.span() for m in pattern.finditer(text)]
            assert spans == [m.span() for m in twin.finditer(text)], pattern.pattern
            found += len(spans)
    assert found > 0
