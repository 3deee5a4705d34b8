"""`--format full`: each finding with a code frame, carets under the span.

Carets are measured in terminal cells, so they line up under Chinese text.
Long lines are shown as a window around the span.
"""

from __future__ import annotations

from lintlaw.diagnostics import Diagnostic, Severity
from lintlaw.render.cells import char_width
from lintlaw.render.visible import one_line
from lintlaw.text.source import Source

WINDOW_CELLS = 72
CONTEXT_CELLS = 16
# What may sit between two lines a fix joins: spaces, line breaks, invisible characters.
_BLANK = " \t\r\n\u00a0\u2002\u2003\u3000\u200b\u200c\u200d\u2060\ufeff\u00ad"
STYLES = {Severity.ERROR: "bold red", Severity.WARNING: "bold yellow", Severity.INFO: "bold cyan"}


def frame(source: Source, d: Diagnostic) -> tuple[str, str, str]:
    """(gutter, shown line, caret line) for a finding's first line."""
    line, column = source.position(d.start)
    text = source.line_text_at(d.start)
    start = column - 1
    end_line, end_column = source.position(d.end)
    end = len(text) if end_line != line else max(end_column - 1, start + 1)
    end = min(end, len(text)) if text else start + 1

    # Choose a window of characters around the span that fits WINDOW_CELLS.
    first = start
    budget = CONTEXT_CELLS
    while first > 0 and budget - char_width(text[first - 1]) >= 0:
        first -= 1
        budget -= char_width(text[first])
    last = first
    used = 0
    while last < len(text) and used + char_width(text[last]) <= WINDOW_CELLS:
        used += char_width(text[last])
        last += 1
    last = max(last, min(end, len(text)))
    prefix = "…" if first > 0 else ""
    suffix = "…" if last < len(text) else ""
    shown = prefix + one_line(text[first:last]) + suffix
    pad = sum(char_width(c) for c in prefix + text[first:start])
    span = text[start:min(end, last)] or " "
    carets = " " * pad + "^" * max(1, sum(char_width(c) for c in span))
    return str(line), shown, carets


def text(diagnostics: list[Diagnostic], sources: dict[str, Source], rules=()) -> str:
    """The full format as one string (colours only on a terminal)."""
    from lintlaw.render.terminal import console

    out = console()
    with out.capture() as captured:
        render(diagnostics, sources, out)
    return captured.get().removesuffix("\n")


def render(diagnostics: list[Diagnostic], sources: dict[str, Source], console) -> None:
    from rich.markup import escape as markup_escape

    def escape(text: str) -> str:  # rich markup and control characters
        return markup_escape(one_line(text))

    for d in diagnostics:
        source = sources[d.path]
        line, column = source.position(d.start)
        gutter, shown, carets = frame(source, d)
        width = len(gutter)
        style = STYLES[d.severity]
        console.print(f"[bold]{escape(d.path)}:{line}:{column}:[/] [{style}]{d.code}[/] "
                      f"[{style}]{d.severity.chinese}[/] {escape(d.message)}", highlight=False)
        console.print(f"[blue]{' ' * width} |[/]", highlight=False)
        console.print(f"[blue]{gutter} |[/] {markup_escape(shown)}", highlight=False)
        console.print(f"[blue]{' ' * width} |[/] [{style}]{carets}[/]", highlight=False)
        for start, end, label in d.related:
            at_line, at_column = source.position(start)
            console.print(f"[blue]{' ' * width} =[/] {escape(label)}：{at_line}:{at_column} "
                          f"“{escape(source.text[start:end])}”", highlight=False)
        if d.fix is not None:
            console.print(f"[green]{' ' * width} = 修复：{escape(_describe_fix(source, d.fix))}[/]",
                          highlight=False)
        console.print(f"[dim]{' ' * width} = {d.name}：lintlaw rule {d.code} 查看说明[/]",
                      highlight=False)
        console.print()


def _describe_fix(source: Source, fix) -> str:
    if not source.editable:  # Word and web pages are not fixed by --fix
        how = "--fix 不能修改此类文件，请在原文档中修改"
    else:
        how = "--fix" if fix.safe else "--fix --unsafe-fixes，需人工复核"
    if len(fix.edits) == 1:
        edit = fix.edits[0]
        old = source.text[edit.start:edit.end]
        if not edit.content and ("\n" in old or "\r" in old) and not old.strip(_BLANK):
            # Only line breaks go: say which lines become one rather than print the breaks.
            first, last = source.position(edit.start)[0], source.position(edit.end)[0]
            return f"把第{first}行和第{last}行接成一行（{how}）"
        lines = _whole_lines(source, edit)
        if lines is not None and not edit.content:
            # A deleted block is named by its lines, not shown: the frame above already shows it.
            first, last = lines
            where = f"第{first}行" if first == last else f"第{first}—{last}行"
            return f"删除{where}（{how}）"
        what = f"将“{old}”改为“{edit.content}”" if old and edit.content else (
            f"删除“{old}”" if old else f"插入“{edit.content}”")
        return f"{what}（{how}）"
    return f"{len(fix.edits)} 处改动（{how}）"


def _whole_lines(source: Source, edit) -> tuple[int, int] | None:
    """(first, last) line numbers when an edit spans whole lines, line breaks included."""
    text = source.text
    starts_line = edit.start == 0 or text[edit.start - 1] in "\r\n"
    ends_line = edit.end == len(text) or (edit.end > edit.start and text[edit.end - 1] in "\r\n")
    if not (starts_line and ends_line and edit.end > edit.start):
        return None
    first = source.position(edit.start)[0]
    last = source.position(edit.end - 1)[0]
    return first, last
