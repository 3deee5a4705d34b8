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
    last_year_number: int = 0  # that report's place in its file
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


# What the summary counts of a report, by the kind (and problem) of the rule that found it.
MISSING_PART = ("required-section", None)
TABLE_RELATION = ("table", ("sum", "text-count"))
LATE = ("date", ("late-date",))


@dataclass
class Summary:
    """One row of the review's summary: a report and what was found in it."""

    row: ReportRow
    findings: list = field(default_factory=list)
    errors: int = 0
    warnings: int = 0
    infos: int = 0
    missing_parts: int = 0
    table_relations: int = 0
    late: bool = False

    def record(self) -> dict:
        """The row as the review's summary table holds it (html, and `lintlaw serve`'s page)."""
        row = self.row
        return {"file": row.path, "number": row.number, "issuer": row.issuer, "issuer_from": row.issuer_from,
                "year": row.year, "type": row.type_label, "title": row.title, "line": row.line,
                "errors": self.errors, "warnings": self.warnings, "infos": self.infos,
                "missing": self.missing_parts, "relations": self.table_relations, "late": self.late,
                "copied": row.copied, "last_year": row.last_year}


def summaries(reports: Reports, diagnostics, rules) -> tuple[list[Summary], list]:
    """Each report's row with its findings and counts, in the run's order; and the findings
    that sit in no report (a file that holds none)."""
    from lintlaw.render.summary import count_severity

    kinds = {rule.code: (rule.kind.name, getattr(rule.kind, "problem", None)) for rule in rules}
    rows = {(row.path, row.number): Summary(row) for row in reports.rows}
    stray = []
    for d in diagnostics:
        row = reports.of(d.path, d.start)
        if row is None:
            stray.append(d)
            continue
        summary = rows[(row.path, row.number)]
        summary.findings.append(d)
        count_severity(summary, d.severity)
        kind, problem = kinds.get(d.code, (None, None))
        summary.missing_parts += kind == MISSING_PART[0]
        summary.table_relations += kind == TABLE_RELATION[0] and problem in TABLE_RELATION[1]
        summary.late = summary.late or (kind == LATE[0] and problem in LATE[1])
    return list(rows.values()), stray


def place(source, offset: int) -> tuple[int | None, int, int]:
    """(page, line, column) of an offset: a PDF's page and line of the page, else no page."""
    from lintlaw.render.lines import page_place

    line, column = source.position(offset)
    on_page = page_place(source, offset)
    return (on_page[0], on_page[1], column) if on_page else (None, line, column)
