"""`lintlaw tree --facts`: what the consistency and date rules read, per report.

So that a user can see why a consistency finding fires, or why a rate was
left unchecked.
"""

from __future__ import annotations

from lintlaw.analysis.chronology import issue_dates
from lintlaw.analysis.consistency import analysis_of
from lintlaw.analysis.facts import facts_of
from lintlaw.render.lines import line_label

ROLE_NAMES = {"total": "合计", "part": "分项", "remainder": "其余", "done": "完成", "rate": "比率"}


def add_facts(node, document, report, escape) -> None:
    """Add a 事实 branch for one report to a rich tree node."""
    source = document.source
    facts = facts_of(document)
    branch = node.add("[bold magenta]事实[/]")
    year, where, line = report.dating
    year = f"{year}年（{where}{line_label(source, line.start)}）" if year else "未能从标题、正文开头或一级标题识别"
    branch.add(f"报告年度：{year}")
    for mention, owner, what in issue_dates(document):
        if owner is report:
            branch.add(f"{what}：{escape(mention.text)}  [dim]{line_label(source, mention.start)}[/]")

    dates = [m for m, sentence in facts.dates if sentence.report is report]
    if dates:
        shown = "、".join(f"{escape(m.text)}[dim]（{'范围，' if m.until else ''}{line_label(source, m.start)}）[/]"
                         for m in dates)
        branch.add(f"日期 {len(dates)} 处：{shown}")

    numbers = branch.add("数字（按句）")
    for index in facts.by_report.get(report, []):
        sentence = facts.sentences[index]
        measured = facts.figures(index)
        if not measured:
            continue
        items = []
        for figure in measured:
            label = ROLE_NAMES.get(figure.role, "")
            if figure.role == "rate":
                label = figure.cue
            flags = [label] if label else []
            if figure.quantity.approximate:
                flags.append("约数")
            if figure.quantity.in_range:
                flags.append("范围")
            if figure.quantity.ordinal:
                flags.append("序数")
            items.append(escape(figure.quantity.text) + (f"[dim]〔{'，'.join(flags)}〕[/]" if flags else ""))
        numbers.add(f"[dim]{line_label(source, sentence.line.start)}[/] " + "  ".join(items))

    if not numbers.children:
        numbers.add("[dim]（没有带计量单位的数字）[/]")
    rates = branch.add("比率核对")
    for check in analysis_of(document).rates:
        if check.rate.sentence.report is not report:
            continue
        rate = check.rate.quantity
        where = f"[dim]{line_label(source, check.rate.sentence.line.start)}[/] {escape(check.rate.cue)}{escape(rate.text)}："
        if check.matched:
            part, whole = check.matched
            value = 100 * part.quantity.value / whole.quantity.value
            tried = [w.quantity.text for w in check.wholes if w is not whole]
            also = f"（另试过 {'、'.join(tried)}）" if tried else ""
            rates.add(where + f"[green]✓[/] {escape(part.quantity.text)}÷{escape(whole.quantity.text)}"
                              f"＝{value:.3f}%{escape(also)}")
        elif check.sole:
            rates.add(where + f"[green]✓[/] {escape(check.sole.quantity.text)}是所在分句组唯一的同类数字，"
                              "分子即全部，100%相符")
        elif check.checkable:
            rates.add(where + "[red]✗ 与本句任何分子、分母之比都不符[/]")
        elif check.parts:
            rates.add(where + f"[dim]未核对：有分子 {escape(check.parts[0].quantity.text)}，本句没有可作分母的数字[/]")
        else:
            rates.add(where + "[dim]未核对：本句没有与比率名称对应的分子[/]")
    if not rates.children:
        rates.add("[dim]（没有写明名称的比率）[/]")
