"""Reading the settings file: defaults, overrides, and warnings instead of failures."""

from __future__ import annotations

from pathlib import Path

from newsdiff.ui.config import LAYERS, Config, config_path, load_config


def test_missing_file_means_defaults(tmp_path: Path) -> None:
    config, warnings = load_config(tmp_path / "none.toml")
    assert config == Config() and warnings == []


def test_settings_are_read(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text(
        'theme = "light"\n[keys]\n"library.compare" = "C"\n[layers]\nvalues = false\n',
        encoding="utf-8",
    )
    config, warnings = load_config(path)
    assert warnings == []
    assert config.theme == "light"
    assert config.keys == {"library.compare": "C"}
    assert config.layers == frozenset(LAYERS) - {"values"}


def test_broken_toml_gives_defaults_and_one_warning(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text("theme = [unclosed\n", encoding="utf-8")
    config, warnings = load_config(path)
    assert config == Config()
    assert len(warnings) == 1 and "not valid TOML" in warnings[0]


def test_wrong_types_are_reported_and_the_rest_kept(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text(
        'theme = 3\ncolour = "red"\n[keys]\n"a.b" = 5\n"c.d" = "x"\n[layers]\nfoo = true\n'
        'diff = "no"\n',
        encoding="utf-8",
    )
    config, warnings = load_config(path)
    assert config.keys == {"c.d": "x"}
    assert config.layers == frozenset(LAYERS)
    assert len(warnings) == 5


def test_binary_garbage_is_not_a_crash(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_bytes(b"\xff\xfe\x00garbage")
    config, warnings = load_config(path)
    assert config == Config() and warnings


def test_environment_overrides_the_location(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("NEWSDIFF_CONFIG", str(tmp_path / "x.toml"))
    assert config_path() == tmp_path / "x.toml"
    monkeypatch.delenv("NEWSDIFF_CONFIG")
    assert config_path().name == "config.toml"
