"""Every rule and report type the rule directories hold, loaded and checked together.

A directory's report-types/ folder holds type files (and the built-in tables/ folder table
layouts); every other .toml file under it is a rule file. Beyond each file's own schema, the
catalog checks what relates files: codes and names are unique, a rule names report types,
parts, issuers and tables that a type declares, a shared option has one value, and (for a rule
of one's own) its fix is stable on its examples.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable

from lintlaw.engine.redirects import REPORT_TYPE_REDIRECTS
from lintlaw.engine.rule import Rule
from lintlaw.engine.rule_file import load_rule_file, parse_rule_file
from lintlaw.errors import LintlawError, RuleFileError
from lintlaw.io.schema import Invalid, located


@dataclass(frozen=True)
class Catalog:
    """Everything the rule directories hold: the rules and the report types."""

    rules: list[Rule]
    types: Any  # lintlaw.analysis.report_types.ReportTypes


def load_rules(extra_dirs: Iterable[Path] = ()) -> list[Rule]:
    """The built-in rules plus rule files from extra directories, sorted by code."""
    return load_catalog(tuple(extra_dirs)).rules


def load_catalog(extra_dirs: Iterable[Path] = ()) -> Catalog:
    """The built-in rules and report types plus those in extra directories."""
    from lintlaw.engine import rulecache
    from lintlaw.analysis.report_types import load_types, type_paths

    directories = _directories(extra_dirs)
    sources = _rule_files(directories)
    typed = [path for directory in directories for path in type_paths(directory)]
    data = rulecache.parsed([path for path, _ in sources] + typed, parse_rule_file)
    types = load_types(directories, data)
    for report_type in types.types:
        if report_type.name in REPORT_TYPE_REDIRECTS:
            raise RuleFileError(located(report_type.path, Invalid(
                "name", f"“{report_type.name}”是报告类型“{REPORT_TYPE_REDIRECTS[report_type.name]}”的旧名，不能再用")))
    rules = [load_rule_file(path, builtin, data[str(path)]) for path, builtin in sources]
    seen: dict[str, Rule] = {}
    for rule in rules:
        for key in (rule.code, rule.name):
            if key in seen:
                raise RuleFileError(f"{rule.path}: “{key}”与 {seen[key].path} 重复")
            seen[key] = rule
        try:
            _check_types(rule, types)
        except Invalid as err:
            raise RuleFileError(located(rule.path, err)) from None
        if not rule.builtin:  # the built-in rules' examples are tests (tests/test_rule_examples.py)
            _check_fix_stable(rule)
    _check_shared(rules)
    return Catalog(sorted(rules, key=lambda rule: rule.code), types)


def _directories(extra_dirs: Iterable[Path]) -> list[Path]:
    """The built-in rule directory, then the extra ones (each must be a directory)."""
    from lintlaw.resources import builtin_rules_dir

    directories = [builtin_rules_dir()]
    for directory in extra_dirs:
        if not directory.is_dir():
            problem = "不是目录（应指向存放规则文件的目录）" if directory.exists() else "规则目录不存在"
            raise RuleFileError(f"{directory}: {problem}")
        directories.append(directory)
    return directories


def _rule_files(directories: list[Path]) -> list[tuple[Path, bool]]:
    """The rule files of the directories, each with whether it is built in."""
    from lintlaw.analysis.report_types import TABLES_DIR, TYPES_DIR

    builtin = directories[0]
    return [(path, directory is builtin) for directory in directories
            for path in sorted(directory.rglob("*.toml"))
            if TYPES_DIR not in path.relative_to(directory).parts[:-1]
            and not (directory is builtin and path.parent == directory / TABLES_DIR)]


def _check_types(rule: Rule, types) -> None:
    """A rule names known report types, and what its kind names (a part, an issuer, a table)
    one of them declares; Invalid at the key that does not."""
    for name in rule.report_types:
        if types.get(name) is None:
            known = ", ".join(t.name for t in types.types)
            raise Invalid("report-types", f"未知的报告类型“{name}”（可用：{known}）")
    problem = type(rule.kind).check_types(vars(rule.kind), types)
    if problem:
        raise Invalid(*problem)
    part = getattr(rule.kind, "part", None)
    if part is not None and rule.kind.name == "required-section":
        owners = [types.get(n) for n in rule.report_types] or list(types.types)
        if not rule.report_types or any(part not in t.parts for t in owners):
            raise Invalid("part", f"报告类型 {', '.join(rule.report_types) or '（未限定）'} 没有声明必备部分“{part}”"
                                  "（report-types 应列出声明了它的类型）")


def _check_fix_stable(rule: Rule) -> None:
    """A rule's fix, applied to its bad examples as --fix applies it, gives a text the rule
    leaves alone: otherwise every run of --fix changes the file again (培训机构 → 民办培训机构,
    then 民办民办培训机构 …)."""
    if not rule.fixable:
        return
    from lintlaw.engine.fixing import fix_source

    for example in rule.examples["bad"]:
        try:
            source = rule.kind.example_source(str(example), rule.path)
            fixed = fix_source(source, [rule], unsafe=True).source
            once = fixed.text
            twice = fix_source(fixed, [rule], unsafe=True).source.text if once != source.text else once
        except LintlawError:
            return  # a pattern out of time: the files checked will say so, naming themselves
        if twice != once:
            key = "fix" if "fix" in rule.settings else "examples"
            raise RuleFileError(located(rule.path, Invalid(
                key, f"修复结果不稳定：示例“{example}”修复后是“{once}”，再次修复又成了“{twice}”"
                     "（修复后的文字仍被本规则找出）；请让规则不再匹配修复后的写法")))


def _check_shared(rules: list[Rule]) -> None:
    """A shared option (one setting for every rule of a kind) has one value in all rule files."""
    values: dict[tuple[str, str], Rule] = {}
    for rule in rules:
        for key, option in type(rule.kind).options.items():
            if option.shared and key in rule.settings:
                other = values.setdefault((rule.kind.name, key), rule)
                if other.settings[key] != rule.settings[key]:
                    raise RuleFileError(f"{rule.path}: {key}: 与 {other.path} 共用此设置，值必须相同")


_CATALOG_CACHE: dict[tuple, Catalog] = {}


def cached_catalog(dirs: tuple) -> Catalog:
    """The catalog of the built-in and extra rule directories, loaded again when any file in them changed
    (a long-lived process, such as the test suite, sees edits and new directories)."""
    from lintlaw.resources import builtin_rules_dir

    key = tuple(_signature(Path(d)) for d in (builtin_rules_dir(), *dirs))
    if key not in _CATALOG_CACHE:
        _CATALOG_CACHE[key] = load_catalog([Path(d) for d in dirs])
    return _CATALOG_CACHE[key]


def _signature(directory: Path) -> tuple:
    """A directory and every rule file under it, with size and modification time."""
    if not directory.is_dir():
        return (str(directory),)
    files = []
    for path in sorted(directory.rglob("*.toml")):
        try:
            status = path.stat()
        except OSError:
            continue
        files.append((str(path), status.st_size, status.st_mtime_ns))
    return (str(directory.resolve()), *files)
