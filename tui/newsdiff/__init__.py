"""newsdiff: a terminal reader for comparing news reports."""

__version__ = "0.1.0"
