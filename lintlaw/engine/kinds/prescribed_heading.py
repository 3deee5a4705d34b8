"""Kind `prescribed-heading`: headings that nearly match a title a format prescribes
(lintlaw/analysis/near_titles.py)."""

from __future__ import annotations

import re
from functools import cached_property
from typing import Iterator

from lintlaw.analysis.document import Document
from lintlaw.analysis.issue import Issue
from lintlaw.analysis.near_titles import Title, near_miss
from lintlaw.diagnostics import Edit, Fix
from lintlaw.engine.kinds.base import Fixes, Option, RuleKind

_WORDS = re.compile(r"[^\s：:，,。；;]*")


class PrescribedHeading(RuleKind):
    name = "prescribed-heading"
    options = {
        "titles": Option(list, required=True,
                         doc="格式规定的标题，词与词之间用空格隔开（如“收到 和 处理 政府 信息 公开 申请 情况”）：整词的增删换不报告"),
    }
    fields = frozenset({"found", "expected", "detail"})
    fixes = Fixes(always=True, safe=False)  # mends the broken word; the heading's own wording stays

    @classmethod
    def validate(cls, options):
        if not all(isinstance(title, str) and title.split() for title in options["titles"]):
            return "titles", "必须是非空字符串列表"
        return None

    @cached_property
    def _titles(self) -> list[Title]:
        return [Title.of(title) for title in self.titles]

    def check(self, document: Document) -> Iterator[Issue]:
        titles = self._titles
        for report in document.reports:
            for section in report.walk():
                line = section.heading
                # The heading's words up to a mark or a space: a run-in heading goes on after one.
                words = _WORDS.match(line.body).group()
                if not words or line.end == len(document.source.text):
                    continue  # the text stops inside the heading: a capture cut short, not a typo
                found = near_miss(words, titles)
                if found is None:
                    continue
                start = line.start + len(line.text) - len(line.body)
                fix = Fix((Edit(start, start + len(words), found.corrected),), safe=False)
                yield Issue(self.name, start, start + len(words),
                            {"found": words, "expected": found.title, "detail": found.detail}, fix=fix)
