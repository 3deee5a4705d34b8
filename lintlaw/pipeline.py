"""What every command sees: each file's configuration, its rules and report types.

`check`, `tree`, `config`, `rules` and `rule` all build their rule set here, so
a configuration's rule directories, per-rule options and report-type count the
same everywhere.
"""

from __future__ import annotations

from pathlib import Path

from lintlaw.errors import UsageError
from lintlaw.runner import Plan


def plan_for(settings, select=None, ignore=None, extend_select=None, extra_dirs=(), file_ignores=()) -> Plan:
    """The rules and report types for files under one configuration (and the command line)."""
    from lintlaw.ruleset import cached_catalog, configured_rules

    extra = tuple(extra_dirs)
    rules = configured_rules(settings, select, ignore, extend_select, extra, file_ignores)
    types = cached_catalog(tuple(settings.rules) + extra).types
    chosen = settings.report_type
    if chosen != "auto" and types.get(chosen) is None:
        names = ", ".join(["auto", *(t.name for t in types.types)])
        where = f"{settings.path}: " if settings.path else ""
        raise UsageError(f"{where}report-type: 只能取 {names}")
    return Plan(rules, settings, types.forcing(chosen))


def plans(names, config_path, isolated, select, ignore, extend_select, rules_dirs, stdin_filename=None):
    """Each file's plan, from its nearest configuration and the command line.

    Standard input takes the configuration of the file --stdin-filename names."""
    from lintlaw.config import forget, settings_for
    forget()
    found = {}
    cache: dict[tuple, Plan] = {}
    for name in names:
        as_file = stdin_filename if name == "-" and stdin_filename else name
        settings = settings_for(as_file, config_path, isolated)
        key = (settings, settings.ignored_for(as_file) if as_file != "-" else ())
        if key not in cache:
            cache[key] = plan_for(settings, select, ignore, extend_select, rules_dirs, key[1])
        found[name] = cache[key]
    return found


def plan_for_path(path: str, config_path: Path | None = None, isolated: bool = False,
                  rules_dirs=(), select=None, ignore=None) -> Plan:
    """The plan for one file or directory, as `check` would make it (for tree, config, rules, rule)."""
    from lintlaw.config import forget, settings_for
    forget()
    settings = settings_for(path, config_path, isolated)
    ignored = settings.ignored_for(path) if path != "-" and Path(path).is_file() else ()
    return plan_for(settings, select, ignore, None, rules_dirs, ignored)


def catalog_for_path(path: str, config_path: Path | None = None, isolated: bool = False, rules_dirs=()):
    """Every rule a configuration can use, with its options and severities set; the codes it
    enables; and the plan (for `rules` and `rule`: the rules switched off are listed too)."""
    from lintlaw.ruleset import cached_catalog, configured_options

    plan = plan_for_path(path, config_path, isolated, rules_dirs)
    chosen = {rule.code: rule for rule in plan.rules}
    catalog = cached_catalog(tuple(plan.settings.rules) + tuple(rules_dirs))
    everything = [chosen.get(rule.code, rule) for rule in configured_options(plan.settings, catalog.rules)]
    return everything, set(chosen), plan
