"""Kind `date`: dates against the calendar and the report year (lintlaw/chronology.py)."""

from __future__ import annotations

from typing import Iterator

from lintlaw import chronology
from lintlaw.dates import parse_month_day
from lintlaw.document import Document
from lintlaw.kinds.base import Hit, Option, RuleKind, check_problem, problem_option

PROBLEMS = ("impossible", "weekday", "report-year", "plans-year", "statistics-year",
            "late-date", "early-date")


class DateCheck(RuleKind):
    name = "date"
    options = {
        "problem": problem_option(PROBLEMS),
        "keywords": Option(list, default=[], problems=("report-year", "plans-year"),
                           doc="level-1 heading words that mark the part checked"),
        "plan_words": Option(list, default=[], problems=("report-year", "plans-year"),
                             doc="words after a year that make it a plans year"),
        "exclude": Option(list, default=[], problems=("statistics-year",),
                          doc="level-1 heading words of parts not checked"),
        "deadline": Option(str, problems=("late-date",),
                           doc="MM-DD in the year after the report year: the last day to publish "
                               "(default: the report type's deadline)"),
    }
    fields = frozenset({"found", "year", "expected", "where", "what", "deadline"})

    @classmethod
    def validate(cls, options):
        problem = check_problem(options, PROBLEMS)
        if problem:
            return problem
        if options.get("deadline") is not None:
            deadline = parse_month_day(options["deadline"])
            if deadline is None:
                return "deadline", "应为“月-日”，如 04-01"
            options["deadline"] = deadline
        return None

    def check(self, document: Document) -> Iterator[Hit]:
        problem = self.problem
        if problem == "report-year":
            issues = chronology.report_year(document, self.keywords, self.plan_words)
        elif problem == "plans-year":
            issues = chronology.plans_year(document, self.keywords, self.plan_words)
        elif problem == "statistics-year":
            issues = chronology.statistics_year(document, self.exclude)
        elif problem == "late-date":
            issues = chronology.late_date(document, self.deadline)
        elif problem == "early-date":
            issues = chronology.early_date(document)
        else:
            issues = getattr(chronology, problem)(document)
        for issue in issues:
            yield Hit(issue.start, issue.end, issue.values, issue.related)
