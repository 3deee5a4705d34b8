"""Checking many files, one at a time or in worker processes, in a fixed order.

Each file's work (read, lint or fix, write back) happens in check_file; the
parent only prints. Results come back in the order the files were given, so the
output does not depend on --jobs.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from lintlaw.errors import InputError, LintlawError
from lintlaw.inputs import STDIN, load
from lintlaw.source import Source


@dataclass(frozen=True)
class Options:
    encoding: str | None = None
    fix: bool = False
    unsafe_fixes: bool = False
    diff: bool = False
    stdin_filename: str | None = None  # the name standard input is read and reported as


@dataclass(frozen=True)
class Plan:
    """What to run on one file: its rules and the settings they came from."""

    rules: list
    settings: object  # lintlaw.config.Settings

    def keep(self, diagnostics: list, source: Source) -> list:
        """Drop the findings the configuration suppresses by fingerprint."""
        if not self.settings.suppressed or not diagnostics:
            return diagnostics
        from lintlaw.fingerprint import fingerprints

        prints = fingerprints(diagnostics, {source.path: source})
        return [d for d, fp in zip(diagnostics, prints, strict=True)
                if not self.settings.is_suppressed(d.code, d.path, fp)]


@dataclass
class FileOutcome:
    name: str
    source: Source | None = None  # the text the findings refer to (after fixing)
    diagnostics: list = field(default_factory=list)
    error: str | None = None  # a one-line input error, for stderr
    fixed: int = 0
    edits: int = 0
    diff: str = ""  # unified diff (--diff)
    stdout_bytes: bytes | None = None  # fixed standard input, for stdout
    note: str | None = None  # a one-line remark for stderr that is not an error


def check_file(name: str, plan: Plan, options: Options) -> FileOutcome:
    from lintlaw.linter import lint

    report_type = plan.settings.report_type
    try:
        source = load(name, options.encoding, options.stdin_filename)
        if (options.fix or options.diff) and not source.editable:
            outcome = FileOutcome(name, source, plan.keep(lint(source, plan.rules, report_type), source))
            outcome.note = f"{name}: Word 文档和网页不能自动修复，只报告问题"
            return outcome
        if not (options.fix or options.diff):
            return FileOutcome(name, source, plan.keep(lint(source, plan.rules, report_type), source))
        from lintlaw.fixing import fix_source

        result = fix_source(source, plan.rules, options.unsafe_fixes, report_type, plan.keep)
        outcome = FileOutcome(name, result.source, result.remaining, fixed=result.fixed, edits=result.edits)
        if options.diff:
            outcome.diff = unified_diff(source, result.source)
        elif result.changed:
            data = source.encode(result.source.text)
            if name == STDIN:
                outcome.stdout_bytes = data
            else:
                _write_back(Path(name), data)
        return outcome
    except LintlawError as err:
        return FileOutcome(name, error=str(err))


def _write_back(path: Path, data: bytes) -> None:
    from lintlaw.fixing import write_atomically

    try:
        write_atomically(path, data)
    except OSError as err:
        raise InputError(f"{path}: 无法写回修复结果（{err.strerror or err}），文件未改动") from None


def unified_diff(before: Source, after: Source) -> str:
    import difflib

    if before.text == after.text:
        return ""
    lines = difflib.unified_diff(_lines(before.text), _lines(after.text),
                                 fromfile=before.path, tofile=before.path)
    return "".join(line if line.endswith(("\n", "\r")) else line + "\n" for line in lines)


def _lines(text: str) -> list[str]:
    """Lines with their endings, split at \r\n, \r and \n only (str.splitlines also splits at VT, FF…)."""
    from lintlaw.source import LINE_BREAK

    ends = [m.end() for m in LINE_BREAK.finditer(text)]
    starts = [0, *ends]
    return [text[a:b] for a, b in zip(starts, [*ends, len(text)]) if a < b]


def default_jobs() -> int:
    return os.cpu_count() or 1


# Set in the parent before the pool forks, so workers inherit the loaded rules.
_WORKER_PLANS: dict[str, Plan] = {}
_WORKER_OPTIONS: Options | None = None


def _work(name: str) -> FileOutcome:
    return check_file(name, _WORKER_PLANS[name], _WORKER_OPTIONS)


def check_files(plans: dict[str, Plan], options: Options, jobs: int) -> list[FileOutcome]:
    """Outcomes in the order of `plans`, computed by up to `jobs` processes."""
    global _WORKER_PLANS, _WORKER_OPTIONS
    names = list(plans)
    jobs = min(jobs, len(names))
    if jobs <= 1 or STDIN in names:
        return [check_file(name, plans[name], options) for name in names]
    # Imported here: a single file never pays for multiprocessing at start-up.
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    if "fork" not in multiprocessing.get_all_start_methods():
        return [check_file(name, plans[name], options) for name in names]
    _WORKER_PLANS, _WORKER_OPTIONS = plans, options
    chunk = max(1, len(names) // (jobs * 8))
    with ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("fork")) as pool:
        return list(pool.map(_work, names, chunksize=chunk))
