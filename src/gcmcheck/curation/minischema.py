"""A small JSON Schema validator: the subset the claims schema uses, stdlib only.

Why not the `jsonschema` package: it is a heavy dependency for a handful of keywords,
and importing it would slow every `claims validate`. Supported keywords: type,
required, properties, additionalProperties (true, false or a schema), propertyNames,
items (one schema), enum, pattern (re.search, as JSON Schema specifies), minItems and
minLength. Anything else in a schema is ignored, as JSON Schema ignores unknown
keywords. Errors carry the path of the offending value, so a caller holding line
numbers per path can locate them in the file.
"""

from __future__ import annotations

import datetime as _dt
import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

Path_ = tuple[str | int, ...]


@dataclass(frozen=True, slots=True)
class SchemaError:
    """One violation: where (a path of keys and indices), what, and which keyword."""

    path: Path_
    message: str
    keyword: str
    key: str = ""  # for `additionalProperties` and `required`: the key concerned


def schema_path() -> Path:
    """The claims schema shipped inside the package."""
    return Path(__file__).resolve().parent.parent / "schema" / "claims.schema.json"


@cache
def claims_schema() -> dict[str, Any]:
    """The parsed claims schema (read once per process)."""
    return json.loads(schema_path().read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def validate(instance: Any, schema: dict[str, Any], path: Path_ = ()) -> list[SchemaError]:
    """Every violation of schema by instance, parents before children."""
    errors: list[SchemaError] = []
    _check(instance, schema, path, errors)
    return errors


def describe_type(value: Any) -> str:
    """A value's type as an editor reads it: 'a string', 'a list', 'a date' ..."""
    if value is None:
        return "nothing (null)"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int):
        return "a whole number"
    if isinstance(value, float):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, (_dt.date, _dt.datetime)):
        return "a date"
    return type(value).__name__


_TYPE_NAMES = {
    "string": "text",
    "integer": "a whole number",
    "number": "a number",
    "boolean": "true or false",
    "array": "a list",
    "object": "a mapping",
    "null": "nothing (null)",
}


def _is_type(value: Any, name: str) -> bool:
    if name == "string":
        return isinstance(value, str)
    if name == "integer":
        return isinstance(value, int) and not isinstance(value, bool)
    if name == "number":
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    if name == "boolean":
        return isinstance(value, bool)
    if name == "array":
        return isinstance(value, list)
    if name == "object":
        return isinstance(value, dict)
    if name == "null":
        return value is None
    return True  # an unknown type name constrains nothing


@cache
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


def _check(value: Any, schema: dict[str, Any], path: Path_, errors: list[SchemaError]) -> None:
    types = schema.get("type")
    if types is not None:
        names = [types] if isinstance(types, str) else list(types)
        if not any(_is_type(value, n) for n in names):
            wanted = " or ".join(_TYPE_NAMES.get(n, n) for n in names)
            hint = ""
            if isinstance(value, (_dt.date, _dt.datetime)) and "string" in names:
                hint = f" (YAML reads {value.isoformat()} as a date: put it in quotes)"
            elif value is not None and not isinstance(value, (list, dict)) and "string" in names:
                hint = " (put it in quotes)"
            errors.append(SchemaError(path, f"expected {wanted}, got {describe_type(value)}{hint}", "type"))
            return  # the other keywords would only repeat the mismatch
    if "enum" in schema and value not in schema["enum"]:
        allowed = ", ".join(json.dumps(v) for v in schema["enum"])
        errors.append(SchemaError(path, f"{value!r} is not allowed (allowed: {allowed})", "enum"))
    if isinstance(value, str):
        if len(value) < schema.get("minLength", 0):
            errors.append(SchemaError(path, "must not be empty" if schema["minLength"] == 1 else f"must have at least {schema['minLength']} characters", "minLength"))
        pattern = schema.get("pattern")
        if pattern is not None and not _compiled(pattern).search(value):
            errors.append(SchemaError(path, f"{value!r} does not match the pattern {pattern}", "pattern"))
    if isinstance(value, list):
        if len(value) < schema.get("minItems", 0):
            errors.append(SchemaError(path, "must not be an empty list" if schema["minItems"] == 1 else f"needs at least {schema['minItems']} items", "minItems"))
        items = schema.get("items")
        if isinstance(items, dict):
            for i, item in enumerate(value):
                _check(item, items, (*path, i), errors)
    if isinstance(value, dict):
        _check_object(value, schema, path, errors)


def _check_object(value: dict[Any, Any], schema: dict[str, Any], path: Path_, errors: list[SchemaError]) -> None:
    for key in schema.get("required", ()):
        if key not in value:
            errors.append(SchemaError(path, f"missing required key `{key}`", "required", key))
    properties: dict[str, Any] = schema.get("properties", {})
    additional = schema.get("additionalProperties", True)
    names = schema.get("propertyNames")
    for key, item in value.items():
        if isinstance(names, dict):
            for e in validate(key, names):
                errors.append(SchemaError((*path, key), f"the name {key!r}: {e.message}", "propertyNames", str(key)))
        if key in properties:
            _check(item, properties[key], (*path, key), errors)
        elif additional is False:
            allowed = ", ".join(sorted(properties))
            errors.append(SchemaError((*path, key), f"unknown key `{key}` (allowed: {allowed})", "additionalProperties", str(key)))
        elif isinstance(additional, dict):
            _check(item, additional, (*path, key), errors)
