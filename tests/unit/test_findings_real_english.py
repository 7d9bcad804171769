"""Findings that real English reports (ECB+ pairs of one event) showed to be wrong:
speakers read from the wrong words, one speaker under two names, and two names at the
ends of a rewritten clause taken for one name replaced by another."""

from __future__ import annotations

from newsdiff.core.model import FindingKind
from tests.unit.test_findings import CONTEXT_EN, compared


def credits(left: str, right: str) -> list:
    comparison = compared([left], [right], CONTEXT_EN)
    return [f for f in comparison.findings if f.kind is FindingKind.ATTRIBUTION_CHANGE]


def test_a_rank_the_lists_do_not_know_does_not_make_another_speaker() -> None:
    assert not credits(
        '"We fired in self-defense," Commodore Nirad Sinha, a navy spokesman, told CNN.',
        '"We fired in self-defense," navy spokesman Nirad Sinha told reporters.',
    )


def test_initials_written_out_name_the_same_outlet() -> None:
    assert not credits(
        "The suspects belong to the Avenues gang, according to the LA Times.",
        "The suspects belong to the Avenues gang, according to the Los Angeles Times.",
    )


def test_a_differently_spelled_speaker_is_still_reported() -> None:
    (finding,) = credits(
        "The families asked for privacy, spokeswoman Ilene Wolff said on Monday.",
        "The families asked for privacy, spokeswoman Ilene Wolfe said on Monday.",
    )
    assert "Ilene Wolff" in finding.message and "Ilene Wolfe" in finding.message


def test_words_before_the_verb_that_are_not_its_subject_are_no_speaker() -> None:
    found = credits(
        "The man was shot eleven times after police said he drew a gun.",
        "The man was shot eleven times, a witness said.",
    )
    assert not found  # once "The man was shot eleven times after police" said it


def test_a_passive_verb_of_saying_credits_no_one() -> None:
    assert not credits(
        "Hugh Jackman was announced as the host of the ceremony on Friday.",
        "Hugh Jackman will host the ceremony, the academy said on Friday.",
    )


def test_names_at_the_ends_of_a_rewritten_clause_are_no_entity_mismatch() -> None:
    comparison = compared(
        [
            "The Angels made an offer, the rumour reported most recently by Baseball "
            "Prospectus claims, and the team says it will wait."
        ],
        [
            "The Angels made an offer, surpassing the deal they gave outfielder Torii "
            "Hunter last winter, and the team says it will wait."
        ],
        CONTEXT_EN,
    )
    assert FindingKind.ENTITY_MISMATCH not in [f.kind for f in comparison.findings]
