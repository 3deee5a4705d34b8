"""A report's title written twice at its top: a web capture took the page's title and the
document's own (the latter often split under the issuer's name)."""

from __future__ import annotations

import re
from typing import Iterator

from lintlaw.analysis.document import Document, Report
from lintlaw.analysis.issue import Issue
from lintlaw.text.chars import SENTENCE_PUNCT
from lintlaw.text.outline import CHROME, DAMAGED, HEADING, TEXT, TITLE, TOC, Line

# The issuer's name on its own line above the title ("重庆市…委员会" / "关于2024年…的报告").
_ISSUER_LINE_MAX = 30
_SPACES = re.compile(r"\s+")


def repeated_titles(document: Document) -> Iterator[Issue]:
    for report in document.reports:
        yield from _in_report(report)


def _in_report(report: Report) -> Iterator[Issue]:
    top = []
    for line in report.lines:
        if line.type in (HEADING, DAMAGED):
            break
        if line.type not in (CHROME, TOC):
            top.append(line)
    seen: dict[str, Line] = {}
    for index, line in enumerate(top):
        if line.type != TITLE:
            continue
        first = line
        above = top[index - 1] if index else None
        if above is not None and above.type == TEXT and _issuer_line(above.text):
            first = above  # the title split under the issuer's name is one title
        words = _same(first.text + line.text if first is not line else line.text)
        earlier = seen.get(words)
        if earlier is not None:
            yield Issue("repeated-title", first.start, line.end,
                        {"found": _SPACES.sub("", line.text), "line": earlier.lineno})
        else:
            seen[words] = first
            seen.setdefault(_same(line.text), line)


def _issuer_line(text: str) -> bool:
    return 0 < len(text.strip()) <= _ISSUER_LINE_MAX and not SENTENCE_PUNCT.search(text)


def _same(title: str) -> str:
    """A title's words as two copies share them: without spaces and line breaks, 年度 as 年."""
    return _SPACES.sub("", title).replace("年度", "年")
