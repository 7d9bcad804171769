"""The library's ``/`` filter: an input that filters on a thread as you type.

Each keystroke starts a new filtering run on a worker (the previous one is cancelled);
a generation number makes sure only the newest result is applied, however the runs
finish. An ``entity:`` term first analyses the articles not analysed yet (on the same
kind of worker) so names and values can be matched.
"""

from __future__ import annotations

from collections.abc import MutableMapping
from typing import ClassVar

from textual import work
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import Input
from textual.worker import get_current_worker

from newsdiff.core.model import Document
from newsdiff.ui.filtering import Query, matching, parse_query
from newsdiff.ui.library_model import LibraryModel

PLACEHOLDER = "filter: words, outlet:…, lang:…, entity:…, title:…  (enter keeps, escape clears)"


class FilterBar(Input):
    """Type to filter the library; the result arrives as :class:`FilterBar.Applied`."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "submit", "Keep filter", id="filter.keep"),
        Binding("escape", "screen.clear_filter", "Clear filter", id="filter.clear"),
    ]

    class Applied(Message):
        """Which articles pass (None: no filter), for the query typed."""

        def __init__(self, flags: list[bool] | None, text: str, query: Query) -> None:
            super().__init__()
            self.flags = flags
            self.text = text
            self.query = query

    def __init__(
        self,
        model: LibraryModel,
        entities: MutableMapping[int, frozenset[str]],
        documents: MutableMapping[int, Document],
        *,
        id: str | None = None,
    ) -> None:
        super().__init__(placeholder=PLACEHOLDER, id=id)
        self.model = model
        self.entities = entities
        """Article index → casefolded span texts and values (filled on demand)."""
        self.documents = documents
        self._generation = 0

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input is self:
            self.apply(event.value)

    def apply(self, text: str) -> None:
        """Filter by ``text`` now (an empty text removes the filter)."""
        text = text.strip()
        query = parse_query(text)
        self._generation += 1
        if query.uses_entities and len(self.entities) < len(self.model.articles):
            self._index_entities(text, self._generation)
        self._run(text, query, self._generation)

    @work(thread=True, exclusive=True, group="filter", exit_on_error=False)
    def _run(self, text: str, query: Query, generation: int) -> None:
        worker = get_current_worker()
        flags = None
        if query:
            articles = list(self.model.articles)
            flags = matching(articles, query, self.entities, lambda: worker.is_cancelled)
            if flags is None or worker.is_cancelled:
                return
        self.app.call_from_thread(self._done, flags, text, query, generation)

    def _done(self, flags: list[bool] | None, text: str, query: Query, generation: int) -> None:
        if generation == self._generation:  # else a newer filter was typed meanwhile
            self.post_message(self.Applied(flags, text, query))

    @work(thread=True, exclusive=True, group="entities", exit_on_error=False)
    def _index_entities(self, text: str, generation: int) -> None:
        from newsdiff.ui.engine import analyze_articles

        worker = get_current_worker()
        for index, article in enumerate(list(self.model.articles)):
            if worker.is_cancelled:
                return
            if index in self.entities:
                continue
            document = self.documents.get(index) or analyze_articles([article])[0]
            names = {s.text.casefold() for s in document.spans}
            names |= {s.value.casefold() for s in document.spans}
            self.entities[index] = frozenset(names)
        if generation == self._generation:
            self.app.call_from_thread(self.apply, text)
