"""Story overview: the reports of one story, how much each took from the others, the
likely source and why, and the findings of each pair.

The grouping's figures (similarity, copied and rewritten shares both ways, the source
guess) are shown at once; the findings need the comparison engine, so each pair is
compared on a worker and its count appears as it arrives. A pair compared here opens
in the compare view without being compared again, and the export reuses them too.
"""

from __future__ import annotations

from collections.abc import Iterator, MutableMapping, Sequence
from itertools import combinations
from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import DataTable, Static
from textual.worker import get_current_worker

from newsdiff.core.model import Article, Comparison, Document
from newsdiff.core.sanitize import visible_line
from newsdiff.ui.commands import PaletteCommand
from newsdiff.ui.library_model import word_count
from newsdiff.ui.screens.base import NewsdiffScreen
from newsdiff.ui.stories import Story
from newsdiff.ui.widgets.key_bar import KeyBar

RelatedReport = tuple[Article, float, str]
"""A report of another story that shares facts with this one: (article, similarity, why)."""

REPORT_COLUMNS_WIDTH = 2 + 12 + 10 + 4 + 6 + 6 * 2 + 2
"""Cells the report table's fixed columns take, with DataTable's padding (1 each side)."""

PAIR_COLUMNS = ("Pair", "Similar", "L copied", "L rewritten", "R copied", "R rewritten", "Findings")


def label(position: int) -> str:
    """``A``, ``B``… for the reports of a story, in the order shown."""
    return chr(ord("A") + position) if position < 26 else f"#{position + 1}"


def fit(value: str, width: int) -> str:
    """``value`` cut to ``width`` cells, an ellipsis marking the cut."""
    from rich.cells import cell_len, set_cell_size

    return value if cell_len(value) <= width else set_cell_size(value, width - 1) + "…"


def share(value: float | None) -> Text:
    return Text("–" if value is None else f"{value:.0%}", justify="right")


