"""What every newsdiff screen shares: failed workers become notifications."""

from __future__ import annotations

import os

from textual.screen import Screen
from textual.worker import Worker, WorkerState


class NewsdiffScreen(Screen[None]):
    """A screen whose failing workers are reported, never fatal.

    Worker state messages do not bubble, so each screen turns its own workers'
    errors into a notification (``NEWSDIFF_DEBUG=1`` raises them instead).
    """

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state != WorkerState.ERROR:
            return
        error = event.worker.error
        if os.environ.get("NEWSDIFF_DEBUG") and error is not None:
            raise error
        self.notify(
            f"{type(error).__name__}: {error}",
            title="Something went wrong",
            severity="error",
            markup=False,
        )
        self.worker_failed(event.worker)

    def worker_failed(self, worker: Worker) -> None:
        """Put the screen back in a usable state after ``worker`` failed."""
