"""The pure core of newsdiff: ingest, analyze, compare, group, export.

Nothing under this package may import ``textual`` or ``rich``; a test enforces it so
the command-line tools and scripts stay light and the UI stays a thin shell.
"""
