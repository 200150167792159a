"""The review page driven in a real browser: headless Chromium through Playwright.

Debian's `chromium` (/usr/bin/chromium) and the `playwright` Python package;
no browser is downloaded.  `.ci/run` installs both and sets
PIPELINE_BROWSER_TESTS=required, so there a missing browser fails the tests
rather than skipping them.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from benchmarks.review_page import ARGS  # Chromium's flags for a closed network, as root
from pipeline.cli import main

CHROMIUM = os.environ.get("PIPELINE_CHROMIUM", "/usr/bin/chromium")
REQUIRED = os.environ.get("PIPELINE_BROWSER_TESTS") == "required"
TEXTS = {
    "a.txt": (
        "The minister met thepress on Monday, strengtheningthe ties.\n\n"
        "Officials said ElSalvador would attend.It was agreed.\n"
    ),
    "b.txt": "Reporters asked thepress office.\tIt said \u00abno\u00bb twice.\n",
}


def _browser_or_skip() -> Any:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        if REQUIRED:
            raise
        pytest.skip("the playwright package is not installed")
    if not Path(CHROMIUM).exists():
        if REQUIRED:
            raise FileNotFoundError(CHROMIUM)
        pytest.skip(f"no browser at {CHROMIUM} (apt install chromium)")
    return sync_playwright


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    sync_playwright = _browser_or_skip()
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield launched
        launched.close()


@pytest.fixture
def run_folder(tmp_path: Path) -> tuple[Path, Path]:
    source = tmp_path / "src"
    source.mkdir()
    for name, text in TEXTS.items():
        (source / name).write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    assert main(["run", str(source), "--out", str(out), "-q"]) == 0
    return source, out


@pytest.fixture
def page(browser: Any, run_folder: tuple[Path, Path]) -> Iterator[Any]:
    _, out = run_folder
    context = browser.new_context(accept_downloads=True)
    opened = context.new_page()
    errors: list[str] = []
    opened.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    opened.on("pageerror", lambda e: errors.append(str(e)))
    opened.goto((out / "report.html").as_uri())
    opened.wait_for_selector("body[data-ready='1']")
    opened.errors = errors
    yield opened
    context.close()


def shown_codes(page: Any) -> set[str]:
    metas = page.locator(".group .meta").all_inner_texts()
    return {meta.split(" ")[0] for meta in metas}


def exported(page: Any, tmp_path: Path) -> dict[str, str]:
    with page.expect_download() as download:
        page.click("#export")
    target = tmp_path / "decisions.json"
    download.value.save_as(target)
    document = json.loads(target.read_text(encoding="utf-8"))
    assert document["version"] == 1
    decisions: dict[str, str] = document["decisions"]
    return decisions


def test_the_page_loads_with_no_error_and_groups_the_changes(page: Any) -> None:
    assert page.errors == []
    labels = page.locator(".group header .change").all_inner_texts()
    assert any("the\u2423press" in label for label in labels)  # the glue, its space marked
    press = page.locator(".group", has_text="the\u2423press")
    assert "2 hits in 2 files" in press.locator(".meta").inner_text()  # one group, two files


def test_filters_and_search_change_what_is_shown(page: Any) -> None:
    everything = page.locator(".group").count()
    page.select_option("#f-rule", "J001")
    assert shown_codes(page) == {"J001"}
    assert page.locator(".group").count() < everything
    page.select_option("#f-rule", "")
    page.select_option("#f-kind", "suggestion")
    assert page.locator(".group").count() >= 1
    assert all("suggested" in s for s in page.locator(".group-state").all_inner_texts())
    page.select_option("#f-kind", "")
    page.fill("#f-search", "strengthening")
    found = page.locator(".group header .change").all_inner_texts()
    assert "strengthening\u2423the" in found and len(found) < everything
    page.fill("#f-search", "")
    page.fill("#f-file", "b.txt")
    assert page.locator(".group").count() < everything
    page.locator(".group", has_text="the\u2423press").locator("header").click()
    assert page.locator(".hit .where").all_inner_texts() == ["b.txt:1:20"]


def test_keyboard_moves_between_changes(page: Any) -> None:
    page.keyboard.press("j")
    first = page.locator(".current")
    assert first.count() == 1
    first_text = first.inner_text()
    page.keyboard.press("j")
    assert page.locator(".current").inner_text() != first_text
    page.keyboard.press("k")
    assert page.locator(".current").inner_text() == first_text
    page.keyboard.press("o")  # open the group: its changes become items too
    assert page.locator(".group .hits:not([hidden]) .hit").count() >= 1
    page.keyboard.press("j")
    assert page.locator(".hit.current").count() == 1


def test_accept_and_reject_change_the_exported_decisions(page: Any, tmp_path: Path) -> None:
    assert exported(page, tmp_path) == {}
    press = page.locator(".group", has_text="the\u2423press")
    press.locator("header button.reject").click()
    decisions = exported(page, tmp_path)
    assert len(decisions) == 2 and set(decisions.values()) == {"reject"}
    assert "rejected" in press.locator(".group-state").inner_text()
    page.select_option("#f-kind", "suggestion")
    page.keyboard.press("j")
    page.keyboard.press("a")  # accept the first suggestion's group from the keyboard
    decisions = exported(page, tmp_path)
    assert sorted(decisions.values()).count("accept") >= 1


def test_the_exported_decisions_make_the_next_run_skip_the_rejected_change(
    page: Any, run_folder: tuple[Path, Path], tmp_path: Path
) -> None:
    source, _ = run_folder
    page.locator(".group", has_text="the\u2423press").locator("header button.reject").click()
    exported(page, tmp_path)
    again = tmp_path / "again"
    decisions = tmp_path / "decisions.json"
    assert main(["run", str(source), "--out", str(again), "-q", "--decisions", str(decisions)]) == 0
    for name in TEXTS:
        cleaned = (again / name).read_text(encoding="utf-8")
        assert "thepress" in cleaned  # kept as written
    assert "strengthening the" in (again / "a.txt").read_text(encoding="utf-8")
    shutil.rmtree(again)


def test_decisions_survive_a_reload(page: Any, tmp_path: Path) -> None:
    page.locator(".group", has_text="the\u2423press").locator("header button.reject").click()
    page.reload()
    page.wait_for_selector("body[data-ready='1']")
    assert page.inner_text("#decided") == "2 decisions"
    assert set(exported(page, tmp_path).values()) == {"reject"}


def test_one_decision_is_counted_in_the_singular(page: Any) -> None:
    group = page.locator(".group", has_text="the\u2423press")
    group.locator(".toggle").click()  # its hits, one by one
    group.locator("li.hit").first.locator("button.reject").click()
    assert page.inner_text("#decided") == "1 decision"
