"""Kind `required-section`: a part the report must contain, found by keywords.

Real reports rename, merge and reorder the required parts, so a part counts
as present when any level-1 heading contains one of its keywords (domain guide
§2). One heading may satisfy several parts.
"""

from __future__ import annotations

import re
from typing import Iterator

from lintlaw.document import Document, Report
from lintlaw.kinds.base import Hit, Option, RuleKind


class RequiredSection(RuleKind):
    name = "required-section"
    options = {
        "part": Option(str, required=True, doc="the part's name, shown in the message"),
        "keywords": Option(list, required=True, doc="words any of which marks the part"),
        "next_year_words": Option(list, default=[],
                                  doc="words that mark the part with the year after the report year"),
        "topic_headings": Option(int, default=0,
                                 doc="this many level-1 headings that match no excluded word also count"),
        "topic_excludes": Option(list, default=[],
                                 doc="words that make a level-1 heading not a topic heading"),
        "report_kinds": Option(list, default=["fazhi"], doc="report kinds that must have the part"),
    }
    fields = frozenset({"part", "keywords"})

    def check(self, document: Document) -> Iterator[Hit]:
        for report in document.reports:
            if report.kind not in self.report_kinds:
                continue
            headings = [s.heading.body for s in report.sections if s.level == 1]
            if not headings or self._present(report, headings):
                continue  # no level-1 headings is its own finding
            anchor = report.anchor
            yield Hit(anchor.start, anchor.end,
                      {"part": self.part, "keywords": "”“".join(self.keywords[:4])})

    def _present(self, report: Report, headings: list[str]) -> bool:
        if any(word in heading for heading in headings for word in self.keywords):
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
