"""Configuration: `[tool.lintlaw]` in pyproject.toml, or lintlaw.toml / .lintlaw.toml.

The configuration file nearest to a checked file wins (no merging across
directories), as in ruff. Paths in a configuration (rule directories, per-file
globs, suppressed findings) are relative to the file's directory.
"""

from __future__ import annotations

import fnmatch
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path, PurePath
from typing import Any

from lintlaw.text.dates import parse_month_day
from lintlaw.diagnostics import SEVERITY_NAMES
from lintlaw.errors import UsageError
from lintlaw.io.paths import real_path, relative_path

CONFIG_NAMES = (".lintlaw.toml", "lintlaw.toml", "pyproject.toml")


@dataclass(frozen=True)
class Settings:
    path: Path | None = None  # the configuration file, None for the defaults
    root: Path = field(default_factory=Path.cwd)  # what relative paths are relative to
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    severity: tuple[tuple[str, str], ...] = ()  # (code or name, severity)
    fail_on: str | None = None
    deadline: tuple[int, int] | None = None
    rule_dirs: tuple[Path, ...] = ()  # extra rule directories
    report_type: str = "auto"  # a report type's name, or "auto": by each report's title
    author: str | None = None  # the author of a reviewed copy's comments and tracked changes
    # Per-rule options, {code or name: {option: value}}; the file's path tells two configurations apart.
    rule_options: dict = field(default_factory=dict, hash=False, compare=False)
    suppressed: tuple[tuple[str, str, str], ...] = ()  # (rule code, path, fingerprint)

    def ignored_for(self, file: str) -> tuple[str, ...]:
        """Selectors that per-file-ignores switch off for one file."""
        if not self.per_file_ignores:  # the usual case: no path to resolve
            return ()
        relative = _relative(Path(file), self.root)
        return tuple(selector for pattern, selectors in self.per_file_ignores
                     if fnmatch.fnmatch(relative, pattern) for selector in selectors)

    def is_suppressed(self, code: str, file: str, fingerprint: str) -> bool:
        relative = relative_path(file, self.root)  # as the fingerprint names it
        return any(code == c and fingerprint == f and fnmatch.fnmatch(relative, p)
                   for c, p, f in self.suppressed)


def _relative(path: Path, root: Path) -> str:
    try:
        return PurePath(real_path(path).relative_to(real_path(root))).as_posix()
    except ValueError:
        return PurePath(path).as_posix()


def find_config(start: Path) -> Path | None:
    """The configuration file nearest to `start` (a file or directory), looking upwards."""
    return _config_in_folder(str(start if start.is_dir() else start.parent))


@lru_cache(maxsize=None)
def _config_in_folder(folder: str) -> Path | None:
    # Resolved once per folder as typed: 2,000 files in one folder resolve it once.
    return _config_in(real_path(Path(folder)))


@lru_cache(maxsize=None)
def _config_in(directory: Path) -> Path | None:
    """Looked up once per directory: a run over 2,000 files in one folder stats its parents once."""
    for folder in [directory, *directory.parents]:
        for name in CONFIG_NAMES:
            candidate = folder / name
            if candidate.is_file() and (name != "pyproject.toml" or _lintlaw_table(candidate) is not None):
                return candidate
    return None


def _lintlaw_table(path: Path) -> dict | None:
    """The [tool.lintlaw] table of a pyproject.toml, None when it has none.

    A pyproject.toml that is not valid TOML, or whose tool or tool.lintlaw is
    not a table, is an error (as in ruff), not a file to pass over silently.
    """
    data = _read_toml(path)
    tool = data.get("tool", {})
    if not isinstance(tool, dict):
        raise UsageError(f"{path}: tool 应为表（[tool]），实际是{_kind(tool)}")
    if "lintlaw" not in tool:
        return None
    table = tool["lintlaw"]
    if not isinstance(table, dict):
        raise UsageError(f"{path}: tool.lintlaw 应为表（[tool.lintlaw]），实际是{_kind(table)}")
    return table


def _kind(value) -> str:
    """A TOML value's type, in words."""
    if isinstance(value, bool):
        return "布尔值"
    if isinstance(value, (int, float)):
        return "数字"
    if isinstance(value, str):
        return "字符串"
    if isinstance(value, list):
        return "数组"
    return "表" if isinstance(value, dict) else "日期时间"


@lru_cache(maxsize=None)
def _read_toml(path: Path) -> dict:
    """Parsed once per command: finding a pyproject.toml's [tool.lintlaw] and loading it read one parse.
    (Callers only read the result.)"""
    return _parse_toml(path)


def _parse_toml(path: Path) -> dict:
    from lintlaw.io import tomlfile
    from lintlaw.reasons import read_reason, toml_reason

    try:
        return tomlfile.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as err:
        raise UsageError(f"{path}: 无法读取配置文件（{read_reason(err)}）") from None
    except tomlfile.TOMLDecodeError as err:
        raise UsageError(f"{path}: 配置文件不是有效的 TOML（{toml_reason(err)}）") from None
    except RecursionError:
        raise UsageError(f"{path}: 配置文件不是有效的 TOML（嵌套层次太深）") from None


@lru_cache(maxsize=None)
def load_config(path: Path) -> Settings:
    data = (_lintlaw_table(path) or {}) if path.name == "pyproject.toml" else _read_toml(path)
    return _settings(path, data)


