"""What an analysis or a kind reports before a rule turns it into a finding.

One record for both layers: the analyses (numbering, consistency, chronology,
punctuation) name the problem they found; a kind passes on the issues of the
problem its rule selects, and the linter adds the rule's code, message and path
to make a Diagnostic.

Each problem an analysis can report is declared once, beside the code that finds it, as a
`Check`: its name (what a rule file's `problem` selects) and the values its issues carry
(what a rule's message may show). The analysis makes its issues from the declaration and the
kind builds its problem table from it, so the two cannot drift apart.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from lintlaw.diagnostics import Fix


class Issue(NamedTuple):
    check: str  # the `problem` a rule file selects (a kind without problems: its own name)
    start: int
    end: int
    values: dict[str, Any]  # what the rule's message may show
    related: tuple[tuple[int, int, str], ...] = ()  # other spans the finding compared: (start, end, label)
    fix: Fix | None = None


class Check(NamedTuple):
    """A problem an analysis reports: its name and the values every one of its issues carries."""

    name: str
    fields: frozenset[str]

    @classmethod
    def of(cls, name: str, *fields: str) -> Check:
        """Declare a problem: `GAP = Check.of("gap", "found", "previous", "missing")`."""
        return cls(name, frozenset(fields))

    def issue(self, start: int, end: int, values: dict[str, Any], related: tuple[tuple[int, int, str], ...] = (),
              fix: Fix | None = None) -> Issue:
        return Issue(self.name, start, end, values, related, fix)

