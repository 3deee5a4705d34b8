"""What every command sees, and what `check` does with it.

Each file's configuration → its rules and report types (a Plan): `check`, `tree`,
`config`, `rules` and `rule` all build their rule set here, so a configuration's
rule directories, per-rule options and report-type count the same everywhere.
Then, for `check`: run (each file linted and filtered by lintlaw/io/suppression.py, its
configuration's ignore-findings and the baseline together, before any fix) → render → exit code.
"""

from __future__ import annotations

import dataclasses
import sys
from dataclasses import dataclass, field
from pathlib import Path

from lintlaw.errors import UsageError
from lintlaw.reasons import system_reason
from lintlaw.runner import Plan


def plan_for(settings, select=None, ignore=None, extend_select=None, extra_dirs=(), file_ignores=()) -> Plan:
    """The rules and report types for files under one configuration (and the command line)."""
    from lintlaw.engine.redirects import current_report_type
    from lintlaw.engine.ruleset import cached_catalog, configured_rules

    extra = tuple(extra_dirs)
    rules = configured_rules(settings, select, ignore, extend_select, extra, file_ignores)
    types = cached_catalog(tuple(settings.rule_dirs) + extra).types
    chosen = current_report_type(settings.report_type)  # an old name keeps working
    if chosen != "auto" and types.get(chosen) is None:
        names = ", ".join(["auto", *(t.name for t in types.types)])
        where = f"{settings.path}: " if settings.path else ""
        raise UsageError(f"{where}report-type: 只能取 {names}")
    return Plan(rules, settings, types.forcing(chosen))


def plans(names, config_path, isolated, select, ignore, extend_select, rules_dirs, stdin_filename=None):
    """Each file's plan, from its nearest configuration and the command line.

    Standard input takes the configuration of the file --stdin-filename names."""
    from lintlaw.io.config import forget, settings_for
    forget()
    found = {}
    cache: dict[tuple, Plan] = {}
    for name in names:
        as_file = stdin_filename if name == "-" and stdin_filename else name
        settings = settings_for(as_file, config_path, isolated)
        key = (settings, settings.ignored_for(as_file) if as_file != "-" else ())
        if key not in cache:
            cache[key] = plan_for(settings, select, ignore, extend_select, rules_dirs, key[1])
        found[name] = cache[key]
    return found


def plan_for_path(path: str, config_path: Path | None = None, isolated: bool = False,
                  rules_dirs=(), select=None, ignore=None) -> Plan:
    """The plan for one file or directory, as `check` would make it (for tree, config, rules, rule)."""
    from lintlaw.io.config import forget, settings_for
    forget()
    settings = settings_for(path, config_path, isolated)
    ignored = settings.ignored_for(path) if path != "-" and Path(path).is_file() else ()
    return plan_for(settings, select, ignore, None, rules_dirs, ignored)


def catalog_for_path(path: str, config_path: Path | None = None, isolated: bool = False, rules_dirs=()):
    """Every rule a configuration can use, with its options and severities set; the codes it
    enables; and the plan (for `rules` and `rule`: the rules switched off are listed too)."""
    from lintlaw.engine.ruleset import cached_catalog, configured_options

    plan = plan_for_path(path, config_path, isolated, rules_dirs)
    chosen = {rule.code: rule for rule in plan.rules}
    catalog = cached_catalog(tuple(plan.settings.rule_dirs) + tuple(rules_dirs))
    everything = [chosen.get(rule.code, rule)
                  for rule in configured_options(plan.settings, catalog.rules, catalog.types)]
    return everything, set(chosen), plan


@dataclass(frozen=True)
class CheckRequest:
    """Everything `lintlaw check` was asked to do, as the command line gave it."""

    paths: list[str]
    output_format: str = "full"
    select: list[str] | None = None
    ignore: list[str] | None = None
    extend_select: list[str] | None = None
    fail_on: str | None = None
    encoding: str | None = None
    rules_dirs: list[Path] = field(default_factory=list)
    fix: bool = False
    unsafe_fixes: bool = False
    diff: bool = False
    statistics: bool = False
    output_file: Path | None = None
    jobs: int | None = None
    config: Path | None = None
    isolated: bool = False
    baseline: Path | None = None
    write_baseline: Path | None = None
    no_ignore: bool = False
    stdin_filename: str | None = None
    annotate: str | None = None
    author: str | None = None  # of a reviewed copy's comments and tracked changes (else the configuration's)
    previous: list[str] = field(default_factory=list)  # last year's reports, read to compare with (--previous)
    issuer: str | None = None  # the issuer of the one file checked (--issuer)


