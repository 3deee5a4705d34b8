"""Command line: lintlaw check | tree | config | rules | rule | serve.

Heavy imports (lark, rich) happen inside the commands that need them, so
start-up stays fast.
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
import sys
from enum import Enum
from pathlib import Path
from typing import List, Optional

import typer

from lintlaw import __version__
from lintlaw.errors import LintlawError
from lintlaw.helptext import ChineseHelpCommand, ChineseHelpGroup
from lintlaw.render.visible import keep_lines, one_line

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                  cls=ChineseHelpGroup, context_settings={"help_option_names": ["-h", "--help"]},
                  help="lintlaw：法治政府建设年度报告等政府年度报告的合规检查工具。")


class Format(str, Enum):
    full = "full"
    concise = "concise"
    json = "json"
    json_lines = "json-lines"
    sarif = "sarif"
    github = "github"
    gitlab = "gitlab"
    junit = "junit"


# Formats for tools: no summary line, the whole output is the document.
MACHINE_FORMATS = {Format.json, Format.json_lines, Format.sarif, Format.github, Format.gitlab, Format.junit}


class FailOn(str, Enum):
    error = "error"
    warning = "warning"
    info = "info"


def _fail(message: str) -> None:
    print(one_line(f"lintlaw: {message}"), file=sys.stderr)
    raise typer.Exit(2)


def _split(values: Optional[List[str]]) -> Optional[List[str]]:
    if not values:
        return None
    # empty parts are kept: `--select ""` is an error, not "all rules"
    return [part.strip() for value in values for part in value.split(",")]


def _load_rules(rules_dirs, select=None, ignore=None):
    from lintlaw.ruleset import load_rules, select_rules

    rules = load_rules([Path(d) for d in rules_dirs or []])
    return select_rules(rules, _split(select), _split(ignore))


def _version(value: bool):
    if value:
        print(f"lintlaw {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(version: bool = typer.Option(False, "--version", callback=_version,
                                              is_eager=True, help="显示版本号。")):
    """lintlaw：法治政府建设年度报告等政府年度报告的合规检查工具。"""


class _CheckCommand(ChineseHelpCommand):
    """`check`, whose --annotate takes an optional value: `--annotate` alone or `--annotate OUT.docx`."""

    def parse_args(self, ctx, args):
        value_options = {name for param in self.get_params(ctx)
                         if param.param_type_name == "option" and not param.is_flag and not param.count
                         for name in param.opts if name != "--annotate"}
        return super().parse_args(ctx, _annotate_value(list(args), value_options))


def _annotate_value(args: list[str], value_options: set[str]) -> list[str]:
    """The arguments with "" (the default copy's name) after every --annotate not followed by
    its own OUT.docx. A .docx right after --annotate is OUT, unless it is the only file named
    (`lintlaw check --annotate report.docx`): then it is the input."""
    annotates, positional, candidates = [], 0, []
    i = 0
    while i < len(args):
        token = args[i]
        if token == "--":
            positional += len(args) - i - 1
            break
        if token == "--annotate":
            annotates.append(i)
            following = args[i + 1] if i + 1 < len(args) else ""
            if following.lower().endswith(".docx") and not following.startswith("-"):
                candidates.append(i)
                i += 1
        elif token in value_options:
            i += 1
        elif token == "-" or not token.startswith("-"):
            positional += 1
        i += 1
    if positional == 0 and candidates:
        candidates.pop()  # the last .docx after --annotate is the input
    for at in reversed(annotates):
        if at not in candidates:
            args.insert(at + 1, "")
    return args


@app.command(cls=_CheckCommand)
def check(
    paths: List[str] = typer.Argument(..., help="要检查的文件或目录（目录中查找 .txt、.md、.docx、.html、.htm 文件），- 表示标准输入。"),
    output_format: Format = typer.Option(Format.full, "--format", help="输出格式。"),
    select: Optional[List[str]] = typer.Option(None, help="只启用这些规则（代码、代码前缀、规则名或类别，逗号分隔）。"),
    ignore: Optional[List[str]] = typer.Option(None, help="停用这些规则（写法同 --select）。"),
    extend_select: Optional[List[str]] = typer.Option(None, "--extend-select", help="在所选规则之外再启用这些规则。"),
    fail_on: Optional[FailOn] = typer.Option(None, "--fail-on", help="达到此级别的问题使退出码为 1（默认 error）。"),
    encoding: Optional[str] = typer.Option(None, help="强制使用此编码读取（默认自动识别 UTF-8/GB18030）。"),
    rules_dirs: Optional[List[Path]] = typer.Option(None, "--rules", help="额外的规则目录（TOML 规则文件）。"),
    fix: bool = typer.Option(False, "--fix", help="自动修复可安全修复的问题，写回文件（标准输入则输出到标准输出）。"),
    unsafe_fixes: bool = typer.Option(False, "--unsafe-fixes", help="与 --fix 或 --diff 同用：也应用需要人工复核的修复。"),
    diff: bool = typer.Option(False, "--diff", help="只显示修复将做的改动（统一差异格式），不写回文件。"),
    statistics: bool = typer.Option(False, "--statistics", help="只列出每条规则的问题数。"),
    output_file: Optional[Path] = typer.Option(None, "--output-file", "-o", help="把结果写入此文件而不是标准输出。"),
    jobs: Optional[int] = typer.Option(None, "--jobs", "-j", min=1, help="并行检查的进程数（默认：CPU 核数）。"),
    config: Optional[Path] = typer.Option(None, "--config", help="使用此配置文件，而不是离各文件最近的那个。"),
    isolated: bool = typer.Option(False, "--isolated", help="不读取任何配置文件。"),
    baseline: Optional[Path] = typer.Option(None, "--baseline", help="只报告此基线文件中没有的问题。"),
    write_baseline: Optional[Path] = typer.Option(None, "--write-baseline", help="把当前全部问题记入基线文件。"),
    no_ignore: bool = typer.Option(False, "--no-ignore",
                                   help="在目录中查找文件时不理会 .gitignore 等 git 忽略规则。"),
    stdin_filename: Optional[str] = typer.Option(
        None, "--stdin-filename",
        help="把标准输入（-）当作此文件：按扩展名读取（.md、.html、.docx），按其位置查找配置，问题中显示此文件名。"),
    annotate: Optional[str] = typer.Option(
        None, "--annotate", metavar="[OUT.docx]",
        help="把问题作为批注写入 Word 文档的副本（默认：同目录下的 NAME.lintlaw.docx；原文档不动）。"
             "可在其后写副本的文件名（只检查一个文档时）。目录中只查找 .docx 文件。"),
):
    """检查报告，列出发现的问题。"""
    from lintlaw.diagnostics import Severity
    from lintlaw.inputs import DOCX, STDIN, SUFFIXES, expand

    names = expand(paths, respect_ignore=not no_ignore, suffixes=SUFFIXES if annotate is None else DOCX)
    if not names:
        _fail(f"没有找到要检查的文件（{'.txt、.md、.docx、.html' if annotate is None else '.docx'}）"
              + ("" if no_ignore else "；git 忽略的文件已跳过，可用 --no-ignore 检查"))
    _refuse_overwriting_inputs(names, {"--output-file": output_file, "--write-baseline": write_baseline})
    copies = _annotation_targets(names, annotate, diff or write_baseline is not None)
    if stdin_filename is not None and STDIN not in names:
        _fail("--stdin-filename 只用于标准输入：请把 - 作为要检查的文件")
    from lintlaw.runner import Options, check_files, default_jobs

    try:
        plans = _plans(names, config, isolated, _split(select), _split(ignore), _split(extend_select),
                       rules_dirs or [], stdin_filename)
        recorded = None
        if baseline is not None:
            from lintlaw import baseline as baselines

            recorded = baselines.read(baseline)
    except LintlawError as err:
        _fail(str(err))
    all_rules = list({rule.code: rule for plan in plans.values() for rule in plan.rules}.values())
    options = Options(encoding=encoding, fix=fix, unsafe_fixes=unsafe_fixes, diff=diff,
                      stdin_filename=stdin_filename)
    from lintlaw.render.progress import file_progress

    with file_progress(len(plans)) as advance:
        outcomes = check_files(plans, options, jobs or default_jobs(), advance)
    sources, diagnostics, fixed, edits, would_change = {}, [], 0, 0, 0
    tally = Tally()
    plan_of = {}  # by the name findings carry (standard input's --stdin-filename, ./a.txt as a.txt)
    for outcome in outcomes:
        if outcome.stdout_bytes is not None:
            sys.stdout.flush()
            sys.stdout.buffer.write(outcome.stdout_bytes)
            sys.stdout.flush()
        if outcome.error:
            print(one_line(f"lintlaw: {outcome.error}"), file=sys.stderr)
            tally.count_error(outcome)
            continue
        if outcome.note:
            print(one_line(f"lintlaw: {outcome.note}"), file=sys.stderr)
        if outcome.empty:
            print(one_line(f"lintlaw: {outcome.source.path}: 文件是空的（或只有空白），没有可检查的内容"),
                  file=sys.stderr)
            tally.empty += 1
        if outcome.diff:
            sys.stdout.write(keep_lines(outcome.diff))
            would_change += 1
        sources[outcome.source.path] = outcome.source
        plan_of[outcome.source.path] = plans[outcome.name]
        diagnostics.extend(outcome.diagnostics)
        fixed += outcome.fixed
        edits += outcome.edits

    input_errors = tally.unreadable + tally.unwritten
    if diff:
        print(f"{fixed} 个问题可以自动修复（{edits} 处改动），涉及 {would_change} 个文件。", file=sys.stderr)
        raise typer.Exit(2 if input_errors else 1 if would_change else 0)
    if write_baseline is not None:
        from lintlaw import baseline as baselines

        try:
            count = baselines.write(write_baseline, diagnostics, sources)
        except OSError as err:
            _fail(f"{write_baseline}: 无法写入（{err.strerror or err}）")
        print(f"已把 {count} 个问题记入基线 {write_baseline}。", file=sys.stderr)
        raise typer.Exit(2 if input_errors else 0)
    if recorded is not None:
        from lintlaw import baseline as baselines

        diagnostics, gone = baselines.new_findings(baseline, recorded, diagnostics, sources)
        if gone:
            print(f"lintlaw: 基线 {baseline} 中有 {len(gone)} 条记录已不再出现，可用 --write-baseline 更新：",
                  file=sys.stderr)
            for entry in gone:
                print(one_line(f"  {entry['path']}:{entry['line']}: {entry['rule']} {entry['message']}"),
                      file=sys.stderr)
    if copies:
        input_errors += _write_annotated(copies, diagnostics, sources)
    # With --fix on standard input the fixed text went to stdout: findings go to stderr.
    to_stderr = fix and STDIN in plans
    try:
        with _output(output_file, to_stderr):
            if statistics:
                from lintlaw.render import statistics as per_rule

                print(per_rule.json_text(diagnostics) if output_format is Format.json else per_rule.text(diagnostics))
            else:
                _render(output_format, diagnostics, sources, all_rules)
            if (statistics and output_format is not Format.json) or output_format not in MACHINE_FORMATS:
                print(_summary(diagnostics, sources, (fixed, edits) if fix else None, tally))
    except BrokenPipeError:
        raise
    except OSError as err:
        if output_file is None:
            raise
        _fail(f"{output_file}: 无法写入（{err.strerror or err}）")
    if input_errors:
        raise typer.Exit(2)
    failing = [d for d in diagnostics
               if d.severity >= Severity.parse(_fail_on(fail_on, plan_of, d.path))]
    raise typer.Exit(1 if failing else 0)


def _annotation_targets(names: list[str], annotate: str | None, other_output: bool) -> dict[str, Path]:
    """Each Word document's annotated copy (--annotate), after refusing what cannot be done."""
    if annotate is None:
        return {}
    from lintlaw.annotate import default_output
    from lintlaw.inputs import STDIN

    if other_output:
        _fail("--annotate 不能与 --diff 或 --write-baseline 同用")
    for name in names:
        if name == STDIN:
            _fail("--annotate 只用于 Word 文档文件，不能用于标准输入")
        if not name.lower().endswith(".docx"):
            _fail(f"{name}: --annotate 只用于 Word 文档（.docx）")
    if annotate and len(names) > 1:
        _fail(f"{annotate}: 检查多个 Word 文档时不能指定一个副本文件名；省略它，每个文档各写到 NAME.lintlaw.docx")
    if annotate and not annotate.lower().endswith(".docx"):
        _fail(f"{annotate}: 带批注的副本须是 .docx 文件")
    copies = {name: Path(annotate) if annotate else default_output(name) for name in names}
    for out in copies.values():
        _refuse_overwriting_inputs(names, {"--annotate": out})
    return copies


def _write_annotated(copies: dict[str, Path], diagnostics, sources) -> int:
    """Write each checked document's annotated copy; the number that could not be written."""
    from lintlaw.annotate import annotate_docx, write_copy

    failed = 0
    for name, out in copies.items():
        if name not in sources:  # unreadable: its error is already shown
            continue
        found = [d for d in diagnostics if d.path == name]
        try:
            write_copy(out, annotate_docx(name, found, sources[name]))
        except LintlawError as err:
            print(one_line(f"lintlaw: {err}"), file=sys.stderr)
            failed += 1
            continue
        except OSError as err:
            print(one_line(f"lintlaw: {out}: 无法写入带批注的副本（{err.strerror or err}）"), file=sys.stderr)
            failed += 1
            continue
        print(one_line(f"已写出带批注的副本：{out}（{len(found)} 条批注）"), file=sys.stderr)
    return failed


def _fail_on(option, plans, path: str) -> str:
    """The --fail-on level: the command line's, else the file's configuration's, else error."""
    if option is not None:
        return option.value
    return plans[path].settings.fail_on or "error"


def _plans(names, config_path, isolated, select, ignore, extend_select, rules_dirs, stdin_filename=None):
    """Each file's rules, from its nearest configuration and the command line.

    Standard input takes the configuration of the file --stdin-filename names."""
    from lintlaw.config import forget, settings_for
    from lintlaw.ruleset import configured_rules
    from lintlaw.runner import Plan

    forget()
    plans = {}
    cache: dict[tuple, Plan] = {}
    for name in names:
        as_file = stdin_filename if name == "-" and stdin_filename else name
        settings = settings_for(as_file, config_path, isolated)
        key = (settings, settings.ignored_for(as_file) if as_file != "-" else ())
        if key not in cache:
            cache[key] = Plan(configured_rules(settings, select, ignore, extend_select, rules_dirs, key[1]),
                              settings)
        plans[name] = cache[key]
    return plans


def _output(output_file: Optional[Path], to_stderr: bool):
    """Where the report goes: a file, standard error, or standard output."""
    if output_file is not None:
        stream = open(output_file, "w", encoding="utf-8")  # noqa: SIM115 - closed by the context

        @contextlib.contextmanager
        def to_file():
            with stream, contextlib.redirect_stdout(stream):
                yield
        return to_file()
    return contextlib.redirect_stdout(sys.stderr) if to_stderr else contextlib.nullcontext()


def _render(output_format: Format, diagnostics, sources, rules) -> None:
    if output_format is Format.json:
        from lintlaw.render.json_format import render

        print(render(diagnostics, sources))
    elif output_format in MACHINE_FORMATS:
        from lintlaw.render import machine

        text = getattr(machine, output_format.value.replace("-", "_"))(diagnostics, sources, rules)
        if text:
            print(text)
    elif output_format is Format.concise:
        from lintlaw.render.concise import render

        if diagnostics:
            print(render(diagnostics, sources))
    else:
        from lintlaw.render.full import render

        if diagnostics:
            render(diagnostics, sources, _console())


def _console():
    from rich.console import Console

    # Piped output is not cut to 80 columns: findings and tree labels stay whole.
    width = None if sys.stdout.isatty() else 1000
    return Console(highlight=False, soft_wrap=True, width=width)


@dataclasses.dataclass
class Tally:
    """The files a summary must own up to besides the findings."""

    unreadable: int = 0  # could not be read or decoded: not checked
    unwritten: int = 0  # checked, but the fix could not be written back
    empty: int = 0  # nothing but white space: checked, nothing to check

    def count_error(self, outcome) -> None:
        if outcome.unwritten:
            self.unwritten += 1
        else:
            self.unreadable += 1


def _summary(diagnostics, sources, fixed: tuple[int, int] | None = None, tally: Tally | None = None) -> str:
    """The closing line; `fixed` is (findings fixed, edits made) after --fix.

    A run with files that could not be read never ends on a bare "no problems",
    and only files --fix can write (text, not Word or web pages) count as fixable.
    """
    from lintlaw.diagnostics import Severity

    tally = tally or Tally()
    files = len(sources)
    done = f"已修复 {fixed[0]} 个问题（{fixed[1]} 处改动）。" if fixed is not None else ""
    failed = ""
    if tally.unreadable:
        failed += f"{tally.unreadable} 个文件无法读取，未检查（见上方的错误信息）。"
    if tally.unwritten:
        failed += f"{tally.unwritten} 个文件的修复未能写回，文件未改动（见上方的错误信息）。"
    checked = f"检查了 {files} 个文件" + (f"，其中 {tally.empty} 个是空文件" if tally.empty else "")
    if not diagnostics:
        if failed and not files:
            return done + failed
        other = "其余" if fixed and fixed[0] else ""
        return done + failed + f"{'已检查的文件中' if failed else ''}未发现{other}问题（{checked}）。"
    counts = {s: sum(1 for d in diagnostics if d.severity is s) for s in Severity}
    line = (f"{'剩余' if fixed is not None else '发现'} {len(diagnostics)} 个问题（错误 {counts[Severity.ERROR]}，"
            f"警告 {counts[Severity.WARNING]}，提示 {counts[Severity.INFO]}），{checked}。")
    fixable = [d.fix for d in diagnostics if d.fix and sources[d.path].editable]
    safe = sum(1 for f in fixable if f.safe)
    unsafe = len(fixable) - safe
    if fixed is None and safe:
        line += f"其中 {safe} 个可用 --fix 自动修复。"
    if unsafe:
        line += f"另有 {unsafe} 个可用 --fix --unsafe-fixes 修复（需人工复核）。"
    return done + failed + line


def _refuse_overwriting_inputs(names, outputs: dict) -> None:
    """Stop before an output file (report, baseline) would overwrite a file being checked."""
    outputs = {option: path for option, path in outputs.items() if path is not None}
    if not outputs:
        return
    from lintlaw.inputs import STDIN

    def identity(path) -> tuple[int, int] | None:
        try:
            status = os.stat(path)
        except (OSError, ValueError):
            return None
        return status.st_dev, status.st_ino

    inputs = {identity(name) for name in names if name != STDIN} - {None}
    for option, path in outputs.items():
        if identity(path) in inputs:
            _fail(f"{path}: {option} 的输出文件也是要检查的输入文件，不能覆盖它")


@app.command(cls=ChineseHelpCommand)
def tree(
    path: str = typer.Argument(..., help="要显示结构的文件，- 表示标准输入。"),
    encoding: Optional[str] = typer.Option(None, help="强制使用此编码读取。"),
    facts: bool = typer.Option(False, "--facts", help="同时列出识别到的年度、日期、数字及其作用和比率核对结果。"),
    stdin_filename: Optional[str] = typer.Option(None, "--stdin-filename",
                                                 help="把标准输入（-）当作此文件，按扩展名读取（.md、.html、.docx）。"),
):
    """以树形显示报告的标题层次，标出编号有问题的地方。"""
    from lintlaw.inputs import load
    from lintlaw.render.tree import render, tree_console

    try:
        source = load(path, encoding, stdin_filename)
        rules = _load_rules(None, ["structure"])
    except LintlawError as err:
        _fail(str(err))
    render(source, rules, tree_console(), show_facts=facts)


@app.command("config", cls=ChineseHelpCommand)
def show_config(
    path: str = typer.Argument(".", help="文件或目录：显示对它生效的设置。"),
    config: Optional[Path] = typer.Option(None, "--config", help="使用此配置文件。"),
    isolated: bool = typer.Option(False, "--isolated", help="不读取任何配置文件。"),
):
    """显示对某个文件或目录生效的设置，以及每项设置的来源。"""
    from lintlaw.config import Settings, forget, settings_for
    from lintlaw.ruleset import configured_rules

    forget()
    if path != "-" and not os.path.lexists(path):
        _fail(f"{path}: 文件或目录不存在")
    try:
        settings = settings_for(path, config, isolated)
        ignored = settings.ignored_for(path) if Path(path).is_file() else ()
        rules = configured_rules(settings, file_ignores=ignored)
    except LintlawError as err:
        _fail(str(err))
    defaults = Settings()
    origin = str(settings.path) if settings.path else None
    print(f"配置文件：{origin or '无（使用默认设置）'}")

    def show(key: str, value, default) -> None:
        source = f"来自 {origin}" if origin and value != default else "默认"
        print(f"{key} = {value}    # {source}")

    show("select", list(settings.select) if settings.select is not None else "全部规则",
         list(defaults.select) if defaults.select is not None else "全部规则")
    show("ignore", list(settings.ignore), [])
    show("extend-select", list(settings.extend_select), [])
    show("per-file-ignores", {g: list(s) for g, s in settings.per_file_ignores}, {})
    show("severity", dict(settings.severity), {})
    show("fail-on", settings.fail_on or "error", "error")
    deadline = settings.deadline or (4, 1)
    show("deadline", f"{deadline[0]:02d}-{deadline[1]:02d}（报告年度的次年）", "04-01（报告年度的次年）")
    show("rules", [str(d) for d in settings.rules], [])
    show("report-type", settings.report_type, "auto")
    show("ignore-findings", f"{len(settings.suppressed)} 条", "0 条")
    if ignored:
        print(f"对 {path} 另外停用（per-file-ignores）：{', '.join(ignored)}")
    print(f"生效的规则：{len(rules)} 条（{', '.join(r.code for r in rules[:12])}{' …' if len(rules) > 12 else ''}）")


@app.command("rules", cls=ChineseHelpCommand)
def list_rules(
    rules_dirs: Optional[List[Path]] = typer.Option(None, "--rules", help="额外的规则目录。"),
):
    """列出全部规则：代码、名称、类别、级别和一句话说明。"""
    from lintlaw.render.rules_list import output_width, render

    try:
        rules = _load_rules(rules_dirs)
    except LintlawError as err:
        _fail(str(err))
    print(render(rules, output_width()))


@app.command(cls=ChineseHelpCommand)
def rule(
    code: str = typer.Argument(..., help="规则代码或名称，如 S101 或 numbering-gap。"),
    rules_dirs: Optional[List[Path]] = typer.Option(None, "--rules", help="额外的规则目录。"),
):
    """显示一条规则的说明、依据和示例。"""
    from lintlaw.render.rule_doc import render

    try:
        rules = _load_rules(rules_dirs)
    except LintlawError as err:
        _fail(str(err))
    match = [r for r in rules if code in (r.code, r.name) or r.code == code.upper()]
    if not match:
        _fail(f"没有代码或名称为“{code}”的规则（用 lintlaw rules 查看全部）")
    print(render(match[0]))


@app.command(cls=ChineseHelpCommand)
def serve(
    port: int = typer.Option(0, "--port", min=0, max=65535, help="监听的端口（默认 0：由系统选一个空闲端口）。"),
    open_browser: bool = typer.Option(False, "--open", help="启动后用浏览器打开页面。"),
    config: Optional[Path] = typer.Option(None, "--config", help="使用此配置文件，而不是当前目录最近的那个。"),
    isolated: bool = typer.Option(False, "--isolated", help="不读取任何配置文件。"),
):
    """在本机启动检查页面：上传或粘贴报告，查看问题、标题结构和比率核对，下载修复后的文件。"""
    from lintlaw.serve.app import Server

    def plan_for(name: str):
        # An upload is configured as `check --stdin-filename NAME -` run here would configure it.
        return _plans(["-"], config, isolated, None, None, None, [], name or "-")["-"]

    try:
        plan_for("")
        server = Server(port, plan_for)
    except LintlawError as err:
        _fail(str(err))
    except OSError as err:
        _fail(f"无法在 127.0.0.1:{port} 上启动（{err.strerror or err}）")
    print(f"lintlaw 检查页面：{server.url}", flush=True)
    print("只有本机可以访问；地址中的口令每次启动都不同。按 Ctrl-C 停止。", flush=True)
    if open_browser:
        import webbrowser

        webbrowser.open(server.url)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


def main() -> None:
    try:
        app()
    except LintlawError as err:  # anything a command did not catch itself
        print(one_line(f"lintlaw: {err}"), file=sys.stderr)
        sys.exit(2)
    except KeyboardInterrupt:
        sys.exit(130)
    except BrokenPipeError:  # the reader went away (… | head): stop quietly
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(1)
    except Exception as err:  # a bug: one line for the user, the traceback on request
        if os.environ.get("LINTLAW_DEBUG"):
            raise
        print(one_line(f"lintlaw: 内部错误：{type(err).__name__}: {err}"
                       "（设置 LINTLAW_DEBUG=1 查看详情，并请报告此问题）"), file=sys.stderr)
        sys.exit(2)
