"""Kind `outline`: numbering and section-shape checks over the outline tree."""

from __future__ import annotations

from typing import Iterator

from lintlaw.analysis.document import Document
from lintlaw.analysis.issue import Check, Issue
from lintlaw.engine.kinds.base import Fixes, RuleKind, problem_option, problems
from lintlaw.analysis import numbering
from lintlaw.analysis.numbering import analyse
from lintlaw.analysis.part_count import PART_COUNT, part_counts
from lintlaw.analysis.repeated_title import REPEATED_TITLE, repeated_titles
from lintlaw.text.outline import DAMAGED, HEADING, TEXT


# The two problems this kind finds itself (the others are the analyses'): name and values.
NO_LEVEL1_HEADINGS = Check.of("no-level1-headings")
LOST_LINE_BREAKS = Check.of("lost-line-breaks", "headings", "paragraphs")


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
            yield NO_LEVEL1_HEADINGS.issue(anchor.start, anchor.end, {})


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
        yield LOST_LINE_BREAKS.issue(flat.start, end,
                    {"headings": sum(line.type in (HEADING, DAMAGED) for line in pieces),
                     "paragraphs": sum(line.type == TEXT for line in pieces)},
                    fix=Fix(tuple(edits), safe=False))


_INDENT = " \t\u3000\u00a0\u2002\u2003"


PROBLEMS = problems(
    (numbering.GAP, _numbering),
    (numbering.DUPLICATE, _numbering),
    (numbering.BACKWARDS, _numbering),
    (numbering.LATE_START, _numbering),
    (numbering.ORPHAN_RESTART, _numbering),
    (numbering.DAMAGED_MARKER, _numbering),
    (numbering.MARKER_PUNCTUATION, _numbering, Fixes()),
    (numbering.LEVEL_SKIP, _numbering),
    (numbering.EMPTY_SECTION, _numbering),
    (numbering.INLINE_SEQUENCE, _numbering),
    (numbering.GLUED_HEADING, _numbering, Fixes(safe=False)),
    (NO_LEVEL1_HEADINGS, _no_level1),
    (LOST_LINE_BREAKS, _lost_line_breaks, Fixes(safe=False)),
    (REPEATED_TITLE, lambda kind, document: repeated_titles(document)),
    (PART_COUNT, lambda kind, document: part_counts(document)),
)


class OutlineCheck(RuleKind):
    name = "outline"
    problems = PROBLEMS
    options = {
        "problem": problem_option(PROBLEMS),
    }
