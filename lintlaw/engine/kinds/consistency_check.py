"""Kind `consistency`: arithmetic the report states about itself (lintlaw/analysis/consistency.py)."""

from __future__ import annotations

from typing import Iterator

from lintlaw.analysis import consistency
from lintlaw.analysis.consistency import analysis_of
from lintlaw.analysis.document import Document
from lintlaw.analysis.issue import Issue
from lintlaw.engine.kinds.base import RuleKind, problem_option, problems


def _analysed(kind: ConsistencyCheck, document: Document) -> Iterator[Issue]:
    # One analysis per document, shared by every consistency rule.
    yield from (issue for issue in analysis_of(document).issues if issue.check == kind.problem)


PROBLEMS = problems(*((check, _analysed) for check in (
    consistency.RATE, consistency.RATE_OVER_100, consistency.PARTS_EXCEED_TOTAL, consistency.REMAINDER,
    consistency.LISTED_COUNT, consistency.RESTATED)))


class ConsistencyCheck(RuleKind):
    name = "consistency"
    problems = PROBLEMS
    options = {
        "problem": problem_option(PROBLEMS),
    }
