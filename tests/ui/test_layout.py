"""Wrapping article text into screen lines that keep their source offsets."""

from __future__ import annotations

import itertools

from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len

from newsdiff.ui.layout import VisualLine, inert, wrap_text


def test_short_lines_stay_whole_and_newlines_end_lines() -> None:
    lines = wrap_text("one two\n\nthree", 20)
    assert [(line.start, line.end, line.display) for line in lines] == [
        (0, 7, "one two"),
        (8, 8, ""),
        (9, 14, "three"),
    ]


def test_long_lines_wrap_at_spaces_within_the_width() -> None:
    text = "Delegasi Rusia dan Ukraina menggelar perundingan damai putaran ketiga"
    lines = wrap_text(text, 20)
    assert len(lines) > 1
    assert all(cell_len(line.display.rstrip()) <= 20 for line in lines)
    assert "".join(line.display for line in lines) == text
    assert lines[1].start == lines[0].end


def test_a_word_longer_than_the_line_is_cut() -> None:
    lines = wrap_text("x" * 25, 10)
    assert [line.display for line in lines] == ["x" * 10, "x" * 10, "x" * 5]


def test_wide_characters_count_as_two_cells() -> None:
    lines = wrap_text("日本語 日本語 日本語", 8)
    assert all(cell_len(line.display.rstrip()) <= 8 for line in lines)


def test_control_characters_are_shown_inert_with_offsets_kept() -> None:
    text = "a\x1b[31mred\u202eb"
    (line,) = wrap_text(text, 80)
    assert "\x1b" not in line.display and "\u202e" not in line.display
    assert "\\x1b" in line.display and "<U+202E>" in line.display
    red = text.index("red")
    assert line.display[line.column(red) : line.column(red + 3)] == "red"
    assert line.offset(line.column(red)) == red


def test_wrapping_never_splits_the_visible_form_of_a_control() -> None:
    text = "\x1b" * 12
    lines = wrap_text(text, 6)
    assert all("\\x1b" * (len(line.display) // 4) == line.display for line in lines)
    assert lines[-1].end == len(text)


def test_newlines_read_as_spaces_for_one_flowing_cell() -> None:
    lines = wrap_text("ab\ncd", 80, newlines=False)
    assert [line.display for line in lines] == ["ab cd"]


def test_inert_leaves_plain_text_alone() -> None:
    assert inert("plain text") == ("plain text", None)


@given(st.text(max_size=300), st.integers(min_value=1, max_value=40))
def test_every_source_character_is_on_exactly_one_line(text: str, width: int) -> None:
    lines: list[VisualLine] = wrap_text(text, width)
    covered = 0
    for line in lines:
        assert line.start <= line.end
        covered += line.end - line.start
        if line.columns is None:
            assert line.display == text[line.start : line.end].replace("\t", " ")
    assert covered + text.count("\n") == len(text)


@given(
    st.text(alphabet=st.sampled_from("ab  cdé–"), max_size=200),
    st.integers(min_value=1, max_value=30),
)
def test_fast_wrapping_keeps_words_whole_when_it_can(text: str, width: int) -> None:
    lines = wrap_text(text, width)
    assert "".join(line.display for line in lines) == text
    for before, after in itertools.pairwise(lines):
        assert len(before.display.rstrip()) <= width
        split_word = before.display[-1:] not in ("", " ") and after.display[:1] not in ("", " ")
        if split_word:
            # Only a word longer than the line is cut: the line holds nothing else.
            assert " " not in before.display.strip() and len(before.display) == width


def test_fast_and_careful_wrapping_agree_on_ordinary_prose() -> None:
    from newsdiff.ui.layout import _break_points, _break_points_fast

    prose = (
        "Delegasi Rusia dan Ukraina menggelar perundingan damai putaran ketiga di Istana "
        "Ciragan, Istanbul, Turki, pada Rabu (23/7) malam waktu setempat. " * 5
    )
    for width in (10, 17, 40, 79, 120):
        careful = _break_points(prose + "日", width)  # one wide character: the careful path
        fast = _break_points_fast(prose + "x", width)
        assert careful[: len(careful) - 1] == fast[: len(careful) - 1]
