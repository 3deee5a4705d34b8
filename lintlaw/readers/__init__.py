"""Readers for inputs that are not plain text: Word (.docx), web pages (.html), Markdown (.md).

Each turns a file into a Source whose lines are what a reader of the document
sees: Word paragraphs with their automatic numbering written out, the article
body of a web page, Markdown with its heading marks set aside.
"""
