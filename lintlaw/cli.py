"""Command line: lintlaw check | tree | config | rules | rule | serve.

Heavy imports (lark, rich) happen inside the commands that need them, so
start-up stays fast.
"""

from __future__ import annotations

import gc
import os
import sys
from pathlib import Path
from typing import List, Optional

# A command allocates many objects that live to its end (modules, rules, the document):
# collecting the youngest generation every 700 allocations mostly walks them again. Set
# before the imports below, which allocate the most.
gc.set_threshold(50_000, 20, 100)

import typer  # noqa: E402

from lintlaw import __version__  # noqa: E402
from lintlaw.diagnostics import SEVERITY_NAMES  # noqa: E402
from lintlaw.errors import LintlawError  # noqa: E402
from lintlaw.reasons import system_reason  # noqa: E402
from lintlaw.render.formats import FORMATS  # noqa: E402
from lintlaw.render.helptext import ChineseHelpCommand, ChineseHelpGroup  # noqa: E402
from lintlaw.render.usage_errors import ChineseChoice, ChineseIntRange  # noqa: E402
from lintlaw.render.visible import one_line  # noqa: E402

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                  cls=ChineseHelpGroup, context_settings={"help_option_names": ["-h", "--help"]},
                  help="lintlaw：法治政府建设年度报告等政府年度报告的合规检查工具。")


def _fail(message: str) -> None:
    print(one_line(f"lintlaw: {message}"), file=sys.stderr)
    raise typer.Exit(2)


def _split(values: Optional[List[str]]) -> Optional[List[str]]:
    if not values:
        return None
    # empty parts are kept: `--select ""` is an error, not "all rules"
    return [part.strip() for value in values for part in value.split(",")]


def _version(value: bool):
    if value:
        print(f"lintlaw {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(version: bool = typer.Option(False, "--version", callback=_version,
                                              is_eager=True, help="显示版本号。")):
    """lintlaw：法治政府建设年度报告等政府年度报告的合规检查工具。"""


ISSUER_OPTION = typer.Option(None, "--issuer", help="报告的发布机关（默认取自标题，其次落款，再次文件名）；只用于一个文件。")


def _issuer(value: Optional[str]) -> Optional[str]:
    """--issuer as given, without surrounding blanks; an empty one is a usage error."""
    if value is None:
        return None
    if not value.strip():
        _fail("--issuer: 发布机关不能为空")
    return value.strip()


class _CheckCommand(ChineseHelpCommand):
    """`check`, whose --annotate takes an optional value: `--annotate` alone or `--annotate OUT.docx`."""

    def parse_args(self, ctx, args):
        value_options = {name for param in self.get_params(ctx)
                         if param.param_type_name == "option" and not param.is_flag and not param.count
                         for name in param.opts if name != "--annotate"}
        return super().parse_args(ctx, _annotate_value(list(args), value_options))


def _annotate_value(args: list[str], value_options: set[str]) -> list[str]:
    """The arguments with "" (the default copy's name) after every --annotate not followed by
    its own OUT.docx (or OUT.pdf). A .docx or .pdf right after --annotate is OUT, unless it is
    the only file named (`lintlaw check --annotate report.docx`): then it is the input."""
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
            if following.lower().endswith((".docx", ".pdf")) and not following.startswith("-"):
                candidates.append(i)
                i += 1
        elif token in value_options:
            i += 1
        elif token == "-" or not token.startswith("-"):
            positional += 1
        i += 1
    if positional == 0 and candidates:
        candidates.pop()  # the last .docx or .pdf after --annotate is the input
    for at in reversed(annotates):
        if at not in candidates:
            args.insert(at + 1, "")
    return args


def _author(value: Optional[str]) -> Optional[str]:
    if value is None:
        return None
    if not value.strip() or len(value) > 100 or not value.isprintable():
        _fail(f"--author: 应为一行文字（不超过 100 字），如“法制科”：“{value}”")
    return value.strip()


