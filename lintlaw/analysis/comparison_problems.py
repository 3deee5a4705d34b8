"""The problems the comparison of reports reports (lintlaw/analysis/comparison.py), declared
apart from it so that loading the rules does not load the comparison (lintlaw/analysis/issue.py):
each one's name and the values its issues carry. Each names the other report's file and where
in it (第12行)."""

from lintlaw.analysis.issue import Check

CARRY_OVER = Check.of("carry-over", "other", "place", "column", "this", "last")
IN_FORCE = Check.of("in-force", "other", "place", "row", "this", "last", "issued", "repealed", "expected")
COPIED = Check.of("copied", "other", "place", "likeness")
SHARED = Check.of("shared", "other", "place", "issuer", "likeness", "more")