@dataclass
class Run:
    """What checking the files gave: their texts, findings, fix counts and failures."""

    sources: dict = field(default_factory=dict)
    diagnostics: list = field(default_factory=list)
    plan_of: dict = field(default_factory=dict)  # by the name findings carry (--stdin-filename, a.txt for ./a.txt)
    fixed: int = 0
    edits: int = 0
    would_change: int = 0
    tally: object = None  # lintlaw.render.summary.Tally
    stale: list = field(default_factory=list)  # baseline entries of the checked files that matched nothing
    # When each file's findings were written as it finished, only these are kept of them:
    counts: object = None  # lintlaw.render.summary.Counts
    failing: bool = False  # a finding at or above its file's --fail-on level
    desk: object = None  # lintlaw.desk.Desk: what comparing the run's reports needs


def run_check(r: CheckRequest) -> int:
    """plan → run → filter → render; the exit code. Bad input raises a LintlawError (exit 2)."""
    from lintlaw.io.inputs import STDIN, SUFFIXES, expand, unique_files
    from lintlaw.outputs import refuse_overwriting_inputs, review_targets
    from lintlaw.render.formats import FORMATS
    from lintlaw.review import REVIEWERS, Request

    if r.output_format not in FORMATS:
        raise UsageError(f"--format: 未知的输出格式“{r.output_format}”（可用：{'、'.join(FORMATS)}）")
    suffixes = SUFFIXES if r.annotate is None else tuple(reviewer.suffix for reviewer in REVIEWERS)
    names = unique_files(expand(r.paths, respect_ignore=not r.no_ignore, suffixes=suffixes))
    if not names:
        raise UsageError(f"没有找到要检查的文件（{'、'.join(suffixes)}）"
                         + ("" if r.no_ignore else "；git 忽略的文件已跳过，可用 --no-ignore 检查"))
    previous = _previous(r, names)
    refuse_overwriting_inputs(names + previous, {"--output-file": r.output_file, "--write-baseline": r.write_baseline})
    copies = review_targets(names, r.annotate, r.fix, r.diff or r.write_baseline is not None)
    review = Request(copies, r.author)
    if r.stdin_filename is not None and STDIN not in names:
        raise UsageError("--stdin-filename 只用于标准输入：请把 - 作为要检查的文件")
    if r.issuer is not None and len(names) != 1:
        raise UsageError("--issuer 只能在检查一个文件时使用（它给出这个文件的发布机关）")
    found = plans(names + previous, r.config, r.isolated, r.select, r.ignore, r.extend_select, r.rules_dirs,
                  r.stdin_filename)
    for name in previous:  # read to compare with: not linted, fixed or reported
        found[name] = dataclasses.replace(found[name], reference=True)
    recorded = None
    if r.baseline is not None:
        from lintlaw.io import baseline as baselines
        from lintlaw.io.suppression import Baseline

        # Read (and refused if broken) before anything is checked; not applied when a new
        # baseline is written: that records every finding the configuration lets through.
        recorded = Baseline.of(r.baseline, baselines.read(r.baseline))
    baseline = recorded if r.write_baseline is None else None
    all_rules = list({rule.code: rule for plan in found.values() for rule in plan.rules}.values())
    # With --fix on standard input the fixed text went to stdout: findings go to stderr.
    to_stderr = r.fix and STDIN in found
    if _streams(r):
        return _check_streaming(found, r, all_rules, to_stderr, baseline, review)
    run = _run(found, r, baseline, review=review)
    from lintlaw.desk import compare, merged

    compared, run.stale = compare(run.desk, run.sources, run.plan_of, run.stale,
                                  r.baseline if baseline is not None else None)
    run.diagnostics = merged(run.diagnostics, compared, run.sources)
    input_errors = run.tally.unreadable + run.tally.unwritten
    if r.diff:
        print(f"{run.fixed} 个问题可以自动修复（{run.edits} 处改动），涉及 {run.would_change} 个文件。", file=sys.stderr)
        return 2 if input_errors else 1 if run.would_change else 0
    if r.write_baseline is not None:
        from lintlaw.io import baseline as baselines

        try:
            count = baselines.write(r.write_baseline, run.diagnostics, run.sources)
        except OSError as err:
            raise UsageError(f"{r.write_baseline}: 无法写入（{system_reason(err)}）") from None
        print(f"已把 {count} 个问题记入基线 {r.write_baseline}。", file=sys.stderr)
        return 2 if input_errors else 0
    if recorded is not None:
        _report_stale(r.baseline, run.stale)
    _render(r, run, all_rules, to_stderr=to_stderr)
    if input_errors:
        return 2
    return 1 if any(d.severity >= _fail_level(r, run.plan_of[d.path]) for d in run.diagnostics) else 0


