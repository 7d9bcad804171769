"""newsdiff's own commands in the command palette (ctrl+p).

Each screen offers the commands that make sense on it (``palette_commands``); the
app adds the ones that work anywhere (theme, help). A command is a title, a line of
help and a callable, so the palette and the keys run the very same actions.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider


@dataclass(frozen=True, slots=True)
class PaletteCommand:
    """One palette entry."""

    title: str
    help: str
    run: Callable[[], object]


def screen_commands(screen: object) -> Iterator[PaletteCommand]:
    """The commands the screen offers, then the app-wide ones."""
    offer = getattr(screen, "palette_commands", None)
    if callable(offer):
        yield from offer()
    app = getattr(screen, "app", None)
    offer = getattr(app, "palette_commands", None)
    if callable(offer):
        yield from offer()


class NewsdiffCommands(Provider):
    """Finds newsdiff commands by fuzzy match on their titles."""

    async def discover(self) -> Hits:
        for command in screen_commands(self.screen):
            yield DiscoveryHit(command.title, partial(command.run), help=command.help)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for command in screen_commands(self.screen):
            score = matcher.match(command.title)
            if score > 0:
                yield Hit(
                    score, matcher.highlight(command.title), partial(command.run), help=command.help
                )
