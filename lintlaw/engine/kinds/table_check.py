"""Kind `table`: the statistics tables' arithmetic and cells, and the text against them
(lintlaw/analysis/table_checks.py). A sum relation is data: its rule file names the table,
the keys on each side and whether the relation holds in every column or in every row."""

from __future__ import annotations

import re

from lintlaw.analysis import table_checks
from lintlaw.engine.kinds.base import Option, Problem, RuleKind, problem_option
from lintlaw.reasons import regex_reason

AXES = (table_checks.COLUMN, table_checks.ROW)


def _sum(kind, document):
    relation = table_checks.Relation(kind.table, kind.along, tuple(kind.left), tuple(kind.right),
                                     frozenset(kind.optional))
    return table_checks.sums(document, relation)


def _text_count(kind, document):
    check = table_checks.TextCount(tuple(kind.patterns), tuple(tuple(c.split(".")) for c in kind.cells),
                                   tuple(kind.headings), tuple(kind.context), tuple(kind.exclude))
    return table_checks.text_counts(document, check)


PROBLEMS = {
    "sum": Problem(_sum, frozenset({"table", "where", "left_terms", "left_sum", "right_terms", "right_sum"})),
    "value": Problem(lambda kind, document: table_checks.cell_values(document, kind.decimals, kind.signed),
                     frozenset({"table", "cell", "found", "expected"})),
    "blank": Problem(lambda kind, document: table_checks.blank_cells(document, kind.tables),
                     frozenset({"table", "count", "first"})),
    "outdated": Problem(
        lambda kind, document: table_checks.outdated_layout(document, kind.tables, kind.since),
        frozenset({"table", "year"})),
    "text-count": Problem(_text_count, frozenset({"found", "count", "table", "cells", "expected"})),
}


class TableCheck(RuleKind):
    name = "table"
    problems = PROBLEMS
    options = {
        "problem": problem_option(PROBLEMS),
        "table": Option(str, problems=("sum",), doc="哪一张统计表（报告类型文件 [tables] 中的名称，如 requests）"),
        "along": Option(str, default=table_checks.COLUMN, problems=("sum",),
                        doc="column：等式在每一列成立，left、right 写行名；row：在每一行成立，写列名"),
        "left": Option(list, default=[], problems=("sum",), doc="等式左边相加的行（或列）"),
        "right": Option(list, default=[], problems=("sum",), doc="等式右边相加的行（或列）"),
        "optional": Option(list, default=[], problems=("sum",),
                           doc="旧版格式没有的行（或列）：整张表都没有时按0计"),
        "decimals": Option(list, default=[], problems=("value",),
                           doc="可以填小数的格，写作“表名.行名.列名”，可用 * 代表任一行或列，"
                               "如 active.fees.*（收费金额，万元）"),
        "signed": Option(list, default=[], problems=("value",),
                         doc="可以是负数的格（写法同 decimals），如 active-2019.*.change（本年增/减）"),
        "tables": Option(list, default=[], problems=("blank", "outdated"),
                         doc="检查哪些统计表（blank 不写时检查全部）；outdated：已被替换的旧版格式的表"),
        "since": Option(int, default=0, problems=("outdated",), doc="从哪一报告年度起旧版格式不再适用"),
        "patterns": Option(list, default=[], problems=("text-count",),
                           doc="正文中的数字（正则表达式，数字所在的组命名为 n）"),
        "cells": Option(list, default=[], problems=("text-count",),
                        doc="与之相等的单元格（几格时为其和），写作“表名.行名.列名”，如 requests.new.total"),
        "headings": Option(list, default=[], problems=("text-count",),
                           doc="查一级标题中有这些词的部分（与 context 都不写时查全文）"),
        "context": Option(list, default=[], problems=("text-count",),
                          doc="也查有这些词的句子（如“政府信息公开”）"),
        "exclude": Option(list, default=[], problems=("text-count",),
                          doc="句中有这些词时不查（如“累计”“结转”：说的不是同一个数）"),
    }

    @classmethod
    def validate(cls, options):
        problem = super().validate(options)
        if problem:
            return problem
        for key, option in cls.options.items():
            value = options.get(key)
            if option.type is list and value and not all(isinstance(v, str) and v for v in value):
                return key, "应为非空字符串的列表"
        which = options["problem"]
        if which == "sum":
            if not options.get("table"):
                return "table", "sum 检查需要写明 table"
            if options["along"] not in AXES:
                return "along", f"只能取 {'、'.join(AXES)}"
            for key in ("left", "right"):
                if not options[key]:
                    return key, "sum 检查需要写明等式两边"
        if which == "outdated" and not (options["tables"] and options["since"]):
            return "tables", "outdated 检查需要写明 tables 和 since"
        if which == "text-count":
            if not options["patterns"] or not options["cells"]:
                return "patterns", "text-count 检查需要写明 patterns 和 cells"
            compiled = []
            for pattern in options["patterns"]:
                try:
                    regex = re.compile(pattern)
                except re.error as err:
                    return "patterns", f"正则表达式“{pattern}”有误：{regex_reason(err)}"
                if "n" not in regex.groupindex:
                    return "patterns", f"“{pattern}”中没有命名为 n 的组"
                compiled.append(regex)
            options["patterns"] = compiled
            if any(len(cell.split(".")) != 3 for cell in options["cells"]):
                return "cells", "每一格写作“表名.行名.列名”"
        for key in ("decimals", "signed"):
            if which == "value" and any(len(d.split(".")) != 3 for d in options[key]):
                return key, "每一项写作“表名.行名.列名”（可用 * 代表任一行或列）"
        return None

    @classmethod
    def check_types(cls, options, types):
        """Tables, rows and columns a rule names are ones a report type declares."""
        declared = {}
        for report_type in types.types:
            declared.update(report_type.tables)

        def unknown(key, table, axis=None, names=()):
            if table not in declared:
                return key, f"没有报告类型声明统计表“{table}”（可用：{', '.join(declared) or '无'}）"
            known = getattr(declared[table], axis) if axis else {}
            missing = [n for n in names if n not in known]
            if missing:
                what = "行" if axis == "rows" else "列"
                return key, f"统计表“{table}”没有{what}“{missing[0]}”（可用：{', '.join(known)}）"
            return None

        which = options["problem"]
        if which == "sum":
            axis = "rows" if options["along"] == table_checks.COLUMN else "columns"
            for key in ("table", "left", "right", "optional"):
                problem = unknown(key, options["table"], axis, options[key] if key != "table" else [])
                if problem:
                    return problem
        if which in ("blank", "outdated"):
            for table in options["tables"]:
                problem = unknown("tables", table)
                if problem:
                    return problem
        if which == "value":
            for key in ("decimals", "signed"):
                for item in options[key]:
                    table, row, col = item.split(".")
                    problem = (unknown(key, table, "rows", [row] if row != "*" else [])
                               or unknown(key, table, "columns", [col] if col != "*" else []))
                    if problem:
                        return problem
        if which == "text-count":
            for item in options["cells"]:
                table, row, col = item.split(".")
                problem = unknown("cells", table, "rows", [row]) or unknown("cells", table, "columns", [col])
                if problem:
                    return problem
        return None
