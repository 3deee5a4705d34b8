"""The fix rounds of a run as edits of the original text: what a reviewed copy shows as
tracked changes.

`fix_source` applies fixes in rounds, each round's edits on the text the round before left.
A reviewed copy keeps the original and marks each change in it, so the rounds are composed
into one list of edits of the original text: an edit of a later round that touches one of an
earlier round (or another edit of its own round) becomes one change with it. Applying the
composed edits to the original gives exactly the fixed text.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field

from lintlaw.diagnostics import Diagnostic, Edit
from lintlaw.engine.fixing import apply_edits


@dataclass
class Revision:
    """The original text[start:end] becomes `content`, for the findings in `findings`."""

    start: int
    end: int
    content: str
    findings: list[Diagnostic] = field(default_factory=list)  # in the round they were chosen

    @property
    def edit(self) -> Edit:
        return Edit(self.start, self.end, self.content)


def compose(text: str, rounds: list[list[Diagnostic]]) -> list[Revision]:
    """The edits of every round (each a list of chosen findings, as FixResult.rounds holds
    them) as non-overlapping edits of `text`, in order; two that meet are both replacements."""
    revisions: list[Revision] = []
    current = text
    for chosen in rounds:
        edits = [(edit, d) for d in chosen for edit in d.fix.edits]
        revisions = _compose_round(current, revisions, edits)
        current = apply_edits(current, [edit for edit, _ in edits])
    return [r for r in revisions if text[r.start:r.end] != r.content]


def _compose_round(before: str, revisions: list[Revision], edits: list[tuple[Edit, Diagnostic]]) -> list[Revision]:
    """`revisions` (original → `before`) followed by one round's `edits` (on `before`)."""
    # The shift of `before` against the original after the first i revisions.
    shifts = list(itertools.accumulate((len(r.content) - (r.end - r.start) for r in revisions), initial=0))
    spans = []  # (start, end in `before`, index of a revision or None, (edit, finding) or None)
    for i, r in enumerate(revisions):
        start = r.start + shifts[i]
        spans.append((start, start + len(r.content), i, None))
    spans.extend((edit.start, edit.end, None, (edit, d)) for edit, d in edits)
    spans.sort(key=lambda s: (s[0], s[1]))
    out: list[Revision] = []
    passed = 0  # revisions wholly before the group being gathered
    group: list = []
    group_end = 0
    ending: set[str] = set()  # the kinds of the group's spans that end at group_end
    for span in spans:
        kind = "insertion" if span[0] == span[1] else "old" if span[2] is not None else "new"
        # Spans that share characters are one revision; so are spans that only meet where one
        # is an insertion, or one is new text of an earlier round and the other an edit of this
        # one (two insertions, or new text beside new text, at one point would leave their
        # order to chance). Two replacements side by side stay two, to be accepted or rejected
        # one by one, and so do two earlier revisions.
        meets = span[0] == group_end and ("insertion" in ending or kind == "insertion"
                                           or ("old" in ending and kind == "new")
                                           or ("new" in ending and kind == "old"))
        if group and span[0] >= group_end and not meets:
            out.append(_merged(before, revisions, shifts, passed, group))
            passed += sum(1 for s in group if s[2] is not None)
            group = []
        if not group or span[1] > group_end:
            group_end, ending = span[1], {kind}
        elif span[1] == group_end:
            ending.add(kind)
        group.append(span)
    if group:
        out.append(_merged(before, revisions, shifts, passed, group))
    return out


def _merged(before: str, revisions: list[Revision], shifts: list[int], passed: int, group: list) -> Revision:
    """One revision for a group of touching spans of `before` (earlier revisions and this
    round's edits); `passed` revisions lie before it."""
    olds = [s[2] for s in group if s[2] is not None]
    news = [s[3] for s in group if s[3] is not None]
    if not news:  # an earlier revision this round left alone
        return revisions[olds[0]]
    start = min(s[0] for s in group)
    end = max(s[1] for s in group)
    # The group's ends lie in text no revision outside it changed: the original's, shifted.
    original_start = start - shifts[passed]
    original_end = end - shifts[passed + len(olds)]
    local = [Edit(edit.start - start, edit.end - start, edit.content) for edit, _ in news]
    content = apply_edits(before[start:end], local)
    findings = [d for i in olds for d in revisions[i].findings] + [d for _, d in news]
    return Revision(original_start, original_end, content, _unique(findings))


def _unique(findings: list[Diagnostic]) -> list[Diagnostic]:
    """Each finding once (by identity: two equal findings of two rounds are two)."""
    seen: dict[int, Diagnostic] = {}
    for d in findings:
        seen.setdefault(id(d), d)
    return list(seen.values())
