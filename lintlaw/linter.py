"""Running rules over one source."""

from __future__ import annotations

from lintlaw.diagnostics import Diagnostic
from lintlaw.document import build_document
from lintlaw.ruleset import Rule
from lintlaw.source import Source


def lint(source: Source, rules: list[Rule], report_type: str = "auto") -> list[Diagnostic]:
    if not source.text.strip():
        return []
    document = build_document(source, report_type)
    found = []
    for rule in rules:
        for issue in rule.kind.check(document):
            if document.not_text and _in_not_text(issue, document.not_text):
                continue
            found.append(Diagnostic(code=rule.code, name=rule.name, category=rule.category,
                                    severity=rule.severity, message=rule.render_message(issue.values),
                                    path=source.path, start=issue.start, end=issue.end,
                                    related=issue.related, fix=issue.fix))
    # Two patterns of one rule may match the same span (〔X〕): report it once.
    return sorted(set(found), key=lambda d: d.sort_key)


def _in_not_text(issue, spans: list[tuple[int, int]]) -> bool:
    """A finding, or an edit of its fix, inside a span that is not report text."""
    touched = [(issue.start, issue.end), *((e.start, e.end) for e in (issue.fix.edits if issue.fix else ()))]
    return any(start < b and a < end or a <= start < b for start, end in touched for a, b in spans)
