"""Every finding on the real corpus, against the reviewed golden file.

A change in findings is either a reviewed rule change (then run
`python scripts/corpus_golden.py --update` and say why in the commit) or a bug.
"""

import difflib
import importlib.util

import pytest

from .helpers import CORPUS

pytestmark = pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus not present")


def _golden_module():
    from pathlib import Path

    path = Path(__file__).resolve().parents[1] / "scripts" / "corpus_golden.py"
    spec = importlib.util.spec_from_file_location("corpus_golden", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_corpus_findings_match_the_golden_file():
    golden = _golden_module()
    expected = golden.GOLDEN.read_text(encoding="utf-8").splitlines()
    current = golden.findings_lines()
    assert current == expected, "\n".join(difflib.unified_diff(expected, current, "golden", "now", lineterm=""))
