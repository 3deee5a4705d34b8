"""Command-line mistakes (an unknown option or command, a missing path, a bad value) told
in Chinese on one line, like every other error lintlaw reports, instead of click's English
in a box.

The option types here fail with Chinese messages of their own; click's other usage
errors are recognised by their class (and, where click gives one class several meanings,
by its wording, which tests/test_cli.py holds down).
"""

from __future__ import annotations

import difflib

try:  # typer 0.28 carries its own copy of click
    from typer._click import exceptions as click_errors
    from typer._click.types import IntRange, ParamType
except ImportError:  # pragma: no cover - older typer, with click itself
    from click import exceptions as click_errors
    from click.types import IntRange, ParamType

class ChineseChoice(ParamType):
    """One of a few names, such as a severity."""

    name = "choice"

    def __init__(self, choices):
        self.choices = tuple(choices)

    def convert(self, value, param, ctx):
        if value in self.choices:
            return value
        self.fail(f"“{value}”不是可选的值（可选：{'、'.join(self.choices)}）", param, ctx)


class ChineseIntRange(IntRange):
    """A whole number, at least `min` and at most `max` (either may be left open)."""

    def convert(self, value, param, ctx):
        try:
            number = int(value)
        except (TypeError, ValueError):
            self.fail(f"“{value}”不是整数", param, ctx)
        if self.min is not None and number < self.min or self.max is not None and number > self.max:
            self.fail(f"{number} 超出范围（{self._range()}）", param, ctx)
        return number

    def _range(self) -> str:
        if self.max is None:
            return f"至少为 {self.min}"
        if self.min is None:
            return f"至多为 {self.max}"
        return f"{self.min} 到 {self.max}"


def usage_error_line(err: click_errors.UsageError, commands: list[str]) -> str:
    """The error in one Chinese line, with where to find help; `commands` are the group's
    commands, for a suggestion when a command name is unknown."""
    help_hint = f"（用 {_command_path(err.ctx)} -h 查看用法）" if err.ctx is not None else ""
    return f"{_what(err, commands)}{help_hint}"


def _command_path(ctx) -> str:
    """`lintlaw check`: the command's names under lintlaw, whatever the program was called."""
    names = []
    while ctx.parent is not None:
        names.append(ctx.info_name)
        ctx = ctx.parent
    return " ".join(["lintlaw", *reversed(names)])


def _what(err: click_errors.UsageError, commands: list[str]) -> str:
    if isinstance(err, click_errors.NoSuchOption):
        return f"没有选项 {err.option_name}" + _suggestion(err.option_name, err.ctx)
    if isinstance(err, click_errors.MissingParameter):
        param = err.param
        if param is not None and param.param_type_name == "argument":
            return f"缺少参数 {(param.metavar or param.name).upper()}"
        return f"缺少选项 {' / '.join(param.opts)}" if param is not None else "缺少参数"
    if isinstance(err, click_errors.BadParameter):
        where = " / ".join(err.param.opts) if err.param is not None else "参数"
        return f"{where} 的值无效：{err.message}"
    if isinstance(err, click_errors.BadOptionUsage):
        if "does not take a value" in err.message:
            return f"选项 {err.option_name} 不带值"
        return f"选项 {err.option_name} 后面缺少它的值"
    message = err.message
    if message.startswith("No such command"):
        name = message.split("'")[1] if message.count("'") >= 2 else ""
        near = difflib.get_close_matches(name, commands, n=1)
        return f"没有命令“{name}”" + (f"，是否想用 {near[0]}？" if near else f"（可用：{'、'.join(commands)}）")
    if message.startswith("Got unexpected extra argument"):  # "… argument(s) (a b)"
        return f"多余的参数：{message.rpartition(' (')[2].removesuffix(')')}"
    if message.startswith("Missing command"):
        return f"缺少命令（可用：{'、'.join(commands)}）"
    return f"命令行有误：{message}"


def _suggestion(option: str, ctx) -> str:
    """A near option of the command, compared without the dashes every option has (with
    them, --bogus looks like --jobs)."""
    if ctx is None:
        return ""
    names = {name.lstrip("-"): name for param in ctx.command.get_params(ctx)
             for name in getattr(param, "opts", ()) if name.startswith("--")}
    near = difflib.get_close_matches(option.lstrip("-"), list(names), n=1)
    return f"，是否想用 {names[near[0]]}？" if near else ""
