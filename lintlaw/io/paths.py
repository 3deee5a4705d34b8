"""Paths of checked files as lintlaw compares them: resolved, and relative to the
directory of the file that records them (a baseline, a configuration)."""

from __future__ import annotations

import os
from pathlib import Path, PurePath


def real_path(path: Path) -> Path:
    """The path with symlinks resolved; a symlink loop leaves it as typed (absolute), so
    that the file itself is reported as unreadable when it is read, not here."""
    try:
        return path.resolve()
    except (OSError, RuntimeError):  # RuntimeError: "Symlink loop" before Python 3.13
        return path.absolute()


def relative_path(path: str, directory: Path) -> str:
    """A checked file's path relative to a directory, in / form, the same from any working
    directory and whether typed relative or absolute. Standard input stays "-"."""
    if path == "-":
        return path
    file = Path(path)
    real = real_path(file.parent) / file.name  # the file's own name: a symlinked report keeps it
    return PurePath(os.path.relpath(real, real_path(directory))).as_posix()


def file_identity(path) -> tuple[int, int] | None:
    """(device, inode) of a file, through symlinks; None when it cannot be stat'ed
    (its error comes when it is read). Two names of one file have one identity."""
    try:
        status = os.stat(path)
    except (OSError, ValueError):
        return None
    return status.st_dev, status.st_ino
