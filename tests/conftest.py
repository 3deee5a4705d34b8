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


def chromium_path() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


@pytest.fixture(scope="session")
def browser():
    """Headless Chromium (Debian's package) driven by Playwright, one for the whole run; the
    test is skipped, with the reason, where either is missing."""
    sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright for Python is not installed")
    executable = chromium_path()
    if executable is None:
        pytest.skip("no Chromium installed (apt-get install chromium)")
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, headless=True, args=["--no-sandbox"])
        yield launched
        launched.close()
