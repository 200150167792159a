"""`pipeline check`: the stages as a linter, with a baseline of accepted findings.

The same edits `pipeline run` applies are reported as findings; only findings
absent from the baseline fail.
"""
