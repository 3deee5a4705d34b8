"""`--format csv`: one row per finding, with the report's issuer, year and type, for Excel and WPS.

UTF-8 with a byte-order mark (without one, Excel opens Chinese text as mojibake), rows ended
by a line feed. A cell that a spreadsheet would take for a formula (=, +, -, @ first) starts
with an apostrophe, which the spreadsheet hides.
"""

from __future__ import annotations

import csv
import io

from lintlaw.diagnostics import CATEGORY_NAMES
from lintlaw.render.reports import Reports, place
from lintlaw.render.visible import one_line

HEADER = ["发布机关", "年度", "报告类型", "文件", "页", "行", "列", "代码", "类别", "级别", "问题"]
_FORMULA = ("=", "+", "-", "@", "\t", "\r")


def render(diagnostics, sources, rules, reports: Reports | None = None) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(HEADER)
    for d in diagnostics:
        row = reports.of(d.path, d.start) if reports is not None else None
        page, line, column = place(sources[d.path], d.start)
        writer.writerow([_cell(value) for value in (
            row.issuer if row else "", row.year if row and row.year else "", row.type_label if row else "",
            d.path, page or "", line, column, d.code, CATEGORY_NAMES.get(d.category, d.category),
            d.severity.chinese, d.message)])
    return "\ufeff" + out.getvalue().removesuffix("\n")


def _cell(value) -> str:
    text = one_line(str(value))
    return "'" + text if text.startswith(_FORMULA) else text
