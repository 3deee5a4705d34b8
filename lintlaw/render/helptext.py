"""Help pages in Chinese, complete and wrapped to the terminal (or COLUMNS) width.

typer's rich help cuts long lines with "…" and keeps click's English strings
("Usage:", "Show this message and exit."); these pages replace it, and the group tells
usage errors in Chinese too (lintlaw/render/usage_errors.py).
"""

from __future__ import annotations

import shutil
import sys
import unicodedata

from typer.core import TyperCommand, TyperGroup

HELP_TEXT = "显示此帮助并退出。"
NAME_COLUMN = 26  # widest option column before its help moves to the next line
INDENT = 2
_CLOSERS = "，。、；：？！）」』”’》"
_METAVARS = {"integer": "N", "integer range": "N", "int range": "N", "path": "PATH", "choice": "NAME"}


def width_of(text: str) -> int:
    """Terminal cells the text takes: wide (CJK) characters take two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def wrap(text: str, width: int) -> list[str]:
    """Lines of at most `width` cells. Chinese may break between any two characters;
    a run of Latin letters, digits or an option name is kept whole where it fits."""
    width = max(width, 10)
    lines, line = [], ""
    for token in _tokens(text):
        if width_of(line) + width_of(token) <= width:
            line += token
            continue
        if line.strip():
            lines.append(line.rstrip())
        line = token.lstrip()
        while width_of(line) > width:  # a token longer than a line: cut it
            cut = _fit(line, width)
            lines.append(line[:cut])
            line = line[cut:]
    if line.strip():
        lines.append(line.rstrip())
    return lines or [""]


def _tokens(text: str) -> list[str]:
    """Wide characters one by one; narrow runs (words, with their leading space) whole."""
    tokens, run = [], ""
    for char in text:
        if char in _CLOSERS and (run or tokens):
            if run:
                tokens.append(run + char)
                run = ""
            else:
                tokens[-1] += char
        elif unicodedata.east_asian_width(char) in "WF":
            if run:
                tokens.append(run)
                run = ""
            tokens.append(char)
        elif char == " " and run.strip():
            tokens.append(run)
            run = char
        else:
            run += char
    if run:
        tokens.append(run)
    return tokens


def _fit(text: str, width: int) -> int:
    used = 0
    for i, char in enumerate(text):
        used += width_of(char)
        if used > width:
            return max(i, 1)
    return len(text)


def terminal_width() -> int:
    """The terminal's width, COLUMNS when set, 80 in a pipe; at most 100 for readability."""
    return min(shutil.get_terminal_size((80, 24)).columns, 100)


def _param_help(param) -> str:
    # click's own help option carries English text
    text = HELP_TEXT if getattr(param, "name", None) == "help" else getattr(param, "help", None) or ""
    choices = getattr(param.type, "choices", None)
    if choices:
        text += f"可选：{'、'.join(str(c) for c in choices)}。"
    default = getattr(param, "default", None)
    if hasattr(default, "value"):
        default = default.value
    if default not in (None, False, (), [], "") and not getattr(param, "is_flag", False) \
            and getattr(param, "show_default", True) is not False and param.param_type_name == "option":
        text += f"默认：{default}。"
    if getattr(param, "required", False) and param.param_type_name == "option":
        text += "必填。"
    return text


def _param_name(param) -> str:
    if param.param_type_name == "argument":
        return (param.metavar or param.name).upper() + ("..." if param.nargs == -1 else "")
    names = ", ".join(sorted(list(param.opts) + list(param.secondary_opts), key=len))
    if not getattr(param, "is_flag", False) and not getattr(param, "count", False):
        metavar = param.metavar or _METAVARS.get(getattr(param.type, "name", ""), "TEXT")
        names += f" {metavar}"
    return names


def _records(rows: list[tuple[str, str]], width: int) -> list[str]:
    """Two columns: the name, then its help wrapped; a long name puts help on the next line."""
    column = min(max((width_of(name) for name, _ in rows), default=0), NAME_COLUMN) + INDENT * 2
    out = []
    for name, text in rows:
        lines = wrap(text, width - column) if text else [""]
        head = " " * INDENT + name
        if width_of(head) + INDENT > column:
            out.append(head)
            out.extend(" " * column + line for line in lines)
            continue
        out.append((head + " " * (column - width_of(head)) + lines[0]).rstrip())
        out.extend(" " * column + line for line in lines[1:])
    return out


def usage_line(command, ctx) -> str:
    pieces = ["[选项]"] + [_param_name(p) for p in command.get_params(ctx) if p.param_type_name == "argument"]
    if getattr(command, "list_commands", None):
        pieces.append("命令 [参数]...")
    return f"用法：{ctx.command_path} {' '.join(pieces)}"


def help_page(command, ctx) -> str:
    """The whole help page of a command or group."""
    width = terminal_width()
    params = command.get_params(ctx)
    out = wrap(usage_line(command, ctx), width) + [""]
    if command.help:
        for paragraph in command.help.split("\n\n"):
            out += [" " * INDENT + line for line in wrap(" ".join(paragraph.split()), width - INDENT)]
        out.append("")
    arguments = [(_param_name(p), _param_help(p)) for p in params if p.param_type_name == "argument"]
    options = [(_param_name(p), _param_help(p)) for p in params
               if p.param_type_name == "option" and not getattr(p, "hidden", False)]
    for title, rows in (("参数：", arguments), ("选项：", options)):
        if rows:
            out += [title] + _records(rows, width) + [""]
    commands = getattr(command, "list_commands", None)
    if commands:
        rows = []
        for name in commands(ctx):
            sub = command.get_command(ctx, name)
            if sub is not None and not sub.hidden:
                rows.append((name, (sub.help or "").split("\n\n")[0].strip()))
        out += ["命令："] + _records(rows, width) + [""]
        out.append(f"用 {ctx.command_path} 命令 -h 查看各命令的帮助。")
    return "\n".join(out).rstrip() + "\n"


class ChineseHelpCommand(TyperCommand):
    def format_help(self, ctx, formatter) -> None:
        formatter.write(help_page(self, ctx))

    def get_usage(self, ctx) -> str:  # shown above a usage error
        return usage_line(self, ctx)


class ChineseHelpGroup(TyperGroup):
    def format_help(self, ctx, formatter) -> None:
        formatter.write(help_page(self, ctx))

    def get_usage(self, ctx) -> str:
        return usage_line(self, ctx)

    def main(self, *args, **kwargs):
        """Run as click does (always as the whole program: click's standalone mode is replaced),
        but tell a usage error in one Chinese line (exit 2)."""
        from lintlaw.render.usage_errors import click_errors, usage_error_line
        from lintlaw.render.visible import one_line

        kwargs["standalone_mode"] = False
        try:
            code = super().main(*args, **kwargs)
        except click_errors.UsageError as err:
            print(one_line(f"lintlaw: {usage_error_line(err)}"), file=sys.stderr)
            sys.exit(2)
        sys.exit(code if isinstance(code, int) else 0)

    def resolve_command(self, ctx, args):
        name = args[0] if args else ""
        if name and not name.startswith("-") and self.get_command(ctx, name) is None:
            from lintlaw.render.usage_errors import unknown_command

            raise unknown_command(name, sorted(self.commands), ctx)
        return super().resolve_command(ctx, args)

    def parse_args(self, ctx, args):
        # `lintlaw` alone: the help page, and exit 2 as for any incomplete command line
        if not args and self.no_args_is_help and not ctx.resilient_parsing:
            sys.stdout.write(help_page(self, ctx))
            ctx.exit(2)
        return super().parse_args(ctx, args)
