"""Kind `table`: the statistics tables' arithmetic and cells, and the text against them
(lintlaw/analysis/table_checks.py). A sum relation is data: its rule file names the table,
the keys on each side and whether the relation holds in every column or in every row."""

from __future__ import annotations

import re

from lintlaw.analysis import table_checks
from lintlaw.engine.kinds.base import Option, RuleKind, problem_option, problems
from lintlaw.io.schema import Choice, Items, Regex, Text

AXES = (table_checks.COLUMN, table_checks.ROW)


def _sum(kind, document):
    relation = table_checks.Relation(kind.table, kind.along, tuple(kind.left), tuple(kind.right),
                                     frozenset(kind.optional))
    return table_checks.sums(document, relation)


def _text_count(kind, document):
    check = table_checks.TextCount(tuple(kind.patterns), tuple(tuple(c.split(".")) for c in kind.cells),
                                   tuple(kind.headings), tuple(kind.context), tuple(kind.exclude))
    return table_checks.text_counts(document, check)


PROBLEMS = problems(
    (table_checks.SUM, _sum),
    (table_checks.VALUE, lambda kind, document: table_checks.cell_values(document, kind.decimals, kind.signed)),
    (table_checks.BLANK, lambda kind, document: table_checks.blank_cells(document, kind.tables)),
    (table_checks.OUTDATED, lambda kind, document: table_checks.outdated_layout(document, kind.tables, kind.since)),
    (table_checks.TEXT_COUNT, _text_count),
)


_STRINGS = "应为非空字符串的列表"


def _strings(*tests) -> Items:
    """A list of non-empty strings, each passing `tests` ((test, problem) pairs)."""
    item = Text(_STRINGS, nonempty=True)
    for test, problem in tests:
        item.where(test, problem)
    return Items(item)


def _cell(problem: str) -> tuple:
    return (lambda cell: len(cell.split(".")) == 3, problem)


_CELL = "每一项写作“表名.行名.列名”（可用 * 代表任一行或列）"


class TableCheck(RuleKind):
    name = "table"
    problems = PROBLEMS
    options = {
        "problem": problem_option(PROBLEMS),
        "table": Option(str, problems=("sum",), doc="哪一张统计表（报告类型文件 [tables] 中的名称，如 requests）"),
        "along": Option(str, default=table_checks.COLUMN, problems=("sum",),
                        doc="column：等式在每一列成立，left、right 写行名；row：在每一行成立，写列名",
                        check=Choice(AXES, f"只能取 {'、'.join(AXES)}")),
        "left": Option(list, default=[], problems=("sum",), doc="等式左边相加的行（或列）", check=_strings()),
        "right": Option(list, default=[], problems=("sum",), doc="等式右边相加的行（或列）", check=_strings()),
        "optional": Option(list, default=[], problems=("sum",),
                           doc="旧版格式没有的行（或列）：整张表都没有时按0计", check=_strings()),
        "decimals": Option(list, default=[], problems=("value",),
                           doc="可以填小数的格，写作“表名.行名.列名”，可用 * 代表任一行或列，"
                               "如 active.fees.*（收费金额，万元）", check=_strings(_cell(_CELL))),
        "signed": Option(list, default=[], problems=("value",),
                         doc="可以是负数的格（写法同 decimals），如 active-2019.*.change（本年增/减）",
                         check=_strings(_cell(_CELL))),
        "tables": Option(list, default=[], problems=("blank", "outdated"),
                         doc="检查哪些统计表（blank 不写时检查全部）；outdated：已被替换的旧版格式的表", check=_strings()),
        "since": Option(int, default=0, problems=("outdated",), doc="从哪一报告年度起旧版格式不再适用"),
        "patterns": Option(list, default=[], problems=("text-count",),
                           doc="正文中的数字（正则表达式，数字所在的组命名为 n）",
                           check=Items(Regex(re, _STRINGS, nonempty=True,
                                             problem=lambda text, reason: f"正则表达式“{text}”有误：{reason}")
                                       .where(lambda regex: "n" in regex.groupindex,
                                              lambda regex, key: f"“{regex.pattern}”中没有命名为 n 的组"))),
        "cells": Option(list, default=[], problems=("text-count",),
                        doc="与之相等的单元格（几格时为其和），写作“表名.行名.列名”，如 requests.new.total",
                        check=_strings(_cell("每一格写作“表名.行名.列名”"))),
        "headings": Option(list, default=[], problems=("text-count",),
                           doc="查一级标题中有这些词的部分（与 context 都不写时查全文）", check=_strings()),
        "context": Option(list, default=[], problems=("text-count",),
                          doc="也查有这些词的句子（如“政府信息公开”）", check=_strings()),
        "exclude": Option(list, default=[], problems=("text-count",),
                          doc="句中有这些词时不查（如“累计”“结转”：说的不是同一个数）", check=_strings()),
    }
    needs = {
        "sum": ((("table",), "sum 检查需要写明 table"), (("left",), "sum 检查需要写明等式两边"),
                (("right",), "sum 检查需要写明等式两边")),
        "outdated": ((("tables", "since"), "outdated 检查需要写明 tables 和 since"),),
        "text-count": ((("patterns", "cells"), "text-count 检查需要写明 patterns 和 cells"),),
    }

    @classmethod
    def check_types(cls, options, types):
        """Tables, rows and columns a rule names are ones a report type declares."""
        declared = {}
        for report_type in types.types:
            declared.update(report_type.tables)
        for key, table, axis, names in _named(options):
            problem = _undeclared(declared, table, axis, names)
            if problem:
                return key, problem
        return None


def _named(options):
    """What a rule's options name: (option, table, "rows" or "columns" or None, row or column keys)."""
    which = options["problem"]
    if which == "sum":
        axis = "rows" if options["along"] == table_checks.COLUMN else "columns"
        for key in ("table", "left", "right", "optional"):
            yield key, options["table"], axis, options[key] if key != "table" else []
    elif which in ("blank", "outdated"):
        for table in options["tables"]:
            yield "tables", table, None, ()
    elif which in ("value", "text-count"):
        anyone = "*" if which == "value" else None  # a value's cells may name any row or column
        for key in ("decimals", "signed") if which == "value" else ("cells",):
            for item in options[key]:
                table, row, column = item.split(".")
                yield key, table, "rows", [row] if row != anyone else []
                yield key, table, "columns", [column] if column != anyone else []


def _undeclared(declared: dict, table: str, axis: str | None, names) -> str | None:
    """What of a table and its rows or columns no report type declares, in words; None: all is."""
    if table not in declared:
        return f"没有报告类型声明统计表“{table}”（可用：{', '.join(declared) or '无'}）"
    known = getattr(declared[table], axis) if axis else {}
    missing = [name for name in names if name not in known]
    if missing:
        what = "行" if axis == "rows" else "列"
        return f"统计表“{table}”没有{what}“{missing[0]}”（可用：{', '.join(known)}）"
    return None
