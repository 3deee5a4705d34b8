"""Kind `outline`: numbering and section-shape checks over the outline tree."""

from __future__ import annotations

from typing import Iterator

from lintlaw.document import Document
from lintlaw.kinds.base import Hit, Option, RuleKind, check_problem, problem_option
from lintlaw.numbering import analyse

CHECKS = ("gap", "duplicate", "backwards", "late-start", "orphan-restart", "damaged-marker",
          "marker-punctuation", "level-skip", "empty-section", "inline-sequence",
          "no-level1-headings")


def numbering_issues(document: Document) -> list[list]:
    """Per report, computed once however many outline rules are loaded."""
    return document.fact("numbering", lambda: [analyse(report, document.source.text)
                                                    for report in document.reports])


class OutlineCheck(RuleKind):
    name = "outline"
    options = {
        "problem": problem_option(CHECKS),
    }
    fields = frozenset({"found", "expected", "previous", "missing", "parent", "title", "detail", "together"})

    @classmethod
    def validate(cls, options):
        return check_problem(options, CHECKS)

    def check(self, document: Document) -> Iterator[Hit]:
        if self.problem == "no-level1-headings":
            yield from self._no_level1(document)
            return
        for issues in numbering_issues(document):
            for issue in issues:
                if issue.check == self.problem:
                    yield Hit(issue.start, issue.end, issue.values, issue.related, issue.fix)

    def _no_level1(self, document: Document) -> Iterator[Hit]:
        for report in document.reports:
            if report.has_body and not any(s.level == 1 for s in report.sections):
                anchor = report.anchor
                yield Hit(anchor.start, anchor.end, {})
