"""Kind `table-label`: a row label of a statistics table that differs from the format's
(a word dropped or mistyped), though it stands where the format has that row, so the table
is still read (lintlaw/analysis/table_reading.py)."""

from __future__ import annotations

from typing import Iterator

from lintlaw.analysis.document import Document
from lintlaw.analysis.issue import Issue
from lintlaw.engine.kinds.base import RuleKind


class TableLabelCheck(RuleKind):
    name = "table-label"
    fields = frozenset({"table", "written", "label"})

    def check(self, document: Document) -> Iterator[Issue]:
        for report in document.reports:
            tables = [table for table in report.tables if table.relabelled]
            if not tables:
                continue
            from lintlaw.analysis.table_reading import layouts  # only when a table has one

            for table in tables:
                for label in table.relabelled:
                    values = {"table": layouts()[table.key].name, "written": label.written, "label": label.label}
                    yield Issue(self.name, label.start, label.start + len(label.written), values)
