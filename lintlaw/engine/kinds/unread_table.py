"""Kind `unread-table`: a statistics table that looks like one of the format's but could not
be read confidently (lintlaw/analysis/table_reading.py). Reported once, never guessed at:
its numbers are left unchecked."""

from __future__ import annotations

from typing import Iterator

from lintlaw.analysis.document import Document
from lintlaw.analysis.issue import Issue
from lintlaw.engine.kinds.base import RuleKind


class UnreadTableCheck(RuleKind):
    name = "unread-table"
    fields = frozenset({"table", "reason"})

    def check(self, document: Document) -> Iterator[Issue]:
        for report in document.reports:
            unread = report.unread_tables
            if not unread:
                continue
            from lintlaw.analysis.table_reading import layouts  # only when there is a table

            for table in unread:
                start, end = _line_span(document, table.line)
                values = {"table": layouts()[table.key].name, "reason": table.reason}
                yield Issue(self.name, start, end, values)


def _line_span(document: Document, index: int) -> tuple[int, int]:
    """The text of a 0-based Source line, without its indent."""
    line = next((line for line in document.lines if line.lineno == index + 1), None)
    if line is not None:
        return line.start, line.end
    start = document.source.line_starts[index]
    return start, start + len(document.source.line_text(index + 1))
