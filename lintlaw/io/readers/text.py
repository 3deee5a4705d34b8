"""Plain text (and Markdown, which is plain text with an outline view)."""

from __future__ import annotations

from pathlib import Path

from lintlaw.text.source import Source, decode, read_file


def read(name: str, data: bytes | None, encoding: str | None) -> Source:
    return read_file(Path(name), encoding) if data is None else decode(data, name, encoding)
