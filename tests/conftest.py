import shutil
import signal

import pytest

from lintlaw.engine.ruleset import load_rules

from .helpers import EXAMPLE


def pytest_configure(config):
    """Undo an ignored SIGINT or SIGHUP inherited from whoever started the tests (a shell runs a
    background job with SIGINT ignored, nohup ignores SIGHUP): the lintlaw processes the tests
    start would inherit it, and the tests that stop them with Ctrl-C or a hang-up would hang."""
    if signal.getsignal(signal.SIGINT) is signal.SIG_IGN:
        signal.signal(signal.SIGINT, signal.default_int_handler)
    if hasattr(signal, "SIGHUP") and signal.getsignal(signal.SIGHUP) is signal.SIG_IGN:
        signal.signal(signal.SIGHUP, signal.SIG_DFL)


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
