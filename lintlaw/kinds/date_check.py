"""Kind `date`: dates against the calendar and the report year (lintlaw/chronology.py)."""

from __future__ import annotations

from lintlaw import chronology
from lintlaw.dates import DEFAULT_DEADLINE, parse_month_day
from lintlaw.kinds.base import Option, Problem, RuleKind, problem_option

PROBLEMS = {
    "impossible": Problem(lambda kind, document: chronology.impossible(document), frozenset({"found"})),
    "weekday": Problem(lambda kind, document: chronology.weekday(document),
                       frozenset({"found", "expected"})),
    "report-year": Problem(lambda kind, document: chronology.report_year(document, kind.keywords,
                                                                         kind.plan_words),
                           frozenset({"found", "year", "where"})),
    "plans-year": Problem(lambda kind, document: chronology.plans_year(document, kind.keywords,
                                                                       kind.plan_words),
                          frozenset({"found", "year", "expected"})),
    "statistics-year": Problem(lambda kind, document: chronology.statistics_year(document, kind.exclude),
                               frozenset({"found", "year"})),
    "late-date": Problem(lambda kind, document: chronology.late_date(document, kind.deadline),
                         frozenset({"found", "what", "deadline"})),
    "early-date": Problem(lambda kind, document: chronology.early_date(document),
                          frozenset({"found", "what", "year"})),
}


class DateCheck(RuleKind):
    name = "date"
    problems = PROBLEMS
    options = {
        "problem": problem_option(PROBLEMS),
        "keywords": Option(list, default=[], doc="level-1 heading words that mark the part checked"),
        "plan_words": Option(list, default=[], doc="words after a year that make it a plans year"),
        "exclude": Option(list, default=[], doc="level-1 heading words of parts not checked"),
        "deadline": Option(str, default=DEFAULT_DEADLINE,
                           doc="MM-DD in the year after the report year: the last day to publish"),
    }

    @classmethod
    def validate(cls, options):
        problem = super().validate(options)
        if problem:
            return problem
        deadline = parse_month_day(options.get("deadline") or DEFAULT_DEADLINE)
        if deadline is None:
            return "deadline", "应为“月-日”，如 04-01"
        options["deadline"] = deadline
        return None
