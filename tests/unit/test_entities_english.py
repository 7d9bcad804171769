"""English entity rules: what the capital-run rules take for a name, and what not.

English text has no tagger, so the rules decide alone; each test is one behaviour the
English work added (``tests/quality/test_entities_english.py`` scores them together).
"""

from __future__ import annotations

from tests.unit.test_entities import entities


def kinds(text: str) -> set[tuple[str, str]]:
    return {(kind, name) for kind, name, _ in entities(text, "en")}


def test_a_world_city_is_a_place_not_a_person() -> None:
    found = kinds("The suspect was flown to Atlanta on Monday, and then to Portland.")
    assert ("PLACE", "Atlanta") in found
    assert ("PLACE", "Portland") in found


def test_a_common_english_given_name_makes_a_person() -> None:
    assert ("PERSON", "Laurence Mark") in kinds("The film was produced by Laurence Mark last year.")


def test_the_name_after_a_title_inside_a_run() -> None:
    found = kinds("Today, Interior Secretary Ken Salazar announced the decision.")
    assert ("PERSON", "Ken Salazar") in found
    assert not any("Interior" in name for _, name in found)


def test_a_title_after_a_verb_of_saying_is_not_part_of_the_name() -> None:
    found = kinds('"The bank was closed," said Lt. Gregg Hastings of the Oregon State Police.')
    assert ("PERSON", "Gregg Hastings") in found
    assert ("ORG", "Oregon State Police") in found


def test_an_organisation_named_with_of_or_for_after_its_head() -> None:
    found = kinds("He is held by the Texas Department of Criminal Justice near Houston.")
    assert ("ORG", "Texas Department of Criminal Justice") in found
    found = kinds("Staff at the Center for Biological Diversity filed the suit.")
    assert ("ORG", "Center for Biological Diversity") in found


def test_time_zones_are_no_organisation_or_person() -> None:
    found = kinds("The storm reached the coast at 6:41pm PST, or 0241 GMT Friday.")
    assert not {name for _, name in found} & {"PST", "GMT"}


def test_a_quoted_title_of_a_work_is_no_person() -> None:
    found = kinds('She starred in "American Pie" and in the show "Scrubs," before retiring.')
    assert not {name for _, name in found} & {"Pie", "American Pie", "Scrubs"}


def test_laws_awards_and_events_are_no_person() -> None:
    found = kinds("He will host the Academy Awards under the Endangered Species Act rules.")
    assert not {name for _, name in found} & {"Academy Awards", "Endangered Species Act"}


def test_plurals_of_nationalities_and_acronyms_name_no_one() -> None:
    found = kinds("The pictures outraged Americans, and he won with 46 KOs in his career.")
    assert not {name for _, name in found} & {"Americans", "KOs"}


def test_a_hyphenated_adjective_is_no_person() -> None:
    found = kinds("The Ukrainian-born champion beat Alexander Povetkin in Moscow.")
    assert "Ukrainian-born" not in {name for _, name in found}
    assert ("PERSON", "Alexander Povetkin") in found


def test_a_plural_after_the_is_an_organisation() -> None:
    assert ("ORG", "Orioles") in kinds("Teixeira turned down an offer from the Orioles last week.")
