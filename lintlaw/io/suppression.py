"""Which findings are shown: one step for a configuration's ignore-findings and a baseline.

Both name findings by fingerprint (lintlaw/io/fingerprint.py), and both are applied here,
per file, where the file is checked (lintlaw/runner.py) and before any fix is chosen
(lintlaw/engine/fixing.py): a finding either of them covers is neither reported nor
fixed, nor counted towards the exit status. As ruff leaves a finding under `# noqa` alone
with --fix, a recorded finding is one someone decided to live with for now; fixing it
silently would change text nobody asked to change, and --diff would show edits the
report never mentions.

The configuration is applied first, the baseline to what it leaves: a baseline written
with `--write-baseline` records exactly the findings the configuration let through, with
their fingerprints counted among those.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from lintlaw.io.fingerprint import fingerprints
from lintlaw.io.paths import relative_path


@dataclass(frozen=True)
class Baseline:
    """A baseline file's entries, by the file they name (paths relative to its directory)."""

    path: Path  # the baseline file, as given (for messages)
    directory: Path  # its directory, absolute: what entry paths are relative to
    by_file: dict = field(default_factory=dict)  # relative path -> [entry, ...] in file order

    @classmethod
    def of(cls, path: Path, entries: list[dict]) -> Baseline:
        by_file: dict[str, list[dict]] = {}
        for entry in entries:
            by_file.setdefault(entry["path"], []).append(entry)
        return cls(path, path.absolute().parent, by_file)


class FindingFilter:
    """The findings of one file that are shown; `stale` holds the baseline entries for the
    file that the last call matched to no finding (entries of files not checked are
    never stale: they are never asked about)."""

    def __init__(self, settings, baseline: Baseline | None = None):
        self.settings = settings  # lintlaw.io.config.Settings: ignore-findings and their root
        self.baseline = baseline
        self.stale: list[dict] = []

    def keep(self, diagnostics: list, source) -> list:
        """The findings neither the configuration nor the baseline covers, in their order."""
        shown = self._configured(diagnostics, source)
        if self.baseline is not None:
            shown, self.stale = self._new(shown, source)
        return shown

    def _configured(self, diagnostics: list, source) -> list:
        if not self.settings.suppressed or not diagnostics:
            return diagnostics
        # Relative to the configuration's directory: the same from any working directory.
        prints = fingerprints(diagnostics, {source.path: source}, relative_to=self.settings.root)
        return [d for d, fp in zip(diagnostics, prints, strict=True)
                if not self.settings.is_suppressed(d.code, d.path, fp)]

    def _new(self, diagnostics: list, source) -> tuple[list, list[dict]]:
        """(findings the baseline does not record, its entries for this file that matched none)."""
        baseline = self.baseline
        recorded = baseline.by_file.get(relative_path(source.path, baseline.directory), ())
        if not recorded:
            return diagnostics, []
        remaining: dict[tuple[str, str], list[dict]] = {}
        for entry in recorded:
            remaining.setdefault((entry["rule"], entry["fingerprint"]), []).append(entry)
        new = []
        prints = fingerprints(diagnostics, {source.path: source}, baseline.directory)
        for d, fingerprint in zip(diagnostics, prints, strict=True):
            entries = remaining.get((d.code, fingerprint))
            if entries:
                entries.pop()  # each entry accounts for one finding: a second copy is new
            else:
                new.append(d)
        return new, [entry for entries in remaining.values() for entry in entries]
