"""Kind `required-section`: a part the report must contain, found by keywords.

Real reports rename, merge and reorder the required parts, so a part counts
as present when any level-1 heading contains one of its keywords (domain guide
§2). One heading may satisfy several parts.
"""

from __future__ import annotations

import re
from typing import Iterator

from lintlaw.document import Document, Report
from lintlaw.issue import Issue
from lintlaw.kinds.base import Option, RuleKind


class RequiredSection(RuleKind):
    name = "required-section"
    options = {
        "part": Option(str, required=True, doc="the part's name, shown in the message"),
        "keywords": Option(list, required=True, doc="words any of which marks the part"),
        "next_year_words": Option(list, default=[],
                                  doc="words that mark the part with the year after the report year"),
        "weak_keywords": Option(list, default=[],
                                doc="words that mark the part only in a heading with none of "
                                    "topic_excludes that does not name the year after the report year"),
        "topic_headings": Option(int, default=0,
                                 doc="this many level-1 headings that match no excluded word also count"),
        "topic_excludes": Option(list, default=[],
                                 doc="words that make a level-1 heading not a topic heading"),
        "report_kinds": Option(list, default=["fazhi"], doc="report kinds that must have the part"),
    }
    fields = frozenset({"part", "keywords"})

    def check(self, document: Document) -> Iterator[Issue]:
        for report in document.reports:
            if report.kind not in self.report_kinds:
                continue
            headings = [s.heading.body for s in report.sections if s.level == 1]
            if not headings or self._present(report, headings):
                continue  # no level-1 headings is its own finding
            anchor = report.anchor
            yield Issue(self.name, anchor.start, anchor.end,
                                   {"part": self.part, "keywords": "”“".join(self.keywords[:4])})

    def _present(self, report: Report, headings: list[str]) -> bool:
        if any(word in heading for heading in headings for word in self.keywords):
            return True
        if self.weak_keywords and any(self._weak_match(report, h) for h in headings):
            return True
        if self.next_year_words and report.year:
            next_year = re.compile(rf"{report.year + 1}\s*年")
            if any(next_year.search(h) and any(w in h for w in self.next_year_words)
                   for h in headings):
                return True
        if self.topic_headings:
            topics = [h for h in headings if not any(w in h for w in self.topic_excludes)]
            return len(topics) >= self.topic_headings
        return False

    def _weak_match(self, report: Report, heading: str) -> bool:
        """A generic word (情况, 措施) names the part only when nothing marks another part.

        "一、工作完成情况" is the measures part; "一、党政主要负责人履行…职责情况" and
        "四、2025年主要措施" (the year after the report year) are not.
        """
        if not any(word in heading for word in self.weak_keywords):
            return False
        if any(word in heading for word in self.topic_excludes):
            return False
        return not (report.year and re.search(rf"{report.year + 1}\s*年", heading))
