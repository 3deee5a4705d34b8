"""Take docs/serve.png: the lintlaw serve page on a report, in headless Chromium.

    python scripts/serve_screenshot.py ../shared/corpus/wanzhou-2024.txt [docs/serve.png [CODE]]

Needs Playwright for Python and a system Chromium (apt-get install chromium).
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main() -> None:
    from playwright.sync_api import sync_playwright

    from tests.serve_helpers import running_server

    report = Path(sys.argv[1])
    out = Path(sys.argv[2]) if len(sys.argv) > 2 else ROOT / "docs" / "serve.png"
    executable = shutil.which("chromium") or shutil.which("chromium-browser")
    with running_server() as server, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, headless=True, args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": 1440, "height": 900})
        page.goto(server.url)
        page.set_input_files("#file", str(report))
        page.wait_for_selector("#result:not([hidden])")
        # The detail panel filled in: the first finding of CODE, else the first error.
        code = sys.argv[3] if len(sys.argv) > 3 else "S105"
        finding = page.locator(f".finding:has(.code:text-is('{code}'))").first
        if not finding.count():
            finding = page.locator(".finding.error").first
        finding.click()
        page.wait_for_selector("#detail[data-rule]")
        out.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(out))
        browser.close()
    print(out)


if __name__ == "__main__":
    main()
