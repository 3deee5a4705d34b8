"""Report types: which kind of report a text is, as data (rules/report-types/*.toml).

A report type names how a report of that type is recognised (patterns in its
title, or in its opening lines when the title was lost), the day after its year by
which it must be published (one day for the type, or one for each kind of issuer the
title may name), the parts it must contain with the words that mark each part, and
the names of its statistics tables' rows and columns as findings show them. Rules say which types they
apply to (`report-types = [...]` in a rule file); the engine drops a finding of
a rule in a report of any other type. One type has no title patterns: the
fallback, for any report no other type recognises.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from lintlaw.errors import RuleFileError
from lintlaw.reasons import regex_reason

TYPES_DIR = "report-types"  # the folder of type files inside a rule directory
TABLES_DIR = "tables"  # the folder of statistics-table layouts (lintlaw/analysis/table_reading.py)
NAME = re.compile(r"^[a-z][a-z0-9-]*$")
PART_KEYS = {"name": str, "keywords": list, "weak-keywords": list, "next-year-words": list,
             "topic-headings": int, "topic-excludes": list}
TYPE_KEYS = {"name": str, "label": str, "title-patterns": list, "intro-patterns": list, "deadline": str,
             "issuers": dict, "default-issuer": str, "parts": dict, "tables": dict, "format-sentences": list, "stock-phrases": list}
ISSUER_KEYS = {"label": str, "deadline": str, "patterns": list}
TABLE_KEYS = {"name": str, "rows": dict, "columns": dict}
INTRO_LINES = 3  # how many body lines an intro pattern is looked for in


@dataclass(frozen=True)
class Part:
    """A part a report must contain, found by words in its level-1 headings (docs/domain.md §2)."""

    id: str
    name: str  # shown in messages
    keywords: tuple[str, ...]
    weak_keywords: tuple[str, ...] = ()
    next_year_words: tuple[str, ...] = ()
    topic_headings: int = 0
    topic_excludes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Issuer:
    """Who may publish a report of a type, when the deadline depends on it (docs/domain.md §10:
    a government department by 1月31日, a county-or-above government by 3月31日)."""

    id: str
    label: str  # shown in messages: 政府部门
    deadline: tuple[int, int]
    patterns: tuple[str, ...]  # matched against the issuer's name as the title gives it


@dataclass(frozen=True)
class TableNames:
    """A statistics table of the type: its name and its rows' and columns' names by key."""

    id: str
    name: str
    rows: dict[str, str] = field(default_factory=dict, hash=False, compare=False)
    columns: dict[str, str] = field(default_factory=dict, hash=False, compare=False)


@dataclass(frozen=True)
class ReportType:
    name: str  # as rule files and the configuration name it
    label: str  # in Chinese, as users see it
    title_patterns: tuple[str, ...] = ()
    deadline: tuple[int, int] | None = None  # (month, day) in the year after the report year
    parts: dict[str, Part] = field(default_factory=dict, hash=False, compare=False)
    path: str = ""
    intro_patterns: tuple[str, ...] = ()  # recognise a report whose title was lost by its opening lines
    issuers: dict[str, Issuer] = field(default_factory=dict, hash=False, compare=False)
    default_issuer: str | None = None  # whose deadline applies when the title names no issuer
    tables: dict[str, TableNames] = field(default_factory=dict, hash=False, compare=False)
    # Patterns of the sentences the type's prescribed format has every report write (本报告根据
    # 《条例》…编制): comparing reports never counts them as copied (lintlaw/analysis/comparison.py).
    format_sentences: tuple[str, ...] = ()
    # Patterns of the policy formulae every report repeats: taken out of a sentence before it is compared.
    stock_phrases: tuple[str, ...] = ()

    @property
    def compared(self) -> bool:
        """Whether reports of this type are compared with each other (X001-X004): not the
        fallback type, which gathers documents of any kind (budgets, speeches) whose text
        rightly repeats from year to year and from one to the next."""
        return bool(self.title_patterns or self.intro_patterns)

    @property
    def reading(self):
        """What comparing reports leaves out of this type's paragraphs (lintlaw/analysis/digest.py)."""
        from lintlaw.analysis.digest import Reading

        return Reading(self.format_sentences, self.stock_phrases)

    def recognises(self, title: str) -> str | None:
        """The words of the title that mark this type, or None."""
        return _first_match(self.title_patterns, title)

    def recognises_intro(self, opening: str) -> str | None:
        """The words of a report's opening lines that mark this type, or None."""
        return _first_match(self.intro_patterns, opening)

    def issuer_named(self, name: str | None) -> Issuer | None:
        """The issuer whose patterns match a name taken from the title (上海市, 甲市农业农村局)."""
        if name:
            for issuer in self.issuers.values():
                if _first_match(issuer.patterns, name):
                    return issuer
        return None

    def deadline_for(self, name: str | None,
                     chosen: str | None = None) -> tuple[tuple[int, int] | None, Issuer | None]:
        """The deadline of a report whose title names `name` as its issuer, and the issuer it
        counts as: the one the name matches, else `chosen` (a rule's option), else the type's default."""
        if not self.issuers:
            return self.deadline, None
        issuer = (self.issuer_named(name) or self.issuers.get(chosen or "")
                  or self.issuers.get(self.default_issuer or ""))
        return (issuer.deadline, issuer) if issuer else (self.deadline, None)


