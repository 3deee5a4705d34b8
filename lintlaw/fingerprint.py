"""Stable fingerprints of findings: rule, file, the text found and a few characters
around it, not the line number.

A finding keeps its fingerprint when lines are added above it, which is what
baselines, SARIF and GitLab need to tell a moved finding from a new one. The
surrounding characters keep a new “__” from taking over an old one's identity;
the n-th occurrence of the same rule, text and surroundings gets its own.
"""

from __future__ import annotations

import hashlib
from pathlib import PurePath

from lintlaw.diagnostics import Diagnostic
from lintlaw.source import Source


def normalise_path(path: str) -> str:
    return PurePath(path).as_posix().removeprefix("./")


CONTEXT = 8  # characters on each side of the span, within its line


def fingerprints(diagnostics: list[Diagnostic], sources: dict[str, Source]) -> list[str]:
    """One fingerprint per finding, in the same order."""
    seen: dict[tuple, int] = {}
    result = []
    for d in diagnostics:
        text = sources[d.path].text
        found = text[d.start:d.end]
        before = text[max(0, d.start - CONTEXT):d.start].rsplit("\n", 1)[-1]
        after = text[d.end:d.end + CONTEXT].split("\n", 1)[0].split("\r", 1)[0]
        key = (d.code, normalise_path(d.path), found, before, after)
        occurrence = seen.get(key, 0)
        seen[key] = occurrence + 1
        digest = hashlib.sha256("\x1f".join((*key, str(occurrence))).encode()).hexdigest()
        result.append(digest[:16])
    return result
