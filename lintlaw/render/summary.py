"""The closing line of `check`: the summary of a run (findings per rule: render/statistics.py)."""

from __future__ import annotations

import dataclasses


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


def summary(diagnostics, sources, fixed: tuple[int, int] | None = None, tally: Tally | None = None) -> str:
    """The closing line; `fixed` is (findings fixed, edits made) after --fix.

    A run with files that could not be read never ends on a bare "no problems",
    and only files --fix can write (text, not Word or web pages) count as fixable.
    """
    from lintlaw.diagnostics import Severity

    tally = tally or Tally()
    files = len(sources)
    # Fix counts only where something could have been fixed: a file read, and one --fix can write.
    could_fix = fixed is not None and any(source.editable for source in sources.values())
    done = f"已修复 {fixed[0]} 个问题（{fixed[1]} 处改动）。" if could_fix else ""
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
