"""The app's settings file: theme, key overrides and the layers shown by default.

It lives at ``config.toml`` in the platform's user config folder (``newsdiff
--help`` names it; ``$NEWSDIFF_CONFIG`` points elsewhere). Reading it never stops the
app: a missing file means defaults, and anything broken — bad TOML, a wrong type, an
unknown layer — becomes a warning a person sees as a notification, with the rest of
the file still used. Example::

    theme = "newsdiff-light"          # or newsdiff-dark, or any Textual theme name

    [keys]                            # binding id = key (or "key1,key2")
    "library.compare" = "C"
    "reader.next" = "n,ctrl+n"

    [layers]                          # what the reader and compare view show at first
    diff = true                       # word-level changes in the compare view
    entities = true                   # people, organisations, places
    values = true                     # numbers, amounts, money, percentages, dates
    boilerplate = true                # show boilerplate dimmed (false: hide it)
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final

LAYERS: Final = ("diff", "entities", "values", "boilerplate")
"""Layers a person can switch on and off; all are on unless the config says otherwise."""

DEFAULT_THEME: Final = "newsdiff-dark"


@dataclass(frozen=True, slots=True)
class Config:
    """What the settings file asked for, already checked."""

    theme: str = DEFAULT_THEME
    keys: dict[str, str] = field(default_factory=dict)
    """Binding id → key string, as Textual's keymap takes it."""
    layers: frozenset[str] = frozenset(LAYERS)
    """The layers switched on at start."""
    path: Path | None = None
    """The file that was read (None when there was none)."""


def config_path() -> Path:
    """Where the settings file is looked for."""
    override = os.environ.get("NEWSDIFF_CONFIG")
    if override:
        return Path(override)
    from platformdirs import user_config_dir  # deferred: only needed at start

    return Path(user_config_dir("newsdiff", appauthor=False)) / "config.toml"


def load_config(path: Path | None = None) -> tuple[Config, list[str]]:
    """The settings in ``path`` (default :func:`config_path`) and what was wrong with them."""
    path = path or config_path()
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return Config(), []
    except OSError as error:
        return Config(), [f"config {path}: cannot read ({error.strerror or error}); defaults used"]
    import tomllib  # deferred: most starts have no settings file, and need no parser

    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        return Config(), [f"config {path}: not valid TOML ({error}); defaults used"]
    return _parse(data, path)


def _parse(data: dict[str, object], path: Path) -> tuple[Config, list[str]]:
    warnings: list[str] = []
    where = f"config {path}"

    theme = data.get("theme", DEFAULT_THEME)
    if not isinstance(theme, str) or not theme.strip():
        warnings.append(f"{where}: 'theme' must be a theme name; {DEFAULT_THEME} used")
        theme = DEFAULT_THEME

    keys: dict[str, str] = {}
    raw_keys = data.get("keys", {})
    if not isinstance(raw_keys, dict):
        warnings.append(f"{where}: [keys] must be a table of binding id = key")
        raw_keys = {}
    for binding_id, key in raw_keys.items():
        if isinstance(key, str) and key.strip():
            keys[str(binding_id)] = key.strip()
        else:
            warnings.append(f"{where}: key for {binding_id!r} must be a non-empty string")

    layers = set(LAYERS)
    raw_layers = data.get("layers", {})
    if not isinstance(raw_layers, dict):
        warnings.append(f"{where}: [layers] must be a table of layer = true/false")
        raw_layers = {}
    for name, enabled in raw_layers.items():
        if name not in LAYERS:
            warnings.append(f"{where}: unknown layer {name!r} (known: {', '.join(LAYERS)})")
        elif not isinstance(enabled, bool):
            warnings.append(f"{where}: layer {name!r} must be true or false")
        elif not enabled:
            layers.discard(name)

    unknown = sorted(set(data) - {"theme", "keys", "layers"})
    if unknown:
        warnings.append(f"{where}: unknown setting(s) {', '.join(unknown)} ignored")
    return Config(theme=theme.strip(), keys=keys, layers=frozenset(layers), path=path), warnings
