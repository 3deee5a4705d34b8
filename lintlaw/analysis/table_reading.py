"""Finding and reading the statistics tables of a report (docs/domain.md §10).

The format's tables are known by their labels (rules/tables/*.toml). A Word or web
page keeps each table's grid (lintlaw/text/grid.py); a web capture flattens it into
text, one cell per line or one row per line with cells separated by `|`, tabs or
spaces. Either way the table becomes a stream of cells (labels, numbers, blanks),
and the stream is read against the layout: each row label in the format's order,
its numbers in the format's column order. Whatever does not fit (a row with too few
numbers where blanks were dropped, a missing row, a label out of place) makes the
table unread, with the reason: a number is never put in a column by guessing.

Two stages: `locate` (when the document is built) finds where tables are, because
their labels are not headings; `read` (when a rule or `lintlaw tree` asks) turns a
located table into a `Table` or an `UnreadTable`.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal, InvalidOperation
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from lintlaw.analysis.report_types import TABLES_DIR
from lintlaw.analysis.tables import Cell, Relabelled, Table, UnreadTable
from lintlaw.errors import RuleFileError
from lintlaw.text.outline import HEADING

if TYPE_CHECKING:
    from lintlaw.text.grid import Grid
    from lintlaw.text.outline import Line
    from lintlaw.text.source import Source

SHAPES = ("rows", "groups")
MAX_GAP = 2  # lines of other text a table may hold (a note); more end it
# A located table has at least this many different labels of its layout, and of numbers (the
# smallest table, 四, has fifteen): a few label-like lines in a report's prose are no table.
MIN_LABELS = 4
MIN_NUMBERS = 3
# Longest cell text that can be a label or a number (the format's longest label has 37 characters).
MAX_CELL = 60
# How alike (difflib's ratio) an unknown cell and the label the format expects there must be for
# the cell to be read as that label: one or two words dropped from a long label, not another row.
NEAR_LABEL = 0.8

HOW_GRID = {"docx": "Word 表格", "html": "网页表格", "pdf": "PDF 表格（按表格线读取）"}
HOW_REGION = "行名可辨、各格无法分开的文本"
HOW_TEXT = {"cell": "逐格一行的文本", "bar": "以“|”分隔各格的文本", "tab": "以制表符分隔各格的文本",
            "space": "以空格分隔各格的文本"}


# ---------------------------------------------------------------------------
# Layouts (data)


class ColumnLayout(NamedTuple):
    key: str
    label: str  # as the format prints it
    labels: tuple[str, ...]  # normalised wordings

    def matches(self, norm: str) -> bool:
        return _matches(self.labels, norm)


class RowLayout(NamedTuple):
    key: str
    label: str
    labels: tuple[str, ...]  # normalised wordings; one ending in "…" is a prefix
    parent: str | None = None
    columns: tuple[str, ...] = ()  # column keys, in order

    def matches(self, norm: str) -> bool:
        return _matches(self.labels, norm)


class TableLayout(NamedTuple):
    key: str
    name: str
    format: str
    shape: str
    headings: tuple[str, ...]
    columns: tuple[ColumnLayout, ...]
    rows: tuple[RowLayout, ...]
    path: str = ""

    @property
    def groups(self) -> frozenset[str]:
        """Rows that head other rows (（三）不予公开): in the format they hold no numbers."""
        return frozenset(row.parent for row in self.rows if row.parent)

    def row(self, key: str) -> RowLayout:
        return next(row for row in self.rows if row.key == key)

    def column(self, key: str) -> ColumnLayout:
        return next(column for column in self.columns if column.key == key)

    def row_name(self, key: str) -> str:
        """A row's label with its group's (“（三）不予公开 1.属于国家秘密”), as messages name it."""
        row = self.row(key)
        names = [row.label]
        while row.parent and self.row(row.parent).parent:  # the top group (三、本年度办理结果) says nothing
            row = self.row(row.parent)
            names.insert(0, row.label)
        return " ".join(names)

    def label_words(self) -> set[str]:
        """Every normalised label of the table (prefix labels without their “…”)."""
        words = {w.rstrip("…") for w in self.headings}
        for item in (*self.columns, *self.rows):
            words.update(w.rstrip("…") for w in item.labels)
        return words


def layouts_dir() -> Path:
    from lintlaw.resources import builtin_rules_dir

    return builtin_rules_dir() / TABLES_DIR


@cache
def layouts() -> dict[str, TableLayout]:
    """The built-in table layouts by key, in file order."""
    from lintlaw.io.tomlfile import TOMLDecodeError, loads
    from lintlaw.reasons import read_reason, toml_reason

    found: dict[str, TableLayout] = {}
    for path in sorted(layouts_dir().glob("*.toml")):
        try:
            data = loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, TOMLDecodeError) as err:
            reason = toml_reason(err) if isinstance(err, TOMLDecodeError) else read_reason(err)
            raise RuleFileError(f"{path}: 表格格式文件无法读取（{reason}）") from None
        for key, table in data.items():
            if key in found:
                raise RuleFileError(f"{path}: 表格“{key}”重复")
            found[key] = _layout(path, key, table)
    return found


_KEY = re.compile(r"[a-z][a-z0-9-]*")


def _matches(words, norm: str) -> bool:
    """Whether a normalised label is one of `words` (a word ending in “…”: starts with it)."""
    return any(norm.startswith(w[:-1]) if w.endswith("…") else norm == w for w in words)


def _word(label: str) -> str:
    """A label as it is compared (normalised), keeping a final “…” that makes it a prefix."""
    return normalise(label.rstrip("…")) + ("…" if label.endswith("…") else "")


def _layout(path: Path, key: str, data) -> TableLayout:
    def fail(problem: str):
        raise RuleFileError(f"{path}: [{key}] {problem}")

    def labels(item, what: str) -> tuple[str, ...]:
        words = item.get("labels") if isinstance(item, dict) else None
        if not words or not all(isinstance(w, str) and normalise(w.rstrip("…")) for w in words):
            fail(f"{what} 的 labels 应为非空字符串的列表")
        return tuple(dict.fromkeys(_word(w) for w in words))

    if not isinstance(data, dict):
        fail("应为一张表")
    known = {"name", "format", "shape", "headings", "columns", "rows"}
    unknown = set(data) - known
    if unknown:
        fail(f"未知字段 {', '.join(sorted(unknown))}")
    if data.get("shape") not in SHAPES:
        fail(f"shape 只能取 {', '.join(SHAPES)}")
    columns = []
    for item in data.get("columns", []):
        columns.append(ColumnLayout(item.get("key", ""), item["labels"][0] if item.get("labels") else "",
                                    labels(item, f"列 {item.get('key')}")))
    column_keys = [c.key for c in columns]
    rows: list[RowLayout] = []
    for item in data.get("rows", []):
        row_key = item.get("key", "")
        words = labels(item, f"行 {row_key}")
        parent = item.get("parent")
        if parent is not None and parent not in {r.key for r in rows}:
            fail(f"行 {row_key} 的 parent“{parent}”应是在它之前的行")
        own = tuple(item.get("columns", column_keys))
        if not own or any(c not in column_keys for c in own):
            fail(f"行 {row_key} 的 columns 应取自本表的列")
        rows.append(RowLayout(row_key, item["labels"][0], words, parent, own))
    for what, keys in (("列", column_keys), ("行", [r.key for r in rows])):
        if not keys or len(set(keys)) != len(keys) or not all(_KEY.fullmatch(k) for k in keys):
            fail(f"{what}的 key 应为不重复的英文小写短横线名称")
    headings = tuple(_word(w) for w in data.get("headings", []))
    return TableLayout(key, str(data.get("name", key)), str(data.get("format", "")), data["shape"],
                       headings, tuple(columns), tuple(rows), str(path))


# ---------------------------------------------------------------------------
# Cells


# A number at the start of a label (一、（一）1. 1、 (1) ①), once brackets are half-width.
_MARKER = re.compile(r"^(?:[一二三四五六七八九十]{1,3}[、.,]|\([一二三四五六七八九十]{1,3}\)[、.]?"
                     r"|\d{1,2}[.、)]|\(\d{1,2}\)|[\u2460-\u2473])\s*")
_REMARK = re.compile(r"\([^()]*\)$")  # a bracketed remark at the end (NFKC makes brackets half-width)
_OPEN_REMARK = re.compile(r"\([^()]*$")  # …and one a line break cut off (its rest is a line of its own)
_NUMBER = re.compile(r"^([+-]?\d[\d,]*(?:\.\d+)?)\s*(?:件|个|条|项|次|人次|万元|元)?$")
_PLACEHOLDERS = frozenset({"/", "\\", "-", "--", "—", "——", "–", "无", "空", "×", "x", "X"})
_RULE_LINE = re.compile(r"^[\s|:+]*[-—=]{3,}[\s|:\-—=+]*$")  # a Markdown or ASCII table's ruling line
_CELL = re.compile(r"\S+")  # a cell of a row whose cells are separated by spaces
_NOT_WORD = re.compile(r"[\W_]+")  # what normalising drops: all but letters, digits and ideographs
_SENTENCE_END = ("。", "；", ";", "！", "？")  # no label ends so: a sentence, not a cell


def normalise(text: str) -> str:
    """A label as labels are compared: no number, spaces, punctuation, quotes or end remark."""
    text = unicodedata.normalize("NFKC", text).strip()
    text = _MARKER.sub("", text)
    bare = _OPEN_REMARK.sub("", _REMARK.sub("", text))
    if bare.strip():
        text = bare
    return _NOT_WORD.sub("", text)


class Item(NamedTuple):
    """One cell of a table as met in reading order."""

    kind: str  # "label", "value", "blank", "skip", "unknown"
    text: str
    norm: str
    start: int  # offset of the text in the Source (of the line, for a blank; -1 if it has none)
    row: int  # the line (text) or grid row it stands in


def _classify(text: str, words: Vocabulary) -> tuple[str, str]:
    text = text.strip()
    if not text:
        return "blank", ""
    if text.endswith(_SENTENCE_END):
        return "unknown", ""
    flat = unicodedata.normalize("NFKC", text).replace(" ", "")
    if _NUMBER.match(flat) or flat in _PLACEHOLDERS:
        return "value", ""
    norm = normalise(text)
    if not norm:
        return "skip", norm  # a number alone (“（一）” split from its words by a space)
    if words.keys_of(norm):
        return "label", norm
    if flat.startswith("(") and flat.endswith(")"):
        return "skip", norm  # a remark such as （单位：件）
    return "unknown", norm


class Vocabulary(NamedTuple):
    """Every label of every table: normalised label (or prefix) → the keys of its tables."""

    exact: dict[str, frozenset[str]]
    prefixes: dict[str, frozenset[str]]

    def keys_of(self, norm: str) -> frozenset[str]:
        keys = self.exact.get(norm, frozenset())
        for prefix, more in self.prefixes.items():
            if norm.startswith(prefix):
                keys |= more
        return keys


@cache
def vocabulary() -> Vocabulary:
    exact: dict[str, set[str]] = {}
    prefixes: dict[str, set[str]] = {}
    for layout in layouts().values():
        for word in (*layout.headings, *(w for c in layout.columns for w in c.labels),
                     *(w for r in layout.rows for w in r.labels)):
            into = prefixes if word.endswith("…") else exact
            into.setdefault(word.rstrip("…"), set()).add(layout.key)
    return Vocabulary({w: frozenset(k) for w, k in exact.items()},
                      {w: frozenset(k) for w, k in prefixes.items()})


def value_of(raw: str) -> Decimal | None:
    """The number a cell holds, None for a blank or a placeholder such as “/”."""
    flat = unicodedata.normalize("NFKC", raw).replace(" ", "")
    match = _NUMBER.match(flat)
    if not match:
        return None
    try:
        return Decimal(match.group(1).replace(",", ""))
    except InvalidOperation:
        return None


# ---------------------------------------------------------------------------
# Stage 1: where the tables are


class Located(NamedTuple):
    """A stretch of the document that holds one of the format's tables (perhaps unreadably)."""

    keys: tuple[str, ...]  # the layouts its labels belong to, best first
    how: str
    lines: range  # 0-based Source lines
    items: list[Item]

    @property
    def line(self) -> int:
        return self.lines.start


