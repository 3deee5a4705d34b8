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
        for hit in rule.kind.check(document):
            found.append(Diagnostic(code=rule.code, name=rule.name, category=rule.category,
                                    severity=rule.severity, message=rule.render_message(hit.values),
                                    path=source.path, start=hit.start, end=hit.end,
                                    related=hit.related, fix=hit.fix))
    # Two patterns of one rule may match the same span (〔X〕): report it once.
    return sorted(set(found), key=lambda d: d.sort_key)
