"""Kind `date`: dates against the calendar and the report year (lintlaw/analysis/chronology.py)."""

from __future__ import annotations

from lintlaw.analysis import chronology
from lintlaw.text.dates import parse_month_day
from lintlaw.engine.kinds.base import Option, RuleKind, problem_option, problems
from lintlaw.io.schema import Text

PROBLEMS = problems(
    (chronology.IMPOSSIBLE, lambda kind, document: chronology.impossible(document)),
    (chronology.WEEKDAY, lambda kind, document: chronology.weekday(document)),
    (chronology.REPORT_YEAR, lambda kind, document: chronology.report_year(document, kind.keywords, kind.plan_words)),
    (chronology.PLANS_YEAR, lambda kind, document: chronology.plans_year(document, kind.keywords, kind.plan_words)),
    (chronology.STATISTICS_YEAR, lambda kind, document: chronology.statistics_year(document, kind.exclude)),
    (chronology.STATISTICS_PERIOD, lambda kind, document: chronology.statistics_period(document, kind.keywords)),
    (chronology.LATE_DATE, lambda kind, document: chronology.late_date(document, kind.deadline, kind.issuer)),
    (chronology.EARLY_DATE, lambda kind, document: chronology.early_date(document)),
)


class DateCheck(RuleKind):
    name = "date"
    problems = PROBLEMS
    options = {
        "problem": problem_option(PROBLEMS),
        "keywords": Option(list, default=[], problems=("report-year", "plans-year", "statistics-period"),
                           doc="标明所查部分的一级标题用词（statistics-period：引出统计期限的词）"),
        "plan_words": Option(list, default=[], problems=("report-year", "plans-year"),
                             doc="年份后出现即表示安排年度的词"),
        "exclude": Option(list, default=[], problems=("statistics-year",),
                          doc="不检查的部分的一级标题用词"),
        "deadline": Option(str, problems=("late-date",), unset="报告类型的期限",
                           doc="公开期限，报告年度次年的“月-日”（默认取报告类型的期限）",
                           check=Text().where(lambda value: parse_month_day(value) is not None, "应为“月-日”，如 04-01")
                           .then(parse_month_day)),
        "issuer": Option(str, problems=("late-date",), unset="报告类型的 default-issuer",
                         doc="期限因发布机关而异的报告类型（如政府信息公开工作年度报告）："
                             "标题未写明发布机关时按哪一类机关的期限（报告类型文件 [issuers] 中的名称，"
                             "如 department、government）"),
    }

    @classmethod
    def check_types(cls, options, types):
        issuer = options.get("issuer")
        declared = [name for t in types.types for name in t.issuers]
        if issuer is not None and issuer not in declared:
            return "issuer", f"没有报告类型声明发布机关“{issuer}”（可用：{', '.join(dict.fromkeys(declared)) or '无'}）"
        return None
