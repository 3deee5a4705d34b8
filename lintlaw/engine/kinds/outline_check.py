"""Kind `outline`: numbering and section-shape checks over the outline tree."""

from __future__ import annotations

from typing import Iterator

from lintlaw.analysis.document import Document
from lintlaw.analysis.issue import Issue
from lintlaw.engine.kinds.base import Fixes, Problem, RuleKind, problem_option
from lintlaw.analysis.numbering import analyse


def numbering_issues(document: Document) -> list[list]:
    """Per report, computed once however many outline rules are loaded."""
    return document.fact("numbering", lambda: [analyse(report, document.source.text)
                                                    for report in document.reports])


def _numbering(kind: OutlineCheck, document: Document) -> Iterator[Issue]:
    for issues in numbering_issues(document):
        yield from (issue for issue in issues if issue.check == kind.problem)


def _no_level1(kind: OutlineCheck, document: Document) -> Iterator[Issue]:
    for report in document.reports:
        if report.has_body and not any(s.level == 1 for s in report.sections):
            anchor = report.anchor
            yield Issue("no-level1-headings", anchor.start, anchor.end, {})


def _found(*names: str) -> frozenset[str]:
    return frozenset({"found", *names})


PROBLEMS = {
    "gap": Problem(_numbering, _found("previous", "missing")),
    "duplicate": Problem(_numbering, _found("previous")),
    "backwards": Problem(_numbering, _found("previous")),
    "late-start": Problem(_numbering, _found("previous", "expected")),
    "orphan-restart": Problem(_numbering, _found("previous")),
    "damaged-marker": Problem(_numbering, _found("expected")),
    "marker-punctuation": Problem(_numbering, _found("expected", "together"), Fixes()),
    "level-skip": Problem(_numbering, _found("parent")),
    "empty-section": Problem(_numbering, _found("title")),
    "inline-sequence": Problem(_numbering, _found("previous", "detail")),
    "no-level1-headings": Problem(_no_level1, frozenset()),
}


class OutlineCheck(RuleKind):
    name = "outline"
    problems = PROBLEMS
    options = {
        "problem": problem_option(PROBLEMS),
    }
