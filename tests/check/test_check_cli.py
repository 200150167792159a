"""`pipeline check`, `fix` and `rules` end to end on temporary folders."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from pipeline.cli import Exit, main

ROOT = Path(__file__).resolve().parents[2]
SEED = next((ROOT / "seeds").glob("*.txt"))
CLEAN = "A clean paragraph of text.\n\nAnother one, also clean.\n"


@pytest.fixture
def work(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A working folder holding a copy of the seed and a clean file, and no settings file."""
    (tmp_path / "pipeline.toml").write_text("")
    (tmp_path / "texts").mkdir()
    shutil.copy(SEED, tmp_path / "texts" / "seed.txt")
    (tmp_path / "texts" / "clean.txt").write_text(CLEAN)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def check(*args: str) -> int:
    return main(["check", "texts", *args])


def test_exit_codes(work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert check() == Exit.FAILED
    out = capsys.readouterr().out
    assert "texts/seed.txt:5:17: J001" in out
    assert "texts/clean.txt" not in out
    assert main(["check", "texts/clean.txt"]) == Exit.OK
    assert check("--exit-zero") == Exit.OK
    assert check("--select", "Z9") == Exit.USAGE  # a typo checks nothing: refuse it
    assert main(["check", "missing-folder"]) == Exit.USAGE
    (work / "pipeline.toml").write_text("[check]\nselect = 3\n")
    assert check() == Exit.USAGE


def test_baseline_fails_only_on_new_findings(
    work: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert check("--write-baseline", "base.json") == Exit.OK
    assert check("--baseline", "base.json") == Exit.OK
    seed = work / "texts" / "seed.txt"
    text = seed.read_text()
    seed.write_text(text.replace("the common threats", "the commonthreats", 1))
    capsys.readouterr()
    assert check("--baseline", "base.json") == Exit.FAILED
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 1 and "'commonthreats' -> 'common threats'" in lines[0]
    lines_above = "Inserted line one.\n\nInserted line two.\n\n"
    seed.write_text(lines_above + text)
    assert check("--baseline", "base.json") == Exit.OK


def test_fixed_findings_are_counted_and_pruned(
    work: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    check("--write-baseline", "base.json")
    seed = work / "texts" / "seed.txt"
    seed.write_text(seed.read_text().replace("thepress", "the press"))
    assert check("--baseline", "base.json") == Exit.OK
    assert "1 baseline entry no longer matches" in capsys.readouterr().err
    before = len(json.loads((work / "base.json").read_text())["findings"])
    assert check("--baseline", "base.json", "--prune-baseline") == Exit.OK
    assert len(json.loads((work / "base.json").read_text())["findings"]) == before - 1


def test_a_finding_twice_needs_two_entries(work: Path) -> None:
    (work / "texts" / "seed.txt").unlink()
    twice = work / "texts" / "clean.txt"
    twice.write_text("It is thepress office.\n")
    check("--write-baseline", "base.json")
    twice.write_text("It is thepress office.\n\nIt is thepress office.\n")
    assert check("--baseline", "base.json") == Exit.FAILED


def test_select_ignore_and_per_file_ignores(work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    check("--select", "P,Q")
    codes = {line.split()[1] for line in capsys.readouterr().out.splitlines() if line}
    assert codes == {"P001", "Q001", "Q002", "Q003"}
    check("--ignore", "J,W,Q")
    codes = {line.split()[1] for line in capsys.readouterr().out.splitlines() if line}
    assert codes == {"P001"}
    (work / "pipeline.toml").write_text(
        '[check.per-file-ignores]\n"texts/seed*" = ["J", "W", "Q"]\n'
    )
    check()
    codes = {line.split()[1] for line in capsys.readouterr().out.splitlines() if line}
    assert codes == {"P001"}


def test_suggestions_do_not_fail_unless_strict(
    work: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (work / "texts" / "seed.txt").unlink()
    (work / "texts" / "clean.txt").write_text("The KazakhMinister spoke.\n")
    assert check() == Exit.OK
    assert "[suggestion]" in capsys.readouterr().out
    assert check("--strict") == Exit.FAILED


def test_diff(work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "texts/clean.txt", "--diff"]) == Exit.OK
    capsys.readouterr()
    assert check("--diff", "--exit-zero") == Exit.FAILED
    out = capsys.readouterr().out
    assert out.startswith("--- a/seed.txt\n+++ b/seed.txt\n")
    assert ": J001 " not in out  # the diff alone: it can go to `patch`


def test_output_freshness(work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["run", "texts", "--out", "out", "-q"]) == Exit.OK
    assert check("--exit-zero", "--output", "out") == Exit.OK
    (work / "out" / "report.md").write_text("stale\n")
    (work / "out" / "clean.txt").unlink()
    (work / "out" / "gone.txt").write_text("left over\n")
    assert check("--exit-zero", "--output", "out") == Exit.FAILED
    err = capsys.readouterr().err
    assert "out/report.md: differs" in err
    assert "out/clean.txt: missing" in err
    assert "out/gone.txt: not written" in err


def test_fix_rewrites_in_place_and_fails_when_it_changed_something(work: Path) -> None:
    assert main(["fix", "texts"]) == Exit.FAILED
    assert "the press" in (work / "texts" / "seed.txt").read_text()
    assert main(["fix", "texts"]) == Exit.OK


def test_rules_lists_every_rule(capsys: pytest.CaptureFixture[str]) -> None:
    from pipeline.stages import all_rules

    assert main(["rules"]) == Exit.OK
    out = capsys.readouterr().out
    for rule in all_rules():
        assert f"{rule.code}  {rule.name}" in out


def test_a_settings_baseline_matches_from_any_folder(
    work: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (work / "pipeline.toml").write_text('[check]\nbaseline = "base.json"\n')
    assert check("--write-baseline", "base.json") == Exit.OK
    assert check() == Exit.OK
    monkeypatch.chdir(work / "texts")
    assert main(["check", "."]) == Exit.OK


def test_pruning_a_subset_keeps_the_other_files_entries(work: Path) -> None:
    other = work / "texts" / "other.txt"
    other.write_text("It is thepress office.\n")
    assert check("--write-baseline", "base.json") == Exit.OK
    entries = json.loads((work / "base.json").read_text())["findings"]
    assert any(e["path"] == "texts/other.txt" for e in entries)
    # a pre-commit run passes only the changed file, with one finding fixed
    seed = work / "texts" / "seed.txt"
    seed.write_text(seed.read_text().replace("thepress", "the press"))
    assert main(["check", "texts/seed.txt", "--baseline", "base.json", "--prune-baseline"]) == 0
    pruned = json.loads((work / "base.json").read_text())["findings"]
    assert len(pruned) == len(entries) - 1
    assert [e for e in pruned if e["path"] == "texts/other.txt"] == [
        e for e in entries if e["path"] == "texts/other.txt"
    ]


def test_a_failing_check_does_not_prune(work: Path) -> None:
    assert check("--write-baseline", "base.json") == Exit.OK
    before = (work / "base.json").read_text()
    seed = work / "texts" / "seed.txt"
    text = seed.read_text().replace("thepress", "the press")
    seed.write_text(text.replace("the common threats", "the commonthreats", 1))
    assert check("--baseline", "base.json", "--prune-baseline") == Exit.FAILED
    assert (work / "base.json").read_text() == before


def test_a_baseline_of_another_version_is_refused(
    work: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (work / "base.json").write_text('{"version": 99, "findings": []}')
    assert check("--baseline", "base.json") == Exit.USAGE
    assert "version is 99" in capsys.readouterr().err


def test_a_baseline_matches_from_any_folder_without_settings(
    work: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (work / "pipeline.toml").unlink()
    assert check("--write-baseline", "base.json") == Exit.OK
    monkeypatch.chdir(work / "texts")
    assert main(["check", ".", "--baseline", "../base.json"]) == Exit.OK


def test_exit_zero_and_statistics(work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert check("--exit-zero") == Exit.OK
    listed = capsys.readouterr().out.count(": J001 ")
    assert listed >= 20  # the seed's glues, fixes and suggestions
    listed_suggestions = listed - regex_count(capsys, "--exit-zero", "-q")
    assert check("--exit-zero", "--statistics") == Exit.OK
    out, err = capsys.readouterr()
    assert ": J001 " not in out  # the counts alone
    fixes = listed - listed_suggestions
    assert regex_line(out, rf"^\s+{fixes}  J001  run-together-words$")
    assert regex_line(out, rf"^\s+{listed_suggestions}  J001  run-together-words \[suggestion\]$")
    counted = sum(int(line.split()[0]) for line in out.splitlines() if "[suggestion]" not in line)
    assert f"{counted} new findings, {listed_suggestions} new suggestion" in err


def regex_count(capsys: pytest.CaptureFixture[str], *args: str) -> int:
    """How many J001 findings are listed above the suggestions."""
    check(*args)
    out = capsys.readouterr().out
    return out.split("Suggestions (")[0].count(": J001 ")


def test_messages_show_each_edit_in_the_text_its_stage_met(
    work: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Two edits at one place (ftfy repairs `â€™`, then the quotes stage restyles `’`): the
    second is shown in the repaired text, not garbled with the original."""
    (work / "texts" / "q.txt").write_text("It is fine. Itâ€™s also fine.\n")
    capsys.readouterr()
    main(["check", "texts/q.txt"])
    out = capsys.readouterr().out
    assert "U001 mojibake: 'Itâ€™s' -> 'It’s'" in out
    assert "Q002 single-quote-style: 'It’s' -> \"It's\"" in out


def test_trailing_spaces_on_the_last_line_are_trailing_spaces(
    work: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (work / "texts" / "t.txt").write_text("A line.\nThe last line.   \n")
    assert main(["check", "texts/t.txt"]) == Exit.FAILED
    assert ": W005 trailing-space" in capsys.readouterr().out
    assert main(["check", "texts/t.txt", "--ignore", "W005"]) == Exit.OK


def test_one_of_a_thing_is_counted_in_the_singular(
    work: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (work / "texts" / "t.txt").write_text("It was thepress office.\n")
    main(["check", "texts/t.txt"])
    assert "1 new finding, 0 new suggestions" in capsys.readouterr().err


def test_nothing_matched_is_a_warning_that_names_the_patterns(
    work: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (work / "notes").mkdir()
    (work / "notes" / "a.md").write_text("A note.\n")
    for command in ("check", "fix", "run"):
        assert main([command, "notes"]) == Exit.FAILED
        assert "no file matched (included: *.txt" in capsys.readouterr().err
    assert not (work / "output").exists()


def test_run_outside_a_project_writes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr("pipeline.config.find_file", lambda start: None)
    assert main(["run"]) != Exit.OK
    assert "seeds: no such file or folder" in capsys.readouterr().err
    assert not (tmp_path / "output").exists()


def regex_line(text: str, pattern: str) -> bool:
    import re

    return re.search(pattern, text, re.MULTILINE) is not None


def test_standard_input_is_checked(
    work: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import io
    import sys

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"It is thepress office.\n")))
    assert main(["check", "-"]) == Exit.FAILED
    assert "-:1:10: J001" in capsys.readouterr().out


def test_no_paths_means_the_current_folder_and_gitignore(
    work: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (work / ".gitignore").write_text("texts/seed.txt\n")
    (work / "new.txt").write_text("It is thepress office.\n")
    assert main(["check"]) == Exit.FAILED
    out = capsys.readouterr().out
    assert "new.txt:1:10: J001" in out and "seed.txt" not in out


def test_the_same_name_in_two_folders_is_checked_twice(work: Path) -> None:
    (work / "more").mkdir()
    shutil.copy(work / "texts" / "seed.txt", work / "more" / "seed.txt")
    assert main(["check", "texts", "more", "--write-baseline", "base.json"]) == Exit.OK
    paths = {e["path"] for e in json.loads((work / "base.json").read_text())["findings"]}
    assert paths == {"texts/seed.txt", "more/seed.txt"}


def test_colour_follows_no_color_and_force_color(
    work: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("FORCE_COLOR", "1")
    check("-q")
    assert "\x1b[" in capsys.readouterr().out
    monkeypatch.setenv("NO_COLOR", "1")
    check("-q")
    assert "\x1b[" not in capsys.readouterr().out
    check("-q", "--color", "always")
    assert "\x1b[" in capsys.readouterr().out


def test_rules_by_code(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules", "J002"]) == Exit.OK
    out = capsys.readouterr().out
    assert out.startswith("J002  run-together-at-case-change") and "J001" not in out
    assert main(["rules", "X1"]) == Exit.USAGE


def test_a_suggestion_fails_the_check_at_flag_at(work: Path) -> None:
    """With nothing applied (apply-at 1), a sure glue is a suggestion: it fails the check at
    or above flag-at, passes below it, and fails again with --strict."""
    (work / "texts" / "typed.txt").write_text("The drugtrafficking ring was broken up.\n")
    (work / "texts" / "seed.txt").unlink()
    (work / "pipeline.toml").write_text("apply-at = 1.0\nflag-at = 0.9\n")
    assert check("-q") == Exit.FAILED
    (work / "pipeline.toml").write_text("apply-at = 1.0\nflag-at = 1.0\n")
    assert check("-q") == Exit.OK
    assert check("-q", "--strict") == Exit.FAILED


def test_a_typed_glue_in_a_baselined_seed_is_the_one_new_finding(
    work: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert check("--write-baseline", "baseline.json", "-q") == Exit.OK
    seed = work / "texts" / "seed.txt"
    text = seed.read_text()
    middle = text.index(". ", len(text) // 3) + 2
    seed.write_text(text[:middle] + "The police broke up a drugtrafficking ring. " + text[middle:])
    capsys.readouterr()
    assert check("--baseline", "baseline.json", "-q") == Exit.FAILED
    out = capsys.readouterr().out
    assert out.count("J001") == 1 and "'drugtrafficking' -> 'drug trafficking'" in out
