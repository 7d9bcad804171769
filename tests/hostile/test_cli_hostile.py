"""Every command, run as a subprocess over the hostile corpus.

What must hold for each run: no traceback (and no "internal error"); every input the
corpus says must be refused is named on stderr with its reason; the exit status is the
README's (1 when some inputs were skipped); stdout and every exported file hold no
control sequence, bidi override or lone surrogate from the input (colour, when asked
for, is newsdiff's own SGR and nothing else); markup comes out as the literal text;
and no source file is changed or deleted.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import SAMPLES
from tests.hostile.conftest import newsdiff, tree_digest
from tests.hostile.generator import Manifest
from tests.hostile.inert import unsafe


def _run(manifest: Manifest, *args: str, **kwargs):
    """Run newsdiff from the corpus's parent folder; sources must come out unchanged."""
    before = tree_digest(manifest.root, SAMPLES)
    run = newsdiff(*args, cwd=manifest.root.parent, **kwargs)
    assert tree_digest(manifest.root, SAMPLES) == before, "a source file was changed"
    stderr = run.stderr.decode("utf-8", errors="replace")
    assert "Traceback" not in stderr, stderr[-3000:]
    assert "internal error" not in stderr, stderr[-3000:]
    assert not unsafe(run.stderr), unsafe(run.stderr)
    return run, stderr


def _rel(manifest: Manifest, path: Path) -> str:
    return str(path.relative_to(manifest.root.parent))


def _check_refusals(manifest: Manifest, stderr: str, under: Path | None = None) -> None:
    lines = stderr.splitlines()
    for path, reason in manifest.rejected.items():
        if under is not None and under not in path.parents:
            continue
        named = [line for line in lines if line.startswith(f"newsdiff: {_rel(manifest, path)}:")]
        assert named, f"{path.name} not named on stderr"
        assert any(reason in line.lower() for line in named), (path.name, named)


CORPUS_COMMANDS = {
    "list": ["list"],
    "list-json": ["list", "--format", "json"],
    "entities": ["entities"],
    "entities-json": ["entities", "--format", "json"],
    "stories": ["stories", "--no-cache"],
    "stories-json-cached": ["stories", "--format", "json", "--cache-dir", "{tmp}/cache"],
}


@pytest.mark.parametrize("name", list(CORPUS_COMMANDS))
def test_commands_over_the_whole_corpus(name: str, hostile: Manifest, tmp_path: Path) -> None:
    args = [a.replace("{tmp}", str(tmp_path)) for a in CORPUS_COMMANDS[name]]
    run, stderr = _run(hostile, *args, "corpus")
    assert run.returncode == 1, stderr[-2000:]
    _check_refusals(hostile, stderr)
    assert not unsafe(run.stdout), unsafe(run.stdout)
    # Entities were never expanded, nor a local file pulled in.
    assert b"lollol" not in run.stdout and b"root:x:0" not in run.stdout
    if "json" in name:
        json.loads(run.stdout)  # valid JSON whatever the input held
    else:
        out = run.stdout.decode()
        # Markup shows as text: never styled away, never a link or an action.
        assert "[@click=app.quit]keluar" in out or "\\[@click=app.quit\\]keluar" in out
    # Everything not refused was processed: at least one article per file of text kinds.
    if name.startswith("list-json"):
        listed = {a["path"].split("#")[0] for a in json.loads(run.stdout)["articles"]}
        for kind in ("escape", "markup", "bidi", "invisible", "wide", "duplicate", "same_text"):
            for path in hostile.kinds[kind]:
                if not path.suffix:
                    continue  # a folder is searched for article files by extension
                assert (
                    _rel(hostile, path).removesuffix(".gz") in listed
                    or _rel(hostile, path) in listed
                ), path


def test_colour_is_our_own_sgr_and_nothing_from_the_input(hostile: Manifest) -> None:
    run, stderr = _run(hostile, "entities", "--color", "always", "corpus/escape")
    assert run.returncode == 0, stderr
    assert b"\x1b[" in run.stdout  # coloured, as asked
    assert not unsafe(run.stdout, allow_sgr=True), unsafe(run.stdout, allow_sgr=True)
    assert b"\\x1b]" in run.stdout  # the clipboard write, shown as text


@pytest.mark.parametrize("fmt", ["md", "html", "json", "txt", "brat"])
def test_export_of_the_corpus_as_one_comparison(
    fmt: str, hostile: Manifest, tmp_path: Path
) -> None:
    out = tmp_path / ("out" if fmt == "brat" else f"out.{fmt}")
    # Over 26 reports (column labels past Z), the escapes, refused feeds and odd JSON.
    run, stderr = _run(
        hostile, "export", "corpus/escape", "corpus/feeds", "--format", fmt, "-o", str(out)
    )
    assert run.returncode == 1, stderr[-2000:]
    _check_refusals(hostile, stderr, under=hostile.root / "feeds")
    files = sorted(out.iterdir()) if fmt == "brat" else [out]
    assert files
    for path in files:
        data = path.read_bytes()
        assert not unsafe(data), (path.name, unsafe(data))
        if fmt == "html":
            assert b"<script" not in data.lower()
        if fmt == "json":
            json.loads(data)