def _line_start(source: Source, index: int) -> int:
    """Where the text of a 0-based Source line starts, after its indent."""
    text = source.line_text(index + 1)
    return source.line_starts[index] + len(text) - len(text.lstrip())


def locate(source: Source, lines: list[Line]) -> list[Located]:
    """The tables of a document: each grid that holds one, and runs of text lines that do."""
    words = vocabulary()
    found = []
    in_grids: set[int] = set()
    for grid in source.grids:
        located = _from_grid(source, grid, words)
        if located is not None:
            found.append(located)
            in_grids.update(located.lines)
    found += _from_text(source, [line for line in lines if line.lineno - 1 not in in_grids], words)
    # A grid shows its table's place by itself (an empty form's grid is no mangled capture).
    taken = {index for located in found for index in located.lines}
    taken.update(cell.line for grid in source.grids for cell in grid.cells)
    found += _label_regions(source, [line for line in lines if line.lineno - 1 not in taken], words)
    return sorted(found, key=lambda located: located.lines.start)


def _from_grid(source: Source, grid: Grid, words: Vocabulary) -> Located | None:
    items = []
    for cell in sorted(grid.cells, key=lambda c: (c.row, c.col)):
        kind, norm = _classify(cell.text, words)
        start = _line_start(source, cell.line) if cell.line >= 0 else -1
        items.append(Item(kind, cell.text.strip(), norm, start, cell.row))
    keys = _candidates(items)
    if not keys:
        return None
    return Located(keys, HOW_GRID.get(source.reader, "表格"), grid.lines, items)


