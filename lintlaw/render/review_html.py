"""`--format html`: a review a person reads in a browser or prints (issue 22).

One self-contained page (its style and script inline, nothing fetched): a summary table with a
row per report (issuer, year, type, findings by severity, missing parts, table relations that
do not hold, late publication, the share copied from last year's report), sortable by any
column; then each report's findings, grouped by category, each with the words it is about in
their line. A comparison finding links to the other report's section. Printed, the page is A4,
each report starting on a new sheet, the summary's header repeated on every sheet.
"""

from __future__ import annotations

from html import escape

from lintlaw import __version__
from lintlaw.diagnostics import CATEGORY_NAMES, Severity, related_places
from lintlaw.render.lines import line_label
from lintlaw.render.reports import Reports, Summary, summaries
from lintlaw.render.visible import one_line

CONTEXT = 30  # characters shown on each side of a finding's words
SHOWN = 80  # characters of the words themselves, at most
# Categories in the order a reviewer reads them: what no single report shows first.
ORDER = ("comparison", *(c for c in CATEGORY_NAMES if c != "comparison"))
COLUMNS = (  # (class, header, numeric)
    ("issuer", "发布机关", False), ("year", "年度", True), ("type", "报告类型", False), ("file", "文件", False),
    ("errors", "错误", True), ("warnings", "警告", True), ("infos", "提示", True),
    ("missing", "缺少部分", True), ("relations", "表格勾稽不符", True), ("late", "逾期公开", True),
    ("copied", "沿用上年", True), ("last-year", "上年报告", False))


def render(diagnostics, sources, rules, reports: Reports | None = None) -> str:
    reports = reports or Reports()
    rows, stray = summaries(reports, diagnostics, rules)
    anchors = {(s.row.path, s.row.number): f"r{n}" for n, s in enumerate(rows, 1)}
    counts = {severity: sum(d.severity is severity for d in diagnostics) for severity in Severity}
    parts = [_HEAD, "<header><h1>审查意见</h1>",
             f'<p class="note">lintlaw {escape(__version__)}：{len(rows)} 份报告，{len(diagnostics)} 个问题'
             f"（错误 {counts[Severity.ERROR]}，警告 {counts[Severity.WARNING]}，提示 {counts[Severity.INFO]}）。"
             "点击汇总表的列名可排序。</p></header>",
             _summary_table(rows, anchors)]
    for summary in rows:
        parts.append(_report(summary, anchors[(summary.row.path, summary.row.number)], sources, reports, anchors))
    if stray:
        parts.append('<section class="report" id="other"><h2>不属于任何报告的问题</h2>')
        parts.append(_findings(stray, sources, reports, anchors))
        parts.append("</section>")
    parts.append(_SCRIPT + "</body>\n</html>")
    return "\n".join(parts)


def _text(value) -> str:
    return escape(one_line(str(value)))


def _summary_table(rows: list[Summary], anchors: dict) -> str:
    head = "".join(f'<th class="{cls}" data-numeric="{int(numeric)}" aria-sort="none">'
                   f'<button type="button">{label}</button></th>' for cls, label, numeric in COLUMNS)
    body = []
    for summary in rows:
        row = summary.row
        anchor = anchors[(row.path, row.number)]
        copied = "—" if row.copied is None else f"{round(100 * row.copied)}%"
        last = anchors.get((row.last_year, row.last_year_number))
        cells = [
            ("issuer", row.issuer or "", f'<a href="#{anchor}">{_text(row.issuer or "（未识别）")}</a>'),
            ("year", row.year if row.year is not None else "", _text(row.year or "—")),
            ("type", row.type_label, _text(row.type_label)),
            ("file", row.path, _text(row.path + (f"（第{row.number + 1}篇）" if row.number else ""))),
            ("errors", summary.errors, summary.errors), ("warnings", summary.warnings, summary.warnings),
            ("infos", summary.infos, summary.infos),
            ("missing", summary.missing_parts, summary.missing_parts or ""),
            ("relations", summary.table_relations, summary.table_relations or ""),
            ("late", int(summary.late), "逾期" if summary.late else ""),
            ("copied", "" if row.copied is None else f"{row.copied:.6f}", copied),
            ("last-year", row.last_year or "",
             f'<a href="#{last}">{_text(row.last_year)}</a>' if last else _text(row.last_year or "—")),
        ]
        body.append(f'<tr id="row-{anchor}">' + "".join(
            f'<td class="{cls}" data-value="{_text(value)}">{shown}</td>' for cls, value, shown in cells) + "</tr>")
    return ('<section id="summary"><h2>汇总</h2><table id="summary-table">'
            f"<thead><tr>{head}</tr></thead><tbody>\n" + "\n".join(body) + "\n</tbody></table></section>")


