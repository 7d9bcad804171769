"""How each span kind is named, keyed and styled in the app.

Styles are Textual component classes (``kind--person`` …) defined in
``newsdiff.tcss``, so a theme controls the colours; each kind also has its own mix of
bold, italic, underline and overline there, so kinds stay apart with ``NO_COLOR``.
"""

from __future__ import annotations

from typing import Final

from newsdiff.core.model import ENTITY_KINDS, SpanKind

KIND_ORDER: Final = (
    SpanKind.PERSON,
    SpanKind.ORG,
    SpanKind.PLACE,
    SpanKind.DATE,
    SpanKind.TIME,
    SpanKind.NUMBER,
    SpanKind.QUANTITY,
    SpanKind.MONEY,
    SpanKind.PERCENT,
)
"""Kinds in legend order; the reader's keys 1–9 toggle them in this order."""

KIND_CLASS: Final = {kind: f"kind--{kind.value.lower()}" for kind in KIND_ORDER}
"""Kind → component class name."""

KIND_LABEL: Final = {
    SpanKind.PERSON: "person",
    SpanKind.ORG: "organisation",
    SpanKind.PLACE: "place",
    SpanKind.DATE: "date",
    SpanKind.TIME: "time",
    SpanKind.NUMBER: "number",
    SpanKind.QUANTITY: "quantity",
    SpanKind.MONEY: "money",
    SpanKind.PERCENT: "percent",
}

KIND_SHORT: Final = {
    SpanKind.PERSON: "person",
    SpanKind.ORG: "org",
    SpanKind.PLACE: "place",
    SpanKind.DATE: "date",
    SpanKind.TIME: "time",
    SpanKind.NUMBER: "num",
    SpanKind.QUANTITY: "qty",
    SpanKind.MONEY: "money",
    SpanKind.PERCENT: "%",
}
"""Labels for the legend on narrow terminals, so it stays one line at 80 columns."""

KIND_PLURAL: Final = {
    SpanKind.PERSON: "People",
    SpanKind.ORG: "Organisations",
    SpanKind.PLACE: "Places",
    SpanKind.DATE: "Dates",
    SpanKind.TIME: "Times",
    SpanKind.NUMBER: "Numbers",
    SpanKind.QUANTITY: "Quantities",
    SpanKind.MONEY: "Money",
    SpanKind.PERCENT: "Percentages",
}

KIND_COMPONENT_CLASSES: Final = frozenset(KIND_CLASS.values())


def layer_of(kind: SpanKind) -> str:
    """The config layer a kind belongs to: ``entities`` or ``values``."""
    return "entities" if kind in ENTITY_KINDS else "values"
