"""`lintlaw serve` with several files at once (issue 22): the summary table of the html
review, each file's findings with the comparison's among them, over HTTP and in a browser."""

from __future__ import annotations

import json

import pytest

from tests.region import text_lines, EDUCATION, TRANSPORT
from tests.serve_helpers import cli, running_server
from tests.test_serve import post_json, records, request

pytestmark = pytest.mark.slow  # servers, lintlaw processes and a browser

# Two departments' two years: a carry-over that does not match (教育局), a copied paragraph
# and a table that does not add up (交通运输局, 2023).
FILES = {f"{year}{name}.txt": ("\n".join(text_lines(issuer, year)) + "\n").encode("utf-8")
         for issuer, name in ((EDUCATION, "教育局"), (TRANSPORT, "交通运输局")) for year in (2024, 2023)}


@pytest.fixture(scope="module")
def server():
    with running_server() as running:
        yield running


@pytest.fixture(scope="module")
def expected(tmp_path_factory) -> list[dict]:
    """What `lintlaw check --format json` says of the same files checked together."""
    folder = tmp_path_factory.mktemp("cli")
    for name, data in FILES.items():
        (folder / name).write_bytes(data)
    return json.loads(cli("check", "--isolated", "--format", "json", *FILES, cwd=folder).stdout)


def review(server, files: dict[str, bytes]):
    listed = json.dumps([[name, len(data)] for name, data in files.items()])
    return post_json(server, "/api/review", b"".join(files.values()), files=listed)


def test_several_files_are_checked_together_as_check_does(server, expected):
    status, page = review(server, FILES)
    assert status == 200
    assert [f["name"] for f in page["files"]] == list(FILES)
    for file in page["files"]:
        assert records(file) == [r for r in expected if r["path"] == file["name"]]
    x001 = next(f for f in page["files"][0]["findings"] if f["code"] == "X001")
    assert x001["related"][0]["path"] == "2023教育局.txt"
    rows = {row["file"]: row for row in page["summary"]}
    for name in FILES:
        found = [r for r in expected if r["path"] == name]
        assert (rows[name]["errors"], rows[name]["warnings"], rows[name]["infos"]) == tuple(
            sum(r["severity"] == level for r in found) for level in ("error", "warning", "info"))
    assert (rows["2024教育局.txt"]["issuer"], rows["2024教育局.txt"]["year"]) == ("青石县教育局", 2024)
    assert rows["2024交通运输局.txt"]["last_year"] == "2023交通运输局.txt"
    assert 0 < rows["2024交通运输局.txt"]["copied"] < 1 and rows["2023交通运输局.txt"]["copied"] is None
    assert rows["2023交通运输局.txt"]["relations"] == 3  # T201, T203, T208


@pytest.mark.parametrize("files, listed, message", [
    ({"a.txt": b"x", "b.txt": b"y"}, [["a.txt", 1], ["a.txt", 1]], "lintlaw: a.txt: 同名的文件上传了两次：请改名后再一起检查"),
    ({"a.txt": b"x", "b.txt": b"y"}, [["a.txt", 1], ["b.txt", 5]], "文件清单中的大小与上传的内容不符"),
    ({"a.txt": b"x"}, "[[", "缺少文件清单（files：各文件的名称和字节数）"),
])
def test_a_bad_upload_gets_one_line(server, files, listed, message):
    query = listed if isinstance(listed, str) else json.dumps(listed)
    status, body = request(server, "POST", "/api/review", b"".join(files.values()), files=query)
    assert (status, json.loads(body)) == (400, {"error": message})



def test_the_page_shows_the_summary_and_each_file(browser, server, expected, tmp_path):
    paths = []
    for name, data in FILES.items():
        (tmp_path / name).write_bytes(data)
        paths.append(str(tmp_path / name))
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    page = context.new_page()
    try:
        page.goto(server.url)
        page.set_input_files("#file", paths)
        page.wait_for_selector("#review:not([hidden]) #review-table tbody tr")
        rows = page.eval_on_selector_all("#review-table tbody tr", """rows => rows.map(tr => Object.fromEntries(
            [...tr.children].map(td => [td.className, td.dataset.value])))""")
        assert [row["file"] for row in rows] == list(FILES)
        for row in rows:
            found = [r for r in expected if r["path"] == row["file"]]
            assert [row["errors"], row["warnings"], row["infos"]] == [
                str(sum(r["severity"] == level for r in found)) for level in ("error", "warning", "info")]
        # The first file is shown; a row shows its own.
        assert page.inner_text("#file-name") == "2024教育局.txt"
        assert "X001" in page.locator(".finding .code").all_inner_texts()
        page.click("#review-table tbody tr[data-file='2023交通运输局.txt']")
        page.wait_for_function("document.querySelector('#file-name').textContent === '2023交通运输局.txt'")
        assert sorted(page.locator(".finding .code").all_inner_texts()) == sorted(
            r["code"] for r in expected if r["path"] == "2023交通运输局.txt")
        page.click("#review-table th.errors button")
        errors = [int(v) for v in page.eval_on_selector_all(
            "#review-table tbody td.errors", "cells => cells.map(td => td.dataset.value)")]
        assert errors == sorted(errors)
    finally:
        context.close()
