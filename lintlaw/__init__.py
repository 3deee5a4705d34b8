"""lintlaw: a compliance linter for Chinese government annual reports."""

__version__ = "0.1.0"
