"""Checks on the statistics tables of a report (docs/domain.md §10), and on the text against them.

The tables come from table recognition (lintlaw/analysis/tables.py: cells keyed by row and
column). What each check compares is data in its rule file: a sum relation names its table,
the keys on each side and whether it holds in every column or in every row; the names that
findings show come from the report type (rules/report-types/, [tables.KEY]).

A relation is checked only where every cell it reads holds a number: a blank cell is its own
finding (warning), and a reviewer cannot be told a sum is wrong when a term is missing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Iterator

from lintlaw.analysis.document import Document, Report
from lintlaw.analysis.issue import Issue

if TYPE_CHECKING:  # the table code loads only when a report has a table (tests/test_tables.py)
    from lintlaw.analysis.tables import Cell, Table

# What a capture writes in a cell left without a number ("—" or "/" for none).
_NO_NUMBER = re.compile(r"^[\s\u3000]*(?:[—\-－–/／\\、]+|无)?[\s\u3000]*$")
_SHOWN_TERMS = 4  # a side with more terms lists only its non-zero ones
COLUMN, ROW = "column", "row"


def report_tables(report: Report) -> list[Table]:
    """The statistics tables read confidently in a report."""
    return report.tables


@dataclass(frozen=True)
class Relation:
    """left₁ + left₂ + … = right₁ + right₂ + …, in each column (keys are row keys) or in each
    row (keys are column keys) of one table."""

    table: str
    along: str  # COLUMN or ROW
    left: tuple[str, ...]
    right: tuple[str, ...]
    optional: frozenset[str] = frozenset()  # keys an older layout lacks: absent from the whole table, 0


def is_blank(cell: Cell) -> bool:
    return cell.value is None and bool(_NO_NUMBER.match(cell.raw))


def number(value: Decimal) -> str:
    """12, 3.5: as a report writes it."""
    if value == value.to_integral_value():
        return str(int(value))
    return format(value.normalize(), "f")


class _Names:
    """The names findings give a table, its rows and its columns (from the report type)."""

    def __init__(self, report: Report, table: str):
        names = report.report_type.tables.get(table) if report.report_type else None
        self.table = names.name if names else table
        self.rows = names.rows if names else {}
        self.columns = names.columns if names else {}

    def row(self, key: str) -> str:
        return self.rows.get(key, key)

    def column(self, key: str) -> str:
        return self.columns.get(key, key)

    def cell(self, cell: Cell) -> str:
        return f"{self.row(cell.row)}×{self.column(cell.col)}"


def _span(cell: Cell) -> tuple[int, int]:
    return cell.offset, cell.offset + len(cell.raw)


def _related(cells: list[Cell], names: _Names) -> tuple[tuple[int, int, str], ...]:
    return tuple((*_span(cell), names.cell(cell)) for cell in cells)


def _tables_of(document: Document, key: str) -> Iterator[tuple[Report, Table, _Names]]:
    for report in document.reports:
        for table in report_tables(report):
            if table.key == key:
                yield report, table, _Names(report, key)


def _ordered(keys: set[str], declared: dict[str, str]) -> list[str]:
    """Keys in the order the report type declares them, then any others."""
    return [k for k in declared if k in keys] + sorted(keys - set(declared))


def sums(document: Document, relation: Relation) -> Iterator[Issue]:
    for _, table, names in _tables_of(document, relation.table):
        lines = {col if relation.along == COLUMN else row for row, col in table.cells}
        present = {row if relation.along == COLUMN else col for row, col in table.cells}
        for line in _ordered(lines, names.columns if relation.along == COLUMN else names.rows):
            issue = _check_sum(table, relation, line, present, names)
            if issue is not None:
                yield issue


def _check_sum(table: Table, relation: Relation, line: str, present: set[str], names: _Names) -> Issue | None:
    def cell_at(key: str) -> Cell | None:
        return table.cell(key, line) if relation.along == COLUMN else table.cell(line, key)

    sides = []
    for keys in (relation.left, relation.right):
        side = []
        for key in keys:
            if key in relation.optional and key not in present:
                continue  # an older layout without this row (or column)
            cell = cell_at(key)
            if cell is None or cell.value is None:
                return None  # a term is missing, blank or not a number: nothing to verify
            side.append(cell)
        sides.append(side)
    left, right = sides
    if not left or not right:
        return None
    left_sum, right_sum = sum(c.value for c in left), sum(c.value for c in right)
    if left_sum == right_sum:
        return None
    label = names.column(line) if relation.along == COLUMN else names.row(line)
    start, end = _span(left[0])
    return Issue("sum", start, end, {
        "table": names.table,
        "where": f"“{label}”{'列' if relation.along == COLUMN else '行'}",
        "left_terms": _terms(left, relation.along, names), "left_sum": number(left_sum),
        "right_terms": _terms(right, relation.along, names), "right_sum": number(right_sum),
    }, related=_related(left + right, names))


def _terms(cells: list[Cell], along: str, names: _Names) -> str:
    """本年新收5＋上年结转1; for a long side only the non-zero terms (予以公开5＋部分公开3，其余为0)."""
    def name(cell: Cell) -> str:
        return names.row(cell.row) if along == COLUMN else names.column(cell.col)

    shown = cells if len(cells) <= _SHOWN_TERMS else [c for c in cells if c.value != 0]
    if not shown:
        return "各项均为0"
    text = "＋".join(f"{name(c)}{number(c.value)}" for c in shown)
    return text + ("，其余各项为0" if len(shown) < len(cells) else "")


def names_cell(spec: str, table: str, cell: Cell) -> bool:
    """Whether "table.row.column" (each part a key or *) names a cell of a table."""
    return all(want in ("*", have) for want, have in zip(spec.split("."), (table, cell.row, cell.col)))


def cell_values(document: Document, decimals: list[str], signed: list[str]) -> Iterator[Issue]:
    """Cells hold non-negative integers; the cells `decimals` names may hold decimals and the
    cells `signed` names negative numbers (each "table.row.column", a part may be *)."""
    for report in document.reports:
        for table in report_tables(report):
            names = _Names(report, table.key)
            for cell in sorted(table.cells.values(), key=lambda c: c.offset):
                if is_blank(cell):
                    continue  # the blank-cell rule's
                decimal = any(names_cell(spec, table.key, cell) for spec in decimals)
                negative = any(names_cell(spec, table.key, cell) for spec in signed)
                value = cell.value
                if (value is not None and (negative or value >= 0)
                        and (decimal or value == value.to_integral_value())):
                    continue
                expected = ("数" if decimal else "整数") if negative else ("非负数" if decimal else "非负整数")
                start, end = _span(cell)
                yield Issue("value", start, end, {
                    "table": names.table, "cell": names.cell(cell), "found": cell.raw.strip(),
                    "expected": expected}, related=_related([cell], names))


def blank_cells(document: Document, tables: list[str]) -> Iterator[Issue]:
    """Cells left without a number, once per table (a table with no number at all is left alone:
    nothing in it was filled in, or it was not read)."""
    for report in document.reports:
        for table in report_tables(report):
            if tables and table.key not in tables:
                continue
            cells = sorted(table.cells.values(), key=lambda c: c.offset)
            blank = [cell for cell in cells if is_blank(cell)]
            if not blank or not any(cell.value is not None for cell in cells):
                continue
            names = _Names(report, table.key)
            start, end = _span(blank[0])
            yield Issue("blank", start, end, {"table": names.table, "count": len(blank),
                                              "first": names.cell(blank[0])},
                        related=_related(blank, names))


def outdated_layout(document: Document, tables: list[str], since: int) -> Iterator[Issue]:
    """A table in a layout the format replaced, in a report for `since` or later."""
    line_starts = document.source.line_starts
    for report in document.reports:
        if report.year is None or report.year < since:
            continue
        for table in report_tables(report):
            if table.key not in tables:
                continue
            if table.lines:
                start = line_starts[table.lines.start]
                end = start + len(document.source.line_text(table.lines.start + 1))
            else:
                first = min(table.cells.values(), key=lambda c: c.offset, default=None)
                if first is None:
                    continue
                start, end = _span(first)
            yield Issue("outdated", start, end,
                        {"table": _Names(report, table.key).table, "year": report.year})


@dataclass(frozen=True)
class TextCount:
    """A count the text states (a pattern with a group `n`) and the table cells it must equal."""

    patterns: tuple[re.Pattern, ...]
    cells: tuple[tuple[str, str, str], ...]  # (table, row, column), summed
    headings: tuple[str, ...] = ()  # checked in parts whose level-1 heading holds one of these,
    context: tuple[str, ...] = ()  # and in sentences holding one of these (neither: everywhere)
    exclude: tuple[str, ...] = ()  # a sentence holding one of these is not checked


def text_counts(document: Document, check: TextCount) -> Iterator[Issue]:
    from lintlaw.analysis.facts import facts_of
    from lintlaw.text.numerals import chinese_number

    text = document.source.text
    facts = None
    for report in document.reports:
        cells = _cells(report, check.cells)
        if cells is None:
            continue
        facts = facts or facts_of(document)
        names = _Names(report, check.cells[0][0])
        expected = sum(cell.value for cell in cells)
        for sentence in facts.report_sentences(report):
            words = text[sentence.start:sentence.end]
            if any(word in words for word in check.exclude) or not _in_scope(check, sentence, words):
                continue
            for pattern in check.patterns:
                for match in pattern.finditer(text, sentence.start, sentence.end):
                    written = match.group("n")
                    count = int(written) if written.isdigit() else chinese_number(written)
                    if count is None or count == expected:
                        continue
                    yield Issue("text-count", match.start("n"), match.end("n"), {
                        "found": match.group(0), "count": count, "table": names.table,
                        "cells": "＋".join(f"“{names.cell(cell)}”" for cell in cells),
                        "expected": number(expected)}, related=_related(cells, names))


def _in_scope(check: TextCount, sentence, words: str) -> bool:
    if not check.headings and not check.context:
        return True
    heading = sentence.part.heading.body if sentence.part is not None and sentence.part.level == 1 else ""
    return any(w in heading for w in check.headings) or any(w in words for w in check.context)


def _cells(report: Report, wanted: tuple[tuple[str, str, str], ...]) -> list[Cell] | None:
    """The cells a text count is compared with, when the report's tables give every one a number."""
    tables = {table.key: table for table in report_tables(report)}
    cells = []
    for table_key, row, col in wanted:
        table = tables.get(table_key)
        cell = table.cell(row, col) if table else None
        if cell is None or cell.value is None:
            return None
        cells.append(cell)
    return cells
