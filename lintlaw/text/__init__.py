"""Layer 1 — text: decoding bytes, characters, numerals, quantities, dates and
the outline parse of numbered lines. Imports nothing above itself."""