def _candidates(items: list[Item]) -> tuple[str, ...]:
    """The layouts with at least MIN_LABELS of their labels among the items, most first;
    none unless MIN_NUMBERS numbers are there too."""
    if sum(item.kind == "value" for item in items) < MIN_NUMBERS:
        return ()
    count: dict[str, set[str]] = {}
    for item in items:
        if item.kind == "label":
            for key in vocabulary().keys_of(item.norm):
                count.setdefault(key, set()).add(item.norm)
    ranked = sorted((key for key, seen in count.items() if len(seen) >= MIN_LABELS),
                    key=lambda key: -len(count[key]))
    return tuple(ranked)


def _split(source: Source, line: Line) -> tuple[str, list[tuple[str, int]]]:
    """A text line's cells with their offsets, and how they are separated."""
    text = line.text
    if "|" in text or "\t" in text:
        mark = "|" if "|" in text else "\t"
        # The whole line, trailing tabs too: they are the row's last, empty, cells (a piece of a
        # flattened line, lintlaw/analysis/flattened.py, is its own text).
        raw = source.line_text(line.lineno)
        text = raw.lstrip(" \u3000\u00a0")
        base = source.line_starts[line.lineno - 1] + len(raw) - len(text)
        if text.rstrip() != line.text:
            text, base = line.text, line.start
        cells, position = [], 0
        for part in text.split(mark):
            stripped = part.strip()
            offset = base + position + (len(part) - len(part.lstrip()))
            cells.append((stripped, offset if stripped else line.start))
            position += len(part) + 1
        # The empty cells of "| a | b |" outside its outer bars, like those a capture writes for
        # merged cells, are blanks the reading passes over.
        return ("bar" if mark == "|" else "tab"), cells
    return "space", [(m.group(), line.start + m.start()) for m in _CELL.finditer(text)]


