"""What the library and the story overview offer to the export dialog.

Both export a story the same way: its reports (analysed on the export worker when
the screen has not analysed them yet), the grouping's source, reasons and pair
figures, and any comparisons the screen already made. Kept out of the screens so
each stays about showing, and so the two cannot drift apart.
"""

from __future__ import annotations

from collections.abc import Mapping, MutableMapping, Sequence
from typing import TYPE_CHECKING

from newsdiff.core.model import Article, Comparison, Document
from newsdiff.ui.library_model import LibraryModel
from newsdiff.ui.stories import Story

if TYPE_CHECKING:
    from newsdiff.core.export.common import StoryExport
    from newsdiff.ui.screens.export import ExportRequest


def analysed(articles: Sequence[Article], known: Sequence[Document | None]) -> list[Document]:
    """``known`` with the missing documents analysed (together, so names carry)."""
    from newsdiff.ui.engine import analyze_articles

    missing = [a for a, d in zip(articles, known, strict=True) if d is None]
    fresh = iter(analyze_articles(missing))
    return [d if d is not None else next(fresh) for d in known]


def story_request(
    all_articles: Sequence[Article],
    members: Sequence[int],
    documents: Mapping[int, Document],
    grouped: Story | None,
    *,
    pairs: Sequence[tuple[int, int]] | None = None,
    comparisons: Mapping[tuple[int, int], Comparison] | None = None,
) -> ExportRequest:
    """Export the reports ``members`` (library indices) as a story.

    ``grouped`` is the story the grouping found (its figures go along); None for
    reports a person marked, which the grouping then measures afresh. ``pairs`` and
    ``comparisons`` (library indices) are what a story screen already has.
    """
    from newsdiff.core.export.common import stem_for
    from newsdiff.ui.screens.export import ExportRequest

    chosen = list(members)
    articles = [all_articles[i] for i in chosen]
    known = [documents.get(i) for i in chosen]
    made = dict(comparisons or {})

    def build() -> StoryExport:  # on the export worker
        from newsdiff.core.export.story import build_story, pair_stats

        reports = analysed(articles, known)
        if grouped is None:
            return build_story(reports)
        position = {m: n for n, m in enumerate(chosen)}
        wanted = pairs if pairs is not None else [(p.left, p.right) for p in grouped.pairs]
        return build_story(
            reports,
            source=position.get(grouped.source) if grouped.source is not None else None,
            reasons=grouped.reasons,
            pairs=[(position[a], position[b]) for a, b in wanted] or None,
            stats=pair_stats(grouped.pairs, position.__getitem__),
            comparisons={(position[a], position[b]): c for (a, b), c in made.items()},
            measure_with_grouping=False,
        )

    return ExportRequest(
        what=f"the story of {len(chosen)} reports",
        kind="story",
        stem=stem_for("story", articles),
        build=build,
    )


def library_request(
    model: LibraryModel, entry: int | None, documents: MutableMapping[int, Document]
) -> ExportRequest | str:
    """The marked reports, or the story under the cursor, as a story; else the
    report under the cursor as an article; or why there is nothing to export."""
    from newsdiff.core.export.common import report_label, stem_for
    from newsdiff.ui.screens.export import ExportRequest

    chosen = model.marked()
    grouped: Story | None = None
    if len(chosen) < 2 and entry is not None and len(model.members(entry)) >= 2:
        grouped = model.stories[model.story_at(entry)]
        chosen = list(grouped.members)
    if len(chosen) >= 2:
        return story_request(model.articles, chosen, documents, grouped)
    if entry is None:
        return "Nothing to export: the list is empty."
    index = model.lead_article(entry)
    article = model.articles[index]
    known = documents.get(index)
    return ExportRequest(
        what=f"the article {report_label(article)}",
        kind="article",
        stem=stem_for("article", [article]),
        build=lambda: analysed([article], [known])[0],
    )
