"""Layers of styled ranges and painting them onto one screen line."""

from __future__ import annotations

from rich.style import Style

from newsdiff.ui.layout import wrap_text
from newsdiff.ui.marks import Layer, paint

BOLD = Style(bold=True)
RED = Style(color="red")


def test_touching_finds_only_ranges_that_overlap() -> None:
    layer = Layer.of([(0, 5, BOLD), (10, 20, BOLD), (30, 31, BOLD)])
    assert [r[:2] for r in layer.touching(4, 11)] == [(0, 5), (10, 20)]
    assert [r[:2] for r in layer.touching(20, 30)] == []
    assert [r[:2] for r in layer.touching(25, 40)] == [(30, 31)]


def test_overlapping_ranges_inside_one_layer_are_all_found() -> None:
    layer = Layer.of([(0, 100, BOLD), (10, 12, RED)])
    assert [r[:2] for r in layer.touching(50, 60)] == [(0, 100)]


def test_paint_styles_the_right_characters_even_after_an_escape() -> None:
    text = "\x1b hi Medinsky"
    (line,) = wrap_text(text, 80)
    start = text.index("Medinsky")
    painted = paint(line, [Layer.of([(start, start + 8, BOLD)])])
    styled = [painted.plain[s.start : s.end] for s in painted.spans if s.style == BOLD]
    assert styled == ["Medinsky"]


def test_paint_applies_the_base_style_to_an_unmarked_line() -> None:
    (line,) = wrap_text("nothing here", 80)
    painted = paint(line, [], RED)
    assert painted.spans and painted.spans[0].style == RED
