"""The library's preview: the highlighted report's title, details and text.

The text shows at once; its spans follow when the analysis (on a thread, after the
cursor has rested for a moment) is done, and the result is kept so the reader and
compare view can reuse it.
"""

from __future__ import annotations

import time
from collections.abc import MutableMapping

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static
from textual.worker import get_current_worker

from newsdiff.core.model import Article, Document
from newsdiff.core.sanitize import visible_line
from newsdiff.ui.library_model import LibraryModel
from newsdiff.ui.paths import display_path
from newsdiff.ui.widgets.article_view import ArticleView

SETTLE_SECONDS = 0.05
"""How long the cursor must rest on a report before it is analysed."""


def describe(article: Article) -> Text:
    """Title in bold, then outlet · date · language · path, all inert."""
    text = Text(visible_line(article.title), style="bold", end="")
    details = [article.outlet, article.published, article.language, display_path(article.path)]
    text.append("\n" + " · ".join(visible_line(d) for d in details if d), style="dim")
    return text


class Preview(Vertical):
    """A non-focusable reader of the highlighted report."""

    def __init__(self, documents: MutableMapping[int, Document], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.documents = documents
        """Analysed articles by library index, shared with the screen."""
        self.index: int | None = None

    def compose(self) -> ComposeResult:
        yield Static("", id="preview-title", markup=False)
        body = ArticleView(id="preview-body")
        body.can_focus = False
        yield body

    def show(self, model: LibraryModel, entry: int | None) -> None:
        """Preview the report (or a story's first report) at ``entry``."""
        title = self.query_one("#preview-title", Static)
        body = self.query_one("#preview-body", ArticleView)
        if entry is None:
            self.index = None
            title.update("")
            body.set_document(None)
            return
        index = model.lead_article(entry)
        article = model.articles[index]
        text = describe(article)
        story_index = model.story_at(entry)
        story = model.stories[story_index]
        if len(story.members) > 1:
            line = f"\nstory of {len(story.members)} reports"
            if story.source == index:
                line += " · likely source"
            text.append(line + " (o: overview)", style="italic")
        related = model.related_reports(story_index)
        if related:
            names = [
                f"{visible_line(model.articles[a].title)} ({reason})"
                for a, _, reason in related[:2]
            ]
            more = f" +{len(related) - 2}" if len(related) > 2 else ""
            text.append("\n↔ related: " + "; ".join(names) + more, style="italic")
        elif story.related:
            titles = [model.articles[model.stories[r].members[0]].title for r in story.related]
            text.append(
                "\n↔ related: " + "; ".join(visible_line(t) for t in titles[:3]), style="italic"
            )
        title.update(text)
        self.index = index
        body.set_document(self.documents.get(index) or Document(article, ()))
        if index not in self.documents:
            self._analyse(index, article)

    @work(thread=True, exclusive=True, group="preview", exit_on_error=False)
    def _analyse(self, index: int, article: Article) -> None:
        from newsdiff.ui.engine import analyze_articles

        time.sleep(SETTLE_SECONDS)
        if get_current_worker().is_cancelled:
            return
        document = analyze_articles([article])[0]
        self.app.call_from_thread(self._ready, index, document)

    def _ready(self, index: int, document: Document) -> None:
        self.documents[index] = document
        if self.index == index:
            self.query_one("#preview-body", ArticleView).set_document(document)