@app.command(cls=_CheckCommand)
def check(
    paths: List[str] = typer.Argument(..., help="要检查的文件或目录（目录中查找 .txt、.md、.docx、.html、.htm、.pdf 文件），- 表示标准输入。"),
    output_format: str = typer.Option("full", "--format", help=f"输出格式：{'、'.join(FORMATS)}。"),
    select: Optional[List[str]] = typer.Option(None, help="只启用这些规则（代码、代码前缀、规则名或类别，逗号分隔）。"),
    ignore: Optional[List[str]] = typer.Option(None, help="停用这些规则（写法同 --select）。"),
    extend_select: Optional[List[str]] = typer.Option(None, "--extend-select", help="在所选规则之外再启用这些规则。"),
    fail_on: Optional[str] = typer.Option(None, "--fail-on", click_type=ChineseChoice(SEVERITY_NAMES),
                                          help="达到此级别的问题使退出码为 1（默认 error）。"),
    encoding: Optional[str] = typer.Option(None, help="强制使用此编码读取（默认自动识别 UTF-8/GB18030）。"),
    rules_dirs: Optional[List[Path]] = typer.Option(None, "--rules", help="额外的规则目录（TOML 规则文件）。"),
    fix: bool = typer.Option(False, "--fix", help="自动修复可安全修复的问题，写回文件（标准输入则输出到标准输出）；"
                                               "Word 文档不改动，修复作为修订写入审阅副本 NAME.lintlaw.docx。"),
    unsafe_fixes: bool = typer.Option(False, "--unsafe-fixes", help="与 --fix 或 --diff 同用：也应用需要人工复核的修复。"),
    diff: bool = typer.Option(False, "--diff", help="只显示修复将做的改动（统一差异格式），不写回文件。"),
    statistics: bool = typer.Option(False, "--statistics", help="只列出每条规则的问题数。"),
    output_file: Optional[Path] = typer.Option(None, "--output-file", "-o", help="把结果写入此文件而不是标准输出。"),
    jobs: Optional[int] = typer.Option(None, "--jobs", "-j", click_type=ChineseIntRange(min=1),
                                       help="并行检查的进程数（默认：CPU 核数）。"),
    config: Optional[Path] = typer.Option(None, "--config", help="使用此配置文件，而不是离各文件最近的那个。"),
    isolated: bool = typer.Option(False, "--isolated", help="不读取任何配置文件。"),
    baseline: Optional[Path] = typer.Option(None, "--baseline", help="只报告此基线文件中没有的问题。"),
    write_baseline: Optional[Path] = typer.Option(None, "--write-baseline", help="把当前全部问题记入基线文件。"),
    no_ignore: bool = typer.Option(False, "--no-ignore",
                                   help="在目录中查找文件时不理会 .gitignore 等 git 忽略规则。"),
    stdin_filename: Optional[str] = typer.Option(
        None, "--stdin-filename",
        help="把标准输入（-）当作此文件：按扩展名读取（.md、.html、.docx、.pdf），按其位置查找配置，问题中显示此文件名。"),
    annotate: Optional[str] = typer.Option(
        None, "--annotate", metavar="[OUT.docx|OUT.pdf]",
        help="把问题作为批注写入 Word 文档或 PDF 的审阅副本（默认：同目录下的 NAME.lintlaw.docx 或 NAME.lintlaw.pdf；"
             "原文件不动），Word 文档与 --fix 同用时修复也作为修订写入。可在其后写副本的文件名（只检查一个文档时）。"
             "目录中只查找 .docx 和 .pdf 文件。"),
    author: Optional[str] = typer.Option(
        None, "--author", help="审阅副本中批注和修订的作者（默认：配置中的 author，否则为 lintlaw）。"),
    previous: Optional[List[str]] = typer.Option(
        None, "--previous", metavar="FILE",
        help="同一发布机关上一年度的报告（可多次给出）：与本年报告比较，它自己的问题不报告。"),
    issuer: Optional[str] = ISSUER_OPTION,
):
    """检查报告，列出发现的问题。"""
    from lintlaw.pipeline import CheckRequest, run_check

    request = CheckRequest(
        paths=paths, output_format=output_format, select=_split(select), ignore=_split(ignore),
        extend_select=_split(extend_select), fail_on=fail_on, encoding=encoding,
        rules_dirs=rules_dirs or [], fix=fix, unsafe_fixes=unsafe_fixes, diff=diff, statistics=statistics,
        output_file=output_file, jobs=jobs, config=config, isolated=isolated, baseline=baseline,
        write_baseline=write_baseline, no_ignore=no_ignore, stdin_filename=stdin_filename, annotate=annotate,
        author=_author(author), previous=previous or [], issuer=_issuer(issuer))
    try:
        code = run_check(request)
    except LintlawError as err:
        _fail(str(err))
    raise typer.Exit(code)


