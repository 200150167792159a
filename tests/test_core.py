"""The compiled core in use is built from the sources in this checkout."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline import _core

CRATES = Path(__file__).resolve().parent.parent / "crates"


def _fnv(value: int, data: bytes) -> int:
    for byte in data:
        value = ((value ^ byte) * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return value


def source_hash(crates: Path) -> str:
    """What crates/python/build.rs embeds: FNV-1a over the sorted .rs and .toml files."""
    value = 0xCBF29CE484222325
    for path in sorted(p for p in crates.rglob("*") if p.suffix in (".rs", ".toml")):
        relative = path.relative_to(crates).as_posix()
        value = _fnv(value, relative.encode())
        value = _fnv(value, path.read_bytes())
    return f"{value:016x}"


@pytest.mark.skipif(not CRATES.is_dir(), reason="an installed wheel: no sources beside it")
def test_the_core_is_built_from_these_sources() -> None:
    """A core built before the last change to the Rust would name a stale engine (and test
    stale code): `python -m pip install -e .` rebuilds it."""
    assert source_hash(CRATES) == _core.SOURCE_HASH