def _report(summary: Summary, anchor: str, sources, reports: Reports, anchors: dict) -> str:
    row = summary.row
    facts = [f"文件 {_text(row.path)} 第{row.line}行",
             f"发布机关取自{_text(row.issuer_from)}" if row.issuer_from and row.issuer_from != "标题" else None,
             f"标题“{_text(row.title)}”" if row.title else "（无标题）"]
    if row.last_year:
        last = anchors.get((row.last_year, row.last_year_number))
        name = _text(row.last_year)
        facts.append(f'上年报告 <a href="#{last}">{name}</a>' if last else f"上年报告 {name}")
    if row.copied is not None:
        facts.append(f"与上年报告相同的段落占 {round(100 * row.copied)}%")
    title = " · ".join(_text(part) for part in (row.issuer or "（未识别的发布机关）",
                                                  f"{row.year}年" if row.year else "年度未识别", row.type_label))
    out = [f'<section class="report" id="{anchor}"><h2>{title}</h2>',
           f'<p class="meta">{" · ".join(f for f in facts if f)}</p>']
    out.append(_findings(summary.findings, sources, reports, anchors) if summary.findings
               else '<p class="none">未发现问题。</p>')
    out.append("</section>")
    return "\n".join(out)


def _findings(findings, sources, reports: Reports, anchors: dict) -> str:
    groups: dict[str, list] = {}
    for d in findings:
        groups.setdefault(d.category, []).append(d)
    out = []
    for category in sorted(groups, key=lambda c: ORDER.index(c) if c in ORDER else len(ORDER)):
        listed = groups[category]
        out.append(f'<h3 class="category" data-category="{_text(category)}">'
                   f'{_text(CATEGORY_NAMES.get(category, category))} <span class="count">{len(listed)}</span></h3>')
        out.append('<ol class="findings">')
        out += [_finding(d, sources, reports, anchors) for d in listed]
        out.append("</ol>")
    return "\n".join(out)


def _finding(d, sources, reports: Reports, anchors: dict) -> str:
    source = sources[d.path]
    where = _place(source, d.start)
    out = [f'<li class="finding {d.severity.label}" data-code="{_text(d.code)}">',
           f'<span class="where">{where}</span> <span class="code">{_text(d.code)}</span> '
           f'<span class="severity">{d.severity.chinese}</span> <span class="message">{_text(d.message)}</span>',
           f'<div class="context">{_context(source, d.start, d.end)}</div>']
    for path, start, end, label in related_places(d):
        at = sources[path]
        spot = line_label(at, start)
        shown = f"{_text(path)} {spot}" if path != d.path else spot
        other = reports.of(path, start)
        target = anchors.get((other.path, other.number)) if other is not None else None
        link = f'<a href="#{target}">{shown}</a>' if target and path != d.path else shown
        words = at.text[start:end]
        words = words if len(words) <= SHOWN else words[:SHOWN] + "…"
        out.append(f'<div class="related">{_text(label)}：{link} “{_text(words)}”</div>')
    out.append("</li>")
    return "".join(out)


def _place(source, offset: int) -> str:
    """第12行第3列; a Word document's 第12段第3字; a PDF's 第3页第12行."""
    line, column = source.position(offset)
    label = line_label(source, offset)
    if "页" in label:
        return label
    return f"{label}第{column}{'字' if source.reader == 'docx' else '列'}"


