"""The closing line of `check`: the summary of a run (findings per rule: render/statistics.py)."""

from __future__ import annotations

import dataclasses

from lintlaw.diagnostics import Severity


@dataclasses.dataclass
class Tally:
    """The files a summary must own up to besides the findings."""

    unreadable: int = 0  # could not be read or decoded: not checked
    unwritten: int = 0  # checked, but the fix could not be written back
    empty: int = 0  # nothing but white space: checked, nothing to check
    unfinished: int = 0  # findings --fix could still fix where it ran out of rounds

    def count_error(self, outcome) -> None:
        if outcome.unwritten:
            self.unwritten += 1
        else:
            self.unreadable += 1


def count_severity(counts, severity) -> None:
    """Add one finding of `severity` to the errors, warnings or infos of `counts`."""
    if severity is Severity.ERROR:
        counts.errors += 1
    elif severity is Severity.WARNING:
        counts.warnings += 1
    else:
        counts.infos += 1


@dataclasses.dataclass
class Counts:
    """What the summary says about findings, added up file by file (so that a run that
    writes each file's findings as it finishes need not keep them)."""

    files: int = 0  # files read (and checked)
    editable: bool = False  # any of them a file --fix can write (not Word or a web page)
    revisable: bool = False  # any of them a document --fix writes a reviewed copy of (Word)
    errors: int = 0
    warnings: int = 0
    infos: int = 0
    safe: int = 0  # findings a safe fix covers, in files --fix can write
    unsafe: int = 0  # findings only an unsafe fix covers, in such files

    @property
    def findings(self) -> int:
        return self.errors + self.warnings + self.infos

    def add_file(self, diagnostics, source) -> None:
        self.files += 1
        self.editable = self.editable or source.editable
        self.revisable = self.revisable or source.revisable
        self.add_findings(diagnostics, source)

    def add_findings(self, diagnostics, source) -> None:
        """Count findings of a file counted already (the comparison's, found at the end)."""
        fixable = source.editable or source.revisable
        for d in diagnostics:
            count_severity(self, d.severity)
            if d.fix is not None and fixable:
                if d.fix.safe:
                    self.safe += 1
                else:
                    self.unsafe += 1

    def add(self, other: Counts) -> None:
        self.files += other.files
        self.editable = self.editable or other.editable
        self.revisable = self.revisable or other.revisable
        self.errors += other.errors
        self.warnings += other.warnings
        self.infos += other.infos
        self.safe += other.safe
        self.unsafe += other.unsafe


def counts_of(diagnostics, sources) -> Counts:
    counts = Counts()
    by_path: dict[str, list] = {path: [] for path in sources}
    for d in diagnostics:
        by_path[d.path].append(d)
    for path, found in by_path.items():
        counts.add_file(found, sources[path])
    return counts


def summary(diagnostics, sources, fixed: tuple[int, int] | None = None, tally: Tally | None = None) -> str:
    """The closing line for these findings in these files (see summary_of)."""
    return summary_of(counts_of(diagnostics, sources), fixed, tally)


def summary_of(counts: Counts, fixed: tuple[int, int] | None = None, tally: Tally | None = None) -> str:
    """The closing line; `fixed` is (findings fixed, edits made) after --fix.

    A run with files that could not be read never ends on a bare "no problems", and only
    files --fix can write (text) or write a reviewed copy of (Word) count as fixable.
    """
    tally = tally or Tally()
    done, failed = _fixes_done(counts, fixed), _failures(tally)
    checked = f"检查了 {counts.files} 个文件" + (f"，其中 {tally.empty} 个是空文件" if tally.empty else "")
    if not counts.findings:
        if failed and not counts.files:
            return done + failed
        other = "其余" if fixed and fixed[0] else ""
        return done + failed + f"{'已检查的文件中' if failed else ''}未发现{other}问题（{checked}）。"
    line = (f"{'剩余' if fixed is not None else '发现'} {counts.findings} 个问题（错误 {counts.errors}，"
            f"警告 {counts.warnings}，提示 {counts.infos}），{checked}。")
    return done + failed + line + _fixable(counts, fixed, tally)


def _fixes_done(counts: Counts, fixed: tuple[int, int] | None) -> str:
    """What --fix did; only where something could have been fixed: a file read, and one --fix can write."""
    if fixed is not None and counts.editable:
        copies = "，Word 文档的修复作为修订写入审阅副本" if counts.revisable else ""
        return f"已修复 {fixed[0]} 个问题（{fixed[1]} 处改动{copies}）。"
    if fixed is not None and counts.revisable:
        return f"已把 {fixed[0]} 个问题的修复作为修订写入审阅副本（{fixed[1]} 处修订）。"
    return ""


def _failures(tally: Tally) -> str:
    """The files that could not be read or written back."""
    failed = ""
    if tally.unreadable:
        failed += f"{tally.unreadable} 个文件无法读取，未检查（见上方的错误信息）。"
    if tally.unwritten:
        failed += f"{tally.unwritten} 个文件的修复未能写回，文件未改动（见上方的错误信息）。"
    return failed


def _fixable(counts: Counts, fixed: tuple[int, int] | None, tally: Tally) -> str:
    """How many of the findings --fix (with --unsafe-fixes) can still fix."""
    line = ""
    if fixed is None and counts.safe:
        line += f"其中 {counts.safe} 个可用 --fix 自动修复。"
    if fixed is not None and tally.unfinished:
        line += f"仍有 {tally.unfinished} 个可用 --fix 修复（修复轮数已到上限，再运行一次 --fix 可继续）。"
    if counts.unsafe:
        line += f"另有 {counts.unsafe} 个可用 --fix --unsafe-fixes 修复（需人工复核）。"
    return line
