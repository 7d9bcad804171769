"""The objects every layer speaks: articles, sentences, spans and documents.

All of them are small frozen dataclasses. Positions are character offsets into
``Article.text`` so that highlighting, diffing and exporting share one coordinate
system: ``article.text[span.start:span.end] == span.text`` always holds.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum
from typing import Final


class SpanKind(StrEnum):
    """What a highlighted stretch of text is."""

    PERSON = "PERSON"
    ORG = "ORG"
    PLACE = "PLACE"
    DATE = "DATE"
    TIME = "TIME"
    NUMBER = "NUMBER"
    QUANTITY = "QUANTITY"
    MONEY = "MONEY"
    PERCENT = "PERCENT"


ENTITY_KINDS: Final = frozenset({SpanKind.PERSON, SpanKind.ORG, SpanKind.PLACE})
"""Named things: compared by identity (who, which organisation, where)."""

VALUE_KINDS: Final = frozenset(
    {
        SpanKind.DATE,
        SpanKind.TIME,
        SpanKind.NUMBER,
        SpanKind.QUANTITY,
        SpanKind.MONEY,
        SpanKind.PERCENT,
    }
)
"""Facts with a value: compared by what they are worth, not how they are written."""


class BoilerplateReason(StrEnum):
    """Why a region of an article is not part of the report itself."""

    READ_ALSO = "read_also"  # "Baca juga: …" teasers for other stories
    COPYRIGHT = "copyright"  # "Copyright © ANTARA 2025", crawling notices
    CREDIT = "credit"  # "Pewarta: …", "Editor: …", "Sumber: … | Editor: …"
    CLOSING = "closing"  # "Selesai" and similar end marks
    REPEATED = "repeated"  # a lead sentence repeated as a caption
    NAVIGATION = "navigation"  # share buttons, "Advertisement", tags lines


@dataclass(frozen=True, slots=True)
class Region:
    """A stretch of article text with a reason attached (used for boilerplate)."""

    start: int
    end: int
    reason: BoilerplateReason


@dataclass(frozen=True, slots=True)
class Article:
    """One report as loaded from disk, a feed item, a JSON record or stdin.

    ``text`` is the normalised text (``\\n`` line endings, no BOM, HTML reduced to its
    main text). When normalisation changed a text-like source, ``original`` keeps the
    decoded source so nothing a person gave us is lost.
    """

    path: str
    """Where the report came from, as shown to people: a file path, ``-`` for stdin,
    or ``feed.xml#3`` for the fourth item of a feed or JSON Lines file."""
    text: str
    title: str
    title_derived: bool = False
    """True when the source had no title and one was made from the first sentence."""
    outlet: str | None = None
    place: str | None = None
    """The dateline place (``Istanbul (ANTARA) -`` → Istanbul)."""
    byline: str | None = None
    editor: str | None = None
    published: str | None = None
    """Partial ISO date: ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``."""
    language: str = "und"
    """``id``, ``en`` or ``und`` when neither could be told apart."""
    url: str | None = None
    source_format: str = "text"
    encoding: str = "utf-8"
    content_hash: str = ""
    """SHA-256 of the source bytes (plus the item index for multi-article files)."""
    agency: str | None = None
    """A news agency the text credits as its source (``Sumber: Anadolu Agency``)."""
    dateline: tuple[int, int] | None = None
    """Offsets of the dateline prefix (``Istanbul (ANTARA) - ``), when there is one."""
    boilerplate: tuple[Region, ...] = ()
    original: str | None = None

    def is_boilerplate(self, start: int, end: int) -> bool:
        """True when ``[start, end)`` lies mostly inside a boilerplate region."""
        if end <= start:
            return False
        covered = 0
        for region in self.boilerplate:
            lo, hi = max(start, region.start), min(end, region.end)
            if hi > lo:
                covered += hi - lo
        return covered * 2 >= (end - start)

    @property
    def boilerplate_chars(self) -> int:
        """How many characters of ``text`` are marked as boilerplate."""
        return sum(region.end - region.start for region in self.boilerplate)


@dataclass(frozen=True, slots=True, init=False)
class Sentence:
    """A sentence (or heading line) of an article, by character offsets.

    A frozen dataclass like the others, with a hand-written ``__init__``: one is built
    for every sentence of every loaded article, and setting the slots through their
    descriptors costs half of what the generated frozen ``__init__`` does (which goes
    through ``object.__setattr__`` per field). Fields, defaults, equality, hashing,
    ``replace`` and immutability are unchanged.
    """

    index: int
    start: int
    end: int
    paragraph: int = 0
    boilerplate: bool = False
    heading: bool = False
    """A line without final punctuation that titles what follows."""

    def __init__(
        self,
        index: int,
        start: int,
        end: int,
        paragraph: int = 0,
        boilerplate: bool = False,
        heading: bool = False,
    ) -> None:
        _set_sentence_index(self, index)
        _set_sentence_start(self, start)
        _set_sentence_end(self, end)
        _set_sentence_paragraph(self, paragraph)
        _set_sentence_boilerplate(self, boilerplate)
        _set_sentence_heading(self, heading)


# The slot descriptors' setters: they write a slot directly, past the frozen __setattr__.
_set_sentence_index = Sentence.__dict__["index"].__set__
_set_sentence_start = Sentence.__dict__["start"].__set__
_set_sentence_end = Sentence.__dict__["end"].__set__
_set_sentence_paragraph = Sentence.__dict__["paragraph"].__set__
_set_sentence_boilerplate = Sentence.__dict__["boilerplate"].__set__
_set_sentence_heading = Sentence.__dict__["heading"].__set__


