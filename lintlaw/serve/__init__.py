"""`lintlaw serve`: a local page for drafters (lintlaw/serve/app.py).

Nothing here is imported by `lintlaw check`: the serve command imports it lazily.
"""
