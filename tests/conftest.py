import pytest

from lintlaw.ruleset import load_rules


@pytest.fixture(scope="session")
def all_rules():
    return load_rules()