def _first_match(patterns: tuple[str, ...], text: str) -> str | None:
    for pattern in patterns:
        match = re.search(pattern, text)
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

    def choose(self, title: str | None, opening: str | None = None) -> tuple[ReportType, str]:
        """A report's type and, in words, why it was chosen. `opening` is the report's first
        lines, read only when it has no title (a web capture often loses it)."""
        if self.forced:
            return self.get(self.forced), f"配置 report-type = \"{self.forced}\""
        if title:
            for report_type in self.types:
                words = report_type.recognises(title)
                if words:
                    return report_type, f"标题含“{words}”"
        elif opening:
            for report_type in self.types:
                words = report_type.recognises_intro(opening)
                if words:
                    return report_type, f"无标题，正文开头含“{words}”"
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
    for key in ("title-patterns", "intro-patterns", "format-sentences", "stock-phrases"):
        _compiled(data.get(key, []), key, fail)
    if "intro-patterns" in data and not data.get("title-patterns"):
        fail("intro-patterns", "兜底类型（不带 title-patterns）不按正文开头识别")
    deadline = None
    if "deadline" in data:
        deadline = parse_month_day(data["deadline"]) or fail("deadline", "应为“月-日”，如 \"04-01\"")
    issuers = _issuers(data, fail, typed)
    default_issuer = data.get("default-issuer")
    if issuers:
        if "deadline" in data:
            fail("deadline", "有 issuers 时期限写在各发布机关中（题目未写明机关时用 default-issuer 的期限）")
        if default_issuer not in issuers:
            fail("default-issuer" if default_issuer else "issuers",
                 f"应指明标题未写明机关时按哪一类算（可用：{', '.join(issuers)}）")
        deadline = issuers[default_issuer].deadline
    elif default_issuer is not None:
        fail("default-issuer", "没有 issuers 时不能设")
    tables = _tables(data, fail, typed)
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
                      parts, str(path), tuple(data.get("intro-patterns", ())), issuers, default_issuer,
                      tables, tuple(data.get("format-sentences", ())), tuple(data.get("stock-phrases", ())))


def _compiled(patterns: list[str], key: str, fail) -> None:
    for pattern in patterns:
        try:
            re.compile(pattern)
        except re.error as err:
            fail(key, f"正则表达式“{pattern}”有误：{regex_reason(err)}")


def _issuers(data: dict, fail, typed) -> dict[str, Issuer]:
    """[issuers.department] label, deadline, patterns: who may publish, and by when."""
    from lintlaw.text.dates import parse_month_day

    issuers = {}
    for issuer_id, table in data.get("issuers", {}).items():
        where = f"issuers.{issuer_id}"
        if not isinstance(table, dict):
            fail(where, "应为表，如 [issuers.department]")
        for key, value in table.items():
            if key not in ISSUER_KEYS:
                fail(f"{where}.{key}", f"未知字段（发布机关可用的字段：{', '.join(ISSUER_KEYS)}）")
            typed(key, value, ISSUER_KEYS[key], f"{where}.{key}")
        for key in ISSUER_KEYS:
            if key not in table:
                fail(where, f"缺少必填字段“{key}”")
        _compiled(table["patterns"], f"{where}.patterns", fail)
        deadline = parse_month_day(table["deadline"]) or fail(f"{where}.deadline", "应为“月-日”，如 \"01-31\"")
        issuers[issuer_id] = Issuer(issuer_id, table["label"], deadline, tuple(table["patterns"]))
    return issuers


def _tables(data: dict, fail, typed) -> dict[str, TableNames]:
    """[tables.requests] name, rows, columns: each key's name as findings show it."""
    tables = {}
    for table_id, table in data.get("tables", {}).items():
        where = f"tables.{table_id}"
        if not isinstance(table, dict):
            fail(where, "应为表，如 [tables.requests]")
        for key, value in table.items():
            if key not in TABLE_KEYS:
                fail(f"{where}.{key}", f"未知字段（统计表可用的字段：{', '.join(TABLE_KEYS)}）")
            typed(key, value, TABLE_KEYS[key], f"{where}.{key}")
        if "name" not in table:
            fail(where, "缺少必填字段“name”")
        for axis in ("rows", "columns"):
            names = table.get(axis, {})
            if not all(isinstance(v, str) and v for v in names.values()):
                fail(f"{where}.{axis}", "应为“键 = 名称”的表，名称为非空字符串")
        tables[table_id] = TableNames(table_id, table["name"], dict(table.get("rows", {})),
                                      dict(table.get("columns", {})))
    return tables


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
