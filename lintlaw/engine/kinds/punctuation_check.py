"""Kind `punctuation`: paired marks, nested titles, half-width marks (lintlaw/analysis/punctuation.py)."""

from __future__ import annotations

from typing import Iterator

from lintlaw.analysis import punctuation
from lintlaw.analysis.document import Document
from lintlaw.analysis.issue import Issue
from lintlaw.engine.kinds.base import Fixes, Option, Problem, RuleKind, problem_option


def _half_width(kind: PunctuationCheck, document: Document) -> Iterator[Issue]:
    # Both half-width rules share one pass: each mark is either counted in the file or shown alone.
    issues = document.fact(f"half-width:{kind.threshold}",
                           lambda: list(punctuation.half_width(document, kind.threshold)))
    yield from (issue for issue in issues if issue.check == kind.problem)


PROBLEMS = {
    "unbalanced": Problem(lambda kind, document: punctuation.unbalanced(document),
                          frozenset({"found", "expected", "problem"})),
    "nested-title": Problem(lambda kind, document: punctuation.nested_titles(document),
                            frozenset({"found"}), Fixes()),
    "half-width": Problem(_half_width, frozenset({"found", "expected"}), Fixes()),
    "half-width-file": Problem(_half_width, frozenset({"found", "count"}), Fixes()),
}


class PunctuationCheck(RuleKind):
    name = "punctuation"
    problems = PROBLEMS
    options = {
        "problem": problem_option(PROBLEMS),
        "threshold": Option(int, default=5, shared=True, problems=("half-width", "half-width-file"),
                            doc="一个文件中半角标点达到此数时只报告一次并给出总数（P008），少于此数时逐处报告（P009）"),
    }
