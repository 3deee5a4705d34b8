"""Running rules over one source."""

from __future__ import annotations

from bisect import bisect_right

from lintlaw.diagnostics import Diagnostic
from lintlaw.analysis.document import build_document
from lintlaw.engine.ruleset import Rule
from lintlaw.text.source import Source


def lint(source: Source, rules: list[Rule], types=None, document=None) -> list[Diagnostic]:
    """The findings of `rules` in one source; `types` are the report types (default: built-in).
    A caller that needs the document itself too may pass the one it built."""
    if not source.text.strip():
        return []
    document = document or build_document(source, types)
    starts = [report.lines[0].start if report.lines else 0 for report in document.reports]
    present = {report.report_type.name for report in document.reports}
    found = []
    for rule in rules:
        if rule.report_types and present.isdisjoint(rule.report_types):
            continue  # it applies to no report here: every finding would be dropped below
        for issue in rule.kind.check(document):
            if document.not_text and _in_not_text(issue, document.not_text):
                continue
            if rule.report_types and not _applies(rule, document, starts, issue.start):
                continue
            found.append(Diagnostic(code=rule.code, name=rule.name, category=rule.category,
                                    severity=rule.severity, message=rule.render_message(issue.values),
                                    path=source.path, start=issue.start, end=issue.end,
                                    related=issue.related, fix=issue.fix))
    # Two patterns of one rule may match the same span (〔X〕): report it once.
    return sorted(set(found), key=lambda d: d.sort_key)


def _applies(rule: Rule, document, starts: list[int], offset: int) -> bool:
    """Whether a rule applies to the report a finding at `offset` sits in (by its type)."""
    if not document.reports:
        return False
    report = document.reports[max(bisect_right(starts, offset) - 1, 0)]
    return report.report_type.name in rule.report_types


def _in_not_text(issue, spans: list[tuple[int, int]]) -> bool:
    """A finding, or an edit of its fix, inside a span that is not report text."""
    touched = [(issue.start, issue.end), *((e.start, e.end) for e in (issue.fix.edits if issue.fix else ()))]
    return any(start < b and a < end or a <= start < b for start, end in touched for a, b in spans)
