"""Findings, as rules produce them and renderers print them."""

from __future__ import annotations

from enum import IntEnum
from typing import NamedTuple


class Severity(IntEnum):
    INFO = 1
    WARNING = 2
    ERROR = 3

    @classmethod
    def parse(cls, name: str) -> Severity:
        return cls[name.upper()]

    @property
    def label(self) -> str:
        return self.name.lower()

    @property
    def chinese(self) -> str:
        return {Severity.INFO: "提示", Severity.WARNING: "警告", Severity.ERROR: "错误"}[self]


# The names rule files, configuration and --fail-on use, most severe first.
SEVERITY_NAMES = tuple(severity.label for severity in sorted(Severity, reverse=True))


# Each category and the letter its built-in rules' codes start with (rules/<category>/).
# Placeholders and tables share T: placeholders T0xx, tables T1xx (reading) and T2xx (checks).
# Comparison (a report against last year's and against other issuers') is X; rules of a
# user's own take another letter (Y, Z) or two.
CODE_LETTERS = {"structure": "S", "placeholder": "T", "consistency": "C", "number": "N", "date": "D",
                "punctuation": "P", "wording": "W", "residue": "R", "table": "T", "layout": "L",
                "comparison": "X"}
CATEGORIES = tuple(CODE_LETTERS)
# Each category as users read it (rules, rule, config, comments); the English names are what
# --select, rule files and configurations use.
CATEGORY_NAMES = {"structure": "结构", "placeholder": "占位符", "consistency": "一致性", "number": "数字",
                  "date": "日期", "punctuation": "标点", "wording": "用语", "residue": "残留", "table": "统计表",
                  "layout": "版式", "comparison": "对照比较"}


class Edit(NamedTuple):
    """Replace text[start:end] with content (offsets into the decoded text)."""

    start: int
    end: int
    content: str


class FormatEdit(NamedTuple):
    """Set the characters text[start:end] of a Word document in another East Asian font or
    size (half-points); a reviewed copy shows it as a tracked formatting change (w:rPrChange)."""

    start: int
    end: int
    font: str | None = None
    half_points: int | None = None

    def describe(self) -> str:
        """What it changes, in words: 字体改为仿宋_GB2312, 字号改为16磅."""
        parts = []
        if self.font:
            parts.append(f"字体改为{self.font}")
        if self.half_points:
            parts.append(f"字号改为{self.half_points / 2:g}磅")
        return "、".join(parts)


class Fix(NamedTuple):
    """How to fix a finding. Safe fixes never change meaning; unsafe ones need a look.

    `edits` change the text; `formats` change only how a Word document's characters are set
    (a fix may have either or both): --fix on text applies the edits, a reviewed Word copy both."""

    edits: tuple[Edit, ...]
    safe: bool
    formats: tuple[FormatEdit, ...] = ()


class Diagnostic(NamedTuple):
    """One finding. start/end are character offsets into the decoded original text."""

    code: str
    name: str
    category: str
    severity: Severity
    message: str
    path: str
    start: int
    end: int
    # Secondary spans: (start, end, label), or (start, end, label, path) for a span in another
    # file (a comparison finding's span in last year's report).
    related: tuple[tuple, ...] = ()
    fix: Fix | None = None

    @property
    def sort_key(self):
        return (self.path, self.start, self.code, self.end)


def related_places(d: Diagnostic):
    """Each related span of a finding as (path, start, end, label)."""
    for span in d.related:
        yield (span[3] if len(span) > 3 else d.path), span[0], span[1], span[2]
