"""Shared test helpers: where fixtures and the corpus are, and findings on a text."""

from __future__ import annotations

from pathlib import Path

from lintlaw.text.source import Source, decode

FIXTURES = Path(__file__).parent / "fixtures"
EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "report-2024.txt"  # the README's example
CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"


def source_of(text: str, path: str = "t.txt") -> Source:
    """A text as lintlaw reads it from a UTF-8 file."""
    return decode(text.encode("utf-8"), path)


def findings(text: str, rules, select=None):
    """(code, line, column, message) for every finding on a text."""
    from lintlaw.engine.linter import lint
    from lintlaw.engine.ruleset import select_rules

    source = source_of(text)
    chosen = select_rules(rules, select, None) if select else rules
    return [(d.code, *source.position(d.start), d.message) for d in lint(source, chosen)]


def modules_after_check(path) -> set[str]:
    """The modules a `lintlaw check` of one file has imported when it ends (run in a new process)."""
    import json
    import subprocess
    import sys

    probe = ("import json, sys, runpy\n"
             "sys.argv = ['lintlaw', 'check', sys.argv[1]]\n"
             "try:\n    runpy.run_module('lintlaw', run_name='__main__')\n"
             "except SystemExit:\n    pass\n"
             "print(json.dumps(sorted(sys.modules)), file=sys.stderr)\n")
    run = subprocess.run([sys.executable, "-c", probe, str(path)], capture_output=True, text=True, timeout=60,
                         check=False)
    return set(json.loads(run.stderr.splitlines()[-1]))
