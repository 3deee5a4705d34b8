"""TOML for rule files and configuration files: tomllib, or tomli on Python 3.10.

Imported inside the functions that read TOML, so a run that finds its rules in the
cache parses no TOML at all.
"""

from __future__ import annotations

import sys

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

loads = tomllib.loads
TOMLDecodeError = tomllib.TOMLDecodeError
