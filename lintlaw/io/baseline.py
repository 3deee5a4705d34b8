"""Baselines: adopt lintlaw on old reports by recording today's findings.

A baseline is a JSON file of findings keyed by rule, path and fingerprint (the
text found, not the line), so a finding whose line moved is still known, and
only new findings are reported (lintlaw/io/suppression.py matches them, before
--fix chooses any fix). Entries that match nothing any more are reported too, so
that the baseline can shrink. Paths are relative to the baseline file's
directory, so a baseline works from any working directory and for paths typed
relative or absolute.
"""

from __future__ import annotations

import json
from pathlib import Path

from lintlaw.errors import UsageError
from lintlaw.reasons import json_reason, system_reason
from lintlaw.io.fingerprint import fingerprints
from lintlaw.io.paths import relative_path
from lintlaw.io.writeback import replacing

VERSION = 1
# Every entry's fields and their types: the whole file is checked before anything is printed.
FIELDS = {"rule": str, "path": str, "fingerprint": str, "line": int, "message": str}


def write(path: Path, diagnostics, sources) -> int:
    directory = path.absolute().parent
    entries = []
    for d, fingerprint in zip(diagnostics, fingerprints(diagnostics, sources, directory), strict=True):
        line, _ = sources[d.path].position(d.start)
        entries.append({"rule": d.code, "path": relative_path(d.path, directory), "fingerprint": fingerprint,
                        "line": line, "message": d.message})
    text = json.dumps({"version": VERSION, "findings": entries}, ensure_ascii=False, indent=1)
    # Whole or not at all: a full disk leaves the old baseline readable.
    with replacing(path) as stream:
        stream.write((text + "\n").encode("utf-8"))
    return len(entries)


def read(path: Path) -> list[dict]:
    try:
        # utf-8-sig: a baseline saved by Notepad starts with a byte-order mark.
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except OSError as err:
        raise UsageError(f"{path}: 无法读取基线文件（{system_reason(err)}）") from None
    except ValueError as err:  # UnicodeDecodeError too
        raise UsageError(f"{path}: 基线文件不是有效的 JSON（{json_reason(err)}）") from None
    except RecursionError:
        raise UsageError(f"{path}: 基线文件不是有效的 JSON（嵌套层次太深）") from None
    problem = _shape_problem(data)
    if problem:
        raise UsageError(f"{path}: 不是 lintlaw 基线文件：{problem}")
    return data["findings"]


def _shape_problem(data) -> str | None:
    """What makes parsed JSON something other than a baseline, None for a baseline."""
    if not isinstance(data, dict):
        return f"应为 JSON 对象（{{\"version\": {VERSION}, \"findings\": […]}}）"
    if data.get("version") != VERSION:
        return f"需要 \"version\": {VERSION}"
    findings = data.get("findings")
    if not isinstance(findings, list):
        return "需要 findings 列表"
    for number, entry in enumerate(findings, 1):
        if not isinstance(entry, dict):
            return f"findings 第 {number} 项不是对象"
        for key, expected in FIELDS.items():
            value = entry.get(key)
            if value is None:
                return f"findings 第 {number} 项缺少 {key}"
            if not isinstance(value, expected) or isinstance(value, bool):
                return f"findings 第 {number} 项的 {key} 应为{'整数' if expected is int else '字符串'}"
    return None
