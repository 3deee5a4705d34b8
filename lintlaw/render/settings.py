"""`lintlaw config`: the settings in force for a path, each with where it came from."""

from __future__ import annotations

from pathlib import Path


def render(plan, path: str) -> str:
    settings = plan.settings
    origin = str(settings.path) if settings.path else None
    out = [f"配置文件：{origin or '无（使用默认设置）'}"]
    for key, value, default in _values(plan):
        source = f"来自 {origin}" if origin and value != default else "默认"
        out.append(f"{key} = {value}    # {source}")
    ignored = settings.ignored_for(path) if Path(path).is_file() else ()
    if ignored:
        out.append(f"对 {path} 另外停用（per-file-ignores）：{', '.join(ignored)}")
    rules = plan.rules
    out.append(f"生效的规则：{len(rules)} 条（{', '.join(r.code for r in rules[:12])}{' …' if len(rules) > 12 else ''}）")
    out.extend(_rule_options(rules, settings, origin))
    return "\n".join(out)


def _values(plan) -> list[tuple[str, object, object]]:
    """Each key the configuration may set: its value in force and the default, as shown."""
    from lintlaw.io.config import Settings

    settings, defaults = plan.settings, Settings()
    every = "全部规则"
    severity = "{" + "，".join(f"{rule}: {_severity(level)}" for rule, level in settings.severity) + "}"
    return [
        ("select", every if settings.select is None else list(settings.select),
         every if defaults.select is None else list(defaults.select)),
        ("ignore", list(settings.ignore), []),
        ("extend-select", list(settings.extend_select), []),
        ("per-file-ignores", {g: list(s) for g, s in settings.per_file_ignores}, {}),
        ("severity", severity, "{}"),
        ("fail-on", _severity(settings.fail_on or "error"), _severity("error")),
        ("deadline", *_deadline(plan)),
        ("rule-dirs", [str(d) for d in settings.rule_dirs], []),
        ("report-type", _report_type(plan), "auto"),
        ("ignore-findings", f"{len(settings.suppressed)} 条", "0 条"),
    ]


def _deadline(plan) -> tuple[str, str | None]:
    """The deadline in force and the default: the configuration's, or each report type's."""
    deadline = plan.settings.deadline
    if deadline:
        return f"{deadline[0]:02d}-{deadline[1]:02d}（报告年度的次年）", None
    by_type = "，".join(f"{t.name} {t.deadline[0]:02d}-{t.deadline[1]:02d}" if t.deadline else f"{t.name} 无"
                       for t in plan.types.types)
    by_types = f"按报告类型（{by_type}；报告年度的次年）"
    return by_types, by_types


def _report_type(plan) -> str:
    """The report type the configuration forces, under its current name when it wrote a former one."""
    written = plan.settings.report_type
    forced = plan.types.forced or "auto"
    return written if forced == written else f"{forced}（配置中写作旧名 {written}）"


def _rule_options(rules, settings, origin) -> list[str]:
    """The per-rule options the configuration set, each with its value."""
    from lintlaw.engine.ruleset import settable_options

    options = [(rule, key) for rule in rules for key in settable_options(rule) if key in rule.settings
               and _from_config(rule, key, settings)]
    out = ["规则选项（[rules.代码]）：" + ("" if options else "无，均为规则文件中的值")]
    out.extend(f"rules.{rule.code}.{key} = {_toml(rule.settings[key])}    # 来自 {origin}" for rule, key in options)
    return out


def _severity(name: str) -> str:
    """A severity as the configuration writes it, with its Chinese: error（错误）."""
    from lintlaw.diagnostics import Severity

    return f"{name}（{Severity.parse(name).chinese}）"


def _from_config(rule, key: str, settings) -> bool:
    """Whether the configuration set this option of this rule (its table, a shared one, the shorthand)."""
    from lintlaw.engine.ruleset import settable_options

    if key == "deadline" and settings.deadline:
        return True
    tables = [settings.rule_options.get(rule.code, {}), settings.rule_options.get(rule.name, {})]
    if any(key in table for table in tables):
        return True
    option = settable_options(rule)[key]
    return option.shared and any(key in table for table in settings.rule_options.values())


def _toml(value) -> str:
    if isinstance(value, str):
        return f'"{value}"'
    return str(value)
