"""Every reader, in one table, chosen in one place: by the file's suffix.

A reader turns a file into a Source whose lines are what a reader of the document
sees: Word paragraphs with their automatic numbering written out, the article body
of a web page, plain text as it is. Markdown is read as plain text (so fixes edit
the file itself) with an outline view: heading marks set aside, code blocks blanked.

Targets are "module:function" strings so that reading a .txt file never imports
the Word or HTML readers.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from lintlaw.text.source import Source


class Reader(NamedTuple):
    name: str
    suffixes: tuple[str, ...]
    # (name, data or None to read the file itself, forced encoding or None) -> Source
    read: str
    # text -> (the text as the outline sees it, same length; spans that are not report text)
    view: str | None = None


READERS = (
    Reader("text", (".txt",), "lintlaw.io.readers.text:read"),
    Reader("markdown", (".md",), "lintlaw.io.readers.text:read", "lintlaw.io.readers.markdown:view"),
    Reader("docx", (".docx",), "lintlaw.io.readers.docx_reader:read"),
    Reader("html", (".html", ".htm"), "lintlaw.io.readers.html_reader:read"),
    Reader("pdf", (".pdf",), "lintlaw.io.readers.pdf:read"),
)
PLAIN = READERS[0]  # for any other suffix, and for standard input without --stdin-filename
SUFFIXES = tuple(suffix for reader in READERS for suffix in reader.suffixes)
_BY_NAME = {reader.name: reader for reader in READERS}


def _function(target: str):
    module, _, name = target.partition(":")
    return getattr(importlib.import_module(module), name)


def reader_for(name: str) -> Reader:
    """The reader of a file name, by its suffix (any case); plain text when none matches."""
    lowered = name.lower()
    return next((reader for reader in READERS if lowered.endswith(reader.suffixes)), PLAIN)


def read(name: str, data: bytes | None = None, encoding: str | None = None) -> Source:
    """Read a file (or `data` that stands for it, from standard input) with its reader."""
    reader = reader_for(name)
    source = _function(reader.read)(name, data, encoding)
    source.reader = reader.name
    return source


def view(source: Source) -> tuple[str, list[tuple[int, int]]]:
    """The text the outline is built from, and the spans that are not report text."""
    reader = _BY_NAME.get(source.reader, PLAIN)
    if reader.view is None:
        return source.text, []
    return _function(reader.view)(source.text)
