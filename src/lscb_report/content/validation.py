"""Validate loaded YAML against the content model, turning pydantic's errors into problems
a policy manager can act on: at the file, line and column, saying what would be right."""

from __future__ import annotations

import difflib
import re
import types
import typing
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from lscb_report.content.loading import Loaded, Path_, dotted
from lscb_report.content.models import FileModel
from lscb_report.errors import Problem

M = TypeVar("M", bound=FileModel)


def validate(model: type[M], loaded: Loaded) -> tuple[M | None, list[Problem]]:
    """The model read from loaded data, or every problem that stops it."""
    try:
        result = model.model_validate(loaded.data)
    except ValidationError as error:
        details = error.errors()
        misspelt = _misspelt(model, details)
        return None, [
            _problem(model, loaded, detail)
            for detail in details
            if not (detail["type"] == "missing" and detail["loc"] in misspelt)
        ]
    result._source = loaded
    return result, []


def _problem(model: type[BaseModel], loaded: Loaded, detail: ErrorDetails) -> Problem:
    path: Path_ = tuple(part for part in detail["loc"] if isinstance(part, str | int))
    kind = detail["type"]
    if kind == "extra_forbidden":
        mark = loaded.mark(path, key=True)
        message = _unknown_key(model, path)
    elif kind == "missing":
        mark = loaded.mark(path[:-1])
        message = f"'{path[-1]}' is missing; add it" + _example(model, path)
    else:
        mark = loaded.mark(path)
        message = _describe(detail) + _example(model, path, kind)
    where = dotted(path)
    return Problem(loaded.file, mark.line, mark.column, f"{where}: {message}" if where else message)


def _misspelt(model: type[BaseModel], details: list[ErrorDetails]) -> set[tuple[Any, ...]]:
    """Places of missing keys that an unknown key nearby is a misspelling of: the unknown key's
    message says it all, so the missing key need not be reported as well."""
    places = set()
    for detail in details:
        if detail["type"] == "extra_forbidden":
            loc = detail["loc"]
            close = _closest(str(loc[-1]), _fields_at(model, tuple(loc[:-1])))
            if close:
                places.add((*loc[:-1], close))
    return places


def _closest(key: str, allowed: list[str]) -> str | None:
    close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
    return close[0] if close else None


def _unknown_key(model: type[BaseModel], path: Path_) -> str:
    key = str(path[-1])
    moved: dict[str, str] = getattr(_model_at(model, path[:-1]), "MOVED", {})
    if key in moved:
        return moved[key]
    allowed = _fields_at(model, path[:-1])
    message = f"unknown key '{key}'"
    close = _closest(key, allowed)
    if close:
        return f"{message}; did you mean '{close}'?"
    if allowed:
        return f"{message}; the keys allowed here are: {', '.join(allowed)}"
    return message


_EXAMPLE_KINDS = (
    "missing",
    "int_parsing",
    "int_type",
    "int_from_float",
    "decimal_parsing",
    "decimal_type",
    "bool_parsing",
)


def _example(model: type[BaseModel], path: Path_, kind: str = "missing") -> str:
    """', for example: key: value', where the field gives an example and it would help."""
    if kind not in _EXAMPLE_KINDS or not path or isinstance(path[-1], int):
        return ""
    owner = _model_at(model, path[:-1])
    if owner is None:
        return ""
    field = owner.model_fields.get(str(path[-1]))
    if field is not None and field.examples:
        return f", for example: {path[-1]}: {field.examples[0]}"
    return ""


def _fields_at(model: type[BaseModel], path: Path_) -> list[str]:
    owner = _model_at(model, path)
    return list(owner.model_fields) if owner else []


def _model_at(model: type[BaseModel], path: Path_) -> type[BaseModel] | None:
    """The model class whose fields apply at path, following field annotations."""
    current: Any = model
    for part in path:
        current = _unwrap(current)
        if isinstance(part, int):
            args = typing.get_args(current)
            current = args[0] if args else None
        elif isinstance(current, type) and issubclass(current, BaseModel):
            field = current.model_fields.get(part)
            current = field.annotation if field else None
        else:
            args = typing.get_args(current)
            current = args[-1] if args else None
    current = _unwrap(current)
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def _unwrap(annotation: Any) -> Any:
    """Drop Optional and Annotated wrappers."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            options = [a for a in typing.get_args(annotation) if a is not type(None)]
            if len(options) != 1:
                return annotation
            annotation = options[0]
        else:
            return annotation


def _shown(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, dict):
        return "a set of keys"
    if isinstance(value, list):
        return "a list"
    text = str(value)
    return f"'{text[:60]}…'" if len(text) > 60 else f"'{text}'"


_EXPECTED = {
    "string_type": "text",
    "int_parsing": "a whole number written in digits",
    "int_type": "a whole number written in digits",
    "int_from_float": "a whole number written in digits",
    "decimal_parsing": "a number written in digits, such as 12500 or 12500.50 (no £, % or commas)",
    "decimal_type": "a number written in digits, such as 12500 or 12500.50 (no £, % or commas)",
    "bool_parsing": "true or false",
    "bool_type": "true or false",
    "date_from_datetime_parsing": "a date written YYYY-MM-DD, such as 2015-10-08",
    "date_parsing": "a date written YYYY-MM-DD, such as 2015-10-08",
    "date_type": "a date written YYYY-MM-DD, such as 2015-10-08",
    "list_type": "a list, each item on its own line starting with '- '",
    "dict_type": "a set of keys, each on its own line as 'key: value'",
    "model_type": "a set of keys, each on its own line as 'key: value'",
    "model_attributes_type": "a set of keys, each on its own line as 'key: value'",
}


def _describe(detail: ErrorDetails) -> str:
    kind, given, ctx = detail["type"], detail.get("input"), detail.get("ctx") or {}
    if kind.startswith("date_") and re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(given)):
        return f"{_shown(given)} is not a day in the calendar; check the month and the day"
    if kind in _EXPECTED:
        return f"expected {_EXPECTED[kind]}, but found {_shown(given)}"
    if kind == "literal_error":
        return f"expected one of {ctx.get('expected')}, but found {_shown(given)}"
    if kind == "string_pattern_mismatch":
        return _pattern_message(str(ctx.get("pattern", "")), given)
    if kind == "string_too_short":
        return "is empty; write the text it needs"
    if kind in ("too_short", "too_long"):
        need = ctx.get("min_length") if kind == "too_short" else ctx.get("max_length")
        return f"needs {'at least' if kind == 'too_short' else 'at most'} {need} item(s)"
    if kind in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
        return f"{detail['msg'].lower()}, but found {_shown(given)}"
    if kind == "decimal_max_places":
        return f"has more than 2 decimal places ({_shown(given)}); round it to pence"
    if kind == "value_error":
        return str(ctx.get("error", detail["msg"]))
    return f"{detail['msg']} (found {_shown(given)})"


def _pattern_message(pattern: str, given: Any) -> str:
    if "@" in pattern:
        return f"expected an e-mail address such as name@example.gov.uk, but found {_shown(given)}"
    if pattern.startswith("^[a-z0-9]"):
        return (
            f"expected a short id in lower case with hyphens, such as 'early-help', "
            f"but found {_shown(given)}"
        )
    if "\\d{4}-\\d{2}" in pattern:
        return f"expected a financial year such as 2014-15, but found {_shown(given)}"
    return f"does not have the expected form ({pattern}); found {_shown(given)}"