def _from_text(source: Source, lines: list[Line], words: Vocabulary) -> list[Located]:
    """Runs of table lines; a short line or two of other text inside a run (a note, a heading
    between two tables) stays in it, so that a table is reported once, not in pieces."""
    found: list[Located] = []
    run: list[tuple[Line, str, list[Item]]] = []
    gap: list[Line] = []
    for line in lines + [None]:
        parsed = _table_line(source, line, words) if line is not None else None
        if parsed is not None:
            run += [(other, "gap", [Item("unknown", other.text, "", other.start, other.lineno)])
                    for other in gap]
            run.append((line, *parsed))
            gap = []
            continue
        if run and line is not None and len(gap) < MAX_GAP and len(line.text) <= MAX_CELL:
            gap.append(line)
            continue
        if run:
            found += _segments(run)
        run, gap = [], []
    return found


# A table whose cells a capture mangled (numbers dropped or glued to the labels, one cell a line
# with no numbers) still shows the form's row labels at the start of its lines. This many
# different ones of one table, in one block, make it a table region even when its cells cannot
# be read: reported as unread (T101), never left to be read as headings.
MIN_REGION_LABELS = 6
# A label this long may start a line that goes on (“一、本年新收…数量0000000”); a shorter one
# only with nothing but digits after it (“（一）予以公开0000000”).
_PREFIX_LABEL = 6


