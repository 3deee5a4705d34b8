"""Kind `unfinished-paragraph`: a paragraph that stops mid-sentence before a heading
(lintlaw/analysis/breaks.py)."""

from __future__ import annotations

from typing import Iterator

from lintlaw.analysis import breaks
from lintlaw.analysis.document import Document
from lintlaw.analysis.issue import Issue
from lintlaw.engine.kinds.base import Option, RuleKind

SHOWN = 8  # characters shown of the paragraph's end
HEADING_SHOWN = 20  # of the heading: most are shorter, and shown whole


class UnfinishedParagraph(RuleKind):
    name = "unfinished-paragraph"
    options = {
        "inside": Option(str, required=True, doc="句子不会以之结尾的标点：，、（《“"),
        "dangling": Option(list, default=[], doc="句子不会以之结尾的词（从、按照……）"),
        "min_running": Option(int, default=15, doc="算作正文的最短行长（字数）"),
    }
    fields = frozenset({"before", "after"})

    @classmethod
    def validate(cls, options):
        if not all(isinstance(word, str) and word for word in options["dangling"]):
            return "dangling", "必须是非空字符串列表"
        options["dangling"] = tuple(options["dangling"])
        return None

    def check(self, document: Document) -> Iterator[Issue]:
        for found in breaks.find_unfinished(document, self.inside, self.dangling, self.min_running):
            after = found.after if len(found.after) <= HEADING_SHOWN else found.after[:HEADING_SHOWN] + "…"
            shown = {"before": found.before[-SHOWN:], "after": after}
            yield Issue(self.name, found.end - 1, found.end, shown)
