"""Applying fixes: choose non-overlapping edits, apply them, lint again, repeat.

Everything here works on decoded text; writing back (same encoding, byte-order
mark and line endings, atomically, only if the file is unchanged) is lintlaw.io.writeback's job.
"""

from __future__ import annotations

import bisect
import itertools
from dataclasses import dataclass, field

from lintlaw.diagnostics import Diagnostic, Edit, related_places
from lintlaw.analysis.document import build_document
from lintlaw.engine.linter import lint
from lintlaw.text.source import Source

# A fix may enable another (collapsing "，，，" takes two rounds); a bounded
# number of rounds keeps a pair of fixes that undo each other from looping.
MAX_ROUNDS = 10


@dataclass
class FixResult:
    source: Source  # the fixed text, as a Source for the same path and encoding
    fixed: int  # findings whose fix was applied
    edits: int  # edits those fixes made
    remaining: list[Diagnostic]  # findings after the last round
    exhausted: bool = False  # the rounds ran out while fixes were still being applied
    # The findings whose fixes each round applied, their edits in that round's text (the
    # first round's in the source's): lintlaw/engine/revisions.py turns them into edits of
    # the source, for a reviewed copy's tracked changes.
    rounds: list[list[Diagnostic]] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return self.fixed > 0


def fix_source(source: Source, rules, unsafe: bool = False, types=None, keep=None,
               locked: Locked | None = None) -> FixResult:
    """Fix a source in rounds. `keep` drops the findings that are not shown (the
    configuration's ignore-findings, a baseline: lintlaw/io/suppression.py), so that such a
    finding is neither reported nor fixed. A finding `keep` dropped stays unfixed in every
    later round, even when a fix beside it changed its fingerprint. A fix with an edit
    `locked` forbids is not applied (the text a Word document cannot change as text)."""
    keep = keep or (lambda found, _source: found)
    # Only the rules that can fix take part in the rounds; the others run once, on the
    # final text's document (a round that lints everything spent most of its time on
    # findings no fix could come from).
    fixers = [rule for rule in rules if rule.fixable]
    current = source
    fixed = applied = 0
    document = build_document(current, types)
    linted = lint(current, fixers, types, document)
    found = keep(linted, current)
    spared = _Spared()
    spared.add(linted, found)
    written = _Written()
    exhausted = True
    rounds = []
    for _ in range(MAX_ROUNDS):
        chosen = choose(current, [d for d in found if not spared.holds(d) and not written.holds(d)], unsafe,
                        document, locked)
        if not chosen:
            exhausted = False
            break
        rounds.append(chosen)
        edits = [edit for d in chosen for edit in d.fix.edits]
        current = current.with_text(apply_edits(current.text, edits))
        fixed += len(chosen)
        applied += len(edits)
        spared.move(edits)
        written.move(chosen)
        if locked is not None:
            locked.move(edits)
        document = build_document(current, types)
        linted = lint(current, fixers, types, document)
        found = keep(linted, current)
        spared.add(linted, found)
    others = [rule for rule in rules if not rule.fixable]
    every = sorted([*linted, *lint(current, others, types, document)], key=lambda d: d.sort_key)
    remaining = keep(every, current)
    # Out of rounds with nothing left to fix is not out of rounds.
    exhausted = exhausted and any(d.fix is not None and (d.fix.safe or unsafe) for d in remaining)
    return FixResult(current, fixed, applied, remaining, exhausted, rounds)


class _Spared:
    """The findings `keep` dropped, by rule and span, carried along as the edits of each
    round shift the text (an edit inside one moves its end as it moves the text). A fix
    right beside one may make it longer (a pattern that now matches the new text too):
    both spans, with and without that text, are held."""

    def __init__(self):
        self.spans: set[tuple[str, int, int]] = set()

    def add(self, linted: list[Diagnostic], kept: list[Diagnostic]) -> None:
        if len(kept) == len(linted):
            return
        shown = {id(d) for d in kept}
        self.spans.update((d.code, d.start, d.end) for d in linted if id(d) not in shown)

    def holds(self, d: Diagnostic) -> bool:
        return (d.code, d.start, d.end) in self.spans

    def move(self, edits: list[Edit]) -> None:
        if self.spans:
            where = _Shift(edits)
            self.spans = {(code, new_start, max(new_start, new_end)) for code, start, end in self.spans
                          for new_start in where.starts_of(start) for new_end in where.ends_of(end)}


