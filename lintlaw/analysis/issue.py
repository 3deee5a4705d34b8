"""What an analysis or a kind reports before a rule turns it into a finding.

One record for both layers: the analyses (numbering, consistency, chronology,
punctuation) name the problem they found; a kind passes on the issues of the
problem its rule selects, and the linter adds the rule's code, message and path
to make a Diagnostic.
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
