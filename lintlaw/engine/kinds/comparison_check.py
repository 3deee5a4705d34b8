"""Kind `comparison`: a report against last year's report of its issuer and against the other
issuers' reports of the run (lintlaw/analysis/comparison.py).

A comparison finds nothing in one document alone, so `check` yields no issue: the engine
(lintlaw/engine/comparing.py) runs the comparison rules of a run together, over every report's
digest, once every file has been read.
"""

from __future__ import annotations

from lintlaw.engine.kinds.base import Option, Problem, RuleKind, problem_option


def _alone(kind, document):
    return iter(())


_PAIRED = frozenset({"other", "place"})  # last year's (or the other issuer's) file, and where in it (第12行)
PROBLEMS = {
    "carry-over": Problem(_alone, _PAIRED | {"column", "this", "last"}),
    "in-force": Problem(_alone, _PAIRED | {"row", "this", "last", "issued", "repealed", "expected"}),
    "copied": Problem(_alone, _PAIRED | {"likeness"}),
    "shared": Problem(_alone, _PAIRED | {"issuer", "likeness", "more"}),
}
_PARAGRAPHS = ("copied", "shared")


class ComparisonCheck(RuleKind):
    name = "comparison"
    problems = PROBLEMS
    options = {
        "problem": problem_option(PROBLEMS),
        "min_chars": Option(int, default=60, problems=_PARAGRAPHS,
                            doc="段落去掉数字、标点和套话后至少有这么多字才比较"),
        "similarity": Option(int, default=90, problems=_PARAGRAPHS,
                             doc="段落中至少有这么大比例（百分数）的五字片段见于另一段，才算照抄"),
        "boilerplate_share": Option((int, float), default=1 / 3, shared=True, problems=_PARAGRAPHS,
                                    doc="在本次检查的同类报告中超过这一比例的报告里都有的段落或分句算作套话，不报告"),
        "boilerplate_min_reports": Option(int, default=6, shared=True, problems=_PARAGRAPHS,
                                          doc="同类报告至少有这么多份时才从本次检查中学习套话"),
    }

    @classmethod
    def validate(cls, options):
        problem = super().validate(options)
        if problem:
            return problem
        if not 0 < options["similarity"] <= 100:
            return "similarity", "应为 1 到 100 之间的百分数"
        if not 0 < options["boilerplate_share"] <= 1:
            return "boilerplate_share", "应为大于 0、不大于 1 的小数"
        if options["min_chars"] < 1 or options["boilerplate_min_reports"] < 1:
            return ("min_chars" if options["min_chars"] < 1 else "boilerplate_min_reports"), "应为正整数"
        return None
