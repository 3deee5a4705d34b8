"""What an analysis reports before a rule turns it into a finding."""

from __future__ import annotations

from typing import Any, NamedTuple

from lintlaw.diagnostics import Fix


class Issue(NamedTuple):
    check: str  # the `problem` a rule file selects
    start: int
    end: int
    values: dict[str, Any]  # what the rule's message may show
    related: tuple[tuple[int, int, str], ...] = ()  # other spans the finding compared: (start, end, label)
    fix: Fix | None = None
