"""Former names that still work, as ruff's redirected codes do.

A rule renamed keeps its code; its old name goes in REDIRECTS, so that --select, --ignore,
configuration files and `lintlaw rule` written for the old name keep working. A report
type renamed goes in REPORT_TYPE_REDIRECTS, so that a configuration's `report-type` and a
rule file's `report-types` written for the old name keep meaning that type.
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


REPORT_TYPE_REDIRECTS = {
    # Pinyin names replaced by English ones.
    "fazhi": "law-based-government",
}


def current_name(selector: str) -> str:
    """The selector itself, or the current name of a renamed rule."""
    return REDIRECTS.get(selector, selector)


def current_report_type(name: str) -> str:
    """The report type's name itself, or the current name of a renamed type."""
    return REPORT_TYPE_REDIRECTS.get(name, name)
