"""Baselines: adopt lintlaw on old reports by recording today's findings.

A baseline is a JSON file of findings keyed by rule, path and fingerprint (the
text found, not the line), so a finding whose line moved is still known, and
only new findings are reported. Entries that match nothing any more are
reported too, so that the baseline can shrink.
"""

from __future__ import annotations

import json
from pathlib import Path

from lintlaw.errors import UsageError
from lintlaw.fingerprint import fingerprints, normalise_path

VERSION = 1


def write(path: Path, diagnostics, sources) -> int:
    entries = []
    for d, fingerprint in zip(diagnostics, fingerprints(diagnostics, sources), strict=True):
        line, _ = sources[d.path].position(d.start)
        entries.append({"rule": d.code, "path": normalise_path(d.path), "fingerprint": fingerprint,
                        "line": line, "message": d.message})
    text = json.dumps({"version": VERSION, "findings": entries}, ensure_ascii=False, indent=1)
    path.write_text(text + "\n", encoding="utf-8")
    return len(entries)


def read(path: Path) -> list[dict]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as err:
        raise UsageError(f"{path}: 无法读取基线文件（{err.strerror or err}）") from None
    except ValueError as err:
        raise UsageError(f"{path}: 基线文件不是有效的 JSON（{err}）") from None
    findings = data.get("findings") if isinstance(data, dict) else None
    if data.get("version") != VERSION or not isinstance(findings, list) or not all(
            isinstance(e, dict) and {"rule", "path", "fingerprint"} <= set(e) for e in findings):
        raise UsageError(f"{path}: 不是 lintlaw 基线文件（需要 version = {VERSION} 和 findings 列表）")
    return findings


def new_findings(recorded: list[dict], diagnostics, sources):
    """(findings not in the baseline, baseline entries that matched nothing)."""
    remaining: dict[tuple, list[dict]] = {}
    for entry in recorded:
        remaining.setdefault((entry["rule"], entry["path"], entry["fingerprint"]), []).append(entry)
    new = []
    for d, fingerprint in zip(diagnostics, fingerprints(diagnostics, sources), strict=True):
        entries = remaining.get((d.code, normalise_path(d.path), fingerprint))
        if entries:
            entries.pop()
        else:
            new.append(d)
    gone = [entry for entries in remaining.values() for entry in entries]
    checked = {normalise_path(path) for path in sources}
    return new, [entry for entry in gone if entry["path"] in checked]
