"""A cache of parsed rule files, so that start-up does not parse 70 TOML files every time.

The cache holds the parsed data only (never compiled patterns or code) as JSON,
under a key made of lintlaw's version and every rule file's path, size and
modification time: any edit to any file, or a new version, makes a new key.
A cache that cannot be read or written, or does not hold what it should (a
truncated or hand-edited file: its checksum line or its shape is wrong), is
simply not used, and rebuilt.
"""

from __future__ import annotations

import json
import os
import zlib
from pathlib import Path
from typing import Callable

from lintlaw import __version__


def cache_dir() -> Path:
    explicit = os.environ.get("LINTLAW_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "lintlaw"


def parsed(paths: list[Path], parse: Callable[[Path], dict]) -> dict[str, dict]:
    """{path: parsed data} for the given rule files, from the cache when it is current."""
    if os.environ.get("LINTLAW_NO_CACHE"):
        return {str(path): parse(path) for path in paths}
    try:
        stamp = [(str(p), s.st_size, s.st_mtime_ns) for p in paths for s in [p.stat()]]
    except OSError:
        return {str(path): parse(path) for path in paths}
    # zlib, not hashlib: its import is ten times cheaper, and the key needs no secrecy.
    blob = json.dumps([__version__, stamp]).encode()
    key = f"{zlib.crc32(blob):08x}{zlib.adler32(blob):08x}"
    cached = cache_dir() / f"rules-{key}.json"
    names = [str(path) for path in paths]
    data = _read(cached, names)
    if data is None:
        data = {str(path): parse(path) for path in paths}
        payload = json.dumps(data, ensure_ascii=False)
        _write(cached, f"{_checksum(payload)}\n{payload}")
    return data


def _checksum(payload: str) -> str:
    return f"{zlib.crc32(payload.encode()):08x}"


def _read(cached: Path, names: list[str]) -> dict[str, dict] | None:
    """The cached data, or None when the file is missing, damaged or of the wrong shape."""
    try:
        header, _, payload = cached.read_text(encoding="utf-8").partition("\n")
        if header != _checksum(payload):
            return None
        data = json.loads(payload)
    except (OSError, ValueError, RecursionError):
        return None
    if not isinstance(data, dict) or sorted(data) != sorted(names) or not all(
            isinstance(value, dict) for value in data.values()):
        return None
    return data


KEEP = 8  # cache files kept: one per installed copy and rule set in use, roughly


def _write(path: Path, text: str) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(f".{os.getpid()}.tmp")
        temporary.write_text(text, encoding="utf-8")
        os.replace(temporary, path)
        # Old keys are never read again once their files changed: keep only the newest few.
        stale = sorted(path.parent.glob("rules-*.json"), key=lambda p: p.stat().st_mtime, reverse=True)[KEEP:]
        for old in stale:
            old.unlink(missing_ok=True)
    except OSError:
        pass  # a read-only home directory only costs speed