def _label_regions(source: Source, lines: list[Line], words: Vocabulary) -> list[Located]:
    """Blocks of lines led by the format's row labels that no table was located in."""
    found: list[Located] = []
    block: list[tuple[Line, frozenset[str], str]] = []  # (line, its tables, its label)
    gap = 0
    for line in lines + [None]:
        led = _led_by_label(line, words) if line is not None and len(line.text) <= 2 * MAX_CELL else None
        if led is not None:
            block.append((line, *led))
            gap = 0
            continue
        # A few short lines may stand between labels (a note); a part heading (一、…) never does.
        if (block and line is not None and gap < MAX_GAP and len(line.text) <= MAX_CELL
                and not (line.type == HEADING and line.marker.level == 1)):
            gap += 1
            continue
        if block:
            found += _region(source, block, words)
        block, gap = [], 0
    return found


def _led_by_label(line: Line, words: Vocabulary) -> tuple[frozenset[str], str] | None:
    """The tables whose label starts this line, and the label; None if none does. A table's
    heading (本列数据的勾稽关系为…, 申请人情况) counts on a line that is no heading: a report's
    part headings (三、收到和处理政府信息公开申请情况) are some table's headings too."""
    norm = normalise(line.text)
    if not norm:
        return None
    cells = _cell_labels()
    keys = words.keys_of(norm)
    if line.type == HEADING:
        keys = frozenset(key for key in keys if norm in cells[key] or _prefixed(cells[key], norm))
    if keys:
        return keys, norm
    match = _label_start().match(norm)  # the longest label the line starts with
    if match and (len(match.group()) >= _PREFIX_LABEL or norm[match.end():].isdigit()):
        return frozenset(key for key, labels in cells.items() if match.group() in labels), match.group()
    return None


def _prefixed(labels: frozenset[str], norm: str) -> bool:
    return any(label.endswith("…") and norm.startswith(label[:-1]) for label in labels)


@cache
def _cell_labels() -> dict[str, frozenset[str]]:
    """Each table's row and column labels (normalised; a prefix label keeps its “…”)."""
    return {key: frozenset(w for item in (*layout.columns, *layout.rows) for w in item.labels)
            for key, layout in layouts().items()}


@cache
def _label_start() -> re.Pattern:
    """Every exact row and column label, longest first: one match finds the longest a line starts with."""
    exact = {w for labels in _cell_labels().values() for w in labels if not w.endswith("…")}
    return re.compile("|".join(map(re.escape, sorted(exact, key=len, reverse=True))))


