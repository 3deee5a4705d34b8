"""The reviewer's desk (issue 22): what `check` adds once every file is read.

Each file's reports are digested where the file is read (lintlaw/runner.py, Options.summarise);
here the run's digests are compared (lintlaw/engine/comparing.py), the comparison findings pass
the same filter as every finding (the configuration's ignore-findings, the baseline), and they
join the findings of their files: in place, for a format that prints the findings at the end;
after every file's own, for one that writes each file as it is done.
"""

from __future__ import annotations

import heapq
from dataclasses import dataclass, field


@dataclass
class Desk:
    """What the run keeps for comparing its reports."""

    digests: list = field(default_factory=list)  # every report's ReportDigest, in the run's order
    reference: set = field(default_factory=set)  # the --previous files (by the name findings carry)
    kept: dict = field(default_factory=dict)  # texts the run does not keep otherwise: path -> Source or Packed
    outcome: object = None  # lintlaw.analysis.comparison.Outcome, once compared

    def take(self, outcome) -> None:
        """Keep what comparing needs of one file's outcome."""
        self.digests.extend(outcome.digests)
        if outcome.reference:
            self.reference.add(outcome.path)
            self.kept[outcome.path] = outcome.source
        elif outcome.packed is not None:
            self.kept[outcome.path] = outcome.packed

    def source(self, path: str, sources: dict):
        """A file's text: the run's own copy, else the one kept here (unpacked)."""
        if path in sources:
            return sources[path]
        kept = self.kept[path]
        return kept.unpack() if hasattr(kept, "unpack") else kept

    def sources_for(self, diagnostics, sources: dict) -> dict:
        """The sources rendering these findings needs: their files and the files of their related spans."""
        from lintlaw.diagnostics import related_places

        paths = dict.fromkeys(p for d in diagnostics for p in (d.path, *(r[0] for r in related_places(d))))
        return {path: self.source(path, sources) for path in paths}

    def by_file(self, diagnostics):
        """The findings file by file, each batch with the sources rendering it needs: a few
        files' texts at a time, read again as needed (for a format that writes as it goes)."""
        batch: list = []
        for d in diagnostics:
            if batch and d.path != batch[0].path:
                yield batch, self.sources_for(batch, {})
                batch = []
            batch.append(d)
        if batch:
            yield batch, self.sources_for(batch, {})


def kept_for_later(source, name: str, encoding: str | None):
    """What the parent keeps of a file it may need again (a comparison finding in it, or one
    of its paragraphs to compare): a text file is read again by its name; a Word document,
    web page or PDF, costly to read again, is kept compressed."""
    from lintlaw.io.inputs import STDIN, Reread

    if source.editable and name != STDIN:
        return Reread.of(source, name, encoding)
    return source.pack()


def summarising(plans: dict, output_format: str, diff: bool) -> int | None:
    """What each report's digest must hold (Options.summarise) for the rules of these plans and
    the output format: nothing when no comparison rule is chosen, the format shows no report
    summary, or nothing is shown (--diff)."""
    from lintlaw.engine.comparing import digest_chars
    from lintlaw.render.formats import FORMATS

    if diff:
        return None
    chars = digest_chars([rule for plan in plans.values() for rule in plan.rules])
    if chars is None and FORMATS[output_format].reviews:
        return 0
    return chars


def compare(desk: Desk, sources: dict, plan_of: dict, run_stale: list, baseline_path=None) -> tuple[list, list]:
    """The comparison findings the run shows (after its filter), and the baseline entries still
    unmatched once they are counted."""
    from lintlaw.engine.comparing import compare as run_comparison
    from lintlaw.engine.comparing import readings_of
    from lintlaw.io.paths import relative_path
    from lintlaw.io.suppression import Baseline, FindingFilter

    if not desk.digests:
        return [], run_stale

    def text_of(path: str) -> str:
        return desk.source(path, sources).text

    found, desk.outcome = run_comparison(desk.digests, text_of, lambda path: plan_of[path].rules,
                                         frozenset(desk.reference),
                                         readings_of(plan.types for plan in plan_of.values()))
    recorded = Baseline.of(baseline_path, run_stale) if baseline_path is not None and run_stale else None
    shown, matched = [], set()
    by_path: dict[str, list] = {}
    for d in found:
        by_path.setdefault(d.path, []).append(d)
    for path, diagnostics in by_path.items():
        settings = plan_of[path].settings
        before = recorded.by_file.get(relative_path(path, recorded.directory), []) if recorded else []
        if not settings.suppressed and not before:  # nothing to match: the text is not needed
            shown += diagnostics
            continue
        kept = FindingFilter(settings, recorded)
        shown += kept.keep(diagnostics, desk.source(path, sources))
        matched |= {id(entry) for entry in before} - {id(entry) for entry in kept.stale}
    return shown, [entry for entry in run_stale if id(entry) not in matched]


def merged(diagnostics: list, compared: list, order: dict) -> list:
    """The run's findings with the comparison findings in place: file by file in the run's
    order, each file's by position."""
    if not compared:
        return diagnostics
    by_path: dict[str, list[list]] = {path: [[], []] for path in order}
    for d in diagnostics:
        by_path[d.path][0].append(d)
    for d in compared:
        by_path[d.path][1].append(d)

    def key(d):
        return d.start, d.code, d.end

    return [d for own, added in by_path.values() for d in heapq.merge(own, added, key=key)]


def reports(desk: Desk):
    """The run's reports for a review format (not the --previous ones): who, when, what type,
    last year's report compared with and the share of its paragraphs found there."""
    from lintlaw.render.reports import ReportRow, Reports

    outcome = desk.outcome
    rows = []
    for i, d in enumerate(desk.digests):
        if d.path in desk.reference:
            continue
        last = outcome.last_year.get(i) if outcome is not None else None
        copied = outcome.copied.get(i) if outcome is not None else None
        rows.append(ReportRow(
            path=d.path, number=d.number, title=d.title, issuer=d.issuer, issuer_from=d.issuer_from,
            year=d.year, type_name=d.type_name, type_label=d.type_label, start=d.start, line=d.anchor[2],
            last_year=desk.digests[last].path if last is not None else None,
            last_year_number=desk.digests[last].number if last is not None else 0,
            copied=copied / d.chars if copied is not None and d.chars else None))
    return Reports(rows)
