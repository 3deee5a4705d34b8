"""Layer 3 — analysis: the document model (reports, sections, page chrome),
report types, and the facts, numbering, consistency, chronology and
punctuation analyses the rules rest on."""
