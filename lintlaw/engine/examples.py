"""A rule file's [examples]: texts its rule must report (bad) and must leave alone (good).

A bad example is a string, or a table that also says what the rule must report there
(line, column and message, or a list of findings) and the text --fix makes of it. An example
of a comparison rule also gives the reports it is compared with (previous, others). The tests
run every built-in rule's examples (tests/test_rule_examples.py).
"""

from __future__ import annotations

from typing import Any, NamedTuple

from lintlaw.io.schema import Either, Invalid, Items, Node, Record, Text, Whole


class Expected(NamedTuple):
    """A finding a bad example must give: where it starts (1-based) and its message; and,
    when the example says, where it ends and its related spans. Ends are given as
    --format json gives them: the line and column just after the last character."""
    line: int
    column: int
    message: str
    end: tuple[int, int] | None = None  # (end_line, end_column)
    # Each (line, column, end_line, end_column, label).
    related: tuple[tuple[int, int, int, int, str], ...] | None = None


class Example(str):
    """A good example's text; for a comparison rule, with the reports it is compared with.

    A str, so that whatever shows or runs examples takes it as plain text."""

    previous: str | None = None  # last year's report of the same issuer (read as --previous reads it)
    others: tuple[str, ...] = ()  # reports of other issuers in the same run


class BadExample(Example):
    """A bad example's text, with what the rule must say about it (when the file says)."""

    findings: tuple[Expected, ...] = ()  # empty: the file names no expected finding
    fixed: str | None = None  # the text after --fix (safe fixes only)
    fixed_unsafe: str | None = None  # the text after --fix --unsafe-fixes, when it differs


_BOTH = "需要 bad 和 good 两个非空列表（good 是字符串列表）"
_CASE = "bad 中的每一项应是字符串，或带 text 字段的表"
_FINDING = "bad 示例的每个结果需要正整数 line、column 和字符串 message"
_END = "bad 示例结果的 end_line、end_column 需同时写，且为正整数"
_RELATED = "bad 示例结果的 related 应是表的列表，每项有正整数 line、column、end_line、end_column和字符串 label"
_PREVIOUS = "示例的 previous（上年报告）应是字符串"
_OTHERS = "示例的 others（其他单位的报告）应是字符串列表"
_SINGLE = ("line", "column", "message")  # one expected finding, written in the example's table
_OPTIONAL = ("end_line", "end_column", "related")  # and what it may add


def _count(problem: str) -> Node:
    return Whole(problem).where(lambda n: n >= 1, problem)


_SPAN = ("line", "column", "end_line", "end_column")
FINDING = Record({"line": _count(_FINDING), "column": _count(_FINDING), "message": Text(_FINDING),
                  "end_line": _count(_END), "end_column": _count(_END),
                  "related": Items(Record({**{key: _count(_RELATED) for key in _SPAN}, "label": Text()},
                                          required=(*_SPAN, "label")), expect=_RELATED)},
                 _FINDING, required=_SINGLE, missing=lambda name: _FINDING, unknown=lambda names, known: _FINDING)

# The reports an example of a comparison rule is compared with.
COMPARED = {"previous": Text(_PREVIOUS), "others": Items(Text(_OTHERS), _OTHERS)}

GOOD = Record({"text": Text(_BOTH), **COMPARED}, _BOTH, required=("text",), missing=lambda name: _BOTH,
              unknown=lambda names, known: f"示例有未知字段 {', '.join(sorted(names))}；可用：{', '.join(sorted(known))}")

BAD = Record({
    "text": Text(_CASE),
    **{key: Node() for key in (*_SINGLE, *_OPTIONAL)},  # checked as a finding, once all three are there
    "findings": Items(FINDING, "bad 示例的 findings 应是表的列表"),
    "fixed": Text("bad 示例的 fixed 应是字符串"),
    "fixed_unsafe": Text("bad 示例的 fixed_unsafe 应是字符串"),
    **COMPARED,
}, _CASE, required=("text",), missing=lambda name: _CASE,
    unknown=lambda names, known: f"bad 示例有未知字段 {', '.join(sorted(names))}；可用：{', '.join(sorted(known))}")

# The [examples] table, declared once; every fault in it is reported at `examples`.
EXAMPLES = Record({
    "bad": Items(Either(Text(), BAD), _BOTH, nonempty=True),
    "good": Items(Either(Text(), GOOD), _BOTH, nonempty=True),
}, _BOTH, required=("bad", "good"), missing=lambda name: _BOTH, unknown=lambda names, known: _BOTH)


def examples_of(value: Any) -> dict[str, list[str]]:
    """The checked examples; Invalid (at `examples`) when they are not as above."""
    try:
        checked = EXAMPLES.check(value, "examples")
        return {"good": [_compared(Example(case if isinstance(case, str) else case["text"]), case)
                         for case in checked["good"]],
                "bad": [_bad_example(case) for case in checked["bad"]]}
    except Invalid as err:
        raise Invalid("examples", err.problem) from None


def _compared(example: Example, case: str | dict) -> Example:
    """An example with the texts a comparison rule compares it with (previous, others)."""
    if isinstance(case, dict):
        example.previous, example.others = case.get("previous"), tuple(case.get("others", ()))
    return example


def _bad_example(case: str | dict) -> BadExample:
    if isinstance(case, str):
        return BadExample(case)
    example = _compared(BadExample(case["text"]), case)
    example.findings = tuple(_expected(item) for item in _findings(case))
    example.fixed = case.get("fixed")
    example.fixed_unsafe = case.get("fixed_unsafe")
    return example


def _findings(case: dict) -> list[dict]:
    """The findings a bad example's table expects: its list, or the one its own keys give."""
    single = [key for key in _SINGLE if key in case]
    if single and "findings" in case:
        raise Invalid("examples", "bad 示例的 findings 与 line、column、message 只能写一种")
    if single and len(single) < len(_SINGLE):
        raise Invalid("examples", "bad 示例需同时写 line、column、message")
    optional = [key for key in _OPTIONAL if key in case]
    if optional and not single:
        raise Invalid("examples", f"bad 示例的 {', '.join(sorted(optional))} 需与 line、column、message 一起写")
    if single:
        return [FINDING.check({key: case[key] for key in (*single, *optional)}, "examples")]
    return case.get("findings", [])


def _expected(item: dict) -> Expected:
    end = None
    if "end_line" in item or "end_column" in item:
        if "end_line" not in item or "end_column" not in item:
            raise Invalid("examples", _END)
        end = item["end_line"], item["end_column"]
    related = item.get("related")
    if related is not None:
        related = tuple((s["line"], s["column"], s["end_line"], s["end_column"], s["label"]) for s in related)
    return Expected(item["line"], item["column"], item["message"], end, related)
