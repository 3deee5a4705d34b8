"""Report types: which kind of report a text is, as data (rules/report-types/*.toml).

A report type names how a report of that type is recognised (patterns in its
title), the day after its year by which it must be published, and the parts it
must contain with the words that mark each part. Rules say which types they
apply to (`report-types = [...]` in a rule file); the engine drops a finding of
a rule in a report of any other type. One type has no title patterns: the
fallback, for any report no other type recognises.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from lintlaw.errors import RuleFileError

TYPES_DIR = "report-types"  # the folder of type files inside a rule directory
NAME = re.compile(r"^[a-z][a-z0-9-]*$")
PART_KEYS = {"name": str, "keywords": list, "weak-keywords": list, "next-year-words": list,
             "topic-headings": int, "topic-excludes": list}
TYPE_KEYS = {"name": str, "label": str, "title-patterns": list, "deadline": str, "parts": dict}


@dataclass(frozen=True)
class Part:
    """A part a report must contain, found by words in its level-1 headings (domain guide §2)."""

    id: str
    name: str  # shown in messages
    keywords: tuple[str, ...]
    weak_keywords: tuple[str, ...] = ()
    next_year_words: tuple[str, ...] = ()
    topic_headings: int = 0
    topic_excludes: tuple[str, ...] = ()


@dataclass(frozen=True)
class ReportType:
    name: str  # as rule files and the configuration name it
    label: str  # in Chinese, as users see it
    title_patterns: tuple[str, ...] = ()
    deadline: tuple[int, int] | None = None  # (month, day) in the year after the report year
    parts: dict[str, Part] = field(default_factory=dict, hash=False, compare=False)
    path: str = ""

    def recognises(self, title: str) -> str | None:
        """The words of the title that mark this type, or None."""
        for pattern in self.title_patterns:
            match = re.search(pattern, title)
            if match:
                return match.group(0)
        return None


@dataclass(frozen=True)
class ReportTypes:
    """The known types, in the order they are tried, and the configuration's choice."""

    types: tuple[ReportType, ...]
    forced: str | None = None  # the configuration's report-type, when not "auto"

    def get(self, name: str) -> ReportType | None:
        return next((t for t in self.types if t.name == name), None)

    @property
    def fallback(self) -> ReportType:
        return next(t for t in self.types if not t.title_patterns)

    def choose(self, title: str | None) -> tuple[ReportType, str]:
        """A report's type and, in words, why it was chosen."""
        if self.forced:
            return self.get(self.forced), f"配置 report-type = \"{self.forced}\""
        if title:
            for report_type in self.types:
                words = report_type.recognises(title)
                if words:
                    return report_type, f"标题含“{words}”"
        return self.fallback, "标题未表明其他类型"

    def forcing(self, name: str | None) -> ReportTypes:
        """These types with the configuration's report-type ("auto" or None: by title)."""
        return ReportTypes(self.types, None if name in (None, "auto") else name)


def type_paths(directory: Path) -> list[Path]:
    folder = directory / TYPES_DIR
    return sorted(folder.glob("*.toml")) if folder.is_dir() else []