class _Written:
    """The text each rule's fixes wrote, by rule, carried along as later edits shift it.

    A fix is applied once per place: a finding whose edits all lie inside what its own
    rule wrote is a rule re-matching its own replacement (培训机构 → 民办培训机构 matches
    培训机构 again), which would otherwise grow the text every round. A finding that
    reaches beyond it (，，， collapsed one pair per round) is new work and is fixed."""

    def __init__(self):
        self.spans: dict[str, list[tuple[int, int]]] = {}

    def holds(self, d: Diagnostic) -> bool:
        spans = self.spans.get(d.code)
        if not spans or d.fix is None:
            return False
        return all(_inside(spans, edit.start, edit.end) for edit in d.fix.edits)

    def move(self, chosen: list[Diagnostic]) -> None:
        """Shift the spans over this round's edits, then add the text those edits wrote."""
        edits = sorted(((e, d.code) for d in chosen for e in d.fix.edits), key=lambda pair: pair[0].start)
        where = _Shift([e for e, _ in edits])
        moved = {code: [(min(where.starts_of(a)), max(where.ends_of(b))) for a, b in spans]
                 for code, spans in self.spans.items()}
        shift = 0
        for edit, code in edits:
            start = edit.start + shift
            moved.setdefault(code, []).append((start, start + len(edit.content)))
            shift += len(edit.content) - (edit.end - edit.start)
        self.spans = {code: _merged(spans) for code, spans in moved.items()}


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans in order, those that overlap joined (those that only touch stay apart)."""
    result: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if result and start < result[-1][1]:
            result[-1] = (result[-1][0], max(end, result[-1][1]))
        else:
            result.append((start, end))
    return result


def _inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether start..end lies within one of the ordered, disjoint spans."""
    index = bisect.bisect_right(spans, (start, float("inf"))) - 1
    return index >= 0 and spans[index][0] <= start and end <= spans[index][1]


class _Shift:
    """Where a span of the text before some non-overlapping edits is after them. An edit
    across one of its ends widens it to the edit's new text; the new text of an edit
    that only touches an end (ends where the span starts, starts where it ends) may or
    may not belong to it, so both places are given."""

    def __init__(self, edits: list[Edit]):
        self.edits = sorted(edits, key=lambda e: e.start)
        self.ends = [e.end for e in self.edits]
        self.shifts = list(itertools.accumulate(
            (len(e.content) - (e.end - e.start) for e in self.edits), initial=0))

    def starts_of(self, position: int) -> set[int]:
        before = bisect.bisect_right(self.ends, position)  # edits ending at or before it
        if before < len(self.edits) and self.edits[before].start < position:
            return {self.edits[before].start + self.shifts[before]}
        moved = position + self.shifts[before]
        if before and self.ends[before - 1] == position:  # the edit just before ends at it
            return {moved, self.edits[before - 1].start + self.shifts[before - 1]}
        return {moved}

    def ends_of(self, position: int) -> set[int]:
        before = bisect.bisect_left(self.ends, position)  # edits ending before it
        if before < len(self.edits) and self.edits[before].start <= position:
            edit = self.edits[before]
            grown = edit.start + self.shifts[before] + len(edit.content)
            # Across the end: the span takes the new text; starting at it: it may.
            return {grown} if edit.start < position else {position + self.shifts[before], grown}
        return {position + self.shifts[before]}


def choose(source: Source, diagnostics: list[Diagnostic], unsafe: bool, document=None,
           locked: Locked | None = None) -> list[Diagnostic]:
    """The findings whose fixes apply this round: allowed, no-op free, not overlapping.

    A fix that would touch a heading marker is left out unless the marker is
    what the finding is about (its span or a related one); so is one with an edit `locked`
    forbids. The markers are the document's
    (the source's, built when not given): the ones the rules saw, so that a label the
    rules read as text (（一）予以公开 in a statistics table) is not protected here while a
    rule converting the whole file counts it as fixable. Findings are sorted once and each
    check costs the length of its edits (plus a bisection), so a round is O(n log n), not quadratic.
    """
    document = document if document is not None else build_document(source)
    markers = _Markers(document.lines)
    taken = _Taken(len(source.text))
    chosen = []
    # A fix of formatting alone (FormatEdit) changes no text: a reviewed Word copy applies it.
    allowed = [d for d in diagnostics if d.fix is not None and d.fix.edits and (d.fix.safe or unsafe)]
    for d in sorted(allowed, key=lambda d: (d.fix.edits[0].start, d.code)):
        fix = d.fix
        if all(source.text[e.start:e.end] == e.content for e in fix.edits):
            continue  # nothing would change
        if any(taken.overlaps(e) for e in fix.edits):
            continue
        if locked is not None and not all(locked.allows(e) for e in fix.edits):
            continue
        if any(not _about(d, a, b) for e in fix.edits for a, b in markers.touched_by(e)):
            continue
        for e in fix.edits:
            taken.add(e)
        chosen.append(d)
    return chosen


