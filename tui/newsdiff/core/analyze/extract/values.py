"""Numbers, quantities, money, percentages, dates and times in an article.

Each sentence's tokens are walked once, left to right. At each token the readers are
tried in a fixed order — phrases that are not numbers (``kedua belah pihak``), dates,
times, ordinals, phone-like runs, then amounts — and the first that reads something
claims its tokens. Every reader looks at most a few tokens ahead, so extraction is
linear in the length of the text whatever the input (a test counts the work). The
readers live in their own modules (:mod:`dates` with :mod:`timeline`, :mod:`times`,
:mod:`ordinals`, :mod:`phones`, :mod:`amounts`, with :mod:`number_words` and
:mod:`numbers` underneath, all reading lexicons through :mod:`vocabulary`); this module
only drives them and turns what they find into :class:`Span` objects.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from newsdiff.core.analyze.extract.amounts import read_amount
from newsdiff.core.analyze.extract.dates import read_date
from newsdiff.core.analyze.extract.numbers import choose_notation
from newsdiff.core.analyze.extract.ordinals import read_fraction_words, read_ordinal_span
from newsdiff.core.analyze.extract.phones import phone_like_end
from newsdiff.core.analyze.extract.readings import Found, PublishedDate, ValueContext
from newsdiff.core.analyze.extract.times import read_time
from newsdiff.core.analyze.extract.tokens import Token, sentence_tokens
from newsdiff.core.analyze.extract.vocabulary import vocabulary
from newsdiff.core.model import Article, Sentence, Span


def value_context(article: Article, today: dt.date | None = None) -> ValueContext:
    """How this article's values read: notation, publication date, lexicons."""
    return ValueContext(
        vocab=vocabulary(),
        language=article.language,
        notation=choose_notation(article.text, article.language),
        published=PublishedDate.parse(article.published),
        today=today or dt.date.today(),
    )


def find_value_spans(
    article: Article, sentences: Sequence[Sentence], today: dt.date | None = None
) -> list[Span]:
    """Value spans (NUMBER, QUANTITY, MONEY, PERCENT, DATE, TIME) in ``article``.

    ``today`` bounds the year a weekday may give a year-less date when the article
    has no publication date (tests pass a fixed day; it defaults to the clock).
    """
    ctx = value_context(article, today)
    text = article.text
    spans: list[Span] = []
    for sentence in sentences:
        tokens = sentence_tokens(text, sentence.start, sentence.end)
        for found in read_tokens(tokens, ctx, heading=sentence.heading):
            start, end = tokens[found.first].start, tokens[found.stop - 1].end
            spans.append(
                Span(
                    kind=found.kind,
                    start=start,
                    end=end,
                    text=text[start:end],
                    value=found.value,
                    quantity=found.quantity,
                    date=found.date,
                    sentence=sentence.index,
                )
            )
    return spans


def read_tokens(tokens: list[Token], ctx: ValueContext, *, heading: bool = False) -> list[Found]:
    """Every value in one sentence's tokens, in order, without overlaps."""
    vocab = ctx.vocab
    starters = vocab.starters
    found: list[Found] = []
    count = len(tokens)

    def date_at(j: int) -> bool:
        return j < count and (
            read_date(tokens, j, ctx) is not None or read_time(tokens, j, ctx) is not None
        )

    i = 0
    while i < count:
        token = tokens[i]
        if not token.numeric and token.lower not in starters and "-" not in token.lower:
            i += 1
            continue
        blocked = vocab.non_numbers.match(tokens, i)
        if blocked is not None:
            i = blocked[1]
            continue
        reading = (
            read_date(tokens, i, ctx)
            or read_time(tokens, i, ctx)
            or read_fraction_words(tokens, i, ctx)
            or read_ordinal_span(tokens, i, ctx)
        )
        if reading is None and token.numeric:
            skip = phone_like_end(tokens, i, vocab)
            if skip is not None:
                i = skip
                continue
        if reading is None:
            reading = read_amount(tokens, i, ctx, heading=heading, date_at=date_at)
        if reading is None:
            i += 1
            continue
        found.append(reading)
        i = reading.stop
    return found
