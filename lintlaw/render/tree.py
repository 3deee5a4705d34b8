"""`lintlaw tree`: the outline as a rich tree, with numbering problems marked."""

from __future__ import annotations

from lintlaw.analysis.document import build_document
from lintlaw.engine.linter import lint
from lintlaw.render.lines import line_label

TITLE_CHARS = 30


def render(source, rules, console, show_facts: bool = False, types=None, show_tables: bool = False,
           issuer: str | None = None) -> None:
    from rich.markup import escape as markup_escape
    from rich.tree import Tree

    from lintlaw.render.visible import one_line

    def escape(text: str) -> str:  # rich markup and control characters
        return markup_escape(one_line(text))

    findings: dict[int, list] = {}
    for d in lint(source, rules, types):
        findings.setdefault(d.start, []).append(d)
    document = build_document(source, types, issuer)
    root = Tree(f"[bold]{escape(source.path)}[/]")
    for report in document.reports:
        title = "".join(report.title.text.splitlines()) if report.title else "（无标题）"
        facts = [line_label(source, report.title.start) if report.title else None,
                 year_label(report, source),
                 f"类型 {report.report_type.label}（{report.type_reason}）",
                 issuer_from(report, source),
                 issuer_label(report),
                 f"落款日期 {report.date.text}" if report.date else None]
        node = root.add(f"[bold]报告[/] {escape(title)}  [dim]{escape(' · '.join(f for f in facts if f))}[/]")
        for d in findings.get(report.anchor.start if report.anchor else -1, []):
            node.add(f"[yellow]⚠ {d.code} {escape(d.message)}[/]")
        for section in report.sections:
            _add(node, section, findings, escape, source)
        if report.located_tables:
            _add_tables(node, report, escape, source)
        if show_facts:
            from lintlaw.render.facts import add_facts

            add_facts(node, document, report, escape)
    console.print(root)
    if show_tables:
        _print_grids(document, console)


def _add_tables(node, report, escape, source) -> None:
    """Which statistics tables were found, and how each was read or why it was not."""
    from lintlaw.analysis.table_reading import layouts
    from lintlaw.render.table_grid import describe, where

    branch = node.add("[bold cyan]统计表格[/]")
    for table in report.read_tables:
        if hasattr(table, "reason"):
            lines = range(table.line, table.line + 1)
            branch.add(f"[yellow]{escape(layouts()[table.key].name)}  {where(source, lines)} · "
                       f"未能可靠识别：{escape(table.reason)}[/]")
        else:
            branch.add(escape(describe(table, source)))


def _print_grids(document, console) -> None:
    """Each table read, as a plain-text grid (console.out: no markup, no wrapping)."""
    from lintlaw.render.table_grid import describe, grid_lines
    from lintlaw.render.visible import one_line

    tables = [table for report in document.reports for table in report.tables]
    if not tables:
        console.out("\n（没有识别出统计表格）", highlight=False)
    for table in tables:
        console.out("", highlight=False)
        console.out(one_line(describe(table, document.source)), highlight=False)
        for line in grid_lines(table):
            console.out(one_line(line), highlight=False)


def issuer_label(report) -> str | None:
    """Whose deadline applies, for a type whose deadline depends on the issuer (D006)."""
    report_type = report.report_type
    if not report_type.issuers:
        return None
    named = report_type.issuer_named(report.title_issuer)
    if named is not None:
        return f"期限按{named.label}（发布机关取自标题：{report.title_issuer}）"
    default = report_type.issuers[report_type.default_issuer]
    return f"期限按{default.label}（标题未写明发布机关）"


def issuer_from(report, source) -> str | None:
    """"发布机构 青石县教育局", and where the name was read when it was not the title."""
    name, where, line = report.issuing
    if name is None:
        return None
    if where == "标题":
        return f"发布机构 {name}"
    if where == "--issuer":
        return f"发布机构 {name}（--issuer 指定）"
    return f"发布机构 {name}（取自{where}{line_label(source, line.start) if line is not None else ''}）"


def year_label(report, source) -> str | None:
    """"年度 2024", and where the year was read when it was not the title."""
    year, where, line = report.dating
    if year is None:
        return None
    if where == "标题":
        return f"年度 {year}"
    return f"年度 {year}（取自{where}{line_label(source, line.start)}）"


def _add(parent, section, findings, escape, source) -> None:
    heading = section.heading
    words = section.title
    if len(words) > TITLE_CHARS:
        words = words[:TITLE_CHARS] + "…"
    label = f"[bold]{escape(section.marker.raw)}[/]{escape(words)}  [dim]{line_label(source, heading.start)}[/]"
    problems = findings.get(heading.marker.start, [])
    if problems:
        label += "  " + "  ".join(f"[red]✗ {d.code} {escape(d.message)}[/]" for d in problems)
    node = parent.add(label)
    for child in section.children:
        _add(node, child, findings, escape, source)


def tree_console():
    """A console that wraps long labels under the tree's guides instead of cropping them.
    In a pipe, without COLUMNS, lines stay whole (up to 1000 cells) for grep and diff."""
    import os
    import sys

    from rich.console import Console

    width = None if sys.stdout.isatty() or os.environ.get("COLUMNS", "").isdigit() else 1000
    return Console(highlight=False, soft_wrap=False, width=width)
