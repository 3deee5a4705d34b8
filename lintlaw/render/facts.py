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
    branch = node.add("[bold magenta]事实[/]")
    _add_dates(branch, document, report, escape)
    _add_numbers(branch, document, report, escape)
    _add_rates(branch, document, report, escape)


def _add_dates(branch, document, report, escape) -> None:
    """The report year and where it was read, the dates the date rules check, every date."""
    source = document.source
    year, where, line = report.dating
    year = f"{year}年（{where}{line_label(source, line.start)}）" if year else "未能从标题、正文开头或一级标题识别"
    branch.add(f"报告年度：{year}")
    for mention, owner, what in issue_dates(document):
        if owner is report:
            branch.add(f"{what}：{escape(mention.text)}  [dim]{line_label(source, mention.start)}[/]")
    dates = [m for m, sentence in facts_of(document).dates if sentence.report is report]
    if dates:
        shown = "、".join(f"{escape(m.text)}[dim]（{'范围，' if m.until else ''}{line_label(source, m.start)}）[/]"
                         for m in dates)
        branch.add(f"日期 {len(dates)} 处：{shown}")


def _add_numbers(branch, document, report, escape) -> None:
    """Each sentence's figures with a measure word, with their roles."""
    source = document.source
    facts = facts_of(document)
    numbers = branch.add("数字（按句）")
    for index in facts.by_report.get(report, []):
        measured = facts.figures(index)
        if measured:
            items = "  ".join(_figure(figure, escape) for figure in measured)
            numbers.add(f"[dim]{line_label(source, facts.sentences[index].line.start)}[/] {items}")
    if not numbers.children:
        numbers.add("[dim]（没有带计量单位的数字）[/]")


def _figure(figure, escape) -> str:
    """A figure as written, with its role and whether it is approximate, a range or an ordinal."""
    label = figure.cue if figure.role == "rate" else ROLE_NAMES.get(figure.role, "")
    quantity = figure.quantity
    flags = [flag for flag, on in ((label, bool(label)), ("约数", quantity.approximate),
                                   ("范围", quantity.in_range), ("序数", quantity.ordinal)) if on]
    return escape(quantity.text) + (f"[dim]〔{'，'.join(flags)}〕[/]" if flags else "")


def _add_rates(branch, document, report, escape) -> None:
    """Each named rate and how it was checked against its sentence's figures."""
    source = document.source
    rates = branch.add("比率核对")
    for check in analysis_of(document).rates:
        if check.rate.sentence.report is report:
            rate = check.rate.quantity
            where = (f"[dim]{line_label(source, check.rate.sentence.line.start)}[/] "
                     f"{escape(check.rate.cue)}{escape(rate.text)}：")
            rates.add(where + _rate_outcome(check, escape))
    if not rates.children:
        rates.add("[dim]（没有写明名称的比率）[/]")


def _rate_outcome(check, escape) -> str:
    """Whether the rate agrees with a part over a whole of its sentence, or why it was not checked."""
    if check.matched:
        part, whole = check.matched
        value = 100 * part.quantity.value / whole.quantity.value
        tried = [w.quantity.text for w in check.wholes if w is not whole]
        also = f"（另试过 {'、'.join(tried)}）" if tried else ""
        return f"[green]✓[/] {escape(part.quantity.text)}÷{escape(whole.quantity.text)}＝{value:.3f}%{escape(also)}"
    if check.sole:
        return f"[green]✓[/] {escape(check.sole.quantity.text)}是所在分句组唯一的同类数字，分子即全部，100%相符"
    if check.checkable:
        return "[red]✗ 与本句任何分子、分母之比都不符[/]"
    if check.parts:
        return f"[dim]未核对：有分子 {escape(check.parts[0].quantity.text)}，本句没有可作分母的数字[/]"
    return "[dim]未核对：本句没有与比率名称对应的分子[/]"