def _region(source: Source, block, words: Vocabulary) -> list[Located]:
    rows: dict[str, set[str]] = {}
    for _line, keys, label in block:
        for key in keys:
            rows.setdefault(key, set()).add(label)
    best = max(rows, key=lambda key: len(rows[key]), default=None)
    if best is None or len(_row_labels(best) & rows[best]) < MIN_REGION_LABELS:
        return []
    items = []
    for line, _keys, _label in block:
        parsed = _table_line(source, line, words)
        if parsed is None:
            items.append(Item("unknown", line.text, "", line.start, line.lineno))
        else:
            items += parsed[1]
    lines = range(block[0][0].lineno - 1, block[-1][0].lineno)
    return [Located((best,), HOW_REGION, lines, items)]


@cache
def _row_labels(key: str) -> frozenset[str]:
    """The normalised row labels of a table (its columns are not counted: a few column words —
    自然人, 总计 — may stand in prose lines)."""
    return frozenset(w.rstrip("…") for row in layouts()[key].rows for w in row.labels)


def _table_line(source: Source, line: Line, words: Vocabulary) -> tuple[str, list[Item]] | None:
    """A line's cells when every one of them can stand in a table, else None."""
    text = line.text
    if _RULE_LINE.match(text):
        return "bar", []
    if len(text) > MAX_CELL and "|" not in text and "\t" not in text and " " not in text:
        return None
    how, cells = _split(source, line)
    items = []
    for cell, offset in cells:
        if len(cell) > MAX_CELL:
            return None
        kind, norm = _classify(cell, words)
        items.append(Item(kind, cell, norm, offset, line.lineno))
    # Unknown words make a line text, unless they only head a row of numbers (a row label
    # written with a word dropped: reading decides whether the format has it there).
    unknown = [i for i, item in enumerate(items) if item.kind == "unknown"]
    if unknown and (unknown != [0] or len(items) < 2 or any(item.kind != "value" for item in items[1:])):
        return None
    if not items:
        return None
    return how, items


def _segments(run) -> list[Located]:
    """A run of table lines, cut where the labels turn to another table."""
    found = []
    start = 0
    keys: frozenset[str] | None = None
    for index, (_line, _how, items) in enumerate(run):
        labels = [vocabulary().keys_of(item.norm) for item in items if item.kind == "label"]
        line_keys = frozenset.intersection(*labels) if labels else frozenset()
        if not line_keys:
            continue  # no label, or labels of two tables on one line: no sign either way
        if keys is None:
            keys = line_keys
        elif keys & line_keys:
            keys &= line_keys
        else:
            found += _located(run[start:index])
            start, keys = index, line_keys
    found += _located(run[start:])
    return found


def _located(run) -> list[Located]:
    # A table starts at its first label (numbers before it belong to something else) and ends
    # at its last table line (other text after it is the next paragraph or heading).
    first = next((i for i, (_line, _how, items) in enumerate(run)
                  if any(item.kind == "label" for item in items)), None)
    if first is None:
        return []
    last = max(i for i, (_line, how, _items) in enumerate(run) if how != "gap")
    run = run[first:last + 1]
    items = [item for _line, _how, line_items in run for item in line_items]
    keys = _candidates(items)
    if not keys:
        return []
    kinds = [how for _line, how, line_items in run
             if how != "gap" and sum(it.kind != "skip" for it in line_items) > 1]
    how = max(dict.fromkeys(kinds), key=kinds.count) if kinds else "cell"  # a tie: the first met
    lines = range(run[0][0].lineno - 1, run[-1][0].lineno)
    return [Located(keys, HOW_TEXT[how], lines, items)]


# ---------------------------------------------------------------------------
# Stage 2: reading a located table


class _Unread(Exception):
    """Why a table cannot be read confidently (Chinese, shown to users)."""


