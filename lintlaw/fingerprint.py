"""Stable fingerprints of findings: rule, file and the text found, not the line.

A finding keeps its fingerprint when lines are added above it, which is what
baselines, SARIF and GitLab need to tell a moved finding from a new one. The
n-th occurrence of the same rule and text in a file gets its own fingerprint.
"""

from __future__ import annotations

import hashlib
from pathlib import PurePath

from lintlaw.diagnostics import Diagnostic
from lintlaw.source import Source



def normalise_path(path: str) -> str:
    return PurePath(path).as_posix().removeprefix("./")


def fingerprints(diagnostics: list[Diagnostic], sources: dict[str, Source]) -> list[str]:
    """One fingerprint per finding, in the same order."""
    seen: dict[tuple, int] = {}
    result = []
    for d in diagnostics:
        found = sources[d.path].text[d.start:d.end]
        key = (d.code, normalise_path(d.path), found)
        occurrence = seen.get(key, 0)
        seen[key] = occurrence + 1
        digest = hashlib.sha256("\x1f".join((*key, str(occurrence))).encode()).hexdigest()
        result.append(digest[:16])
    return result
