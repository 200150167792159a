"""The docs tell the truth: every example runs, every command parses, every link leads somewhere.

The README and `docs/` show Python as doctests, commands in `console` blocks (`$ pipeline
...`) and in inline code (`python benchmarks/quality.py --only acl-dev`), settings as TOML
and hooks as YAML.  Each kind is checked against the code it describes.
"""

from __future__ import annotations

import doctest
import re
import shlex
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from pipeline import cli, config
from pipeline.commands import common
from pipeline.stages import all_rules, listing

ROOT = Path(__file__).resolve().parent.parent
PAGES = sorted(
    [ROOT / "README.md", ROOT / "CONTRIBUTING.md", ROOT / "CHANGELOG.md", *ROOT.glob("docs/*.md")]
)
FENCE = re.compile(r"^```(\w*)\n(.*?)^```", re.M | re.S)


def _name(page: Path) -> str:
    return str(page.relative_to(ROOT))


def _blocks(page: Path, language: str) -> list[str]:
    return [body for lang, body in FENCE.findall(page.read_text("utf-8")) if lang == language]


def _pages_with(language: str) -> list[Path]:
    return [page for page in PAGES if _blocks(page, language)]


def test_the_docs_have_pages() -> None:
    assert {"cli.md", "checks.md", "library.md", "rules.md"} <= {p.name for p in PAGES}


@pytest.mark.parametrize("page", _pages_with("python"), ids=_name)
def test_every_python_example_runs(page: Path) -> None:
    """A page's Python blocks are doctests, run in order in one namespace, as a reader
    would type them."""
    parser = doctest.DocTestParser()
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    names: dict[str, object] = {}
    for number, block in enumerate(_blocks(page, "python")):
        test = parser.get_doctest(block, names, f"{page.name} block {number}", str(page), 0)
        assert test.examples, f"{_name(page)}: a Python block with no example to run"
        runner.run(test, clear_globs=False)
        names = test.globs
    assert runner.summarize(verbose=False).failed == 0


def _console_commands(page: Path) -> Iterator[list[str]]:
    for block in _blocks(page, "console"):
        for line in block.splitlines():
            if line.startswith("$ "):
                command = line[2:].split("  #", 1)[0].split(" <", 1)[0]
                yield shlex.split(command)


@pytest.mark.parametrize("page", _pages_with("console"), ids=_name)
def test_every_pipeline_command_parses(page: Path) -> None:
    """Each `$ pipeline ...` line is one the command line accepts."""
    parser, _ = cli._parser()
    for words in _console_commands(page):
        if words[0] == "pipeline":
            parser.parse_args(words[1:])  # exits (fails the test) on an unknown flag


def _usage_flags(page: Path) -> Iterator[tuple[str, str]]:
    """(command, flag) for each flag a usage block names (`pipeline run [--out DIR] ...`);
    the command is "" for the program's own (`pipeline --version`)."""
    for block in _blocks(page, ""):
        command = None
        for line in block.splitlines():
            found = re.match(r"pipeline(?: ([a-z]+))?", line)
            if found:
                command = found.group(1) or ""
            if command is not None and line.lstrip().startswith(("pipeline", "[")):
                for flag in re.findall(r"(--[a-z][a-z-]*|-[a-zA-Z]\b)", line):
                    yield command, flag


@pytest.mark.parametrize("page", [p for p in PAGES if list(_usage_flags(p))], ids=_name)
def test_every_flag_in_a_usage_block_exists(page: Path) -> None:
    parser, commands = cli._parser()
    for command, flag in _usage_flags(page):
        actions = (commands[command] if command else parser)._actions
        known = {option for action in actions for option in action.option_strings}
        assert flag in known, f"{_name(page)}: pipeline {command} has no {flag}"


SCRIPT = re.compile(r"python (benchmarks/\w+\.py|tools/\w+\.py)((?: [^`\n]*)?)")


