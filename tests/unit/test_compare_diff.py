"""Word diff inside aligned rows: exact cover of both texts, whole tokens, cleanup."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from newsdiff.core.compare.diff import apply_ops, word_diff
from newsdiff.core.compare.tokens import diff_tokens
from newsdiff.core.model import OpKind, WordOp


def diff(left: str, right: str, left_whole=(), right_whole=()) -> tuple[WordOp, ...]:
    return word_diff(
        left,
        diff_tokens(left, 0, len(left), left_whole),
        len(left),
        right,
        diff_tokens(right, 0, len(right), right_whole),
        len(right),
    )


def check_cover(left: str, right: str, ops: tuple[WordOp, ...]) -> None:
    assert "".join(op.left for op in ops) == left
    assert "".join(op.right for op in ops) == right
    assert apply_ops(ops) == right
    for op in ops:
        assert left[op.left_start : op.left_end] == op.left
        assert right[op.right_start : op.right_end] == op.right
        if op.op is OpKind.EQUAL:
            assert op.left == op.right
        if op.op is OpKind.INSERT:
            assert op.left == "" and op.right
        if op.op is OpKind.DELETE:
            assert op.right == "" and op.left


def marked(ops: tuple[WordOp, ...]) -> str:
    out = []
    for op in ops:
        if op.op is OpKind.EQUAL:
            out.append(op.left)
        elif op.op is OpKind.DELETE:
            out.append(f"[-{op.left}-]")
        elif op.op is OpKind.INSERT:
            out.append(f"{{+{op.right}+}}")
        else:
            out.append(f"[-{op.left}-]{{+{op.right}+}}")
    return "".join(out)


def test_a_changed_number_is_one_replace_between_equal_words() -> None:
    left = "Rusia telah memulangkan 7.000 jenazah tentara Ukraina."
    right = "Rusia telah memulangkan 7.500 jenazah tentara Ukraina."
    ops = diff(left, right)
    check_cover(left, right, ops)
    assert marked(ops) == "Rusia telah memulangkan [-7.000 -]{+7.500 +}jenazah tentara Ukraina."


def test_a_clause_moved_inside_the_sentence_keeps_the_changed_number_visible() -> None:
    left = "Gubernur Anies Baswedan mengatakan 31.232 warga mengungsi di 269 titik pengungsian."
    right = (
        "Sebanyak 31.232 warga mengungsi di 296 titik pengungsian, kata Gubernur Anies Baswedan."
    )
    ops = diff(left, right)
    check_cover(left, right, ops)
    assert any(op.op is OpKind.REPLACE and op.left.strip() == "269" for op in ops)
    assert any(op.op is OpKind.EQUAL and "31.232 warga mengungsi di" in op.left for op in ops)


def test_stretches_kept_whole_are_replaced_whole() -> None:
    left = "Harga naik menjadi Rp 1,2 triliun pekan ini."
    right = "Harga naik menjadi Rp 1,5 triliun pekan ini."
    whole_left = [(left.index("Rp"), left.index(" pekan"))]
    whole_right = [(right.index("Rp"), right.index(" pekan"))]
    ops = diff(left, right, whole_left, whole_right)
    check_cover(left, right, ops)
    changes = [op for op in ops if op.op is not OpKind.EQUAL]
    assert [(op.left.strip(), op.right.strip()) for op in changes] == [
        ("Rp 1,2 triliun", "Rp 1,5 triliun")
    ]


def test_small_equal_islands_between_changes_are_folded() -> None:
    left = "The volcano hurled rocks and ash as far as the crater."
    right = "According to officials, hot rocks were thrown as far as the crater."
    ops = diff(left, right)
    check_cover(left, right, ops)
    # "rocks" alone between two larger changes is folded into one replace.
    assert [op.op for op in ops] == [OpKind.REPLACE, OpKind.EQUAL]
    assert ops[1].left == "as far as the crater."


def test_identical_text_is_one_equal_op() -> None:
    text = "Pesawat jenis Boeing 737-500 itu membawa 62 orang."
    ops = diff(text, text)
    assert [op.op for op in ops] == [OpKind.EQUAL]


def test_different_whitespace_in_an_equal_run_still_covers_both_texts() -> None:
    left = "Sebagian besar korban tertimpa reruntuhan.\n\nDi antara mereka ada siswa."
    right = "Sebagian besar korban tertimpa reruntuhan. Di antara mereka ada siswa."
    ops = diff(left, right)
    check_cover(left, right, ops)
    assert [op for op in ops if op.op is not OpKind.EQUAL] == [
        op for op in ops if op.left == "\n\n"
    ]


def test_insert_and_delete_at_the_ends() -> None:
    left = "Authorities evacuated people."
    right = "Authorities evacuated people, officials said on Monday."
    ops = diff(left, right)
    check_cover(left, right, ops)
    ops = diff(right, left)
    check_cover(right, left, ops)


def test_empty_sides() -> None:
    check_cover("", "Kata baru.", diff("", "Kata baru."))
    check_cover("Kata lama.", "", diff("Kata lama.", ""))


_WORDS = st.sampled_from(
    ["Rusia", "dan", "Ukraina", "1.000", "tahanan", ",", ".", "said", "may", "7,5", "(16/5)"]
)
_SPACE = st.sampled_from([" ", " ", " ", "\n", "  ", "\n\n"])


@st.composite
def sentences(draw: st.DrawFn) -> str:
    words = draw(st.lists(_WORDS, max_size=14))
    spaces = draw(st.lists(_SPACE, min_size=len(words), max_size=len(words)))
    return "".join(w + s for w, s in zip(words, spaces, strict=True)).strip()


@settings(max_examples=300, deadline=None)
@given(sentences(), sentences())
def test_ops_always_cover_both_texts_exactly(left: str, right: str) -> None:
    check_cover(left, right, diff(left, right))


def test_the_fast_token_pattern_agrees_with_the_tokenizer_on_plain_text() -> None:
    from newsdiff.core.compare.tokens import PLAIN_TOKENS
    from newsdiff.core.segment import tokenize
    from tests.conftest import SAMPLES

    for path in sorted(SAMPLES.iterdir()):
        text = path.read_text(encoding="utf-8")
        for line in text.splitlines():
            if "@" in line or "://" in line or "www." in line:
                continue
            assert [m.span() for m in PLAIN_TOKENS.finditer(line)] == tokenize(line)
    mixed = "Hubungi humas@contoh.go.id atau https://contoh.go.id/berita untuk Rp5 juta."
    assert diff_tokens(mixed, 0, len(mixed)) == tokenize(mixed)


_CHUNKS = st.lists(
    st.tuples(
        st.text(alphabet="aZé1٣²", max_size=5),
        st.text(alphabet="_.,;:!?)\"'’”-(Rp$1٣²", max_size=2),
        st.text(alphabet="aZé1", max_size=2),
    ).map("".join),
    max_size=8,
).map(lambda chunks: " ".join(chunks).replace("Z ", "Z\n"))
"""Chunks like a sentence's: letters or digits, then marks, then maybe more."""


