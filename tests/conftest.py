from pathlib import Path

import pytest

from lintlaw.ruleset import load_rules
from lintlaw.source import decode

FIXTURES = Path(__file__).parent / "fixtures"
CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"


@pytest.fixture(scope="session")
def all_rules():
    return load_rules()


def findings(text: str, rules, select=None):
    """(code, line, column, message) for every finding on a text."""
    from lintlaw.linter import lint
    from lintlaw.ruleset import select_rules

    source = decode(text.encode("utf-8"), "t.txt")
    chosen = select_rules(rules, select, None) if select else rules
    return [(d.code, *source.position(d.start), d.message) for d in lint(source, chosen)]