@pytest.mark.parametrize("fmt", ["md", "html", "json", "txt", "brat"])
def test_export_of_one_hostile_article_and_a_story(
    fmt: str, hostile: Manifest, tmp_path: Path
) -> None:
    article = tmp_path / ("article" if fmt == "brat" else f"article.{fmt}")
    run, stderr = _run(
        hostile, "export", "corpus/escape/all-at-once.md", "--format", fmt, "-o", str(article)
    )
    assert run.returncode == 0, stderr
    story = tmp_path / ("story" if fmt == "brat" else f"story.{fmt}")
    run, stderr = _run(
        hostile, "export", "corpus/markup/click*", "--story", "--format", fmt, "-o", str(story)
    )
    assert run.returncode == 0, stderr
    for path in [*(p for p in (article, story) if p.is_file())]:
        assert not unsafe(path.read_bytes()), (path.name, unsafe(path.read_bytes()))
    for folder in (article, story):
        if folder.is_dir():
            for path in folder.iterdir():
                assert not unsafe(path.read_bytes()), (path.name, unsafe(path.read_bytes()))


def test_export_to_stdout_and_compare_stay_inert(hostile: Manifest) -> None:
    run, stderr = _run(
        hostile, "export", "corpus/escape/all-at-once.md", "--format", "txt", "-o", "-"
    )
    assert run.returncode == 0, stderr
    assert not unsafe(run.stdout) and b"\\x1b" in run.stdout
    for fmt in ("text", "json"):
        run, stderr = _run(
            hostile,
            "compare",
            "corpus/escape/all-at-once.md",
            "corpus/escape/all-at-once.html",
            "--format",
            fmt,
        )
        assert run.returncode == 0, stderr
        assert not unsafe(run.stdout), unsafe(run.stdout)
    run, stderr = _run(
        hostile,
        "compare",
        "corpus/escape/osc52.txt",
        "corpus/markup/click.json",
        "--color",
        "always",
    )
    assert run.returncode == 0, stderr
    assert not unsafe(run.stdout, allow_sgr=True)


def test_compare_names_a_refused_input_and_fails(hostile: Manifest) -> None:
    run, stderr = _run(hostile, "compare", "corpus/feeds/laughs.rss", "corpus/escape/sgr.txt")
    assert run.returncode == 2
    assert "corpus/feeds/laughs.rss: XML declares entities" in stderr


def test_every_refused_kind_alone_gives_status_2(hostile: Manifest) -> None:
    refused = [_rel(hostile, p) for p in hostile.rejected]
    run, stderr = _run(hostile, "list", *refused)
    assert run.returncode == 2
    assert len([line for line in stderr.splitlines() if line.startswith("newsdiff: corpus/")]) >= (
        len(refused)
    )


def test_duplicates_and_renamed_copies(hostile: Manifest, tmp_path: Path) -> None:
    # The same file named three ways is read once; equal files under other names are
    # different files, each listed, and the grouping puts them in one story.
    link = tmp_path / "link.txt"
    link.symlink_to(hostile.kinds["duplicate"][0])
    first = _rel(hostile, hostile.kinds["duplicate"][0])
    run, stderr = _run(hostile, "list", "--format", "json", first, first, str(link))
    assert run.returncode == 0, stderr
    assert len(json.loads(run.stdout)["articles"]) == 1
    bare = "corpus/renamed/no-extension"  # not found in a folder walk: named directly
    run, stderr = _run(hostile, "list", "--format", "json", "corpus/dupes", "corpus/renamed", bare)
    assert run.returncode == 0, stderr
    articles = json.loads(run.stdout)["articles"]
    assert len(articles) == len(hostile.kinds["duplicate"]) + len(hostile.kinds["same_text"])
    renamed = [a for a in articles if "renamed" in a["path"]]
    assert len({(a["title"], a["sentences"]) for a in renamed}) == 1
    run, stderr = _run(hostile, "stories", "--format", "json", "--no-cache", "corpus/renamed", bare)
    assert run.returncode == 0, stderr
    stories = json.loads(run.stdout)["stories"]
    assert [len(s["articles"]) for s in stories] == [len(hostile.kinds["same_text"])]


@pytest.mark.parametrize(
    ("name", "status"),
    [
        ("escape/all-at-once.md", 0),
        ("surrogate/escaped.json", 0),
        ("nul/one-nul.txt", 2),
        ("feeds/laughs.rss", 2),
        ("json/nested-100000.json", 2),
    ],
)
def test_standard_input_is_as_safe_as_a_file(hostile: Manifest, name: str, status: int) -> None:
    data = (hostile.root / name).read_bytes()
    run, stderr = _run(hostile, "entities", "--format", "json", "-", stdin=data)
    assert run.returncode == status, stderr
    assert not unsafe(run.stdout), unsafe(run.stdout)
    if status:
        assert stderr.startswith("newsdiff: -: ")
    else:
        json.loads(run.stdout)


KINDS = {
    "bidi": 15,
    "duplicate": 3,
    "encoding_lie": 7,
    "escape": 29,
    "html_malformed": 6,
    "html_nested": 3,
    "invisible": 9,
    "json_malformed": 3,
    "json_nested": 4,
    "json_types": 15,
    "markup": 15,
    "nul": 3,
    "same_text": 5,
    "surrogate": 5,
    "wide": 9,
    "xml_entities": 8,
}
"""How many hostile inputs of each kind the corpus holds (README "Hostile input")."""


def test_the_corpus_holds_every_kind(hostile: Manifest) -> None:
    assert dict(hostile.counts()) == KINDS
    assert len(hostile.rejected) == 15
