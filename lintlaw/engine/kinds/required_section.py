"""Kind `required-section`: a part the report must contain, found by keywords.

The parts and their words belong to the report type (rules/report-types/);
a rule names one part. Real reports rename, merge and reorder the required
parts, so a part counts as present when any level-1 heading contains one of
its keywords (docs/domain.md §2). One heading may satisfy several parts.
"""

from __future__ import annotations

import re
from typing import Iterator

from lintlaw.analysis.document import Document, Report
from lintlaw.analysis.issue import Issue
from lintlaw.engine.kinds.base import Option, RuleKind
from lintlaw.analysis.report_types import Part


class RequiredSection(RuleKind):
    name = "required-section"
    options = {
        "part": Option(str, required=True,
                       doc="必备部分在报告类型文件 [parts] 中的名称（其关键词也写在那里）"),
    }
    fields = frozenset({"part", "keywords"})

    def check(self, document: Document) -> Iterator[Issue]:
        for report in document.reports:
            part = report.report_type.parts.get(self.part)
            if part is None:
                continue  # this type does not require the part
            headings = [s.heading.body for s in report.sections if s.level == 1]
            if not headings or _present(part, report, headings):
                continue  # no level-1 headings is its own finding
            anchor = report.anchor
            yield Issue(self.name, anchor.start, anchor.end,
                        {"part": part.name, "keywords": "”“".join(part.keywords[:4])})


def _present(part: Part, report: Report, headings: list[str]) -> bool:
    if any(word in heading for heading in headings for word in part.keywords):
        return True
    if part.weak_keywords and any(_weak_match(part, report, h) for h in headings):
        return True
    if part.next_year_words and report.year:
        next_year = re.compile(rf"{report.year + 1}\s*年")
        if any(next_year.search(h) and any(w in h for w in part.next_year_words)
               for h in headings):
            return True
    if part.topic_headings:
        topics = [h for h in headings if not any(w in h for w in part.topic_excludes)]
        return len(topics) >= part.topic_headings
    return False


def _weak_match(part: Part, report: Report, heading: str) -> bool:
    """A generic word (情况, 措施) names the part only when nothing marks another part.

    "一、工作完成情况" is the measures part; "一、党政主要负责人履行…职责情况" and
    "四、2025年主要措施" (the year after the report year) are not.
    """
    if not any(word in heading for word in part.weak_keywords):
        return False
    if any(word in heading for word in part.topic_excludes):
        return False
    return not (report.year and re.search(rf"{report.year + 1}\s*年", heading))
