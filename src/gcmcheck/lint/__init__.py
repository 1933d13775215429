"""`gcmcheck lint`: find drafts, read their settings, check them, fix them.

The modules here return data and never print: config (settings and where each came
from), discovery (which files to check), runner (results per file, serial or in
worker processes), fixes (corrections, diffs, atomic writes), progress (the bar on
stderr). commands/lint.py turns their answers into output and an exit status.
"""
