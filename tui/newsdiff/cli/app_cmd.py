"""``newsdiff [PATH...]``: open the app on the given articles (or the samples)."""

from __future__ import annotations

import argparse

from newsdiff.cli.common import EXIT_OK, input_paths


def run_app(args: argparse.Namespace) -> int:
    """Start the Textual app; it loads the paths itself, in a worker, with progress."""
    from newsdiff.ui.app import NewsdiffApp  # deferred: only the app pays for Textual

    # max_bytes=None: the ingest default, resolved in the loading thread (off the start path).
    app = NewsdiffApp(input_paths(args.paths), max_bytes=args.max_size)
    app.run()
    return app.return_code if app.return_code is not None else EXIT_OK
