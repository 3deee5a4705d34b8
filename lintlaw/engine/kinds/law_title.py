"""Kind `law-title`: titles in 《》 checked against a list of national laws and key documents.

The lists are data in the rule file. A title is reported when it names a
repealed law, or when it is not on the list but one edit or two away from a
title that is (《家庭教育创促进法》 → 《家庭教育促进法》). Titles that match
nothing closely (local regulations, plans, notices) are left alone.
"""

from __future__ import annotations

import re
from functools import cached_property
from typing import Iterator

from lintlaw.diagnostics import Edit, Fix
from lintlaw.analysis.document import Document
from lintlaw.analysis.issue import Issue
from lintlaw.engine.kinds.base import Fixes, Option, RuleKind
from lintlaw.io.schema import Entries, Items, Text

NATIONAL = "中华人民共和国"
# An innermost title: 《…》 or 〈…〉 with no other title mark inside.
_TITLE = re.compile(r"[《〈](?P<name>[^《》〈〉\r\n]{2,60})[》〉]")
_NORMALISE = str.maketrans({"(": "（", ")": "）", "-": "—", "－": "—", " ": None, "\u3000": None})
# A year range that lost its dash (20212025年) is P006's finding, not a wrong title.
_LOST_DASH = re.compile(r"((?:19|20)[0-9]{2})((?:19|20)[0-9]{2})(?=年)")


class LawTitle(RuleKind):
    name = "law-title"
    options = {
        "laws": Option(list, required=True, doc="现行有效的国家法律名称（不含“中华人民共和国”）",
                       check=Items(Text("必须是非空字符串列表", nonempty=True))),
        "repealed": Option(dict, default={}, doc="已废止的法律 → 废止时间和替代它的法律",
                           check=Entries(Text("每项应为“法律名称 = 说明”"))),
        "documents": Option(list, default=[], doc="要查出写错的其他文件的全称",
                            check=Items(Text("必须是非空字符串列表", nonempty=True))),
    }
    fields = frozenset({"found", "expected", "detail"})
    fixes = Fixes(always=False, safe=False)  # only where the right title is known

    @cached_property
    def _lists(self) -> tuple[_Candidates, dict[str, str], _Candidates]:
        """The known laws, the documents by normalised title, and those titles: built once."""
        documents = {title.translate(_NORMALISE): title for title in self.documents}
        return _Candidates(set(self.laws) | set(self.repealed)), documents, _Candidates(set(documents))

    def check(self, document: Document) -> Iterator[Issue]:
        known_laws, documents, titles = self._lists
        text = document.source.text
        judged: dict[str, tuple[str, str] | None] = {}  # a report names the same law many times
        for line in document.prose_lines():
            for match in _TITLE.finditer(text, line.start, line.end):
                found = match.group("name")
                if found not in judged:
                    judged[found] = self._judge(found, known_laws, documents, titles)
                hit = judged[found]
                if hit is not None:
                    expected, detail = hit
                    start, end = match.start("name"), match.end("name")
                    fix = Fix((Edit(start, end, expected),), safe=False) if expected else None
                    yield Issue(self.name, match.start(), match.end(),
                                {"found": match.group(), "expected": expected, "detail": detail}, fix=fix)

    def _judge(self, found: str, known_laws: _Candidates, documents: dict[str, str], titles: _Candidates):
        """(suggested title or "", explanation) for a title worth a finding, else None."""
        name = _LOST_DASH.sub(r"\1—\2", found.translate(_NORMALISE))
        prefix = NATIONAL if name.startswith(NATIONAL) else ""
        law = name[len(prefix):]
        if _is_law_name(law):
            if law in self.repealed:
                return "", f"已废止：{self.repealed[law]}"
            if law in known_laws:
                return None
            near = _nearest(law, known_laws, _allowed_distance(law))
            if near:
                note = f"（注意：该法已废止，{self.repealed[near]}）" if near in self.repealed else ""
                return prefix + near, f"疑为《{prefix}{near}》{note}"
            return None
        if name in documents or len(name) < 10:
            return None
        # One edit only: a local plan may be named much like a national one
        # (…实施方案 vs …实施纲要 is two edits away).
        near = _nearest(name, titles, 1)
        if near:
            return documents[near], f"疑为《{documents[near]}》"
        return None


def _is_law_name(name: str) -> bool:
    # 《教育法》《民法典》, not 《…办法》《…方法》 or 《…条例》.
    return (name.endswith("法") and not name.endswith(("办法", "方法", "做法", "说法", "用法"))
            or name.endswith("法典"))


def _allowed_distance(name: str) -> int:
    # Short names sit one edit from each other (教育法, 体育法): they must match exactly.
    if len(name) <= 4:
        return 0
    return 1 if len(name) < 8 else 2


class _Candidates:
    """Names to compare a title with, each with its set of characters, by length."""

    def __init__(self, names: set[str]):
        self.names = names
        self.by_length: dict[int, list[tuple[str, frozenset[str]]]] = {}
        for name in sorted(names):
            self.by_length.setdefault(len(name), []).append((name, frozenset(name)))

    def __contains__(self, name: str) -> bool:
        return name in self.names

    def within(self, length: int, limit: int) -> list[tuple[str, frozenset[str]]]:
        """The names at most `limit` characters longer or shorter (each such difference
        costs an edit), in alphabetical order: the first of two equally near names wins."""
        return sorted(item for size in range(length - limit, length + limit + 1)
                      for item in self.by_length.get(size, ()))


def _nearest(name: str, candidates: _Candidates, limit: int) -> str | None:
    if limit == 0:
        return None
    best, best_distance = None, limit + 1
    chars = frozenset(name)
    for candidate, candidate_chars in candidates.within(len(name), limit):
        # Cheap lower bounds first: each character one string has and the other lacks
        # costs at least one edit.
        if len(chars - candidate_chars) > limit or len(candidate_chars - chars) > limit:
            continue
        distance = _distance(name, candidate, limit)
        if distance < best_distance:
            best, best_distance = candidate, distance
    return best


def _distance(a: str, b: str, limit: int) -> int:
    """Levenshtein distance, or limit + 1 as soon as it must exceed limit."""
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, 1):
        current = [i]
        for j, char_b in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char_a != char_b)))
        if min(current) > limit:
            return limit + 1
        previous = current
    return previous[-1]
