import shutil

import pytest

from lintlaw.engine.ruleset import load_rules

from .helpers import EXAMPLE


@pytest.fixture(scope="session")
def all_rules():
    return load_rules()


@pytest.fixture()
def project(tmp_path, monkeypatch):
    """A working directory holding reports/a.txt, the example report (tests may override)."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "reports").mkdir()
    shutil.copy(EXAMPLE, tmp_path / "reports" / "a.txt")
    return tmp_path
