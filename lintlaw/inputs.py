"""Turning command-line paths into the files to check."""

from __future__ import annotations

import sys
from pathlib import Path

from lintlaw.errors import InputError
from lintlaw.source import Source, decode, read_file

STDIN = "-"
SUFFIXES = (".txt", ".md")


def expand(paths: list[str]) -> list[str]:
    """Files named directly, and .txt/.md files found under directories (hidden ones skipped)."""
    found: list[str] = []
    for name in paths:
        path = Path(name)
        if name != STDIN and path.is_dir():
            found.extend(str(p) for p in sorted(path.rglob("*"))
                         if p.is_file() and p.suffix.lower() in SUFFIXES
                         and not any(part.startswith(".") for part in p.relative_to(path).parts))
        else:
            found.append(name)
    return found


def load(name: str, encoding: str | None) -> Source:
    if name == STDIN:
        try:
            data = sys.stdin.buffer.read()
        except OSError as err:
            raise InputError(f"-: 无法读取标准输入（{err}）") from None
        return decode(data, STDIN, encoding)
    return read_file(Path(name), encoding)
