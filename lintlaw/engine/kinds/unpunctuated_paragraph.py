"""Kind `unpunctuated-paragraph`: a paragraph whose full stop is missing before a heading
(lintlaw/analysis/breaks.py)."""

from __future__ import annotations

from typing import Iterator

from lintlaw.analysis import breaks
from lintlaw.analysis.document import Document
from lintlaw.analysis.issue import Issue
from lintlaw.engine.kinds.base import Option, RuleKind
from lintlaw.engine.kinds.unfinished_paragraph import HEADING_SHOWN, SHOWN


class UnpunctuatedParagraph(RuleKind):
    name = "unpunctuated-paragraph"
    options = {
        "terminal": Option(str, required=True, doc="段落可以以之结尾的标点：。！？；：…"),
        "min_running": Option(int, default=40, doc="只看这么长（字数）以上的正文段落"),
        "min_clauses": Option(int, default=2, doc="段落至少有这么多个逗号或分号（一句完整的话，而不是标题或标签）"),
        "min_last_clause": Option(int, default=6,
                                  doc="最后一个分句至少这么长：更短的多半是句子断在半中间（R007）"),
    }
    fields = frozenset({"before", "after"})

    def check(self, document: Document) -> Iterator[Issue]:
        for found in breaks.find_unpunctuated(document, self.terminal, self.min_running, self.min_clauses,
                                              self.min_last_clause):
            after = found.after.split("。")[0]  # a heading's own words, not the sentence run in after them
            after = after if len(after) <= HEADING_SHOWN else after[:HEADING_SHOWN] + "…"
            yield Issue(self.name, found.end - 1, found.end, {"before": found.before[-SHOWN:], "after": after})
