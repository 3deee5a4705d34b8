"""Kind `comparison`: a report against last year's report of its issuer and against the other
issuers' reports of the run (lintlaw/analysis/comparison.py).

A comparison finds nothing in one document alone, so `check` yields no issue: the engine
(lintlaw/engine/comparing.py) runs the comparison rules of a run together, over every report's
digest, once every file has been read.
"""

from __future__ import annotations

from lintlaw.analysis.comparison_problems import CARRY_OVER, COPIED, IN_FORCE, SHARED
from lintlaw.engine.kinds.base import Option, RuleKind, problem_option, problems
from lintlaw.io.schema import Number, Whole


def _alone(kind, document):
    return iter(())


PROBLEMS = problems(*((check, _alone) for check in (
    CARRY_OVER, IN_FORCE, COPIED, SHARED)))
_PARAGRAPHS = (COPIED.name, SHARED.name)
_POSITIVE = Whole().where(lambda count: count >= 1, "应为正整数")


class ComparisonCheck(RuleKind):
    name = "comparison"
    problems = PROBLEMS
    options = {
        "problem": problem_option(PROBLEMS),
        "min_chars": Option(int, default=60, problems=_PARAGRAPHS, check=_POSITIVE,
                            doc="段落去掉数字、标点和套话后至少有这么多字才比较"),
        "similarity": Option(int, default=90, problems=_PARAGRAPHS,
                             check=Whole().where(lambda percent: 0 < percent <= 100, "应为 1 到 100 之间的百分数"),
                             doc="段落中至少有这么大比例（百分数）的五字片段见于另一段，才算照抄"),
        "boilerplate_share": Option((int, float), default=1 / 3, shared=True, problems=_PARAGRAPHS,
                                    check=Number().where(lambda share: 0 < share <= 1, "应为大于 0、不大于 1 的小数"),
                                    doc="在本次检查的同类报告中超过这一比例的报告里都有的段落或分句算作套话，不报告"),
        "boilerplate_min_reports": Option(int, default=6, shared=True, problems=_PARAGRAPHS, check=_POSITIVE,
                                          doc="同类报告至少有这么多份时才从本次检查中学习套话"),
    }
