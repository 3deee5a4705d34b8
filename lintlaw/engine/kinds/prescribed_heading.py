"""Kind `prescribed-heading`: headings that nearly match a title a format prescribes
(lintlaw/analysis/near_titles.py)."""

from __future__ import annotations

from functools import cached_property
from typing import Iterator

from lintlaw.analysis.document import Document
from lintlaw.analysis.issue import Issue
from lintlaw.analysis.near_titles import Title, near_miss
from lintlaw.diagnostics import Edit, Fix
from lintlaw.engine.kinds.base import Fixes, Option, RuleKind


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
                words = section.title
                if not words or any(char.isspace() for char in words):
                    continue  # a space inside is R002's, and breaks the offsets
                found = near_miss(words, titles)
                if found is None:
                    continue
                line = section.heading
                if line.end == len(document.source.text):
                    continue  # the text stops inside the heading: a capture cut short, not a typo
                start = line.start + len(line.text) - len(line.body)
                fix = Fix((Edit(start, start + len(words), found.corrected),), safe=False)
                yield Issue(self.name, start, start + len(words),
                            {"found": words, "expected": found.title, "detail": found.detail}, fix=fix)