CONFIG_OPTION = typer.Option(None, "--config", help="使用此配置文件，而不是离文件最近的那个。")
ISOLATED_OPTION = typer.Option(False, "--isolated", help="不读取任何配置文件。")
RULES_OPTION = typer.Option(None, "--rules", help="额外的规则目录（TOML 规则文件，可含 report-types/）。")


@app.command(cls=ChineseHelpCommand)
def tree(
    path: str = typer.Argument(..., help="要显示结构的文件，- 表示标准输入。"),
    encoding: Optional[str] = typer.Option(None, help="强制使用此编码读取。"),
    facts: bool = typer.Option(False, "--facts", help="同时列出识别到的年度、日期、数字及其作用和比率核对结果。"),
    tables: bool = typer.Option(False, "--tables", help="同时按行列列出识别到的统计表格（政府信息公开工作年度报告）。"),
    stdin_filename: Optional[str] = typer.Option(None, "--stdin-filename",
                                                 help="把标准输入（-）当作此文件，按扩展名读取（.md、.html、.docx）。"),
    issuer: Optional[str] = ISSUER_OPTION,
    config: Optional[Path] = CONFIG_OPTION,
    isolated: bool = ISOLATED_OPTION,
    rules_dirs: Optional[List[Path]] = RULES_OPTION,
):
    """以树形显示报告的标题层次、类型和统计表格，标出编号有问题的地方。"""
    from lintlaw.io.inputs import load
    from lintlaw.pipeline import plan_for_path
    from lintlaw.render.tree import render, tree_console

    try:
        plan = plan_for_path(stdin_filename if path == "-" and stdin_filename else path, config, isolated,
                             rules_dirs or [])
        source = load(path, encoding, stdin_filename)
    except LintlawError as err:
        _fail(str(err))
    structure = [rule for rule in plan.rules if rule.category == "structure"]
    render(source, structure, tree_console(), show_facts=facts, types=plan.types, show_tables=tables,
           issuer=_issuer(issuer))


@app.command("config", cls=ChineseHelpCommand)
def show_config(
    path: str = typer.Argument(".", help="文件或目录：显示对它生效的设置。"),
    config: Optional[Path] = typer.Option(None, "--config", help="使用此配置文件。"),
    isolated: bool = ISOLATED_OPTION,
):
    """显示对某个文件或目录生效的设置，以及每项设置的来源。"""
    from lintlaw.pipeline import plan_for_path
    from lintlaw.render.settings import render

    if path != "-" and not os.path.lexists(path):
        _fail(f"{path}: 文件或目录不存在")
    try:
        plan = plan_for_path(path, config, isolated)
    except LintlawError as err:
        _fail(str(err))
    print(render(plan, path))


@app.command("rules", cls=ChineseHelpCommand)
def list_rules(
    rules_dirs: Optional[List[Path]] = RULES_OPTION,
    config: Optional[Path] = CONFIG_OPTION,
    isolated: bool = ISOLATED_OPTION,
):
    """列出全部规则（含配置中 rule-dirs 的规则）：代码、名称、类别、级别、适用的报告类型、能否自动修复和一句话说明。"""
    from lintlaw.pipeline import catalog_for_path
    from lintlaw.render.rule_doc import fix_mark
    from lintlaw.render.rules_list import output_width, render, summary

    try:
        rules, enabled, _ = catalog_for_path(".", config, isolated, rules_dirs or [])
    except LintlawError as err:
        _fail(str(err))
    from lintlaw.diagnostics import CATEGORY_NAMES

    rows = []
    for rule in rules:
        level = rule.severity.chinese if rule.code in enabled else f"{rule.severity.chinese}（已停用）"
        rows.append((rule.code, rule.name, CATEGORY_NAMES.get(rule.category, rule.category), level,
                     ",".join(rule.report_types) or "全部", fix_mark(rule.fixes), summary(rule.explanation)))
    print(render(rows, output_width()))