def _previous(r: CheckRequest, names: list[str]) -> list[str]:
    """The --previous files that are not also checked (a file checked is compared all the same)."""
    from lintlaw.io.inputs import STDIN, expand, unique_files

    if not r.previous:
        return []
    if STDIN in r.previous:
        raise UsageError("--previous 要指明上年报告的文件，不能是标准输入（-）")
    if r.diff:
        raise UsageError("--previous 不能与 --diff 同用（--diff 不显示问题，不比较报告）")
    found = unique_files(expand(r.previous, respect_ignore=not r.no_ignore))
    checked = set(names)
    return [name for name in found if name not in checked]


def _streams(r: CheckRequest) -> bool:
    """Whether each file's findings can be written as soon as it is checked: the format
    allows it, and nothing needs every finding at the end (statistics, a new baseline;
    --diff shows no findings). A baseline read is applied file by file, and a reviewed copy
    written where its document is checked."""
    from lintlaw.render.formats import FORMATS

    return FORMATS[r.output_format].streams and not r.statistics and not r.diff and r.write_baseline is None


def _check_streaming(found: dict, r: CheckRequest, rules: list, to_stderr: bool, baseline, review) -> int:
    """Check, writing each file's findings as it finishes (rendered where it was checked),
    then the summary; the exit code. Only counts are kept of the findings."""
    from lintlaw.desk import compare, kept_for_later
    from lintlaw.outputs import output
    from lintlaw.render.formats import FORMATS
    from lintlaw.render.summary import Counts, summary_of

    output_format = FORMATS[r.output_format]
    comparing = any(rule.kind.name == "comparison" for rule in rules)

    def digest(outcome, plan):
        if outcome.reference:
            return outcome  # kept whole by the parent, neither shown nor counted
        source, diagnostics = outcome.source, outcome.diagnostics
        if outcome.digests and comparing:  # the comparison may read it again, and show findings in it
            outcome.packed = kept_for_later(source, outcome.name, r.encoding)
        outcome.rendered = output_format.render(diagnostics, {source.path: source}, rules)
        outcome.counts = Counts()
        outcome.counts.add_file(diagnostics, source)
        level = _fail_level(r, plan)
        outcome.failing = any(d.severity >= level for d in diagnostics)
        outcome.source, outcome.diagnostics = None, []
        return outcome

    stdout = sys.stdout  # for standard input fixed with --fix, whatever the findings go to
    with _writing(r):
        with output(r.output_file, to_stderr) as findings_out:
            run = _run(found, r, baseline, stdout, digest, findings_out, review)
            compared, run.stale = compare(run.desk, {}, run.plan_of, run.stale,
                                          r.baseline if baseline is not None else None)
            for batch, shown in run.desk.by_file(compared):  # after every file's own: they needed every file
                findings_out.write(output_format.render(batch, shown, rules) + "\n")
                run.counts.add_findings(batch, shown[batch[0].path])
                run.failing = run.failing or any(d.severity >= _fail_level(r, run.plan_of[d.path]) for d in batch)
            if baseline is not None:
                _report_stale(r.baseline, run.stale)
            if not output_format.for_tools:
                print(summary_of(run.counts, (run.fixed, run.edits) if r.fix else None, run.tally),
                      file=findings_out)
    if run.tally.unreadable + run.tally.unwritten:
        return 2
    return 1 if run.failing else 0


def _run(found: dict, r: CheckRequest, baseline=None, stdout=None, digest=None, findings_out=None,
         review=None) -> Run:
    """Check every file (in worker processes when there are many), passing on what each one says.

    With a digest (streaming), each file's rendered findings go to findings_out as it is done."""
    import contextlib

    from lintlaw.desk import Desk, summarising
    from lintlaw.render.summary import Counts, Tally
    from lintlaw.render.visible import keep_lines, one_line
    from lintlaw.runner import Options, default_jobs, iter_outcomes

    stdout = stdout or sys.stdout
    options = Options(encoding=r.encoding, fix=r.fix, unsafe_fixes=r.unsafe_fixes, diff=r.diff,
                      stdin_filename=r.stdin_filename, baseline=baseline, digest=digest, review=review,
                      summarise=summarising(found, r.output_format, r.diff), issuer=r.issuer)
    from lintlaw.render.progress import file_progress

    run = Run(tally=Tally(), counts=Counts(), desk=Desk())
    with contextlib.ExitStack() as stack:
        advance = stack.enter_context(file_progress(len(found)))
        outcomes = stack.enter_context(contextlib.closing(
            iter_outcomes(found, options, r.jobs or default_jobs(), advance)))
        if advance is not None:
            # A progress bar holds the terminal: everything is printed once it is gone.
            outcomes = list(outcomes)
            stack.close()
        for outcome in outcomes:
            _take(outcome, run, found, stdout, findings_out, one_line, keep_lines)
    return run


