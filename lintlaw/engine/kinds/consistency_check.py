"""Kind `consistency`: arithmetic the report states about itself (lintlaw/analysis/consistency.py)."""

from __future__ import annotations

from typing import Iterator

from lintlaw.analysis.consistency import analysis_of
from lintlaw.analysis.document import Document
from lintlaw.analysis.issue import Issue
from lintlaw.engine.kinds.base import Problem, RuleKind, problem_option


def _analysed(kind: ConsistencyCheck, document: Document) -> Iterator[Issue]:
    # One analysis per document, shared by every consistency rule.
    yield from (issue for issue in analysis_of(document).issues if issue.check == kind.problem)


PROBLEMS = {
    "rate": Problem(_analysed, frozenset({"name", "found", "computed"})),
    "rate-over-100": Problem(_analysed, frozenset({"name", "found"})),
    "parts-exceed-total": Problem(_analysed, frozenset({"total", "parts", "sum"})),
    "remainder": Problem(_analysed, frozenset({"total", "parts", "sum", "remainder", "expected"})),
    "listed-count": Problem(_analysed, frozenset({"found", "listed"})),
    "restated": Problem(_analysed, frozenset({"found", "earlier", "lead"})),
}


class ConsistencyCheck(RuleKind):
    name = "consistency"
    problems = PROBLEMS
    options = {
        "problem": problem_option(PROBLEMS),
    }
