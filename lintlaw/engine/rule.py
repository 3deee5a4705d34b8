"""A rule: a rule file's code, name, wording and documentation, and its kind with the options
the file (and the configuration) set."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from lintlaw.diagnostics import Severity


@dataclass
class Rule:
    code: str
    name: str
    category: str
    severity: Severity
    message: str
    explanation: str
    authority: str
    examples: dict[str, list[str]]
    kind: Any  # a RuleKind instance
    path: str
    builtin: bool = True
    fixes: Any = None  # lintlaw.engine.kinds.base.Fixes: the fixes its findings carry; None: none
    report_types: tuple[str, ...] = ()  # the report types it applies to; () for every type
    settings: dict[str, Any] = field(default_factory=dict)  # the kind's options as written, before defaults

    def with_options(self, overrides: dict[str, Any], fail) -> Rule:
        """This rule with some of its kind's options set anew (from the configuration).

        `fail(key, problem)` reports a bad value; nothing is changed in this rule.
        """
        from lintlaw.engine.rule_file import build_kind

        settings = {**self.settings, **overrides}
        kind = build_kind(type(self.kind), settings, fail, self.path)
        return replace(self, kind=kind, settings=settings, fixes=type(self.kind).fixes_for(settings))

    @property
    def fixable(self) -> bool:
        """Whether its findings may carry a fix."""
        return self.fixes is not None

    def render_message(self, values: dict[str, Any]) -> str:
        return self.message.format_map(_Defaults(values))


class _Defaults(dict):
    def __missing__(self, key):
        return ""
