"""Kind `punctuation`: paired marks, nested titles, half-width marks (lintlaw/analysis/punctuation.py)."""

from __future__ import annotations

from typing import Iterator

from lintlaw.analysis import punctuation
from lintlaw.analysis.document import Document
from lintlaw.analysis.issue import Issue
from lintlaw.engine.kinds.base import Fixes, Option, RuleKind, problem_option, problems


def _half_width(kind: PunctuationCheck, document: Document) -> Iterator[Issue]:
    # Both half-width rules share one pass: each mark is either counted in the file or shown alone.
    issues = document.fact(f"half-width:{kind.threshold}",
                           lambda: list(punctuation.half_width(document, kind.threshold)))
    yield from (issue for issue in issues if issue.check == kind.problem)


PROBLEMS = problems(
    (punctuation.UNBALANCED, lambda kind, document: punctuation.unbalanced(document)),
    (punctuation.NESTED_TITLE, lambda kind, document: punctuation.nested_titles(document), Fixes()),
    (punctuation.HALF_WIDTH, _half_width, Fixes()),
    (punctuation.HALF_WIDTH_FILE, _half_width, Fixes()),
)


class PunctuationCheck(RuleKind):
    name = "punctuation"
    problems = PROBLEMS
    options = {
        "problem": problem_option(PROBLEMS),
        "threshold": Option(int, default=5, shared=True, problems=("half-width", "half-width-file"),
                            doc="一个文件中半角标点达到此数时只报告一次并给出总数（P008），少于此数时逐处报告（P009）"),
    }