class PairTable(DataTable[Text]):
    """The story's pairs; ``j``/``k`` move like everywhere else in newsdiff."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", "Down", show=False, id="story.down"),
        Binding("k", "cursor_up", "Up", show=False, id="story.up"),
    ]


class StoryScreen(NewsdiffScreen):
    """One story: its reports, its pairs with their shares and findings, its source."""

    HELP = (
        "The reports of one story (A, B…; ★ the likely source) and every pair of them. "
        "Similar is the share of both reports' words in sentences that line up; "
        "L copied / L rewritten are the shares of the left report's words found "
        "(nearly) verbatim / reworded in the right report, R the same for the right "
        "report in the left. Findings are counted as each pair is compared. enter or c "
        "opens the comparison of the pair under the cursor; e exports the story."
    )
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back", id="story.back"),
        Binding("c", "compare", "Compare pair", id="story.compare"),
        Binding("e", "export", "Export…", id="story.export"),
    ]

    def __init__(
        self,
        articles: Sequence[Article],
        story: Story,
        documents: MutableMapping[int, Document],
        related: Sequence[RelatedReport] = (),
    ) -> None:
        super().__init__()
        self.all_articles = articles
        self.story = story
        self.members = list(story.members)
        """Library indices of the reports, the source first when known."""
        self.documents = documents
        """Analysed articles by library index, shared with the library (filled here)."""
        self.related = list(related)
        self.pairs = self._pairs()
        """(left, right, stats) per pair, by library index; the source on the left."""
        self.comparisons: dict[tuple[int, int], Comparison] = {}
        self.compare_error: str | None = None

    def _pairs(self) -> list[tuple[int, int, dict[str, float] | None]]:
        source = self.story.source
        pairs: list[tuple[int, int, dict[str, float] | None]] = []
        for pair in self.story.pairs:
            left, right = pair.left, pair.right
            stats = {
                "similarity": pair.similarity,
                "copied": pair.copied,
                "rewritten": pair.rewritten,
                "copied_back": pair.copied_back,
                "rewritten_back": pair.rewritten_back,
            }
            if right == source or (
                left != source and self.members.index(left) > self.members.index(right)
            ):
                left, right = right, left
                stats = {
                    "similarity": pair.similarity,
                    "copied": pair.copied_back,
                    "rewritten": pair.rewritten_back,
                    "copied_back": pair.copied,
                    "rewritten_back": pair.rewritten,
                }
            pairs.append((left, right, stats))
        if not pairs:  # a story the grouping did not measure: every pair, no figures
            pairs = [(left, right, None) for left, right in combinations(self.members, 2)]
        return pairs

    # -- layout ------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Static("", id="story-title", markup=False)
        reports = DataTable[Text](id="story-reports", cursor_type="none", zebra_stripes=False)
        reports.can_focus = False
        yield reports
        yield Static("", id="story-source", markup=False)
        yield PairTable(id="story-pairs", cursor_type="row")
        yield Static("", id="story-related", markup=False)
        yield Static("Comparing the pairs…", id="story-status", markup=False)
        yield KeyBar()

    @property
    def pair_table(self) -> PairTable:
        return self.query_one("#story-pairs", PairTable)

    def on_mount(self) -> None:
        articles = self.all_articles
        outlets = sorted({articles[m].outlet or "–" for m in self.members})
        title = Text(f"Story · {len(self.members)} reports · ", style="bold", end="")
        title.append(visible_line(", ".join(outlets)))
        self.query_one("#story-title", Static).update(title)
        self._fill_reports()
        self._fill_source()
        self._fill_pairs()
        self._fill_related()
        self.pair_table.focus()
        self._compare_pairs()

    def _letter(self, index: int) -> str:
        return label(self.members.index(index))

    def _fill_reports(self) -> None:
        table = self.query_one("#story-reports", DataTable)
        # Fixed widths so the table never scrolls sideways: the title takes the rest.
        title_width = max(12, self.app.size.width - REPORT_COLUMNS_WIDTH)
        table.add_column("", width=2)
        table.add_column("Report", width=title_width)
        table.add_column("Outlet", width=12)
        table.add_column("Date", width=10)
        table.add_column("Lang", width=4)
        table.add_column("Words", width=6)
        for position, index in enumerate(self.members):
            article = self.all_articles[index]
            star = "★" if index == self.story.source else " "
            table.add_row(
                Text(f"{star}{label(position)}"),
                Text(fit(visible_line(article.title), title_width)),
                Text(fit(visible_line(article.outlet or "–"), 12)),
                Text(article.published or "–"),
                Text(article.language),
                Text(f"{word_count(article.text):,}", justify="right"),
            )

    def _fill_source(self) -> None:
        story = self.story
        if story.source is None:
            text = Text("Source: no guess (no report is earlier, a wire copy or contains the rest)")
        else:
            article = self.all_articles[story.source]
            text = Text("Likely source: ", style="bold", end="")
            text.append(f"{self._letter(story.source)} {visible_line(article.title)}")
            if story.reasons:
                text.append(" — " + "; ".join(visible_line(r) for r in story.reasons))
        self.query_one("#story-source", Static).update(text)

    def _fill_pairs(self) -> None:
        table = self.pair_table
        for column in PAIR_COLUMNS:
            table.add_column(column, key=column)
        for number, (left, right, stats) in enumerate(self.pairs):
            figures = stats or {}
            table.add_row(
                Text(f"{self._letter(left)} ↔ {self._letter(right)}"),
                share(figures.get("similarity")),
                share(figures.get("copied")),
                share(figures.get("rewritten")),
                share(figures.get("copied_back")),
                share(figures.get("rewritten_back")),
                Text("…", justify="right"),
                key=str(number),
            )

    def _fill_related(self) -> None:
        widget = self.query_one("#story-related", Static)
        if not self.related:
            widget.display = False
            return
        text = Text("Related, not this story: ", style="italic", end="")
        shown = [
            f"{visible_line(article.title)} ({reason}, {similarity:.2f})"
            for article, similarity, reason in self.related[:2]
        ]
        text.append("; ".join(shown))
        if len(self.related) > 2:
            text.append(f"; and {len(self.related) - 2} more")
        widget.update(text)

    # -- findings, pair by pair ----------------------------------------------------------

    @work(thread=True, exclusive=True, group="story-compare", exit_on_error=False)
    def _compare_pairs(self) -> None:
        from newsdiff.ui.engine import EngineMissing, analyze_articles, compare_documents

        worker = get_current_worker()
        missing = [m for m in self.members if m not in self.documents]
        if missing:
            analysed = analyze_articles([self.all_articles[m] for m in missing])
            found = dict(zip(missing, analysed, strict=True))
            self.app.call_from_thread(self._analysed, found)
        else:
            found = {}
        documents = {m: self.documents.get(m) or found[m] for m in self.members}
        for number, (left, right, _) in enumerate(self.pairs):
            if worker.is_cancelled:
                return
            try:
                comparison = compare_documents(documents[left], documents[right])
            except EngineMissing as error:
                self.app.call_from_thread(self._compare_failed, str(error))
                return
            self.app.call_from_thread(self._pair_compared, number, comparison)

    def _analysed(self, found: dict[int, Document]) -> None:
        self.documents.update(found)  # the library's previews and readers reuse them

    def _pair_compared(self, number: int, comparison: Comparison) -> None:
        left, right, stats = self.pairs[number]
        self.comparisons[(left, right)] = comparison
        table = self.pair_table
        table.update_cell(
            str(number),
            "Findings",
            Text(str(len(comparison.findings)), style="bold", justify="right"),
        )
        if stats is None:  # no grouping figures: the engine's similarity at least
            table.update_cell(str(number), "Similar", share(comparison.similarity))
        self._status()

    def _compare_failed(self, message: str) -> None:
        self.compare_error = message
        self._status()

    def _status(self) -> None:
        done, total = len(self.comparisons), len(self.pairs)
        if self.compare_error:
            text = f"Findings not counted: {self.compare_error}"
        elif done < total:
            text = f"Comparing pair {done + 1} of {total}…"
        else:
            findings = sum(len(c.findings) for c in self.comparisons.values())
            text = f"{total} pair{'s' if total != 1 else ''} compared · {findings} findings"
        self.query_one("#story-status", Static).update(Text(text))

    # -- actions -----------------------------------------------------------------------

    def current_pair(self) -> tuple[int, int] | None:
        row = self.pair_table.cursor_row
        if not 0 <= row < len(self.pairs):
            return None
        left, right, _ = self.pairs[row]
        return left, right

    @on(DataTable.RowSelected, "#story-pairs")
    def _row_selected(self) -> None:
        self.action_compare()

    def action_compare(self) -> None:
        """Open the comparison of the pair under the cursor (reused when made here)."""
        pair = self.current_pair()
        if pair is None:
            return
        left, right = pair
        articles = [self.all_articles[left], self.all_articles[right]]
        comparison = self.comparisons.get(pair)
        if comparison is not None:
            from newsdiff.ui.screens.compare import CompareScreen

            self.app.push_screen(CompareScreen(articles, comparisons=[comparison]))
            return
        documents = [self.documents.get(left), self.documents.get(right)]
        self.app.open_comparison(articles, documents)  # type: ignore[attr-defined]

    def action_back(self) -> None:
        self.dismiss()

    def action_export(self) -> None:
        from newsdiff.ui.export_requests import story_request
        from newsdiff.ui.screens.export import ExportScreen

        request = story_request(
            self.all_articles,
            self.members,
            self.documents,
            self.story,
            pairs=[(left, right) for left, right, _ in self.pairs],
            comparisons=self.comparisons,
        )
        self.app.push_screen(ExportScreen(request))

    def palette_commands(self) -> Iterator[PaletteCommand]:
        yield PaletteCommand(
            "Compare this pair",
            "The pair under the cursor, side by side (enter, c)",
            self.action_compare,
        )
        yield PaletteCommand(
            "Export the story…", "md, html, json, txt, brat (e)", self.action_export
        )
        yield PaletteCommand("Back to the library", "(escape)", self.action_back)
