"""JSON documents the tool reads back (decisions, baselines, the run state) and their schemas.

Whatever a person or another program may have written is input, and is read
as strictly as a source: a regular file of bounded size opened without
blocking (a FIFO or /dev/zero named by mistake is refused, not read), UTF-8,
no key given twice, and the shape its JSON Schema in `pipeline/schemas/`
gives.  The schemas are shipped with the package, for the tools that read
what `pipeline` writes too.
"""

from __future__ import annotations

import functools
import importlib
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pipeline.files import InputError, read_bytes
from pipeline.files.names import shown

if TYPE_CHECKING:
    from fastjsonschema import JsonSchemaValueException

# The largest document read back: a baseline of a large corpus, a run's file records.
MAX_DOCUMENT_BYTES = 256 * 1024 * 1024
SCHEMA_FOLDER = Path(__file__).resolve().parent / "schemas"  # installed as files, as data/
SCHEMAS = ("baseline", "check", "decisions", "records", "report", "run")


class DocumentError(ValueError):
    """A document cannot be read or does not have its schema's shape; names the file."""


def schema(name: str) -> dict[str, Any]:
    """A shipped JSON Schema, by name (`pipeline/schemas/<name>.schema.json`)."""
    text = (SCHEMA_FOLDER / f"{name}.schema.json").read_text("utf-8")
    loaded: dict[str, Any] = json.loads(text)
    return loaded


@functools.cache
def _validator(name: str) -> Any:
    """Schema `name`'s validator: fastjsonschema's code for it, written once into
    `pipeline/validators/` by tools/validators.py rather than compiled on every start."""
    return importlib.import_module(f"pipeline.validators.{name}").validate


def _no_repeated_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    held: dict[str, Any] = {}
    for key, value in pairs:
        if key in held:
            raise ValueError(f"the key {key!r} is given twice")
        held[key] = value
    return held


def _said(error: JsonSchemaValueException) -> str:
    """`version is 99; it must be one of [1, 2]`: where, what was found, what is wanted."""
    where = (error.name or "data").removeprefix("data").lstrip(".") or "the document"
    wanted = error.message.removeprefix(error.name or "").strip()
    found = repr(error.value)
    found = found if len(found) <= 60 else found[:57] + "..."
    return f"{where} is {found}; it {wanted}"


def parse(text: str | bytes, name: str) -> Any:
    """A document's JSON checked against schema `name`; ValueError says what is wrong."""
    from fastjsonschema import JsonSchemaValueException  # read back only when a file is

    document = json.loads(text, object_pairs_hook=_no_repeated_keys)
    try:
        _validator(name)(document)
    except JsonSchemaValueException as error:
        raise ValueError(_said(error)) from error
    version = document.get("version") if isinstance(document, dict) else None
    if isinstance(version, float):  # JSON Schema counts 1.0 as the integer 1; we do not
        raise ValueError(f"version must be an integer, not {version!r}")
    return document


def load(path: Path, name: str, limit: int = MAX_DOCUMENT_BYTES) -> Any:
    """The document in `path`, of schema `name`; DocumentError names the file and the fault."""
    try:
        data = read_bytes(path, limit)
    except InputError as error:
        raise DocumentError(str(error)) from error
    try:
        return parse(data.decode("utf-8"), name)
    except UnicodeDecodeError as error:
        raise DocumentError(f"{shown(path)}: not UTF-8 text") from error
    except ValueError as error:
        raise DocumentError(f"{shown(path)}: not a {name} file: {error}") from error


def dumps(document: object) -> str:
    """A document as written: indented, UTF-8 as it is, one newline at the end."""
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"
