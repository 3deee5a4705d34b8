"""Statistics tables recognised in a report (政府信息公开工作年度报告, docs/domain.md §10).

This module is the shared contract between table recognition (which fills
`Table`s from a Word/HTML grid or from flattened text) and the table rules
(which read cells by their row and column keys). Keys are the ids of the
format's row and column labels, declared as data beside the report type.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal


@dataclass(frozen=True)
class Cell:
    row: str  # row key, e.g. "new", "refused-secret" (rules/tables/government-information.toml)
    col: str  # column key, e.g. "natural-person", "total"
    raw: str  # the cell's text as written ("" for a blank cell)
    value: Decimal | None  # None when blank or not a number
    offset: int  # character offset of the cell's text in the Source (of its line when blank)


@dataclass(frozen=True)
class Relabelled:
    """A row label the table writes differently from the format (a word dropped, a typo), read
    as the format's label because it stands where the format has that row."""

    start: int  # offset of the label as written
    written: str
    label: str  # as the format prints it


@dataclass
class Table:
    key: str  # which table of the format: "active" (二), "requests" (三), "review" (四), or "active-2019"
    how: str  # how it was read, in words for `lintlaw tree` ("Word 表格", "逐格一行的网页文本"…)
    lines: range  # the Source lines the table occupies (its labels are not headings)
    cells: dict[tuple[str, str], Cell] = field(default_factory=dict)
    relabelled: list[Relabelled] = field(default_factory=list)

    def cell(self, row: str, col: str) -> Cell | None:
        return self.cells.get((row, col))


@dataclass(frozen=True)
class UnreadTable:
    """A table that looks like one of the format's but could not be read confidently."""

    key: str
    line: int  # 0-based
    reason: str  # Chinese, shown once as an info finding
