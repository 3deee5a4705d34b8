"""Stable fingerprints of findings: rule, file, the text found and a few characters
around it, not the line number.

A finding keeps its fingerprint when lines are added above it, which is what
baselines, SARIF and GitLab need to tell a moved finding from a new one. The
surrounding characters keep a new “__” from taking over an old one's identity;
the n-th occurrence of the same rule, text and surroundings gets its own.
"""

from __future__ import annotations

import hashlib
from pathlib import Path, PurePath

from lintlaw.diagnostics import Diagnostic
from lintlaw.io.paths import relative_path
from lintlaw.text.source import Source


def normalise_path(path: str) -> str:
    return PurePath(path).as_posix().removeprefix("./")


CONTEXT = 8  # characters on each side of the span, within its line


def fingerprints(diagnostics: list[Diagnostic], sources: dict[str, Source],
                 relative_to: Path | None = None) -> list[str]:
    """One fingerprint per finding, in the same order. With `relative_to`, the
    file enters the fingerprint by its path relative to that directory, not as typed."""
    seen: dict[tuple, int] = {}
    paths: dict[str, str] = {}  # one path resolution per file, not per finding
    result = []
    for d in diagnostics:
        text = sources[d.path].text
        found = text[d.start:d.end]
        before = text[max(0, d.start - CONTEXT):d.start].rsplit("\n", 1)[-1]
        after = text[d.end:d.end + CONTEXT].split("\n", 1)[0].split("\r", 1)[0]
        if d.path not in paths:
            paths[d.path] = (relative_path(d.path, relative_to) if relative_to is not None
                             else normalise_path(d.path))
        path = paths[d.path]
        key = (d.code, path, found, before, after)
        occurrence = seen.get(key, 0)
        seen[key] = occurrence + 1
        digest = hashlib.sha256("\x1f".join((*key, str(occurrence))).encode()).hexdigest()
        result.append(digest[:16])
    return result
