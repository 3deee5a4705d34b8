"""What a reviewed copy shows, worked out on the text: each finding with the tracked changes
that carry out its fix, or the places to mark where its fix is not applied.

Independent of the kind of document: lintlaw/review/word.py puts it into a Word file; the
text offsets are the Source's, so they point into the document the Source was read from.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lintlaw.diagnostics import Diagnostic, FormatEdit
from lintlaw.engine.fixing import FixResult
from lintlaw.engine.revisions import Revision
from lintlaw.text.source import Source


@dataclass
class Remark:
    """One finding as the copy shows it: a comment on its words, with its fix either applied
    as tracked changes or only suggested. A finding that stands for many places (P008's
    half-width marks, S107's markers: its fix edits beyond its own span) marks each place."""

    diagnostic: Diagnostic
    revisions: list[int] = field(default_factory=list)  # its fix, applied: indexes into Review.revisions
    places: list[tuple[int, int]] = field(default_factory=list)  # each place, when it stands for many
    formats: list[FormatEdit] = field(default_factory=list)  # its fix's formatting, applied (Word)

    @property
    def applied(self) -> bool:
        return bool(self.revisions or self.formats)


@dataclass
class Review:
    source: Source  # what was read from the document (the original text)
    findings: list[Diagnostic]  # its findings, as `check` shows them
    remarks: list[Remark]
    revisions: list[Revision]  # tracked changes of the original text, in order, none touching another
    result: FixResult | None = None  # the fixed text and the findings left, when fixes were applied
    authorities: dict = field(default_factory=dict)  # rule code → its authority, for the comments

    @property
    def changes(self) -> int:
        """The tracked changes a drafter accepts or rejects: text revisions and formatting edits."""
        return len(self.revisions) + sum(len(remark.formats) for remark in self.remarks)

    @property
    def remaining(self) -> list[Diagnostic]:
        """The findings the fixed text still has (as `check --fix` reports them), but those whose
        formatting the copy changes: accepted, they are gone too."""
        done = {(r.diagnostic.code, r.diagnostic.message) for r in self.remarks if r.formats}
        return [d for d in self.result.remaining if (d.code, d.message) not in done]

    @property
    def fixed(self) -> int:
        """The findings whose fixes the copy carries (those of text, and of formatting alone)."""
        alone = sum(1 for r in self.remarks if r.formats and not r.diagnostic.fix.edits)
        return (self.result.fixed if self.result is not None else 0) + alone


def make_review(source: Source, rules, types=None, keep=None, *, fix: bool = False, unsafe: bool = False,
                locked=()) -> Review:
    """Every finding of `source` (after `keep`, as `check` shows them); with `fix`, its fixes
    applied in rounds as `check --fix` applies them (with `unsafe`, the unsafe ones too) except
    where an edit would touch a `locked` span, composed into tracked changes of the original."""
    from lintlaw.engine.fixing import Locked, fix_source
    from lintlaw.engine.linter import lint
    from lintlaw.engine.revisions import compose

    keep = keep or (lambda found, _source: found)
    findings = keep(lint(source, rules, types), source)
    result, revisions = None, []
    if fix:
        # A reviewed document's lines are its paragraphs: a fix may join them, never split one.
        result = fix_source(source, rules, unsafe, types, keep, Locked(locked, breaks=False))
        revisions = compose(source.text, result.rounds)
    remarks = [Remark(d, places=places_of(d)) for d in findings]
    by_finding = {d: i for i, d in enumerate(findings)}
    if fix:  # a fix's formatting (a Word layout rule's fonts and sizes) goes with its text, or alone
        chosen = {by_finding[d] for d in (result.rounds[0] if result.rounds else ()) if d in by_finding}
        for number, remark in enumerate(remarks):
            found = remark.diagnostic.fix
            if found is not None and found.formats and (found.safe or unsafe) and (
                    not found.edits or number in chosen):
                remark.formats = list(found.formats)
    for number, revision in enumerate(revisions):
        owners = {by_finding[d] for d in revision.findings if d in by_finding}
        if not owners:  # only findings a fix of an earlier round gave rise to: on its own words
            later = revision.findings[0]
            remarks.append(Remark(later._replace(start=revision.start, end=revision.end, fix=None)))
            owners = {len(remarks) - 1}
        for owner in owners:
            remarks[owner].revisions.append(number)
    remarks.sort(key=lambda r: r.diagnostic.sort_key)
    authorities = {rule.code: rule.authority for rule in rules}
    return Review(source, findings, remarks, revisions, result, authorities)


def places_of(d: Diagnostic) -> list[tuple[int, int]]:
    """The places a finding stands for: its fix's edits (text or formatting), when they reach
    beyond its own span; [] for a finding of one place. The serve page highlights them too."""
    edits = [] if d.fix is None else [*d.fix.edits, *d.fix.formats]
    if len(edits) < 2 or all(d.start <= edit.start and edit.end <= d.end for edit in edits):
        return []
    return sorted((edit.start, edit.end) for edit in edits)
