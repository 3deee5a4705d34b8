"""Every output format, in one table.

A format is a function `(diagnostics, sources, rules) -> str` (the whole output,
"" when there is nothing to print) and one line below. Targets are "module:function"
strings so that choosing a format imports only its own module.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator
from typing import NamedTuple

Renderer = Callable[[list, dict, list], str]


class OutputFormat(NamedTuple):
    target: str | Renderer  # "module:function", or the function itself
    # A format for tools: no summary line, the output is the whole document.
    for_tools: bool = False
    # Each file's findings may be rendered on their own and written as the file is done:
    # the outputs of the files, each followed by a line break, are the whole output.
    streams: bool = False
    # A review for people (html, csv): it shows each report's issuer, year and type, and is
    # called with a fourth argument, the run's reports (lintlaw.render.reports.Reports).
    reviews: bool = False
    # A format that is one array of findings (json): the function giving each finding's text as
    # an item of the array, one at a time, so that the array is written item by item
    # (lintlaw/outputs.py: render) and never stands in memory as one text.
    items: str | Callable | None = None

    def render(self, diagnostics, sources, rules, reports=None) -> str:
        function = _function(self.target)
        return function(diagnostics, sources, rules, reports) if self.reviews else function(diagnostics, sources, rules)

    def render_items(self, diagnostics, sources, rules) -> Iterator:
        return _function(self.items)(diagnostics, sources, rules)


def _function(target: str | Callable) -> Callable:
    """A "module:function" target, imported only when used."""
    if isinstance(target, str):
        module, _, name = target.partition(":")
        return getattr(importlib.import_module(module), name)
    return target


FORMATS: dict[str, OutputFormat] = {
    "full": OutputFormat("lintlaw.render.full:text", streams=True),
    "concise": OutputFormat("lintlaw.render.concise:render", streams=True),
    "json": OutputFormat("lintlaw.render.json_format:render", for_tools=True,
                         items="lintlaw.render.json_format:items"),
    "json-lines": OutputFormat("lintlaw.render.machine:json_lines", for_tools=True, streams=True),
    "sarif": OutputFormat("lintlaw.render.machine:sarif", for_tools=True),
    "github": OutputFormat("lintlaw.render.machine:github", for_tools=True, streams=True),
    "gitlab": OutputFormat("lintlaw.render.machine:gitlab", for_tools=True),
    "junit": OutputFormat("lintlaw.render.machine:junit", for_tools=True),
    # Reviews for people (issue 22): a page to read and print, a sheet for Excel and WPS.
    "html": OutputFormat("lintlaw.render.review_html:render", for_tools=True, reviews=True),
    "csv": OutputFormat("lintlaw.render.review_csv:render", for_tools=True, reviews=True),
}
