"""A cache of parsed rule files, so that start-up does not parse 70 TOML files every time.

The cache holds the parsed data only (never compiled patterns or code) as JSON,
under a key made of lintlaw's version and every rule file's path, size and
modification time: any edit to any file, or a new version, makes a new key.
A cache that cannot be read or written is simply not used.
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
    try:
        return json.loads(cached.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        pass
    data = {str(path): parse(path) for path in paths}
    _write(cached, json.dumps(data, ensure_ascii=False))
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
