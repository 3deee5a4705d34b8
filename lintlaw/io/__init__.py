"""Layer 2 — files in and out: readers for .docx/.html/.md, input discovery,
configuration, baselines, fingerprints and atomic write-back."""
