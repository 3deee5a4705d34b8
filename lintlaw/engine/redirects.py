"""Former rule names that still select their rule, as ruff's redirected codes do.

A rule renamed keeps its code; its old name goes here, so that --select, --ignore,
configuration files and `lintlaw rule` written for the old name keep working.
"""

from __future__ import annotations

REDIRECTS = {
    # Pinyin names replaced by English ones.
    "jiezhi-as-of": "cutoff-for-as-of",
    "fazhi-government": "rule-of-law-government",
    "fazhi-vice-principal": "rule-of-law-vice-principal",
    "fazhi-daily": "rule-of-law-daily",
    "fazhi-education": "rule-of-law-education",
    "ducha-regulation-title": "inspection-regulation-title",
    "de-before-verb": "adjectival-particle-before-verb",
    "qita": "variant-other-character",
    "mou-placeholder": "so-and-so-placeholder",
    "dunhao-between-titles": "enumeration-comma-between-titles",
}


def current_name(selector: str) -> str:
    """The selector itself, or the current name of a renamed rule."""
    return REDIRECTS.get(selector, selector)