def _take(outcome, run: Run, found: dict, stdout, findings_out, one_line, keep_lines) -> None:
    """Pass on what one file's check says, and keep what the end of the run needs."""
    if outcome.stdout_bytes is not None:
        stdout.flush()
        stdout.buffer.write(outcome.stdout_bytes)
        stdout.flush()
    if outcome.error:
        print(one_line(f"lintlaw: {outcome.error}"), file=sys.stderr)
        run.tally.count_error(outcome)
        return
    if outcome.note:
        print(one_line(f"lintlaw: {outcome.note}"), file=sys.stderr)
    if outcome.written:
        print(one_line(outcome.written), file=sys.stderr)
    if outcome.unwritten:  # checked, but deliberately not written back (mojibake)
        run.tally.unwritten += 1
    if outcome.empty:
        print(one_line(f"lintlaw: {outcome.path}: 文件是空的（或只有空白），没有可检查的内容"),
              file=sys.stderr)
        run.tally.empty += 1
    run.plan_of[outcome.path] = found[outcome.name]
    run.desk.take(outcome)
    if outcome.reference:
        return
    if outcome.diff:
        stdout.write(keep_lines(outcome.diff))
        run.would_change += 1
    run.stale.extend(outcome.stale)
    run.fixed += outcome.fixed
    run.edits += outcome.edits
    run.tally.unfinished += outcome.unfinished
    if outcome.counts is not None:  # digested: written now, counted, forgotten
        if outcome.rendered:
            findings_out.write(outcome.rendered + "\n")
        run.counts.add(outcome.counts)
        run.failing = run.failing or outcome.failing
        return
    run.sources[outcome.path] = outcome.source
    run.diagnostics.extend(outcome.diagnostics)


def _report_stale(baseline: Path, stale: list) -> None:
    """List on stderr the baseline entries of the checked files that no finding matched."""
    from lintlaw.render.visible import one_line

    if stale:
        print(f"lintlaw: 基线 {baseline} 中有 {len(stale)} 条记录已不再出现，可用 --write-baseline 更新：",
              file=sys.stderr)
        for entry in stale:
            print(one_line(f"  {entry['path']}:{entry['line']}: {entry['rule']} {entry['message']}"),
                  file=sys.stderr)


def _render(r: CheckRequest, run: Run, rules: list, to_stderr: bool) -> None:
    from lintlaw.outputs import output, render
    from lintlaw.render import statistics as per_rule
    from lintlaw.render.formats import FORMATS
    from lintlaw.render.summary import summary

    with _writing(r):
        with output(r.output_file, to_stderr) as out:
            if r.statistics:
                print(per_rule.json_text(run.diagnostics, run.sources) if r.output_format == "json"
                      else per_rule.text(run.diagnostics, run.sources), file=out)
            else:
                reviewed = None
                if FORMATS[r.output_format].reviews:
                    from lintlaw.desk import reports

                    reviewed = reports(run.desk)
                sources = {**run.sources, **run.desk.sources_for(run.diagnostics, run.sources)}
                render(r.output_format, run.diagnostics, sources, rules, out, reviewed)
            if (r.statistics and r.output_format != "json") or (
                    not r.statistics and not FORMATS[r.output_format].for_tools):
                print(summary(run.diagnostics, run.sources, (run.fixed, run.edits) if r.fix else None, run.tally),
                      file=out)


def _writing(r: CheckRequest):
    """An output file that cannot be written is a usage error naming it (exit 2)."""
    import contextlib

    @contextlib.contextmanager
    def reported():
        try:
            yield
        except BrokenPipeError:
            raise
        except OSError as err:
            if r.output_file is None:
                raise
            raise UsageError(f"{r.output_file}: 无法写入（{system_reason(err)}）") from None

    return reported()


def _fail_level(r: CheckRequest, plan):
    """The --fail-on level: the command line's, else the file's configuration's, else error."""
    from lintlaw.diagnostics import Severity

    return Severity.parse(r.fail_on or plan.settings.fail_on or "error")