def load_type(path: Path, data: dict) -> ReportType:
    """Validate one type file's data; a bad key is a RuleFileError naming file, line and key."""
    from lintlaw.text.dates import parse_month_day

    def fail(key: str, problem: str):
        raise RuleFileError(f"{path}:{_line_of(path, key)}: {key}: {problem}")

    def typed(key: str, value, expected: type, label: str | None = None):
        label = label or key
        if not isinstance(value, expected) or isinstance(value, bool):
            fail(label, f"类型应为{_TYPE_NAMES[expected]}")
        if expected is list and not all(isinstance(v, str) and v for v in value):
            fail(label, "应为非空字符串的列表")
        return value

    for key in ("name", "label"):
        if key not in data:
            raise RuleFileError(f"{path}:1: 缺少必填字段“{key}”")
    for key, value in data.items():
        if key not in TYPE_KEYS:
            fail(key, f"未知字段（报告类型可用的字段：{', '.join(TYPE_KEYS)}）")
        typed(key, value, TYPE_KEYS[key])
    if not NAME.match(data["name"]):
        fail("name", "应为小写字母、数字和连字符，如 law-based-government")
    if data["name"] == "auto":
        fail("name", "“auto”留给配置项 report-type 表示按标题识别")
    for pattern in data.get("title-patterns", []):
        try:
            re.compile(pattern)
        except re.error as err:
            fail("title-patterns", f"正则表达式有误（{err}）")
    deadline = None
    if "deadline" in data:
        deadline = parse_month_day(data["deadline"]) or fail("deadline", "应为“月-日”，如 \"04-01\"")
    parts = {}
    for part_id, table in data.get("parts", {}).items():
        where = f"parts.{part_id}"
        if not isinstance(table, dict):
            fail(where, "应为表，如 [parts.measures]")
        for key, value in table.items():
            if key not in PART_KEYS:
                fail(f"{where}.{key}", f"未知字段（必备部分可用的字段：{', '.join(PART_KEYS)}）")
            typed(key, value, PART_KEYS[key], f"{where}.{key}")
        for key in ("name", "keywords"):
            if key not in table:
                fail(where, f"缺少必填字段“{key}”")
        parts[part_id] = Part(part_id, table["name"], tuple(table["keywords"]),
                              tuple(table.get("weak-keywords", ())), tuple(table.get("next-year-words", ())),
                              table.get("topic-headings", 0), tuple(table.get("topic-excludes", ())))
    return ReportType(data["name"], data["label"], tuple(data.get("title-patterns", ())), deadline,
                      parts, str(path))


def check_registry(types: list[ReportType]) -> ReportTypes:
    """Types in the order they are tried (by name, the fallback last); exactly one fallback."""
    seen: dict[str, ReportType] = {}
    for report_type in types:
        if report_type.name in seen:
            raise RuleFileError(f"{report_type.path}: 报告类型“{report_type.name}”与 "
                                f"{seen[report_type.name].path} 重复")
        seen[report_type.name] = report_type
    fallbacks = [t for t in types if not t.title_patterns]
    if len(fallbacks) != 1:
        names = "、".join(t.path for t in fallbacks) or "无"
        raise RuleFileError(f"报告类型中应有且只有一个不带 title-patterns 的兜底类型（现有：{names}）")
    return ReportTypes(tuple(sorted(types, key=lambda t: (not t.title_patterns, t.name))))


_TYPE_NAMES = {str: "字符串", int: "整数", list: "列表", dict: "表"}


def _line_of(path: Path, key: str) -> int:
    """Line of a key (or of a [parts.X] table) in a type file, for error messages (1 if not found)."""
    try:
        raw = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return 1
    last = re.escape(key.split(".")[-1])
    match = re.search(rf"^\s*(?:{last}\s*=|\[\s*{re.escape(key)}\s*\])", raw, re.M)
    return raw.count("\n", 0, match.start()) + 1 if match else 1


def load_types(directories: list[Path], parsed: dict[str, dict]) -> ReportTypes:
    """The types in the built-in rule directory and extra ones; `parsed` holds each file's TOML data."""
    return check_registry([load_type(path, parsed[str(path)])
                           for directory in directories for path in type_paths(directory)])


_BUILTIN: list[ReportTypes] = []


def builtin_types() -> ReportTypes:
    """The built-in types, for documents built without a rule set (tests, examples)."""
    if not _BUILTIN:
        from lintlaw.io import tomlfile
        from lintlaw.resources import builtin_rules_dir

        directory = builtin_rules_dir()
        parsed = {str(path): tomlfile.loads(path.read_text(encoding="utf-8")) for path in type_paths(directory)}
        _BUILTIN.append(load_types([directory], parsed))
    return _BUILTIN[0]
