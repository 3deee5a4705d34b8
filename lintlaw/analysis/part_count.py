"""The introduction's count of parts against the parts it lists and the level-1 headings.

"本报告由总体情况、主动公开政府信息情况……、其他需要报告的事项等六部分组成": the number must be
the number of names listed, and the number of level-1 headings. A name may hold a 、 of its
own (政府信息公开行政复议、行政诉讼情况): the names of parts end in 情况 or 事项, so a piece that
does not is joined to the next; a list whose last piece does not end so is not counted.
"""

from __future__ import annotations

import re
from typing import Iterator

from lintlaw.analysis.document import Document
from lintlaw.analysis.issue import Check, Issue
from lintlaw.text.numerals import chinese_number

# The problems this analysis reports (lintlaw/analysis/issue.py): name and the values each carries.
PART_COUNT = Check.of("part-count", "found", "detail")

_STATED = re.compile(
    r"(?:报告|全文)[^。；;，,]{0,8}?(?:由|包括|包含|分为)(?P<list>[^。；;]{4,300}?)"
    r"(?:等|共)?(?P<count>(?P<n>[一二两三四五六七八九十]|[1-9][0-9]?)\s*个?\s*部分)")
_PIECES = re.compile(r"[、，,]|(?<=[况项])(?:以及|及|和)")
_PART_END = re.compile(r"(?:情况|事项)$")
_LEAD = re.compile(r"^(?:以及|及|和)")


def listed_parts(words: str) -> list[str] | None:
    """The names of a list of parts, or None when the list does not read as one."""
    names, pending = [], ""
    for piece in _PIECES.split(words):
        piece = _LEAD.sub("", piece.strip())
        if not piece:
            continue
        pending += piece
        if _PART_END.search(pending):
            names.append(pending)
            pending = ""
    return names if names and not pending else None


def part_counts(document: Document) -> Iterator[Issue]:
    text = document.source.text
    for report in document.reports:
        lines = report.intro or [s.paragraphs[0] for s in report.sections[:1] if s.paragraphs]
        for line in lines[:3]:
            match = _STATED.search(text, line.start, line.end)
            if match is None:
                continue
            written = match.group("n")
            stated = int(written) if written.isdigit() else chinese_number(written)
            names = listed_parts(match.group("list"))
            start, end = match.span("count")
            found = match.group("count")
            if names is not None and len(names) != stated:
                yield PART_COUNT.issue(start, end, {"found": found, "detail": f"列举的部分有{len(names)}项"})
                break
            headings = sum(1 for section in report.sections if section.level == 1)
            # An excerpt or a page cut short has fewer headings than it announced: fewer is
            # a finding only in a report that reaches its end (its date).
            if headings > stated or (report.date is not None and 0 < headings < stated):
                yield PART_COUNT.issue(start, end, {"found": found, "detail": f"一级标题有{headings}个"})
            break
