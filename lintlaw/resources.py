"""Locating the grammar and the built-in rules.

In a built wheel they live in lintlaw/_data/ (see pyproject.toml); in a source
checkout or an editable install they are the top-level grammar/ and rules/.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


@cache
def data_dir(name: str) -> Path:
    for candidate in (_PACKAGE_DIR / "_data" / name, _PACKAGE_DIR.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"lintlaw installation is missing its {name}/ directory")


def grammar_path() -> Path:
    return data_dir("grammar") / "outline.lark"


def builtin_rules_dir() -> Path:
    return data_dir("rules")
