"""A synthetic news corpus with known story clusters, for benchmarks.

Every benchmark that needs many articles (ingest, extraction, grouping, comparing)
builds them here, so figures are comparable and runs are reproducible: the same
``seed`` always gives the same bytes.

The corpus is made of **events** (a flood in Semarang on 16 May 2025, an election
count in Leeds…). Each event has facts — a place, a date, people, an organisation and
a handful of numbers — and is reported by one to several **articles**: version 0 is
the wire report; later versions are rewrites that share the facts but not the
phrasing (other templates, other order, sentences dropped or split, occasionally one
number changed, as rewrites do). Articles of one event form a ground-truth cluster
(``GeneratedArticle.event``); events of the same ``kind`` in the same language are
"related" but distinct stories — the hard negatives a grouping benchmark needs.

Texts are Indonesian or English news prose of 2–6 KB with what real copy has:
datelines (``Jakarta (ANTARA) -``, ``KONTAN.CO.ID - SURABAYA.``, ``LONDON (Reuters) -``),
Indonesian number formats (``1.200``, ``3,5 persen``), ``Jumat (16/5)``, quotes,
abbreviations (``Dr.``, ``Jl.``, ``U.S.``, ``a.m.``), ``Baca juga:`` teasers, credit and
copyright lines.

    articles = build_corpus(n=1000, seed=7)          # in memory
    paths = write_corpus(folder, n=1000, seed=7)     # on disk, plus .clusters.json
"""

from __future__ import annotations

import datetime as dt
import json
import random
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Final

from tests.benchmarks.corpus_text import (
    BODY,
    CREDITS,
    FIRST_NAMES,
    FOLLOW_UPS,
    KINDS,
    LAST_NAMES,
    LEADS,
    MONTHS,
    OPENERS,
    OUTLETS,
    PLACES,
    QUOTES,
    READ_ALSO,
    TAILS,
    WEEKDAYS,
)

LANGUAGES: Final = ("id", "en")
MIN_BYTES: Final = 2000
MAX_BYTES: Final = 6000
CLUSTERS_FILE: Final = ".clusters.json"
"""Ground truth written next to the articles (hidden, so a folder walk skips it)."""


@dataclass(frozen=True, slots=True)
class Event:
    """What happened: the facts every report of it shares."""

    id: int
    lang: str
    kind: str
    place: str
    day: dt.date
    people: tuple[str, str, str]
    organisation: str
    numbers: tuple[int, int, int]
    """Counts (people affected, homes, money in millions) that rewrites repeat."""
    decimal: str
    """A decimal figure as the language writes it (``3,5`` / ``3.5``)."""
    plan: tuple[int, ...]
    """Which body clauses (indices into ``BODY[lang]``) the wire report tells, in order;
    rewrites retell the same clauses, reordered, partly dropped, reworded."""


@dataclass(frozen=True, slots=True)
class GeneratedArticle:
    name: str
    """File name, unique in the corpus (``00042-id-banjir-v1.txt``)."""
    text: str
    event: int
    lang: str
    version: int
    """0 for the wire report, 1… for rewrites of it."""
    changed_fact: bool
    """True when this rewrite changed one number of the event (a finding to catch)."""
    refers_to: tuple[int, ...] = ()
    """Earlier events this report refers back to (a follow-up: related, not the same)."""


def make_event(rng: random.Random, lang: str, event_id: int) -> Event:
    """A new event with random but plausible facts."""
    day = dt.date(2024, 1, 1) + dt.timedelta(days=rng.randrange(700))
    people = tuple(
        f"{rng.choice(FIRST_NAMES[lang])} {rng.choice(LAST_NAMES[lang])}" for _ in range(3)
    )
    whole, tenth = rng.randrange(1, 9), rng.randrange(1, 10)
    kind = rng.choice(sorted(KINDS[lang]))
    clauses = list(range(len(BODY[lang])))
    rng.shuffle(clauses)
    return Event(
        id=event_id,
        lang=lang,
        kind=kind,
        place=rng.choice(PLACES[lang]),
        day=day,
        people=people,  # type: ignore[arg-type]
        organisation=rng.choice(KINDS[lang][kind]),
        numbers=(rng.randrange(100, 20000), rng.randrange(10, 900), rng.randrange(2, 900)),
        decimal=f"{whole},{tenth}" if lang == "id" else f"{whole}.{tenth}",
        plan=tuple(clauses),
    )