def _context(source, start: int, end: int) -> str:
    """The finding's words in their line, marked, with a little of the line on each side."""
    text = source.text
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    line_end = len(text) if line_end < 0 else line_end
    end = min(max(end, start), line_end)
    before = text[max(line_start, start - CONTEXT):start]
    words = text[start:end]
    if len(words) > SHOWN:
        words = words[:SHOWN] + "…"
    after = text[end:min(line_end, end + CONTEXT)].rstrip("\r")
    lead = "…" if start - CONTEXT > line_start else ""
    tail = "…" if end + CONTEXT < line_end else ""
    return f"{lead}{_text(before)}<mark>{_text(words) or '&#8203;'}</mark>{_text(after)}{tail}"


_HEAD = """<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>审查意见</title>
<style>
:root { --error: #b3261e; --warning: #8a5a00; --info: #1a5fb4; --line: #c8ccd0; --dim: #5f6368; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 1200px; padding: 0 16px 32px; color: #202124;
  font: 14px/1.6 "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "WenQuanYi Micro Hei", "SimSun", sans-serif; }
h1 { font-size: 22px; margin: 16px 0 4px; }
h2 { font-size: 17px; margin: 20px 0 6px; border-bottom: 2px solid #1f3a5f; padding-bottom: 2px; }
h3 { font-size: 14px; margin: 12px 0 4px; }
.note, .meta, .none, .count { color: var(--dim); }
table { border-collapse: collapse; width: 100%; font-size: 13px; }
th, td { border: 1px solid var(--line); padding: 3px 6px; text-align: left; vertical-align: top; }
th button { font: inherit; font-weight: bold; border: 0; background: none; padding: 0; cursor: pointer; }
th[aria-sort="ascending"] button::after { content: " ▲"; }
th[aria-sort="descending"] button::after { content: " ▼"; }
td.year, td.errors, td.warnings, td.infos, td.missing, td.relations, td.copied { text-align: right; }
td.errors:not([data-value="0"]) { color: var(--error); font-weight: bold; }
td.late:not([data-value="0"]) { color: var(--error); }
ol.findings { margin: 0; padding-left: 1.6em; }
.finding { margin: 4px 0; padding-left: 4px; border-left: 3px solid; }
.finding.error { border-color: var(--error); } .finding.warning { border-color: var(--warning); }
.finding.info { border-color: var(--info); }
.where { color: var(--dim); } .code { font-weight: bold; }
.severity { font-size: 12px; } .error .severity { color: var(--error); } .warning .severity { color: var(--warning); }
.info .severity { color: var(--info); }
.context { font-family: "SimSun", "Songti SC", serif; background: #f4f5f7; padding: 1px 6px; margin: 2px 0;
  white-space: pre-wrap; word-break: break-all; }
mark { background: #ffe8a3; }
.related { color: var(--dim); font-size: 13px; }
a { color: #1a5fb4; }
@page { size: A4; margin: 16mm 14mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 11pt; }
  .note { display: none; }
  table { font-size: 9pt; }
  thead { display: table-header-group; }
  tr, .finding { break-inside: avoid; }
  .report { break-before: page; }
  th button { color: inherit; }
  th button::after { content: "" !important; }
  a { color: inherit; text-decoration: none; }
  .context { background: none; border: 1px solid var(--line); }
  mark { background: none; text-decoration: underline 2px; }
}
</style>
</head>
<body>"""

_SCRIPT = """<script>
"use strict";
// Sort the summary by the column whose header was clicked; again, the other way round.
document.querySelectorAll("#summary-table th button").forEach((button) => {
  button.addEventListener("click", () => {
    const th = button.parentElement;
    const table = th.closest("table");
    const column = [...th.parentElement.children].indexOf(th);
    const numeric = th.dataset.numeric === "1";
    const ascending = th.getAttribute("aria-sort") !== "ascending";
    table.querySelectorAll("th").forEach((other) => other.setAttribute("aria-sort", "none"));
    th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
    const value = (tr) => tr.children[column].dataset.value;
    const compare = (a, b) => {
      const x = value(a), y = value(b);
      if (numeric) {
        if (x === "" || y === "") return (x === "") - (y === "");  // blanks last, either way
        return (Number(x) - Number(y)) * (ascending ? 1 : -1);
      }
      return x.localeCompare(y, "zh-CN") * (ascending ? 1 : -1);
    };
    const body = table.tBodies[0];
    [...body.rows].sort(compare).forEach((tr) => body.append(tr));
  });
});
</script>"""