def forget() -> None:
    """Drop cached lookups: each command reads the files as they are when it starts."""
    _config_in.cache_clear()
    _config_in_folder.cache_clear()
    load_config.cache_clear()
    _read_toml.cache_clear()


def settings_for(file: str, explicit: Path | None = None, isolated: bool = False) -> Settings:
    """The settings for one checked file (standard input: the working directory)."""
    if isolated:
        return Settings()
    if explicit is not None:
        return load_config(explicit.resolve())
    found = find_config(Path.cwd() if file == "-" else Path(file))
    return load_config(found) if found else Settings()


def _settings(path: Path, data: dict[str, Any]) -> Settings:
    def fail(key: str, problem: str):
        raise UsageError(f"{path}: {key}: {problem}")

    def selectors(key: str) -> tuple[str, ...]:
        value = data[key]
        if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
            fail(key, "应为字符串列表，如 [\"structure\", \"T001\"]")
        return tuple(value)

    known = {"select", "ignore", "extend-select", "per-file-ignores", "severity", "fail-on", "deadline",
             "rules", "rule-dirs", "report-type", "ignore-findings", "author"}
    for key in data:
        if key not in known:
            fail(key, f"未知的配置项（可用：{', '.join(sorted(known))}）")
    values: dict[str, Any] = {"path": path, "root": path.parent}
    if "select" in data:
        values["select"] = selectors("select")
    if "ignore" in data:
        values["ignore"] = selectors("ignore")
    if "extend-select" in data:
        values["extend_select"] = selectors("extend-select")
    if "per-file-ignores" in data:
        table = data["per-file-ignores"]
        if not isinstance(table, dict) or not all(
                isinstance(v, list) and all(isinstance(s, str) for s in v) for v in table.values()):
            fail("per-file-ignores", "应为“通配符 = [规则]”的表，如 \"old/*.txt\" = [\"P008\"]")
        values["per_file_ignores"] = tuple((glob, tuple(v)) for glob, v in table.items())
    if "severity" in data:
        table = data["severity"]
        if not isinstance(table, dict) or not all(v in SEVERITY_NAMES for v in table.values()):
            fail("severity", f"应为“规则 = 级别”的表，级别为 {'、'.join(SEVERITY_NAMES[:-1])} 或 {SEVERITY_NAMES[-1]}")
        values["severity"] = tuple(table.items())
    if "fail-on" in data:
        if data["fail-on"] not in SEVERITY_NAMES:
            fail("fail-on", f"只能取 {'、'.join(SEVERITY_NAMES)}")
        values["fail_on"] = data["fail-on"]
    if "deadline" in data:
        values["deadline"] = parse_month_day(data["deadline"]) or fail("deadline", "应为“月-日”，如 \"03-01\"")
    # `rules` is the table of per-rule options ([rules.D006] deadline = "03-31"), as in the
    # rule files' own words; the rule directories it once listed are `rule-dirs` now. A list
    # under `rules` is still read as directories, so old configurations keep working.
    if isinstance(data.get("rules"), list):
        if "rule-dirs" in data:
            fail("rules", "规则目录请只写在 rule-dirs 中（rules 用于各规则的选项，如 [rules.D006]）")
        data = {**data, "rule-dirs": data["rules"]}
        del data["rules"]
    if "rule-dirs" in data:
        values["rule_dirs"] = tuple((path.parent / d).resolve() for d in selectors("rule-dirs"))
    if "rules" in data:
        values["rule_options"] = _rule_options(data["rules"], fail)
    if "report-type" in data:
        if not isinstance(data["report-type"], str) or not data["report-type"]:
            fail("report-type", "应为报告类型的名称（如 \"law-based-government\"）或 \"auto\"")
        values["report_type"] = data["report-type"]
    if "author" in data:
        author = data["author"]
        if not isinstance(author, str) or not author.strip() or len(author) > 100 or not author.isprintable():
            fail("author", "应为审阅副本中批注和修订的作者名（一行文字，不超过 100 字），如 \"法制科\"")
        values["author"] = author.strip()
    if "ignore-findings" in data:
        entries = data["ignore-findings"]
        if not isinstance(entries, list) or not all(
                isinstance(e, dict) and set(e) == {"rule", "path", "fingerprint"}
                and all(isinstance(v, str) for v in e.values()) for e in entries):
            fail("ignore-findings", "应为 { rule = \"T001\", path = \"a.txt\", fingerprint = \"…\" } 的列表")
        values["suppressed"] = tuple((e["rule"], e["path"], e["fingerprint"]) for e in entries)
    return Settings(**values)


def _rule_options(table, fail) -> dict[str, dict[str, Any]]:
    """[rules.CODE] tables; their keys are checked against each rule's kind when the rules load."""
    if not isinstance(table, dict):
        fail("rules", "应为“规则 = 选项表”，如 [rules.D006] deadline = \"03-31\"（规则目录写在 rule-dirs 中）")
    for code, options in table.items():
        if not isinstance(options, dict):
            fail(f"rules.{code}", f"应为选项表，如 [rules.{code}] 下写“选项 = 值”，实际是{_kind(options)}")
    return {code: dict(options) for code, options in table.items()}
