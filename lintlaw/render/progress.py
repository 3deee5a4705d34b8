"""A progress bar on standard error while many files are checked.

Only for a person at a terminal: never in a pipe, a redirect or CI (the CI variable set),
and never for a few files. rich.progress is imported only when the bar is shown.
"""

from __future__ import annotations

import contextlib
import os
import sys

MIN_FILES = 5  # fewer files finish before a bar would be worth drawing


def wanted(total: int) -> bool:
    return total >= MIN_FILES and not os.environ.get("CI") and sys.stderr.isatty()


@contextlib.contextmanager
def file_progress(total: int):
    """Yields a callable to call once per finished file, or None when no bar is shown."""
    if not wanted(total):
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    columns = (TextColumn("检查文件"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=Console(file=sys.stderr), transient=True) as bar:
        task = bar.add_task("check", total=total)
        yield lambda: bar.advance(task)
