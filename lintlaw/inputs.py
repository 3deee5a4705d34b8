"""Turning command-line paths into the files to check."""

from __future__ import annotations

import sys
from pathlib import Path

from lintlaw.errors import InputError
from lintlaw.source import Origin, Source, decode, read_file

STDIN = "-"
SUFFIXES = (".txt", ".md", ".docx", ".html", ".htm")
DOCX = (".docx",)
ANNOTATED_COPY = ".lintlaw.docx"  # what --annotate writes: lintlaw's output, not a report to search for


def expand(paths: list[str], respect_ignore: bool = True, suffixes: tuple[str, ...] = SUFFIXES) -> list[str]:
    """Files named directly (always checked), and the reports with one of `suffixes` found
    under directories (see lintlaw.discovery for what is skipped; also the annotated copies
    --annotate wrote)."""
    found: list[str] = []
    for name in paths:
        path = Path(name)
        if name != STDIN and path.is_dir():
            from lintlaw.discovery import files_under

            found.extend(str(p) for p in files_under(path, suffixes, respect_ignore)
                         if not p.name.lower().endswith(ANNOTATED_COPY))
        else:
            found.append(name)
    return found


def unique_files(names: list[str]) -> list[str]:
    """The names without repeats of one file (a.txt, ./a.txt, a link to it): the first
    spelling is kept. Checking (let alone fixing) a file twice would only go wrong."""
    import os

    seen: set[tuple[int, int]] = set()
    kept = []
    for name in names:
        try:
            status = os.stat(name) if name != STDIN else None
        except (OSError, ValueError):
            status = None  # unreadable: its error comes when it is read
        if status is not None:
            identity = (status.st_dev, status.st_ino)
            if identity in seen:
                continue
            seen.add(identity)
        kept.append(name)
    return kept


def load(name: str, encoding: str | None, stdin_filename: str | None = None) -> Source:
    """Read one input. Standard input is read as the file `stdin_filename` would be
    (Markdown, web page, Word by its suffix)."""
    source = _load(name, encoding, stdin_filename)
    # Findings name the file as it was typed ("./a.txt", "x/../a.txt"), the key it is known by;
    # standard input, by the name --stdin-filename gives it.
    source.path = stdin_filename if name == STDIN and stdin_filename else name
    return source


def _load(name: str, encoding: str | None, stdin_filename: str | None) -> Source:
    if name == STDIN:
        try:
            data = sys.stdin.buffer.read()
        except OSError as err:
            raise InputError(f"-: 无法读取标准输入（{err}）") from None
        try:
            source = _from_stdin(data, stdin_filename or STDIN, encoding)
        except InputError as err:
            raise InputError(str(err), data=data) from None  # a filter passes unreadable input on
        source.origin = Origin(data)
        return source
    path = Path(name)
    suffix = path.suffix.lower()
    if suffix == ".docx":
        from lintlaw.readers.docx_reader import read_docx

        if not path.is_file():
            read_file(path)  # the usual message for a missing or unreadable file
        return read_docx(path)
    if suffix in (".html", ".htm"):
        from lintlaw.readers.html_reader import read_html

        return read_html(path, read_file(path, encoding).text)
    return read_file(path, encoding)


def _from_stdin(data: bytes, name: str, encoding: str | None) -> Source:
    suffix = Path(name).suffix.lower() if name != STDIN else ""
    if suffix == ".docx":
        from lintlaw.readers.docx_reader import read_docx

        return read_docx(Path(name), data)
    if suffix in (".html", ".htm"):
        from lintlaw.readers.html_reader import read_html

        return read_html(Path(name), decode(data, name, encoding).text)
    return decode(data, name, encoding)  # .md is read as Markdown by its name (document.py)


def read_bytes(data: bytes, name: str, encoding: str | None = None) -> Source:
    """Read bytes that came from elsewhere (the serve page's upload) as the file `name`
    would be read: by its suffix, with the same errors."""
    source = _from_stdin(data, name, encoding)
    source.path = name
    source.origin = Origin(data)
    return source
