"""The problems the Word layout analysis reports (lintlaw/analysis/word_layout.py), declared
apart from it so that loading the rules does not load that analysis: a text file has no
formatting, and its check never imports it (issue 24). Each one's name and the values its
issues carry (lintlaw/analysis/issue.py); the analysis's functions are given the name of the
one they look for (a rule's `problem`)."""

from lintlaw.analysis.issue import Check

FONT = Check.of("font", "count", "found", "expected", "places")
SIZE = Check.of("size", "count", "found", "expected", "places")
ALIGNMENT = Check.of("alignment", "count", "found", "expected", "places")
MARGINS = Check.of("margins", "found")
LINE_PITCH = Check.of("line-pitch", "count", "found", "lines", "places")
CHAR_PITCH = Check.of("char-pitch", "found", "chars")
PAGE_NUMBER_FORM = Check.of("page-number-form", "found")
PAGE_NUMBER_SIZE = Check.of("page-number-size", "found", "expected")
PAGE_NUMBERS_MISSING = Check.of("page-numbers-missing", "pages")

# The parts of a report whose formatting a rule checks, as the analysis names its stretches.
ELEMENTS = ("title", "heading-1", "heading-2", "heading-3", "heading-4", "body")
