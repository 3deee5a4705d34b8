"""Kind `outline`: numbering and section-shape checks over the outline tree."""

from __future__ import annotations

from typing import Iterator

from lintlaw.analysis.document import Document
from lintlaw.analysis.issue import Issue
from lintlaw.engine.kinds.base import Fixes, Problem, RuleKind, problem_option
from lintlaw.analysis.numbering import analyse
from lintlaw.analysis.part_count import part_counts
from lintlaw.analysis.repeated_title import repeated_titles
from lintlaw.text.outline import DAMAGED, HEADING, TEXT


def numbering_issues(document: Document) -> list[list]:
    """Per report, computed once however many outline rules are loaded."""
    return document.fact("numbering", lambda: [analyse(report, document.source.text, document.source.set_apart)
                                                    for report in document.reports])


def _numbering(kind: OutlineCheck, document: Document) -> Iterator[Issue]:
    for issues in numbering_issues(document):
        yield from (issue for issue in issues if issue.check == kind.problem)


def _no_level1(kind: OutlineCheck, document: Document) -> Iterator[Issue]:
    for report in document.reports:
        if report.has_body and not any(s.level == 1 for s in report.sections):
            anchor = report.anchor
            yield Issue("no-level1-headings", anchor.start, anchor.end, {})


def _lost_line_breaks(kind: OutlineCheck, document: Document) -> Iterator[Issue]:
    """A whole report on one line: one finding at its start, counting its headings and paragraphs
    (not a table's cells); the fix puts a line break before each piece (before its indent)."""
    from lintlaw.diagnostics import Edit, Fix

    text = document.source.text
    for flat in document.flattened:
        edits = []
        for cut in flat.cuts:
            at = cut
            while at > flat.start and text[at - 1] in _INDENT:
                at -= 1
            edits.append(Edit(at, at, "\n"))
        end = flat.cuts[0]
        while end > flat.start and text[end - 1] in _INDENT:
            end -= 1
        pieces = [line for line in document.lines if line.lineno == flat.lineno and not document.in_table(line)]
        yield Issue("lost-line-breaks", flat.start, end,
                    {"headings": sum(line.type in (HEADING, DAMAGED) for line in pieces),
                     "paragraphs": sum(line.type == TEXT for line in pieces)},
                    fix=Fix(tuple(edits), safe=False))


_INDENT = " \t\u3000\u00a0\u2002\u2003"


def _found(*names: str) -> frozenset[str]:
    return frozenset({"found", *names})


PROBLEMS = {
    "gap": Problem(_numbering, _found("previous", "missing")),
    "duplicate": Problem(_numbering, _found("previous")),
    "backwards": Problem(_numbering, _found("previous")),
    "late-start": Problem(_numbering, _found("previous", "expected")),
    "orphan-restart": Problem(_numbering, _found("previous")),
    "damaged-marker": Problem(_numbering, _found("expected")),
    "marker-punctuation": Problem(_numbering, _found("expected", "together"), Fixes()),
    "level-skip": Problem(_numbering, _found("parent")),
    "empty-section": Problem(_numbering, _found("title")),
    "inline-sequence": Problem(_numbering, _found("previous", "detail")),
    "glued-heading": Problem(_numbering, _found("expected"), Fixes(safe=False)),
    "no-level1-headings": Problem(_no_level1, frozenset()),
    "lost-line-breaks": Problem(_lost_line_breaks, frozenset({"headings", "paragraphs"}), Fixes(safe=False)),
    "repeated-title": Problem(lambda kind, document: repeated_titles(document), frozenset({"found", "line"})),
    "part-count": Problem(lambda kind, document: part_counts(document), frozenset({"found", "detail"})),
}


class OutlineCheck(RuleKind):
    name = "outline"
    problems = PROBLEMS
    options = {
        "problem": problem_option(PROBLEMS),
    }
