"""Kind `pattern`: regular expressions over a part of each report.

Patterns come from rule files, which may be user-written, so every search
runs under the regex module's timeout.
"""

from __future__ import annotations

from typing import Iterator

import regex

from lintlaw.document import Document
from lintlaw.errors import RuleFileError
from lintlaw.kinds.base import Hit, Option, RuleKind
from lintlaw.outline import CHROME, DAMAGED, HEADING

SCOPES = ("text", "title", "heading", "signature", "date")
PATTERN_TIMEOUT_SECONDS = 2.0


class Pattern(RuleKind):
    name = "pattern"
    options = {
        "patterns": Option(list, required=True, doc="regular expressions (regex module syntax)"),
        "scope": Option(list, default=["text"],
                        doc="where to look: text (every line but page chrome), title, heading, signature, "
                            "date (the 成文日期 line)"),
    }
    fields = frozenset()

    @classmethod
    def validate(cls, options):
        for scope in options.get("scope") or []:
            if scope not in SCOPES:
                return "scope", f"只能取 {', '.join(SCOPES)}"
        compiled = []
        for text in options["patterns"]:
            if not isinstance(text, str):
                return "patterns", "必须是字符串列表"
            try:
                compiled.append(regex.compile(text))
            except regex.error as err:
                return "patterns", f"正则表达式“{text}”有误：{err}"
        options["patterns"] = compiled
        return None

    def check(self, document: Document) -> Iterator[Hit]:
        text = document.source.text
        for start, end in self._regions(document):
            for pattern in self.patterns:
                for match in _search(pattern, text, start, end, self.rule_path):
                    found = match.group()
                    # Regions span several lines; a finding never does.
                    if found and "\n" not in found and "\r" not in found:
                        yield Hit(match.start(), match.end(), {"match": found})

    def _regions(self, document: Document):
        """Spans of text to search.

        For the text scope, each span is a run of lines between page-chrome
        lines: one regex call per run instead of per line keeps large files fast.
        """
        for report in document.reports:
            for scope in self.scope:
                if scope == "text":
                    yield from _runs_between_chrome(report.lines)
                    continue
                if scope == "title":
                    lines = [report.title] if report.title else []
                elif scope == "heading":
                    lines = [line for line in report.lines if line.kind in (HEADING, DAMAGED)]
                elif scope == "signature":
                    lines = [report.signature] if report.signature else []
                else:
                    lines = [report.date] if report.date else []
                for line in lines:
                    yield line.start, line.end


def _runs_between_chrome(lines) -> Iterator[tuple[int, int]]:
    start = end = None
    for line in lines:
        if line.kind == CHROME:
            if start is not None:
                yield start, end
            start = None
        else:
            start = line.start if start is None else start
            end = line.end
    if start is not None:
        yield start, end


def _search(pattern, text: str, start: int, end: int, rule_path: str):
    try:
        return list(pattern.finditer(text, start, end, timeout=PATTERN_TIMEOUT_SECONDS))
    except TimeoutError:
        raise RuleFileError(f"{rule_path}: 正则表达式“{pattern.pattern}”运行超时，请简化") from None
