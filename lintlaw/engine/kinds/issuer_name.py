"""Kind `issuer-name`: the issuer's own name written two ways (lintlaw/analysis/issuer_names.py)."""

from __future__ import annotations

from typing import Iterator

from lintlaw.analysis.document import Document
from lintlaw.analysis.issue import Issue
from lintlaw.analysis.issuer_names import issuer_forms
from lintlaw.diagnostics import Edit, Fix
from lintlaw.engine.kinds.base import Fixes, RuleKind


class IssuerName(RuleKind):
    name = "issuer-name"
    fields = frozenset({"short", "full", "level", "where", "count"})
    fixes = Fixes(always=True, safe=False)  # which form is right is the drafter's call

    def check(self, document: Document) -> Iterator[Issue]:
        for forms in issuer_forms(document):
            first = forms.places[0]
            # Every place of the short form takes the full one.
            fix = Fix(tuple(Edit(at, at + len(forms.short), forms.full) for at in forms.places), safe=False)
            yield Issue(self.name, first, first + len(forms.short),
                        {"short": forms.short, "full": forms.full, "level": forms.level,
                         "where": forms.where, "count": len(forms.places)}, fix=fix)
