"""The real reports in ../shared/corpus: what a reviewer expects lintlaw to say.

The corpus is read in place (never copied); the tests skip where it is absent.
"""

import pytest

from lintlaw.linter import lint
from lintlaw.source import read_file

from .conftest import CORPUS

pytestmark = pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus not present")


def check(name, rules):
    source = read_file(CORPUS / name)
    return [(d.code, source.position(d.start)[0], d.severity.label) for d in lint(source, rules)]


def test_gaoping_lacks_shortcomings_and_responsibility_parts(all_rules):
    found = check("gaoping-2024.txt", all_rules)
    assert ("S002", 9, "warning") in found
    assert ("S003", 9, "warning") in found
    assert not [f for f in found if f[0].startswith("S1")]


def test_wanzhou_damaged_level2_markers(all_rules):
    found = check("wanzhou-2024.txt", all_rules)
    assert [line for code, line, _ in found if code == "S106"] == [31, 43, 51, 71]
    # The level-2 heading that lost its marker entirely shows as a restart under the previous one.
    assert ("S105", 65, "warning") in found
    assert not [f for f in found if f[0] in ("S002", "S003", "S004")]


def test_jiaxing_has_no_structure_finding_above_info(all_rules):
    found = check("jiaxing-2021.txt", all_rules)
    assert [f for f in found if f[0].startswith("S") and f[2] != "info"] == []


def test_no_placeholder_findings_on_published_reports(all_rules):
    for name in ("gaoping-2024.txt", "jiaxing-2021.txt", "wanzhou-2024.txt"):
        assert [f for f in check(name, all_rules) if f[0].startswith("T")] == []