@settings(max_examples=500, deadline=None)
@given(_CHUNKS, st.integers(min_value=0, max_value=50))
def test_the_chunked_tokenizer_finds_what_the_token_pattern_finds(text: str, offset: int) -> None:
    """The shortcuts (a word with its closing mark, a whole numeral) change nothing."""
    from newsdiff.core.compare.tokens import PLAIN_TOKENS, _plain_tokens

    expected = [
        (m.group(), m.start() + offset, m.end() + offset) for m in PLAIN_TOKENS.finditer(text)
    ]
    keys, starts, ends = _plain_tokens(text, offset)
    assert list(zip(keys, starts, ends, strict=True)) == expected
    assert _plain_tokens("kata.", 0)[0] == ["kata", "."]


def test_an_unchanged_value_between_big_changes_stays_visible() -> None:
    left = (
        "Usai pembicaraan itu, Medinsky mengatakan bahwa Rusia dan Ukraina telah sepakat "
        "untuk saling bertukar masing-masing 1.200 tawanan perang."
    )
    right = (
        "Pertukaran ini melibatkan 1.200 tawanan perang, sebuah langkah signifikan yang "
        "dapat membuka peluang lebih lanjut untuk negosiasi."
    )
    whole_left = [(left.index("1.200"), left.index(" perang"))]
    whole_right = [(right.index("1.200"), right.index(" perang"))]
    ops = diff(left, right, whole_left, whole_right)
    check_cover(left, right, ops)
    assert any(op.op is OpKind.EQUAL and "1.200 tawanan perang" in op.left for op in ops)


def _reference_tokens(text: str, whole: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Token by token: a token starting inside a stretch is stretched to its end."""
    from newsdiff.core.segment import tokenize

    pieces: list[tuple[int, int]] = []
    position = 0
    for t_start, t_end in tokenize(text):
        if t_start < position:
            continue
        for a, b in sorted(whole):
            if a <= t_start < b:
                t_end = max(t_end, b)
                break
        pieces.append((t_start, t_end))
        position = t_end
    return pieces


@settings(max_examples=300, deadline=None)
@given(sentences(), st.lists(st.tuples(st.integers(0, 60), st.integers(1, 20)), max_size=4))
def test_stretches_kept_whole_merge_the_tokens_they_cover(text: str, raw) -> None:
    whole = [(a, min(len(text), a + n)) for a, n in raw if a < len(text)]
    whole = [(a, b) for a, b in whole if a < b]
    assert diff_tokens(text, 0, len(text), whole) == _reference_tokens(text, whole)