def read(located: Located) -> Table | UnreadTable:
    """The table a located stretch holds, read against each layout its labels fit, best
    first; unread, with the first layout's reason, when none of them reads."""
    all_layouts = layouts()
    if located.how == HOW_REGION:
        numbers = sum(item.kind == "value" for item in located.items)
        if numbers < MIN_NUMBERS:
            return UnreadTable(located.keys[0], located.line,
                               f"找到了表格的行名，但只有{numbers}格可读的数字（数字丢失，或与行名连在一起）")
    reasons = []
    for key in located.keys:
        relabelled: list[Relabelled] = []
        try:
            cells = _read(all_layouts[key], located.items, relabelled)
        except _Unread as err:
            reasons.append((key, str(err)))
            continue
        return Table(key, located.how, located.lines, cells, relabelled)
    key, reason = reasons[0]
    return UnreadTable(key, located.line, reason)


def _read(layout: TableLayout, items: list[Item], relabelled: list[Relabelled]) -> dict[tuple[str, str], Cell]:
    if layout.shape == "groups":
        return _read_groups(layout, items)
    return _read_rows(layout, items, relabelled)


def _cell(row: str, col: str, item: Item, anchor: Item) -> Cell:
    if item.kind == "blank":
        start = item.start if item.start >= 0 else anchor.start
        return Cell(row, col, "", None, start)
    return Cell(row, col, item.text, value_of(item.text), item.start)


def _known(layout: TableLayout, norm: str) -> bool:
    """A header label of the table: a heading, a column, or a group of the groups shape."""
    return (_matches(layout.headings, norm) or any(c.matches(norm) for c in layout.columns)
            or (layout.shape == "groups" and any(r.matches(norm) for r in layout.rows)))


def _read_rows(layout: TableLayout, items: list[Item], relabelled: list[Relabelled]) -> dict[tuple[str, str], Cell]:
    rows = layout.rows
    groups = layout.groups
    cells: dict[tuple[str, str], Cell] = {}
    done: set[str] = set()  # rows read, with their numbers or as a group heading
    filled_groups: set[str] = set()  # groups that carried numbers themselves (2019 其他处理)
    position = 0  # the next row the format expects
    current: RowLayout | None = None
    label: Item | None = None
    values: list[Item] = []
    same_line = False  # the current row's numbers stand on its label's line (or grid row)

    def skippable(row: RowLayout) -> bool:
        return row.key in groups or _inside(layout, row, filled_groups)

    def finish() -> None:
        nonlocal current, values
        if current is None:
            return
        filled = [v for v in values if v.kind != "blank"]
        if current.key in groups and not filled:
            values = []  # a group label, with at most the blanks of its row
        elif values:
            expected = len(current.columns)
            while len(values) > expected and values[-1].kind == "blank":
                values.pop()  # the empty cells a capture writes for merged ones
            if len(values) != expected:
                raise _Unread(f"“{layout.row_name(current.key)}”一行有{len(values)}格数字，按格式应有{expected}格"
                              f"（{'、'.join(layout.column(c).label for c in current.columns)}），"
                              "无法确定各数字属于哪一列")
            for col, item in zip(current.columns, values):
                cells[(current.key, col)] = _cell(current.key, col, item, label)
            if current.key in groups:
                filled_groups.add(current.key)
        elif current.key not in groups:
            raise _Unread(f"“{layout.row_name(current.key)}”一行没有数字")
        done.add(current.key)
        current, values = None, []

    for index, item in enumerate(items):
        if item.kind == "unknown" and _numbers_follow_on_row(items, index):
            item = _misspelt_label(rows, position, skippable, item)
            if item.kind == "label":
                row = next(r for r in rows[position:] if r.matches(item.norm))
                relabelled.append(Relabelled(item.start, item.text, row.label))
            else:
                expected = next((r for r in rows[position:] if not skippable(r)), None)
                where = f"此处应为“{layout.row_name(expected.key)}”" if expected else "表格的行已经齐全"
                raise _Unread(f"“{item.text}”不是格式中的行名（{where}）")
        if item.kind in ("skip", "unknown"):  # "unknown": a note between rows, not a cell
            continue
        if item.kind == "label":
            finish()
            match = None
            for candidate in range(position, len(rows)):
                if rows[candidate].matches(item.norm):
                    match = candidate
                    break
                if not skippable(rows[candidate]):
                    break
            if match is not None:
                current, label, position = rows[match], item, match + 1
                same_line = _numbers_follow_on_row(items, index)
                continue
            if _known(layout, item.norm):
                continue  # a header cell (repeated before each block of table 二)
            expected = next((r for r in rows[position:] if not skippable(r)), None)
            where = f"此处应为“{layout.row_name(expected.key)}”" if expected else "表格的行已经齐全"
            raise _Unread(f"“{item.text}”不在格式的这个位置（{where}）")
        # a number or a blank
        if current is not None and (item.row == label.row or not same_line):
            values.append(item)
        elif item.kind == "value":
            raise _Unread(f"数字“{item.text}”前面没有对应的行名")
    finish()
    missing = [row for row in rows if row.key not in done and not skippable(row)]
    if missing:
        names = "”“".join(layout.row_name(row.key) for row in missing[:3])
        more = f"等{len(missing)}行" if len(missing) > 3 else ""
        raise _Unread(f"没有找到“{names}”{more}")
    return cells


