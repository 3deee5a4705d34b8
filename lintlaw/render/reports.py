"""The reports of a run as the review formats show them (html, csv): who issued each one, for
which year, of which type, and what comparing it with last year's report found."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field


@dataclass(frozen=True)
class ReportRow:
    path: str
    number: int  # its place in its file (0 for the first)
    title: str
    issuer: str | None
    issuer_from: str | None  # 标题, 落款, 文件名 or --issuer
    year: int | None
    type_name: str
    type_label: str
    start: int  # where the report starts in its file
    line: int  # its title's line (or first line)
    last_year: str | None = None  # the file of last year's report it was compared with
    copied: float | None = None  # share of its paragraphs' characters found in last year's report

    @property
    def anchor(self) -> str:
        """An id for the report in a page: r + file number is given by the page; this is its own part."""
        return f"{self.path}#{self.number}"


@dataclass
class Reports:
    rows: list[ReportRow] = field(default_factory=list)

    def __post_init__(self):
        self._starts: dict[str, list[int]] = {}
        self._rows: dict[str, list[ReportRow]] = {}
        for row in self.rows:
            self._starts.setdefault(row.path, []).append(row.start)
            self._rows.setdefault(row.path, []).append(row)

    def of(self, path: str, offset: int) -> ReportRow | None:
        """The report a place of a file is in (before the first report: the first)."""
        rows = self._rows.get(path)
        if not rows:
            return None
        return rows[max(bisect_right(self._starts[path], offset) - 1, 0)]
