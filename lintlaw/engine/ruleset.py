"""The rule set, as the other layers use it: loading rule files and report types (a catalog),
and choosing the rules and options a configuration and the command line ask for.

The work is done in modules of one job each: lintlaw/engine/rule.py (the Rule),
rule_file.py (one rule file, its schema), examples.py (its [examples]), catalog.py (every
rule directory, checked together) and selection.py (selectors and per-rule options).
"""

from lintlaw.engine.catalog import Catalog, cached_catalog, load_catalog, load_rules
from lintlaw.engine.examples import BadExample, Example, Expected
from lintlaw.engine.rule import Rule
from lintlaw.engine.rule_file import build_kind, load_rule_file, parse_rule_file
from lintlaw.engine.selection import (configured_options, configured_rules, option_owners, select_rules,
                                      settable_options)

__all__ = ["BadExample", "Catalog", "Example", "Expected", "Rule", "build_kind", "cached_catalog", "configured_options",
           "configured_rules", "load_catalog", "load_rule_file", "load_rules", "option_owners", "parse_rule_file",
           "select_rules", "settable_options"]
