"""Headings that nearly match a title a format prescribes: a character dropped, added or two
swapped (三、收到和处理政府信公开申请情况), not the wording a report is free to choose.

Each prescribed title is given word by word. A heading is compared with the title it is nearest
to (at most one edit for a title of up to five characters, two for a longer one), over every
alignment of least cost. Reports may drop a whole word (存在问题及改进情况), add words between
words (主动公开政府信息工作情况) or use another word (及 → 和, 事项 → 情况); an alignment made
only of such edits explains the heading, and then nothing is reported. A heading is reported
when every alignment breaks a word: part of a word dropped (信息 → 信), a character put inside
a word or doubled, or two characters swapped.
"""

from __future__ import annotations

from typing import NamedTuple

# The edits of an alignment: (what, position in the title, position in the heading).
MATCH, SUBSTITUTE, DELETE, INSERT, SWAP = "match", "substitute", "delete", "insert", "swap"
_MAX_ALIGNMENTS = 64  # optimal alignments looked at; a heading this close has a handful


class Title(NamedTuple):
    text: str
    word_of: tuple[int, ...]  # the word each character belongs to
    boundaries: frozenset[int]  # positions between words (and both ends)

    @classmethod
    def of(cls, spaced: str) -> Title:
        """A title written word by word: "收到 和 处理 政府 信息 公开 申请 情况"."""
        words = spaced.split()
        word_of, boundaries, at = [], {0}, 0
        for index, word in enumerate(words):
            word_of.extend([index] * len(word))
            at += len(word)
            boundaries.add(at)
        return cls("".join(words), tuple(word_of), frozenset(boundaries))

    @property
    def allowed_edits(self) -> int:
        return 1 if len(self.text) <= 5 else 2


class NearMiss(NamedTuple):
    title: str  # the prescribed title
    corrected: str  # the heading with the broken words mended, its own word choices kept
    detail: str  # what is wrong, in words: 少了“息”


def near_miss(heading: str, titles: list[Title]) -> NearMiss | None:
    """The prescribed title `heading` nearly matches, if it breaks a word of it."""
    best = None
    for title in titles:
        if heading == title.text:
            return None
        limit = title.allowed_edits
        if abs(len(heading) - len(title.text)) > limit or _unshared(title.text, heading) > limit:
            continue
        table = _distances(title.text, heading)
        cost = table[len(title.text)][len(heading)]
        if cost > limit or (best is not None and cost >= best[0]):
            continue
        alignments = _alignments(table, title.text, heading)
        if any(_explains(title, alignment, heading) for alignment in alignments):
            return None  # wording the report chose, as near this title as any other
        best = cost, title, alignments[0]
    if best is None:
        return None
    _, title, alignment = best
    return NearMiss(title.text, _mend(title, alignment, heading), _describe(title, alignment, heading))


def _unshared(a: str, b: str) -> int:
    """A lower bound of the distance: each character of one that the other lacks costs an edit
    (a swap only moves characters both have), so most headings need no table at all."""
    return max(sum(char not in b for char in a), sum(char not in a for char in b))


def _distances(a: str, b: str) -> list[list[int]]:
    """Edit distances between the prefixes of a and b, swaps of neighbours costing one."""
    table = [[i + j if i == 0 or j == 0 else 0 for j in range(len(b) + 1)] for i in range(len(a) + 1)]
    for i in range(1, len(a) + 1):
        for j in range(1, len(b) + 1):
            best = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + (a[i - 1] != b[j - 1]))
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1] and a[i - 1] != b[j - 1]:
                best = min(best, table[i - 2][j - 2] + 1)
            table[i][j] = best
    return table


def _alignments(table, a: str, b: str) -> list[list[tuple[str, int, int]]]:
    """The alignments of least cost (up to a bound), each a list of edits from the start."""
    found: list[list[tuple[str, int, int]]] = []

    def walk(i: int, j: int, tail: list):
        if len(found) >= _MAX_ALIGNMENTS:
            return
        if i == 0 and j == 0:
            found.append(tail[::-1])
            return
        here = table[i][j]
        if i and j and a[i - 1] == b[j - 1] and table[i - 1][j - 1] == here:
            walk(i - 1, j - 1, tail + [(MATCH, i - 1, j - 1)])
        if i and j and a[i - 1] != b[j - 1] and table[i - 1][j - 1] + 1 == here:
            walk(i - 1, j - 1, tail + [(SUBSTITUTE, i - 1, j - 1)])
        if i and table[i - 1][j] + 1 == here:
            walk(i - 1, j, tail + [(DELETE, i - 1, j)])
        if j and table[i][j - 1] + 1 == here:
            walk(i, j - 1, tail + [(INSERT, i, j - 1)])
        if (i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1] and a[i - 1] != b[j - 1]
                and table[i - 2][j - 2] + 1 == here):
            walk(i - 2, j - 2, tail + [(SWAP, i - 2, j - 2)])

    walk(len(a), len(b), [])
    return found


def _broken(title: Title, alignment, heading: str) -> list[tuple[str, int, int]]:
    """The edits of an alignment that break a word of the title."""
    deleted = {i for what, i, _ in alignment if what == DELETE}
    broken = []
    for edit in alignment:
        what, i, j = edit
        if what == SWAP:
            broken.append(edit)
        elif what == DELETE:
            word = title.word_of[i]
            if any(title.word_of[k] == word and k not in deleted for k in range(len(title.text))):
                broken.append(edit)  # part of a word left
        elif what == INSERT:
            char = heading[j]
            doubled = (i > 0 and title.text[i - 1] == char) or (i < len(title.text) and title.text[i] == char)
            if i not in title.boundaries or doubled:
                broken.append(edit)
    return broken


def _explains(title: Title, alignment, heading: str) -> bool:
    return not _broken(title, alignment, heading)


def _mend(title: Title, alignment, heading: str) -> str:
    """The heading with its broken edits undone and its other edits kept."""
    broken = set(_broken(title, alignment, heading))
    out = []
    for edit in alignment:
        what, i, j = edit
        if what in (MATCH, SUBSTITUTE):
            out.append(heading[j])
        elif what == INSERT:
            out.append("" if edit in broken else heading[j])
        elif what == DELETE:
            out.append(title.text[i] if edit in broken else "")
        else:  # SWAP
            out.append(title.text[i:i + 2])
    return "".join(out)


def _describe(title: Title, alignment, heading: str) -> str:
    parts = []
    for what, i, j in _broken(title, alignment, heading):
        if what == DELETE:
            parts.append(f"少了“{title.text[i]}”")
        elif what == INSERT:
            parts.append(f"多了“{heading[j]}”")
        else:
            parts.append(f"“{title.text[i:i + 2]}”写成了“{heading[j:j + 2]}”")
    return "、".join(parts)
