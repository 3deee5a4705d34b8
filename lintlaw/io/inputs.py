"""Turning command-line paths into the files to check."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from lintlaw.errors import InputError
from lintlaw.io.readers import SUFFIXES
from lintlaw.reasons import system_reason
from lintlaw.text.source import Origin, Source

STDIN = "-"
# What a reviewed copy's name ends in before its suffix (report.lintlaw.docx): lintlaw's
# output, not a report to search for.
COPY_MARK = ".lintlaw"


def expand(paths: list[str], respect_ignore: bool = True, suffixes: tuple[str, ...] = SUFFIXES) -> list[str]:
    """Files named directly (always checked), and the reports with one of `suffixes` found
    under directories (see lintlaw.io.discovery for what is skipped; also the reviewed copies
    --fix and --annotate wrote)."""
    found: list[str] = []
    for name in paths:
        path = Path(name)
        if name != STDIN and path.is_dir():
            from lintlaw.io.discovery import files_under

            found.extend(str(p) for p in files_under(path, suffixes, respect_ignore)
                         if not p.stem.lower().endswith(COPY_MARK))
        else:
            found.append(name)
    return found


def unique_files(names: list[str]) -> list[str]:
    """The names without repeats of one file (a.txt, ./a.txt, a link to it): the first
    spelling is kept. Checking (let alone fixing) a file twice would only go wrong."""
    from lintlaw.io.paths import file_identity

    seen: set[tuple[int, int]] = set()
    kept = []
    for name in names:
        identity = file_identity(name) if name != STDIN else None
        if identity is not None:
            if identity in seen:
                continue
            seen.add(identity)
        kept.append(name)
    return kept


def load(name: str, encoding: str | None, stdin_filename: str | None = None) -> Source:
    """Read one input with the reader its suffix chooses (lintlaw/readers). Standard input
    is read as the file `stdin_filename` would be."""
    source = _load(name, encoding, stdin_filename)
    # Findings name the file as it was typed ("./a.txt", "x/../a.txt"), the key it is known by;
    # standard input, by the name --stdin-filename gives it.
    source.path = stdin_filename if name == STDIN and stdin_filename else name
    return source


def _load(name: str, encoding: str | None, stdin_filename: str | None) -> Source:
    from lintlaw.io import readers

    if name != STDIN:
        return readers.read(name, None, encoding)
    try:
        data = sys.stdin.buffer.read()
    except OSError as err:
        raise InputError(f"-: 无法读取标准输入（{system_reason(err)}）") from None
    try:
        source = readers.read(stdin_filename or STDIN, data, encoding)
    except InputError as err:
        raise InputError(str(err), data=data) from None  # a filter passes unreadable input on
    source.origin = Origin(data)
    return source


@dataclass(frozen=True)
class Reread:
    """A text file kept by its name, to be read again when needed (a run that compares reports
    reads again only the files its findings are in, rather than keep every text): the same
    text, or an input error if the file changed meanwhile."""

    name: str
    encoding: str | None
    check: int  # CRC of the text as it was checked

    @classmethod
    def of(cls, source: Source, name: str, encoding: str | None) -> Reread:
        return cls(name, encoding, _text_check(source.text))

    def unpack(self) -> Source:
        source = load(self.name, self.encoding)
        source.origin = None  # the bytes are not needed again
        if _text_check(source.text) != self.check:
            raise InputError(f"{self.name}: 文件在检查过程中被改动了，不能给出它与其他报告对照比较的结果")
        return source


def _text_check(text: str) -> int:
    import zlib

    return zlib.crc32(text.encode("utf-8", "surrogatepass"))


def read_bytes(data: bytes, name: str, encoding: str | None = None) -> Source:
    """Read bytes that came from elsewhere (the serve page's upload) as the file `name`
    would be read: by its suffix, with the same errors."""
    from lintlaw.io import readers

    source = readers.read(name, data, encoding)
    source.path = name
    source.origin = Origin(data)
    return source
