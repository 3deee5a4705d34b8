"""Command-line mistakes (an unknown option or command, a missing path, a bad value) told
in Chinese on one line, like every other error lintlaw reports, instead of click's English
in a box.

The option types here fail with Chinese messages of their own, and an unknown command is
reported by lintlaw/render/helptext.py in Chinese; click's other usage errors are
recognised by their class (and, where click gives one class several meanings, by its
wording, which tests/test_cli.py holds down).
"""

from __future__ import annotations

import difflib
import re

# typer 0.28 (the version pyproject.toml requires) carries its own copy of click.
from typer._click import exceptions as click_errors
from typer._click.types import IntRange, ParamType


class ChineseUsageError(click_errors.UsageError):
    """A usage error whose message is already in Chinese."""


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
    """A whole number, at least `min` and, if given, at most `max`."""

    def __init__(self, min: int, max: int | None = None):  # noqa: A002 - click's own names
        super().__init__(min=min, max=max)

    def convert(self, value, param, ctx):
        try:
            number = int(value)
        except (TypeError, ValueError):
            self.fail(f"“{value}”不是整数", param, ctx)
        if number < self.min or (self.max is not None and number > self.max):
            allowed = f"至少为 {self.min}" if self.max is None else f"{self.min} 到 {self.max}"
            self.fail(f"{number} 超出范围（{allowed}）", param, ctx)
        return number


def unknown_command(name: str, commands: list[str], ctx) -> ChineseUsageError:
    """The error for a command name lintlaw does not have, with the nearest one if any."""
    near = difflib.get_close_matches(name, commands, n=1)
    hint = f"，是否想用 {near[0]}？" if near else f"（可用：{'、'.join(commands)}）"
    return ChineseUsageError(f"没有命令“{name}”{hint}", ctx)


def usage_error_line(err: click_errors.UsageError) -> str:
    """The error in one Chinese line, with where to find help."""
    help_hint = f"（用 {_command_path(err.ctx)} -h 查看用法）" if err.ctx is not None else ""
    return f"{_what(err)}{help_hint}"


def _command_path(ctx) -> str:
    """`lintlaw check`: the command's names under lintlaw, whatever the program was called."""
    names = []
    while ctx.parent is not None:
        names.append(ctx.info_name)
        ctx = ctx.parent
    return " ".join(["lintlaw", *reversed(names)])


_EXTRA_ARGUMENTS = re.compile(r"Got unexpected extra arguments?(?:\(s\))? \((.*)\)", re.S)


def _what(err: click_errors.UsageError) -> str:
    if isinstance(err, ChineseUsageError):
        return err.message
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
    extra = _EXTRA_ARGUMENTS.fullmatch(err.message)
    if extra:
        return f"多余的参数：{extra.group(1)}"
    return f"命令行有误：{err.message}"


def _suggestion(option: str, ctx) -> str:
    """A near option of the command, compared without the dashes every option has (with
    them, --bogus looks like --jobs)."""
    if ctx is None:
        return ""
    names = {name.lstrip("-"): name for param in ctx.command.get_params(ctx)
             for name in getattr(param, "opts", ()) if name.startswith("--")}
    near = difflib.get_close_matches(option.lstrip("-"), list(names), n=1)
    return f"，是否想用 {names[near[0]]}？" if near else ""