def _misspelt_label(rows: tuple[RowLayout, ...], position: int, skippable, item: Item) -> Item:
    """An unknown cell heading a row of numbers where the format expects a row whose label it
    nearly is (a word dropped or mistyped: 2.其他法律行政止公开) is that row's label; anything
    else stays unknown. Only the rows the format allows next are tried."""
    from difflib import SequenceMatcher

    for row in rows[position:]:
        for label in row.labels:
            if len(label) >= 4 and len(item.norm) >= 4 \
                    and SequenceMatcher(None, item.norm, label.rstrip("…")).ratio() >= NEAR_LABEL:
                return item._replace(kind="label", norm=label.rstrip("…"))
        if not skippable(row):
            break
    return item


def _numbers_follow_on_row(items: list[Item], index: int) -> bool:
    """Whether numbers (or blank cells) follow the label at `index` on its own line or grid row."""
    row = items[index].row
    for item in items[index + 1:]:
        if item.row != row:
            return False
        if item.kind in ("value", "blank"):
            return True
    return False


def _inside(layout: TableLayout, row: RowLayout, filled: set[str]) -> bool:
    parent = row.parent
    while parent:
        if parent in filled:
            return True
        parent = layout.row(parent).parent
    return False


def _read_groups(layout: TableLayout, items: list[Item]) -> dict[tuple[str, str], Cell]:
    values: list[Item] = []
    groups_seen = 0
    for item in items:
        if item.kind in ("skip", "unknown") or (item.kind == "blank" and not values):
            continue
        if item.kind == "label":
            if values:
                raise _Unread(f"数字之后又出现表头“{item.text}”")
            if not _known(layout, item.norm):
                raise _Unread(f"“{item.text}”不是这张表的表头")
            groups_seen += any(row.matches(item.norm) for row in layout.rows)
            continue
        values.append(item)
    if not groups_seen:
        raise _Unread("表头中没有“行政复议”“未经复议直接起诉”“复议后起诉”等分组")
    expected = len(layout.rows) * len(layout.columns)
    while len(values) > expected and values[-1].kind == "blank":
        values.pop()
    if len(values) != expected:
        raise _Unread(f"表头之后有{len(values)}格数字，按格式应有{expected}格，无法确定各数字属于哪一列")
    cells = {}
    anchor = next((item for item in items if item.start >= 0), values[0])
    positions = [(row.key, col.key) for row in layout.rows for col in layout.columns]
    for (row, col), item in zip(positions, values):
        cells[(row, col)] = _cell(row, col, item, anchor)
    return cells