@dataclass(frozen=True, slots=True)
class Quantity:
    """A normalised amount: what a NUMBER, QUANTITY, MONEY or PERCENT is worth.

    ``unit`` is a normalised unit (``km``), a counted noun (``tahanan``), a currency
    code (``IDR``) or ``%``. Qualifiers keep how sure the text is: ``approx``,
    ``more_than``, ``at_least``, ``less_than``, ``at_most``. A range keeps its upper
    bound in ``upper``.
    """

    amount: Decimal
    unit: str = ""
    upper: Decimal | None = None
    qualifier: str = ""
    ordinal: bool = False
    notation: str = ""
    """How digits that read two ways (``1.200``: 1200 or 1.2) were read: ``id`` or ``en``
    by the article's language, ``id-evidence``/``en-evidence`` from the text's other
    numbers, ``grouping`` (thousands) when nothing told; empty when unambiguous."""


@dataclass(frozen=True, slots=True)
class DateValue:
    """A normalised date or time.

    ``iso`` is ``YYYY-MM-DD``, ``YYYY-MM``, ``YYYY``, ``--MM-DD``, ``--MM`` (a month of
    an unknown year) or ``-W-D`` (a weekday, Monday = 1, of an unknown week); a time is
    ``HH:MM``.
    ``weekday`` is the weekday the text names (0 = Monday) and ``weekday_conflict`` is
    True when that weekday is not the weekday of the resolved date.
    """

    iso: str
    weekday: int | None = None
    weekday_conflict: bool = False
    part_of_day: str = ""
    resolved_from: str = ""
    """How a missing year was filled in: ``published``, ``weekday`` or empty."""
    utc_offset: str = ""
    """For a time: the zone written with it as a UTC offset (``+07:00`` for WIB),
    ``local`` for "local time", empty when none was given."""


@dataclass(frozen=True, slots=True)
class Span:
    """A highlighted stretch: an entity, a number, an amount or a date."""

    kind: SpanKind
    start: int
    end: int
    text: str
    value: str
    """A canonical, comparable string (see README "Span values")."""
    quantity: Quantity | None = None
    date: DateValue | None = None
    sentence: int = -1


@dataclass(frozen=True, slots=True)
class Document:
    """An article with its sentences and spans: what every later stage reads."""

    article: Article
    sentences: tuple[Sentence, ...]
    spans: tuple[Span, ...] = field(default=())

    @property
    def text(self) -> str:
        return self.article.text

    def sentence_text(self, index: int) -> str:
        sentence = self.sentences[index]
        return self.article.text[sentence.start : sentence.end]

    def content_sentences(self) -> tuple[Sentence, ...]:
        """Sentences that belong to the report itself (boilerplate skipped)."""
        return tuple(s for s in self.sentences if not s.boilerplate)

    def spans_in(self, start: int, end: int) -> tuple[Span, ...]:
        return tuple(s for s in self.spans if s.start >= start and s.end <= end)


@dataclass(frozen=True, slots=True)
class Problem:
    """An input that could not be used, with a reason a person can act on."""

    path: str
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


class RowKind(StrEnum):
    """How a group of aligned sentences relates across two reports."""

    SAME = "same"
    CHANGED = "changed"
    MOVED = "moved"
    """Aligned, but out of the order of the rest (a crossing pair)."""
    LEFT_ONLY = "left_only"
    RIGHT_ONLY = "right_only"


class OpKind(StrEnum):
    """One step of a word-level diff."""

    EQUAL = "equal"
    DELETE = "delete"
    INSERT = "insert"
    REPLACE = "replace"


@dataclass(frozen=True, slots=True)
class WordOp:
    """A word-level change inside an aligned row, with offsets on both sides.

    Offsets are into each article's text; an insert has an empty left range at the
    point of insertion, a delete an empty right range.
    """

    op: OpKind
    left: str
    right: str
    left_start: int
    left_end: int
    right_start: int
    right_end: int


@dataclass(frozen=True, slots=True)
class Row:
    """One aligned row: sentence indices on each side (1–3 each for splits/merges)."""

    kind: RowKind
    left: tuple[int, ...]
    right: tuple[int, ...]
    score: float
    ops: tuple[WordOp, ...] = ()
    moved_from: int | None = None
    """For a moved row: the row position its partner would have had in order."""


class FindingKind(StrEnum):
    """What kind of disagreement a finding reports."""

    NUMBER_MISMATCH = "number_mismatch"
    DATE_MISMATCH = "date_mismatch"
    ENTITY_MISMATCH = "entity_mismatch"
    ENTITY_ONLY_LEFT = "entity_only_left"
    ENTITY_ONLY_RIGHT = "entity_only_right"
    NUMBER_ONLY_LEFT = "number_only_left"
    NUMBER_ONLY_RIGHT = "number_only_right"
    ATTRIBUTION_CHANGE = "attribution_change"
    CERTAINTY_CHANGE = "certainty_change"


@dataclass(frozen=True, slots=True)
class FindingSide:
    """Where a finding sits on one side: the text, its value, sentence and offsets."""

    text: str
    value: str
    sentence: int
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Finding:
    """A fact that differs, or a fact only one report has, with a readable message."""

    kind: FindingKind
    left: FindingSide | None
    right: FindingSide | None
    message: str
    row: int | None = None
    """Index into ``Comparison.rows`` of the row the finding belongs to, if any."""


@dataclass(frozen=True, slots=True)
class Comparison:
    """Two reports aligned sentence by sentence, with word ops and findings."""

    left: Document
    right: Document
    similarity: float
    rows: tuple[Row, ...]
    findings: tuple[Finding, ...] = ()
