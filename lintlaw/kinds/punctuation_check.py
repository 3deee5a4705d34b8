"""Kind `punctuation`: paired marks, nested titles, half-width marks (lintlaw/punctuation.py)."""

from __future__ import annotations

from typing import Iterator

from lintlaw import punctuation
from lintlaw.document import Document
from lintlaw.kinds.base import Hit, Option, RuleKind, check_problem, problem_option

PROBLEMS = ("unbalanced", "nested-title", "half-width", "half-width-file")


class PunctuationCheck(RuleKind):
    name = "punctuation"
    options = {
        "problem": problem_option(PROBLEMS),
        "threshold": Option(int, default=5, shared=True, problems=("half-width", "half-width-file"),
                            doc="一个文件中半角标点达到此数时只报告一次并给出总数（P008），少于此数时逐处报告（P009）"),
    }
    fields = frozenset({"found", "expected", "problem", "count"})

    @classmethod
    def validate(cls, options):
        return check_problem(options, PROBLEMS)

    def check(self, document: Document) -> Iterator[Hit]:
        if self.problem.startswith("half-width"):
            issues = document.fact(f"half-width:{self.threshold}",
                                   lambda: list(punctuation.half_width(document, self.threshold)))
            issues = [i for i in issues if i.check == self.problem]
        elif self.problem == "unbalanced":
            issues = punctuation.unbalanced(document)
        else:
            issues = punctuation.nested_titles(document)
        for issue in issues:
            yield Hit(issue.start, issue.end, issue.values, issue.related, issue.fix)
