"""Reviewed copies: a document's findings written into a copy of it, as that kind of
document's own remarks, for drafters who work in Word rather than in a terminal.

`lintlaw check report.docx --fix` writes report.lintlaw.docx: every fix a tracked change
(修订) by the configured author, every finding a comment (批注); `--annotate` alone writes
the comments only. The original is never written.

Each kind of document that can be reviewed is one row of REVIEWERS: the reader whose
documents it takes, and the class that opens such a document. That class takes the
document's bytes and the Source read from them, and answers two questions: which spans of
the text its fixes may not touch (`locked()`), and the copy's bytes for a review
(`write(review, author, minute)`). What each finding becomes (plan.py) and what a comment says
(comments.py) are worked out on the text, the same for every kind.
"""

from __future__ import annotations

import datetime as dt
import importlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from typing import TYPE_CHECKING

from lintlaw.io.inputs import COPY_MARK

if TYPE_CHECKING:
    from lintlaw.review.plan import Review
    from lintlaw.text.source import Source

AUTHOR = "lintlaw"  # the author of comments and tracked changes unless --author or `author` says


class Reviewer(NamedTuple):
    reader: str  # the reader (lintlaw/io/readers) whose documents it reviews
    suffix: str  # its documents' suffix, and its copies'
    label: str  # the kind of document, for messages
    opener: str  # "module:Class": (bytes, Source) -> an object with locked() and write(review, author, minute)
    tracks_changes: bool = True  # its copies carry fixes as tracked changes: --fix writes one too


REVIEWERS = (
    Reviewer("docx", ".docx", "Word 文档", "lintlaw.review.word:WordCopy"),
    # A PDF carries no tracked changes: --annotate only, its fixes suggested in the notes.
    Reviewer("pdf", ".pdf", "PDF 文件", "lintlaw.review.pdf:PdfCopy", tracks_changes=False),
)


def reviewer_for(name: str) -> Reviewer | None:
    """The reviewer of a file name, by its suffix (any case)."""
    lowered = name.lower()
    return next((r for r in REVIEWERS if lowered.endswith(r.suffix)), None)


def kinds(suffixes: bool = True) -> str:
    """The kinds of document that can be reviewed, for messages: Word 文档（.docx）和 PDF 文件（.pdf）,
    or without `suffixes` Word 文档或 PDF 文件."""
    parts = [f"{r.label}（{r.suffix}）" if suffixes else r.label for r in REVIEWERS]
    word = "和" if suffixes else "或"
    joined = parts[0]
    for part in parts[1:]:  # a space between Chinese and a Latin word, as the messages write it
        joined += word + (" " if part[:1].isascii() else "") + part
    return joined


def default_copy(path: str | Path) -> Path:
    """Where a document's reviewed copy goes unless named: report.lintlaw.docx beside report.docx."""
    path = Path(path)
    return path.with_name(path.stem + COPY_MARK + path.suffix.lower())


def run_minute(when: dt.datetime | None = None) -> str:
    """The minute remarks are dated (local time, as Word dates them: it keeps no seconds)."""
    return (when or dt.datetime.now()).strftime("%Y-%m-%dT%H:%M")


@dataclass(frozen=True)
class Request:
    """Which documents of a run get a reviewed copy, where, and by whom."""

    copies: dict = field(default_factory=dict)  # input name → where its copy goes
    author: str | None = None  # --author; else the file's configuration's `author`, else AUTHOR
    minute: str = field(default_factory=run_minute)  # when the run started: every remark's date


def open_document(data: bytes, source: Source):
    """A document opened to be reviewed, by its reader's reviewer (see Reviewer.opener).

    InputError if the bytes are not such a document or no longer read as `source`."""
    reviewer = next(r for r in REVIEWERS if r.reader == source.reader)
    module, _, name = reviewer.opener.partition(":")
    return getattr(importlib.import_module(module), name)(data, source)


def reviewed_copy(data: bytes, source: Source, rules, types=None, keep=None, *, fix: bool = False,
                  unsafe: bool = False, author: str = AUTHOR, minute: str | None = None) -> tuple[bytes, Review]:
    """The reviewed copy of a document (its bytes, read as `source`) and what it holds: with
    `fix` its fixes as tracked changes (`unsafe`: the unsafe ones too), every finding a comment.
    The serve page's download calls this, as `check --fix` does through the runner."""
    from lintlaw.review.plan import make_review

    document = open_document(data, source)
    review = make_review(source, rules, types, keep, fix=fix, unsafe=unsafe, locked=document.locked() if fix else ())
    return document.write(review, author, minute or run_minute()), review
