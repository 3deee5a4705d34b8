"""Shared test helpers: where fixtures and the corpus are, and findings on a text."""

from __future__ import annotations

from pathlib import Path

from lintlaw.text.source import Source, decode

FIXTURES = Path(__file__).parent / "fixtures"
EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "report-2024.txt"  # the README's example
CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"


def source_of(text: str, path: str = "t.txt") -> Source:
    """A text as lintlaw reads it from a UTF-8 file."""
    return decode(text.encode("utf-8"), path)


def findings(text: str, rules, select=None):
    """(code, line, column, message) for every finding on a text."""
    from lintlaw.engine.linter import lint
    from lintlaw.engine.ruleset import select_rules

    source = source_of(text)
    chosen = select_rules(rules, select, None) if select else rules
    return [(d.code, *source.position(d.start), d.message) for d in lint(source, chosen)]


def flagged(text: str, rules, select=None):
    """(code, the text it points at) for every finding on a text: pins where a span ends."""
    from lintlaw.engine.linter import lint
    from lintlaw.engine.ruleset import select_rules

    source = source_of(text)
    chosen = select_rules(rules, select, None) if select else rules
    return [(d.code, source.text[d.start:d.end]) for d in lint(source, chosen)]


def fixable(start: int, end: int, *edits, related=()):
    """A finding at start..end whose safe fix makes `edits`, each (start, end, new text)."""
    from lintlaw.diagnostics import Diagnostic, Edit, Fix, Severity

    return Diagnostic("W001", "w", "wording", Severity.WARNING, "m", "t.txt", start, end,
                      related=tuple(related), fix=Fix(tuple(Edit(*edit) for edit in edits), True))

