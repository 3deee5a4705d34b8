"""Kind `bare-number`: numbers that lost their measure word or 年 (lintlaw/analysis/bare_numbers.py)."""

from __future__ import annotations

from typing import Iterator

from lintlaw.analysis.bare_numbers import bare_numbers
from lintlaw.analysis.document import Document
from lintlaw.analysis.issue import Issue
from lintlaw.engine.kinds.base import Problem, RuleKind, problem_option


def _found(kind: BareNumber, document: Document) -> Iterator[Issue]:
    # One pass per document, shared by both rules.
    issues = document.fact("bare-numbers", lambda: list(bare_numbers(document)))
    yield from (issue for issue in issues if issue.check == kind.problem)


PROBLEMS = {
    "measure-word": Problem(_found, frozenset({"found", "number"})),
    "year": Problem(_found, frozenset({"found", "number"})),
}


class BareNumber(RuleKind):
    name = "bare-number"
    problems = PROBLEMS
    options = {
        "problem": problem_option(PROBLEMS),
    }