@app.command(cls=ChineseHelpCommand)
def rule(
    code: str = typer.Argument(..., help="规则代码或名称，如 S101 或 numbering-gap。"),
    rules_dirs: Optional[List[Path]] = RULES_OPTION,
    config: Optional[Path] = CONFIG_OPTION,
    isolated: bool = ISOLATED_OPTION,
):
    """显示一条规则的说明、依据、示例、适用的报告类型、能否自动修复和选项。"""
    from lintlaw.pipeline import catalog_for_path
    from lintlaw.render.rule_doc import render

    try:
        rules, _, plan = catalog_for_path(".", config, isolated, rules_dirs or [])
    except LintlawError as err:
        _fail(str(err))
    from lintlaw.engine.redirects import current_name

    name = current_name(code)
    if name != code:
        print(f"lintlaw: 规则“{code}”已改名为“{name}”", file=sys.stderr)
    match = [r for r in rules if name in (r.code, r.name) or r.code == code.upper()]
    if not match:
        _fail(f"没有代码或名称为“{code}”的规则（用 lintlaw rules 查看全部）")
    print(render(match[0], plan.settings, plan.types))


@app.command(cls=ChineseHelpCommand)
def serve(
    port: int = typer.Option(0, "--port", click_type=ChineseIntRange(min=0, max=65535),
                             help="监听的端口（默认 0：由系统选一个空闲端口）。"),
    open_browser: bool = typer.Option(False, "--open", help="启动后用浏览器打开页面。"),
    config: Optional[Path] = typer.Option(None, "--config", help="使用此配置文件，而不是当前目录最近的那个。"),
    isolated: bool = typer.Option(False, "--isolated", help="不读取任何配置文件。"),
):
    """在本机启动检查页面：上传或粘贴报告，查看问题、标题结构和比率核对，下载修复后的文件。"""
    from lintlaw.pipeline import plans
    from lintlaw.serve.app import Server

    def plan_for(name: str):
        # An upload is configured as `check --stdin-filename NAME -` run here would configure it.
        return plans(["-"], config, isolated, None, None, None, [], name or "-")["-"]

    try:
        plan_for("")
        server = Server(port, plan_for)
    except LintlawError as err:
        _fail(str(err))
    except OSError as err:
        _fail(f"无法在 127.0.0.1:{port} 上启动（{system_reason(err)}）")
    print(f"lintlaw 检查页面：{server.url}", flush=True)
    print("只有本机可以访问；地址中的口令每次启动都不同。按 Ctrl-C 停止。", flush=True)
    try:
        if open_browser:  # inside the try: Ctrl-C while the browser starts stops as cleanly
            _open_browser(server.url)
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


def _open_browser(url: str) -> None:
    """Open the page, or say that no browser could be opened (the address is printed above)."""
    import webbrowser

    try:
        opened = webbrowser.open(url)
    except webbrowser.Error:
        opened = False
    if not opened:
        print("lintlaw: 无法打开浏览器，请把上面的地址复制到浏览器中打开", file=sys.stderr, flush=True)


def main() -> None:
    # Started with standard output or error closed (`>&-`): write nowhere rather than fail.
    for stream in ("stdout", "stderr"):
        if getattr(sys, stream) is None:
            setattr(sys, stream, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115 - for the whole run
    try:
        _run_app()
    finally:
        # Nothing is left to collect: spare the interpreter's exit a full collection of
        # every object (20-35 ms). Files are closed by their context managers already.
        gc.freeze()


def _run_app() -> None:
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
