"""Layer 4 — engine: rule files and their kinds, the linter that runs them,
and the fixer that applies their edits."""
