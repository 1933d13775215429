"""Settings for `gcmcheck lint`: defaults, a configuration file, the command line.

A project keeps its settings next to its drafts, so the configuration is found by
walking up from the checked file's folder: the first folder holding a
`.gcmcheck.toml`, or a `pyproject.toml` with a `[tool.gcmcheck]` table, wins (the
former first when both are there). Options given on the command line win over the
file. Every setting remembers where it came from, for `--show-config`.

Keys: claims (a path, relative to the file's folder), include and exclude (lists of
globs), fail_on (contradicted, conflicting or never), format (an output format).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from gcmcheck.commands.common import UserError

CONFIG_FILE = ".gcmcheck.toml"
PYPROJECT = "pyproject.toml"
KEYS = ("claims", "include", "exclude", "fail_on", "format")
FAIL_ON = ("contradicted", "conflicting", "never")
DEFAULT_INCLUDE: tuple[str, ...] = ("*.md", "*.markdown", "*.txt")
DEFAULT_ORIGIN = "default"


@dataclass(frozen=True, slots=True)
class Setting:
    """A value and where it came from: "default", an option such as "--format", or a file.

    base is the folder relative globs are matched from (the configuration file's
    folder, or the working folder for options); None for the defaults.
    """

    value: Any
    origin: str = DEFAULT_ORIGIN
    base: Path | None = None


@dataclass(frozen=True, slots=True)
class Settings:
    claims: Setting  # value: Path | None (None = the shipped table)
    include: Setting  # value: tuple[str, ...]
    exclude: Setting  # value: tuple[str, ...]
    fail_on: Setting  # value: one of FAIL_ON
    format: Setting  # value: a Format value ("text", "json", ...)
    file: Path | None = None  # the configuration file read, if any


class ConfigFinder:
    """Finds and parses configuration files, each folder and file at most once per run."""

    def __init__(self) -> None:
        self._folders: dict[Path, Path | None] = {}
        self._files: dict[Path, dict[str, Any]] = {}

    def find(self, folder: Path) -> Path | None:
        """The configuration file that applies to files in folder, or None."""
        folder = Path(os.path.abspath(folder))
        visited: list[Path] = []
        found: Path | None = None
        for candidate in (folder, *folder.parents):
            if candidate in self._folders:
                found = self._folders[candidate]
                break
            visited.append(candidate)
            found = self._in_folder(candidate)
            if found is not None:
                break
        for v in visited:
            self._folders[v] = found
        return found

    def _in_folder(self, folder: Path) -> Path | None:
        own = folder / CONFIG_FILE
        if own.is_file():
            return own
        pyproject = folder / PYPROJECT
        if pyproject.is_file() and self.table(pyproject) is not None:
            return pyproject
        return None

    def table(self, file: Path) -> dict[str, Any] | None:
        """The gcmcheck settings of a file, validated; None for a pyproject without them."""
        if file not in self._files:
            self._files[file] = _read_table(file)
        table = self._files[file]
        return None if table.get("__none__") else table


def _read_table(file: Path) -> dict[str, Any]:
    import tomllib

    try:
        data = tomllib.loads(file.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise UserError(f"{file}: cannot read the configuration: {exc}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise UserError(f"{file}: invalid TOML: {exc}") from exc
    if file.name == PYPROJECT:
        tool = data.get("tool")
        table = tool.get("gcmcheck") if isinstance(tool, dict) else None
        if table is None:
            return {"__none__": True}
        where = f"{file}: [tool.gcmcheck]"
        if not isinstance(table, dict):
            raise UserError(f"{where} must be a table")
    else:
        table, where = data, str(file)
    return _validate(table, where, file.parent)


def _validate(table: dict[str, Any], where: str, folder: Path) -> dict[str, Any]:
    """Check keys and types now, so a typo fails the run instead of being ignored."""
    from gcmcheck.formats import Format

    out: dict[str, Any] = {}
    for raw_key, value in table.items():
        key = raw_key.replace("-", "_")
        if key not in KEYS:
            raise UserError(f"{where}: unknown setting {raw_key!r} (known: {', '.join(KEYS)})")
        if key == "claims":
            if not isinstance(value, str) or not value.strip():
                raise UserError(f"{where}: claims must be a path (a string)")
            out[key] = folder / Path(value).expanduser()
        elif key in ("include", "exclude"):
            if isinstance(value, str):
                value = [value]
            if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
                raise UserError(f"{where}: {key} must be a list of glob patterns")
            out[key] = tuple(value)
        elif key == "fail_on":
            if value not in FAIL_ON:
                raise UserError(f"{where}: fail_on must be one of {', '.join(FAIL_ON)}, not {value!r}")
            out[key] = value
        else:
            formats = [f.value for f in Format]
            if value not in formats:
                raise UserError(f"{where}: format must be one of {', '.join(formats)}, not {value!r}")
            out[key] = value
    return out


def resolve(start: Path, options: dict[str, Any], finder: ConfigFinder | None = None) -> Settings:
    """The settings for files in folder start: options (non-None values) over the file over defaults.

    options maps a key to (value, option name), e.g. {"format": ("json", "--format")}.
    """
    finder = finder or ConfigFinder()
    file = finder.find(start)
    table = finder.table(file) if file is not None else None
    defaults: dict[str, Any] = {
        "claims": None,
        "include": DEFAULT_INCLUDE,
        "exclude": (),
        "fail_on": "contradicted",
        "format": "text",
    }
    cwd = Path.cwd()
    chosen: dict[str, Setting] = {}
    for key in KEYS:
        given = options.get(key)
        if given is not None and given[0] is not None and given[0] != ():
            chosen[key] = Setting(given[0], given[1], cwd)
        elif table and key in table:
            chosen[key] = Setting(table[key], str(file), file.parent if file else None)
        else:
            chosen[key] = Setting(defaults[key])
    return Settings(file=file, **chosen)


def describe(settings: Settings, cwd: Path | None = None) -> str:
    """The effective settings as TOML, each with a comment saying where it came from."""
    from gcmcheck.formats.escape import display_path

    def quoted(text: str) -> str:
        return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'

    def shown(value: Any) -> str:
        if value is None:
            return quoted("(the shipped table)")
        if isinstance(value, Path):
            return quoted(display_path(str(value), cwd))
        if isinstance(value, tuple):
            return "[" + ", ".join(quoted(v) for v in value) + "]"
        return quoted(str(value))

    def origin(setting: Setting) -> str:
        if setting.origin == DEFAULT_ORIGIN or setting.origin.startswith("-"):
            return setting.origin
        return display_path(setting.origin, cwd)

    where = display_path(str(settings.file), cwd) if settings.file else "none found"
    lines = [f"# configuration file: {where}"]
    rows = [(f"{key} = {shown(getattr(settings, key).value)}", origin(getattr(settings, key))) for key in KEYS]
    width = max(len(row) for row, _ in rows)
    lines.extend(f"{row.ljust(width)}  # {source}" for row, source in rows)
    return "\n".join(lines) + "\n"