class Locked:
    """Spans of a text that no fix may change: no edit replaces one of their characters or
    inserts strictly inside one (at either end is allowed); and, with `breaks` false, no edit
    brings a line break of its own (a document whose lines are paragraphs cannot take one as
    text). The spans move along as the edits of each round shift the text; those edits never
    touch them, so each keeps its length."""

    def __init__(self, spans, breaks: bool = True):
        self.breaks = breaks
        merged: list[list[int]] = []
        for start, end in sorted(spans):
            if merged and start <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], end)
            elif start < end:
                merged.append([start, end])
        self.starts = [start for start, _ in merged]
        self.ends = [end for _, end in merged]

    def allows(self, edit: Edit) -> bool:
        if not self.breaks and ("\n" in edit.content or "\r" in edit.content):
            return False
        index = bisect.bisect_right(self.ends, edit.start)  # the first span ending after the edit starts
        if index == len(self.starts):
            return True
        if edit.start == edit.end:
            return not self.starts[index] < edit.start
        return not self.starts[index] < edit.end

    def move(self, edits: list[Edit]) -> None:
        edits = sorted(edits, key=lambda e: e.end)
        ends = [e.end for e in edits]
        shifts = list(itertools.accumulate((len(e.content) - (e.end - e.start) for e in edits), initial=0))
        for i, start in enumerate(self.starts):
            # The edits ending at or before a span's start (an insertion at its start too) move it.
            shift = shifts[bisect.bisect_right(ends, start)]
            self.starts[i] += shift
            self.ends[i] += shift


class _Taken:
    """The positions chosen edits claim. Two edits overlap when they share a replaced
    character, when one inserts inside the other, or when both start at one point
    (two insertions there would be ambiguous)."""

    def __init__(self, size: int):
        self.replaced = bytearray(size + 1)  # 1 where a chosen edit replaces the character
        self.starts = bytearray(size + 1)  # 1 where a chosen edit starts (insertions too)

    def overlaps(self, edit: Edit) -> bool:
        start, end = edit.start, edit.end
        if self.starts[start]:
            return True
        if start == end:  # an insertion: inside an edit that covers both neighbours
            return start > 0 and bool(self.replaced[start - 1] and self.replaced[start])
        return self.replaced.find(1, start, end) != -1 or self.starts.find(1, start + 1, end) != -1

    def add(self, edit: Edit) -> None:
        self.starts[edit.start] = 1
        self.replaced[edit.start:edit.end] = b"\x01" * (edit.end - edit.start)


class _Markers:
    """Heading-marker spans in text order, found by bisection."""

    def __init__(self, lines):
        spans = [(line.marker.start, line.marker.end) for line in lines if line.marker is not None]
        self.spans = spans
        self.ends = [end for _, end in spans]

    def touched_by(self, edit: Edit):
        index = bisect.bisect_right(self.ends, edit.start)
        # From the first span ending after the edit starts, while spans start before it ends:
        # exactly the spans that share a character with it (or, for an insertion, hold it).
        while index < len(self.spans) and self.spans[index][0] < edit.end:
            yield self.spans[index]
            index += 1


def _touches(span, start: int, end: int) -> bool:
    return span.start < end and start < span.end


def _about(d: Diagnostic, start: int, end: int) -> bool:
    """Whether a finding is about a span: its own, or one of its related spans."""
    return _touches(d, start, end) or any(a < end and start < b for path, a, b, _ in related_places(d)
                                          if path == d.path)


def apply_edits(text: str, edits: list[Edit]) -> str:
    """Apply non-overlapping edits; untouched text is copied as it was."""
    pieces = []
    position = 0
    for edit in sorted(edits, key=lambda e: e.start):
        pieces.append(text[position:edit.start])
        pieces.append(edit.content)
        position = edit.end
    pieces.append(text[position:])
    return "".join(pieces)
