"""JSON Schemas of the content files, made from the content model, for editors.

Each content file names its schema on its first line (``# yaml-language-server: $schema=...``),
so VS Code's YAML extension checks keys and completes them as the file is typed. The tool's
loader keeps every value as text and the model reads numbers, dates and true/false from text,
while an editor reads ``2012`` as a number and ``true`` as true/false. So each schema accepts
both readings of what the tool accepts: a whole number as a number or as digits in text, true or
false as a boolean or as any word the tool takes for one (yes, no, on, off ...), and text that an
editor would read as a number as what it is to the tool, text. Unknown keys are refused, as the
tool refuses them.
"""

from __future__ import annotations

import json
from pathlib import Path, PurePosixPath
from typing import Any

from lscb_report.content.loading import display_path
from lscb_report.content.models import (
    Activity,
    Board,
    Budget,
    CaseReview,
    FileModel,
    Glossary,
    MemberAccount,
    Metrics,
    Priority,
    Report,
)
from lscb_report.errors import Problem, ReportError
from lscb_report.files import Unreadable, plain_file, write_plain

MODELINE = "# yaml-language-server: $schema="
DRAFT = "http://json-schema.org/draft-07/schema#"
KINDS: dict[str, type[FileModel]] = {
    "board": Board,
    "glossary": Glossary,
    "report": Report,
    "priority": Priority,
    "activity": Activity,
    "contribution": MemberAccount,
    "review": CaseReview,
    "budget": Budget,
    "metrics": Metrics,
}
_FOLDERS = {
    "priorities": "priority",
    "activities": "activity",
    "contributions": "contribution",
    "reviews": "review",
}
_SINGLES = {"board", "glossary", "report", "budget", "metrics"}

INTEGER = r"^\s*[+-]?[0-9][0-9_]*(\.0*)?\s*$"
DECIMAL = r"^\s*[+-]?([0-9][0-9_]*(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?\s*$"
_TRUTH = ("true", "false", "yes", "no", "on", "off", "t", "f", "y", "n", "1", "0")
BOOLEAN = "^(" + "|".join("".join(f"[{c}{c.upper()}]" if c.isalpha() else c for c in word)
                          for word in _TRUTH) + ")$"  # fmt: skip
_VALUES = ("default", "examples", "enum", "const")
_MAPS = ("properties", "$defs", "patternProperties")
_LISTS = ("anyOf", "allOf", "oneOf", "prefixItems")
_SCHEMAS = ("items", "additionalProperties", "propertyNames", "not")


def kind_of(path: str | PurePosixPath) -> str | None:
    """The kind of content file at a path in the content folder, such as 2014-15/report.yaml."""
    relative = PurePosixPath(path)
    if relative.suffix != ".yaml":
        return None
    if len(relative.parts) >= 2 and relative.parts[-2] in _FOLDERS:
        return _FOLDERS[relative.parts[-2]]
    return relative.stem if relative.stem in _SINGLES else None


def schema_file(path: str | PurePosixPath) -> str:
    """The schema's file name for a content file's path: priorities/01-x.yaml -> priority."""
    kind = kind_of(path)
    if kind is None:
        raise ValueError(f"{path} is not a content file")
    return f"{kind}.schema.json"


def json_schema(kind: str) -> dict[str, Any]:
    """The JSON Schema of one kind of content file."""
    schema = _textual(KINDS[kind].model_json_schema())
    return {
        "$schema": DRAFT,
        "$comment": "Made by 'lscb-report schema' from the content model; do not edit by hand.",
        **schema,
    }


def schema_texts() -> dict[str, str]:
    """Every schema as the text of its file, by file name."""
    return {
        f"{kind}.schema.json": json.dumps(json_schema(kind), indent=2, ensure_ascii=False) + "\n"
        for kind in KINDS
    }


def write_schemas(out: Path) -> list[Path]:
    """Write every schema into out; return the files written. A folder that cannot be
    written is a ReportError."""
    texts = {out / name: text for name, text in schema_texts().items()}
    for path in (out, *texts):
        if path.is_symlink() or (path != out and path.exists() and not plain_file(path)):
            message = "is a link, a pipe or a device, which is never written through; remove it"
            raise ReportError([Problem(display_path(path), 0, 0, message)])
    try:
        out.mkdir(parents=True, exist_ok=True)
        for path, text in texts.items():
            write_plain(path, text.encode("utf-8"))
    except Unreadable:
        message = "changed into a link, a pipe or a device while it was written; try again"
        raise ReportError([Problem(display_path(out), 0, 0, message)]) from None
    except OSError as error:
        reason = error.strerror or str(error)
        message = f"cannot write the schemas here ({reason}); choose another --out folder"
        raise ReportError([Problem(display_path(out), 0, 0, message)]) from None
    return list(texts)


def _textual(node: Any) -> Any:
    """The schema with each typed value also accepted in the forms the tool reads from text."""
    if not isinstance(node, dict):
        return node
    if _is_decimal(node):
        node = {**node, "anyOf": [_decimal(branch) for branch in node["anyOf"]]}
    out: dict[str, Any] = {}
    for key, value in node.items():
        if key in _MAPS:
            out[key] = {name: _textual(schema) for name, schema in value.items()}
        elif key in _LISTS:
            out[key] = [_textual(schema) for schema in value]
        else:
            out[key] = _textual(value) if key in _SCHEMAS else value
    kind = out.get("type")
    if kind == "integer":
        return _either(out, {"type": "string", "pattern": INTEGER})
    if kind == "boolean":
        return _either(out, {"type": "string", "pattern": BOOLEAN})
    if kind == "string" and not any(k in out for k in ("pattern", "enum", "const", "format")):
        out["type"] = ["string", "number", "boolean"]
    if "patternProperties" in out:
        out.setdefault("additionalProperties", False)
    return out


def _either(node: dict[str, Any], text: dict[str, Any]) -> dict[str, Any]:
    """One of the node's own type or its text form, keeping the notes an editor shows outside."""
    notes = {k: v for k, v in node.items() if k in ("title", "description", *_VALUES)}
    own = {k: v for k, v in node.items() if k not in notes}
    return {**notes, "anyOf": [own, text]}


def _is_decimal(node: dict[str, Any]) -> bool:
    """Whether a node is pydantic's Decimal: a number, or any text."""
    branches = node.get("anyOf", [])
    return {"type": "number"} in branches and {"type": "string"} in branches


def _decimal(branch: dict[str, Any]) -> dict[str, Any]:
    """A Decimal's text branch, narrowed to text the tool reads as a number."""
    return {"type": "string", "pattern": DECIMAL} if branch == {"type": "string"} else branch
