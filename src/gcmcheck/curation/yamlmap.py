"""Parse a YAML table keeping the line of every value, so each problem names its line.

The loader records one line per mapping; validation wants the line of the very key
or list item at fault (the `quote:` that is not verbatim, the misspelt key), and
wants to hear about duplicate keys, which YAML silently resolves to the last one.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

Path_ = tuple[str | int, ...]


@dataclass(slots=True)
class Parsed:
    """Plain data, plus 1-based lines: of each value (`lines`) and of each key (`key_lines`)."""

    data: Any
    lines: dict[Path_, int] = field(default_factory=dict)
    key_lines: dict[Path_, int] = field(default_factory=dict)
    duplicate_keys: list[tuple[Path_, int, int]] = field(default_factory=list)  # path, line, first line

    def line(self, path: Path_) -> int:
        """The line of the key naming path's value (else the value's), or of the nearest ancestor."""
        while True:
            if path in self.key_lines:
                return self.key_lines[path]
            if path in self.lines:
                return self.lines[path]
            if not path:
                return 0
            path = path[:-1]


@dataclass(frozen=True, slots=True)
class SyntaxProblem:
    line: int
    column: int
    message: str


def parse(text: str) -> Parsed | SyntaxProblem:
    """Data and line maps of a YAML document, or where and why it does not parse."""
    import yaml

    from gcmcheck.table.loader import limited_loader

    loader = limited_loader()(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 0
        column = mark.column + 1 if mark else 0
        return SyntaxProblem(line, column, f"YAML syntax error: {exc.problem or exc.context or exc}")
    except yaml.YAMLError as exc:
        return SyntaxProblem(0, 0, f"YAML error: {exc}")
    finally:
        loader.dispose()
    parsed = Parsed(data)
    if node is not None:
        _walk(node, (), parsed)
    return parsed


def _walk(node: Any, path: Path_, parsed: Parsed) -> None:
    import yaml

    parsed.lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        seen: dict[Any, int] = {}
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else repr(key_node.value)
            here = key_node.start_mark.line + 1
            if key in seen:  # YAML keeps the last value: lines follow it
                parsed.duplicate_keys.append(((*path, key), here, seen[key]))
            seen.setdefault(key, here)
            parsed.key_lines[(*path, key)] = here
            _walk(value_node, (*path, key), parsed)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            _walk(item, (*path, i), parsed)