def _script_commands() -> Iterator[tuple[str, str, str]]:
    for page in PAGES:
        for script, rest in SCRIPT.findall(page.read_text("utf-8")):
            yield _name(page), script, rest.split("#", 1)[0].split("`", 1)[0]


@pytest.mark.parametrize("script", sorted({script for _, script, _ in _script_commands()}), ids=str)
def test_every_script_the_docs_run_exists_and_takes_its_flags(script: str) -> None:
    assert (ROOT / script).is_file(), script
    shown_with = [rest for _, named, rest in _script_commands() if named == script]
    flags = {flag for rest in shown_with for flag in re.findall(r"--[a-z-]+", rest)}
    if not flags:
        return
    shown = subprocess.run(
        [sys.executable, str(ROOT / script), "--help"], capture_output=True, text=True, check=True
    ).stdout
    for flag in flags:
        assert flag in shown, f"{script} has no {flag}"


def test_every_quality_bench_the_docs_name_exists(tmp_path: Path) -> None:
    sys.path.insert(0, str(ROOT))
    from benchmarks.quality import benches

    known = set(benches(tmp_path))
    for _, script, rest in _script_commands():
        if script == "benchmarks/quality.py" and "--only" in rest:
            named = rest.split("--only", 1)[1].split("--", 1)[0].split()
            assert set(named) - {"...", "NAME"} <= known, named


@pytest.mark.parametrize("page", _pages_with("toml"), ids=_name)
def test_every_settings_example_is_read(page: Path, tmp_path: Path) -> None:
    """A settings example is a pyproject.toml the tool reads without complaint, its rule
    codes known."""
    for block in _blocks(page, "toml"):
        file = tmp_path / "pyproject.toml"
        file.write_text(block, "utf-8")
        settings = config.read_file(file)
        common.known_codes(settings.check)


def test_the_pre_commit_example_names_the_shipped_hooks() -> None:
    shipped = set(re.findall(r"- id: ([\w-]+)", (ROOT / ".pre-commit-hooks.yaml").read_text()))
    for page in _pages_with("yaml"):
        for block in _blocks(page, "yaml"):
            named = set(re.findall(r"- id: ([\w-]+)", block))
            assert named <= shipped, named - shipped


def _slug(heading: str) -> str:
    """A heading's anchor as GitHub makes it."""
    text = re.sub(r"[^\w\- ]", "", heading.strip().lower())
    return text.replace(" ", "-")


LINK = re.compile(r"\]\(([^)\s]+)\)")


@pytest.mark.parametrize("page", PAGES, ids=_name)
def test_every_link_leads_to_a_file_and_a_heading(page: Path) -> None:
    for target in LINK.findall(page.read_text("utf-8")):
        if target.startswith(("http://", "https://")):
            continue
        path, _, anchor = target.partition("#")
        linked = (page.parent / path).resolve() if path else page
        assert linked.exists(), f"{_name(page)}: {target}"
        if anchor:
            headings = re.findall(r"^#+ (.*)$", linked.read_text("utf-8"), re.M)
            assert anchor in {_slug(h) for h in headings}, f"{_name(page)}: {target}"


def test_the_rules_page_is_written_from_the_registry(capsys: pytest.CaptureFixture[str]) -> None:
    """`docs/rules.md` is `pipeline rules --format markdown`: write it again when a rule
    changes (CONTRIBUTING.md)."""
    page = (ROOT / "docs" / "rules.md").read_text("utf-8")
    assert page == listing.markdown(all_rules())
    assert cli.main(["rules", "--format", "markdown"]) == 0
    assert capsys.readouterr().out == page


def test_rule_codes_and_names_are_unique() -> None:
    rules = all_rules()
    assert len({r.code for r in rules}) == len(rules)
    assert len({r.name for r in rules}) == len(rules)
    assert all(re.fullmatch(r"[A-Z]\d{3}", r.code) for r in rules)
