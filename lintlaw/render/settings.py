"""`lintlaw config`: the settings in force for a path, each with where it came from."""

from __future__ import annotations

from pathlib import Path


def render(plan, path: str) -> str:
    from lintlaw.io.config import Settings
    from lintlaw.engine.ruleset import settable_options

    settings, defaults = plan.settings, Settings()
    origin = str(settings.path) if settings.path else None
    out = [f"配置文件：{origin or '无（使用默认设置）'}"]

    def show(key: str, value, default) -> None:
        source = f"来自 {origin}" if origin and value != default else "默认"
        out.append(f"{key} = {value}    # {source}")

    show("select", list(settings.select) if settings.select is not None else "全部规则",
         list(defaults.select) if defaults.select is not None else "全部规则")
    show("ignore", list(settings.ignore), [])
    show("extend-select", list(settings.extend_select), [])
    show("per-file-ignores", {g: list(s) for g, s in settings.per_file_ignores}, {})
    show("severity", "{" + "，".join(f"{rule}: {_severity(level)}" for rule, level in settings.severity) + "}",
         "{}")
    show("fail-on", _severity(settings.fail_on or "error"), _severity("error"))
    by_type = "，".join(f"{t.name} {t.deadline[0]:02d}-{t.deadline[1]:02d}" if t.deadline else f"{t.name} 无"
                       for t in plan.types.types)
    if settings.deadline:
        show("deadline", f"{settings.deadline[0]:02d}-{settings.deadline[1]:02d}（报告年度的次年）", None)
    else:
        by_types = f"按报告类型（{by_type}；报告年度的次年）"
        show("deadline", by_types, by_types)
    show("rule-dirs", [str(d) for d in settings.rule_dirs], [])
    forced = plan.types.forced or "auto"  # the current name of a renamed type
    shown = settings.report_type if forced == settings.report_type else f"{forced}（配置中写作旧名 {settings.report_type}）"
    show("report-type", shown, "auto")
    show("ignore-findings", f"{len(settings.suppressed)} 条", "0 条")
    ignored = settings.ignored_for(path) if Path(path).is_file() else ()
    if ignored:
        out.append(f"对 {path} 另外停用（per-file-ignores）：{', '.join(ignored)}")
    rules = plan.rules
    out.append(f"生效的规则：{len(rules)} 条（{', '.join(r.code for r in rules[:12])}{' …' if len(rules) > 12 else ''}）")
    options = [(rule, key) for rule in rules for key in settable_options(rule) if key in rule.settings
               and _from_config(rule, key, settings)]
    out.append("规则选项（[rules.代码]）：" + ("" if options else "无，均为规则文件中的值"))
    for rule, key in options:
        out.append(f"rules.{rule.code}.{key} = {_toml(rule.settings[key])}    # 来自 {origin}")
    return "\n".join(out)


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
