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
                           doc="标明所查部分的一级标题用词"),
        "plan_words": Option(list, default=[], problems=("report-year", "plans-year"),
                             doc="年份后出现即表示安排年度的词"),
        "exclude": Option(list, default=[], problems=("statistics-year",),
                          doc="不检查的部分的一级标题用词"),
        "deadline": Option(str, problems=("late-date",),
                           doc="公开期限，报告年度次年的“月-日”（默认取报告类型的期限）"),
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
