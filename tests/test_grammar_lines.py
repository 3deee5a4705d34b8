"""No terminal of the line grammar may run past its line (issue 9, item 18)."""

import re

import pytest

from lintlaw.text.outline import CHROME, DATE, TITLE, parse_lines
from lintlaw.resources import grammar_path
from lintlaw.text.source import decode

try:  # the regular-expression parser moved in Python 3.11
    from re import _constants as sre_constants
    from re import _parser as sre_parse
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants
    import sre_parse

BREAKS = ("\n", "\r")
# Terminals whose job is to match line breaks (the blank-line token).
LINE_BREAK_TERMINALS = {"BLANK"}
# _NL of the grammar as Lark inlines it into TITLE.
TITLE_SPLIT = "[ \t\u3000]*(?:\r\n|\r|\n)[ \t\u3000]*"


def _terminal_patterns():
    from lark import Lark

    # The grammar file as lintlaw's parser loads it (LALR, contextual lexer).
    parser = Lark.open(str(grammar_path()), parser="lalr", lexer="contextual", maybe_placeholders=False)
    terminals = {t.name: t.pattern.to_regexp() for t in parser.terminals}
    # A line token may end in its line break and the blank lines after it: that
    # trailing part is the BLANK pattern, made optional. Only the rest must stay on the line.
    eol = "(?:" + terminals["BLANK"] + ")?"
    # The one break the grammar allows inside a line token: a title split just before its
    # 报告 (…建设情况报\n告), spelled out as _NL in the grammar.
    assert TITLE_SPLIT in terminals["TITLE"]
    for name, pattern in terminals.items():
        if name not in LINE_BREAK_TERMINALS:
            yield name, pattern.replace(eol, "").replace(TITLE_SPLIT, "")


def _category_matches(category, char: str) -> bool:
    classes = {"SPACE": r"\s", "NOT_SPACE": r"\S", "DIGIT": r"\d", "NOT_DIGIT": r"\D",
               "WORD": r"\w", "NOT_WORD": r"\W"}
    name = str(category).removeprefix("CATEGORY_").removeprefix("UNI_")
    return re.fullmatch(classes[name], char) is not None


def _set_matches(items, char: str) -> bool:
    negate = False
    found = False
    for op, value in items:
        if op is sre_constants.NEGATE:
            negate = True
        elif op is sre_constants.LITERAL:
            found |= chr(value) == char
        elif op is sre_constants.RANGE:
            found |= value[0] <= ord(char) <= value[1]
        elif op is sre_constants.CATEGORY:
            found |= _category_matches(value, char)
        else:
            raise AssertionError(f"unexpected set item {op}")
    return found != negate


def _consumes_break(nodes) -> list[str]:
    """Descriptions of the nodes of a parsed pattern that can consume \\n or \\r."""
    bad = []
    for op, value in nodes:
        if op in (sre_constants.ASSERT, sre_constants.ASSERT_NOT, sre_constants.AT):
            continue  # look-arounds and anchors consume nothing
        if op is sre_constants.LITERAL and chr(value) in BREAKS:
            bad.append(f"literal {chr(value)!r}")
        elif op is sre_constants.NOT_LITERAL and any(chr(value) != c for c in BREAKS):
            bad.append(f"not-literal {chr(value)!r}")
        elif op is sre_constants.ANY:
            bad.append("dot")  # no pattern here uses DOTALL, but a dot is suspect anyway
        elif op is sre_constants.IN and any(_set_matches(value, c) for c in BREAKS):
            bad.append(f"set {value}")
        elif op is sre_constants.BRANCH:
            for branch in value[1]:
                bad.extend(_consumes_break(branch))
        elif op is sre_constants.SUBPATTERN:
            bad.extend(_consumes_break(value[-1]))
        elif op in (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT):
            bad.extend(_consumes_break(value[2]))
        elif getattr(sre_constants, "ATOMIC_GROUP", None) is op:
            bad.extend(_consumes_break(value))
        elif getattr(sre_constants, "POSSESSIVE_REPEAT", None) is op:
            bad.extend(_consumes_break(value[2]))
    return bad


@pytest.mark.parametrize("name, pattern", list(_terminal_patterns()))
def test_no_terminal_consumes_a_line_break_before_its_line_end(name, pattern):
    assert _consumes_break(sre_parse.parse(pattern)) == []


def test_the_structural_check_sees_a_line_break():
    # The check itself must catch what item 18 was about: \s reaches the next line.
    assert _consumes_break(sre_parse.parse(r">\s[^\r\n]*")) != []
    assert _consumes_break(sre_parse.parse(r"日期[^\S\r\n]*[:：]")) == []


def kinds(text):
    source = decode(text.encode("utf-8"), "t.txt")
    return [(line.type, line.text) for line in parse_lines(source.text, source.line_starts)]


TITLE_LINE = "青山县司法局2024年度法治政府建设情况报告"
# Lines that are (or begin like) page chrome, each ending where a title follows.
CHROME_LIKE = [">", "> ", "首页 >", "首", "首页", "日期", "发布日期", "来源", "信息来源", "发布时间",
               "[", "[ 打印", "【", "【 字体", "字体", "中国政府网", "中国政府网 |", "您当前位置：首页 >"]


@pytest.mark.parametrize("line", CHROME_LIKE)
@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r", "\n\n"])
def test_chrome_like_line_never_swallows_the_title(line, newline):
    lines = kinds(line + newline + TITLE_LINE + newline + "2025年1月21日" + newline + "正文。")
    assert lines[-3:] == [(TITLE, TITLE_LINE), (DATE, "2025年1月21日"), ("text", "正文。")]
    assert len(lines) == 4


def test_lone_breadcrumb_is_chrome_and_the_title_stays_the_title():
    assert kinds(">\n" + TITLE_LINE + "\n") == [(CHROME, ">"), (TITLE, TITLE_LINE)]


def test_date_words_split_over_lines_are_not_a_date_line():
    assert [k for k, _ in kinds("2025\n年1月21日\n")] == ["text", "text"]
