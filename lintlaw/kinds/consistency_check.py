"""Kind `consistency`: arithmetic the report states about itself (lintlaw/consistency.py)."""

from __future__ import annotations

from typing import Iterator

from lintlaw.consistency import analysis_of
from lintlaw.document import Document
from lintlaw.kinds.base import Hit, RuleKind, check_problem, problem_option

PROBLEMS = ("rate", "rate-over-100", "parts-exceed-total", "remainder", "listed-count", "restated")


class ConsistencyCheck(RuleKind):
    name = "consistency"
    options = {
        "problem": problem_option(PROBLEMS),
    }
    fields = frozenset({"name", "found", "computed", "total", "parts", "sum", "remainder",
                        "expected", "listed", "earlier", "lead"})

    @classmethod
    def validate(cls, options):
        return check_problem(options, PROBLEMS)

    def check(self, document: Document) -> Iterator[Hit]:
        for issue in analysis_of(document).issues:
            if issue.check == self.problem:
                yield Hit(issue.start, issue.end, issue.values, issue.related)