def _number(value: int, lang: str) -> str:
    """``12.500`` in Indonesian, ``12,500`` in English."""
    grouped = f"{value:,}"
    return grouped.replace(",", ".") if lang == "id" else grouped


def _slots(event: Event, rng: random.Random, changed: bool) -> dict[str, str]:
    numbers = list(event.numbers)
    if changed:
        numbers[0] += rng.choice((-1, 1)) * max(1, numbers[0] // 10)
    lang = event.lang
    return {
        "place": event.place,
        "weekday": WEEKDAYS[lang][event.day.weekday()],
        "daymonth": f"{event.day.day}/{event.day.month}",
        "date": (
            f"{event.day.day} {MONTHS[lang][event.day.month - 1]} {event.day.year}"
            if lang == "id"
            else f"{MONTHS[lang][event.day.month - 1]} {event.day.day}, {event.day.year}"
        ),
        "year": str(event.day.year),
        "last_year": str(event.day.year - 1),
        "p1": event.people[0],
        "p2": event.people[1],
        "p3": event.people[2],
        "last1": event.people[0].split()[-1],
        "org": event.organisation,
        "org_cap": event.organisation[:1].upper() + event.organisation[1:],
        "kind": event.kind,
        "kind_cap": event.kind.capitalize(),
        "n1": _number(numbers[0], lang),
        "n2": _number(numbers[1], lang),
        "n3": _number(numbers[2], lang),
        "dec": event.decimal,
        "street": rng.choice(("Sudirman", "Thamrin", "Gatot Subroto", "Diponegoro")),
        "no": str(rng.randrange(1, 200)),
    }


def render(rng: random.Random, event: Event, version: int, changed: bool = False) -> str:
    """One report of ``event``: version 0 is the wire copy, others are rewrites."""
    lang = event.lang
    slots = _slots(event, rng, changed)
    outlet = OUTLETS[lang][0 if version == 0 else rng.randrange(len(OUTLETS[lang]))]
    dateline = outlet.format(place=event.place, upper=event.place.upper())
    lead = rng.choice(LEADS[lang][event.kind]).format(**slots)
    plan = list(event.plan)
    if version:
        plan = [c for c in plan if rng.random() > 0.15]  # rewrites drop some clauses
        for _ in range(len(plan) // 4):  # and move others around
            i, j = rng.randrange(len(plan)), rng.randrange(len(plan))
            plan[i], plan[j] = plan[j], plan[i]
    quotes = list(QUOTES[lang])
    rng.shuffle(quotes)
    target = rng.randrange(MIN_BYTES, MAX_BYTES - 700)
    paragraphs = [f"{dateline}{lead}"]
    size = len(paragraphs[0])
    clauses = iter(plan)
    while size < target:
        sentences = []
        for _ in range(rng.choice((1, 1, 2, 3))):
            clause = next(clauses, None)
            if clause is None:
                break
            sentences.append(_sentence(rng, lang, BODY[lang][clause], slots))
            if quotes and rng.random() < 0.2:
                sentences.append(quotes.pop().format(**slots))
        if not sentences:
            break
        paragraphs.append(" ".join(sentences))
        size += len(paragraphs[-1]) + 1
    if rng.random() < 0.5:
        teaser = rng.choice(READ_ALSO[lang]).format(**slots)
        paragraphs.insert(rng.randrange(2, len(paragraphs) + 1), teaser)
    paragraphs.extend(c.format(**slots) for c in rng.choice(CREDITS[lang]))
    return "\n".join(paragraphs) + "\n"


def _sentence(rng: random.Random, lang: str, clause: str, slots: dict[str, str]) -> str:
    """A clause with a random opening and ending, capitalised and closed with a period."""
    opener = rng.choice(OPENERS[lang])
    tails = (
        [t for t in TAILS[lang] if "{p1}" not in t] if "{p1}" in opener + clause else TAILS[lang]
    )
    text = (opener + clause + rng.choice(tails)).format(**slots)
    return text[0].upper() + text[1:] + ("" if text.endswith(".") else ".")


def generate_article(rng: random.Random, lang: str) -> str:
    """A single stand-alone report in ``lang`` (``id`` or ``en``) of a new event."""
    return render(rng, make_event(rng, lang, 0), 0)


def build_corpus(n: int, seed: int, max_versions: int = 4) -> list[GeneratedArticle]:
    """``n`` articles in clusters of 1–``max_versions`` reports of the same event."""
    rng = random.Random(seed)
    articles: list[GeneratedArticle] = []
    event_id = 0
    while len(articles) < n:
        lang = LANGUAGES[event_id % 2]
        event = make_event(rng, lang, event_id)
        versions = min(rng.randint(1, max_versions), n - len(articles))
        for version in range(versions):
            changed = version > 0 and rng.random() < 0.3
            text = render(rng, event, version, changed)
            name = f"{len(articles):05d}-{lang}-e{event_id:05d}-v{version}.txt"
            articles.append(GeneratedArticle(name, text, event_id, lang, version, changed))
        event_id += 1
    return articles


def _date_text(day: dt.date, lang: str) -> str:
    if lang == "id":
        return f"{day.day} {MONTHS[lang][day.month - 1]} {day.year}"
    return f"{MONTHS[lang][day.month - 1]} {day.day}, {day.year}"


def build_busy_topic(
    events: int, seed: int, lang: str = "id", follow_ups: int = 6, max_versions: int = 3
) -> list[GeneratedArticle]:
    """One busy topic: ``events`` events of one kind in one place, a day or three apart.

    Every event has the same kind, place and organisation, and is told from the same
    templates as the rest of the corpus, so two events differ only in their date,
    people and counts — the hardest negatives for grouping. Then ``follow_ups`` later
    reports (events of their own) each refer back to two earlier events, quoting their
    dates and counts: related to both, the same story as neither.
    """
    rng = random.Random(seed)
    base = make_event(rng, lang, 0)
    made: list[Event] = []
    articles: list[GeneratedArticle] = []
    day = base.day
    for number in range(events):
        event = replace(
            make_event(rng, lang, number),
            kind=base.kind,
            place=base.place,
            organisation=base.organisation,
            day=day,
        )
        day += dt.timedelta(days=rng.randint(1, 3))
        made.append(event)
        for version in range(rng.randint(1, max_versions)):
            changed = version > 0 and rng.random() < 0.3
            name = f"busy-{len(articles):04d}-{lang}-e{number:03d}-v{version}.txt"
            text = render(rng, event, version, changed)
            articles.append(GeneratedArticle(name, text, number, lang, version, changed))
    for number in range(events, events + follow_ups):
        first, second = sorted(rng.sample(made, 2), key=lambda e: e.day)
        event = replace(
            make_event(rng, lang, number),
            kind=base.kind,
            place=base.place,
            organisation=base.organisation,
            day=day,
        )
        day += dt.timedelta(days=rng.randint(1, 3))
        slots = {
            "kind": event.kind,
            "kind_cap": event.kind.capitalize(),
            "place": event.place,
            "org": event.organisation,
            "date_a": _date_text(first.day, lang),
            "date_b": _date_text(second.day, lang),
            "n1_a": _number(first.numbers[0], lang),
            "n1_b": _number(second.numbers[0], lang),
            "n2_a": _number(first.numbers[1], lang),
            "n2_b": _number(second.numbers[1], lang),
        }
        lines = render(rng, event, 0).split("\n")
        lines[2:2] = [" ".join(t.format(**slots) for t in FOLLOW_UPS[lang])]
        name = f"busy-{len(articles):04d}-{lang}-e{number:03d}-follow-up.txt"
        articles.append(
            GeneratedArticle(name, "\n".join(lines), number, lang, 0, False, (first.id, second.id))
        )
    return articles


def write_corpus(folder: Path, n: int, seed: int) -> list[Path]:
    """Write ``build_corpus(n, seed)`` as UTF-8 files under ``folder``; return the paths.

    The ground truth goes to ``folder/.clusters.json``: ``{"seed", "articles": {name:
    {"event", "lang", "version", "changed_fact"}}}``.
    """
    folder.mkdir(parents=True, exist_ok=True)
    articles = build_corpus(n, seed)
    paths = []
    for article in articles:
        path = folder / article.name
        path.write_text(article.text, encoding="utf-8")
        paths.append(path)
    truth = {
        "seed": seed,
        "articles": {
            a.name: {
                "event": a.event,
                "lang": a.lang,
                "version": a.version,
                "changed_fact": a.changed_fact,
            }
            for a in articles
        },
    }
    (folder / CLUSTERS_FILE).write_text(json.dumps(truth), encoding="utf-8")
    return paths


def clusters(articles: list[GeneratedArticle]) -> dict[int, list[str]]:
    """Event id → names of the articles reporting it (the ground-truth stories)."""
    out: dict[int, list[str]] = {}
    for article in articles:
        out.setdefault(article.event, []).append(article.name)
    return out
