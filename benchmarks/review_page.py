"""The review page at scale: how long report.html takes to become interactive, and report.md's size.

    python benchmarks/review_page.py [--files 700] [--work /tmp/pipeline-review]

Builds two damaged copies of the dev corpus with `../shared/bench/textbench.py make`
(seeds 1 and 2), takes `--files` files from them, runs `pipeline run` over them, then
opens report.html in headless Chromium (Debian's /usr/bin/chromium, through the
playwright package) three times and prints the time from navigation to the page's
ready mark (the groups listed and every control live), with the counts of edits and
groups, and the size of report.md against the 65,536 characters a comment holds.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TEXTBENCH = ROOT.parent / "shared" / "bench" / "textbench.py"
CORPUS = ROOT.parent / "shared" / "bench" / "dev-corpus"
# Chromium as root in a closed network: no sandbox, nothing fetched in the background.
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def build(work: Path, files: int) -> Path:
    batch = work / f"batch-{files}"
    if batch.exists():
        return batch
    batch.mkdir(parents=True)
    per_copy = -(-files // 2)
    for seed in (1, 2):
        bench = work / f"damaged-{seed}"
        if not (bench / "input").exists():
            command = [sys.executable, str(TEXTBENCH), "make", str(CORPUS), str(bench)]
            subprocess.run([*command, "--seed", str(seed)], check=True, stdout=subprocess.DEVNULL)
        for path in sorted((bench / "input").glob("*.txt"))[:per_copy]:
            shutil.copyfile(path, batch / f"s{seed}-{path.name}")
    for extra in sorted(batch.glob("*.txt"))[files:]:
        extra.unlink()
    return batch


def time_to_interactive(page_path: Path, repeats: int) -> tuple[list[float], dict[str, int]]:
    from playwright.sync_api import sync_playwright

    times = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        for _ in range(repeats):
            page = browser.new_page()
            started = time.perf_counter()
            page.goto(page_path.as_uri())
            page.wait_for_selector("body[data-ready='1']")
            times.append(time.perf_counter() - started)
            shown = page.inner_text("#shown")
            page.close()
        browser.close()
    groups, changes = (int(word) for word in shown.split() if word.isdigit())
    return times, {"groups": groups, "changes": changes}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--files", type=int, default=700)
    parser.add_argument("--work", type=Path, default=Path("/tmp/pipeline-review"))
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    batch = build(args.work, args.files)
    out = args.work / f"out-{args.files}"
    command = [sys.executable, "-m", "pipeline", "run", str(batch), "--out", str(out), "-q"]
    subprocess.run([*command, "--force"], check=True, cwd=ROOT)
    times, counts = time_to_interactive(out / "report.html", args.repeats)
    markdown = (out / "report.md").read_text(encoding="utf-8")
    size = (out / "report.html").stat().st_size
    print(f"{args.files} files, {counts['changes']} changes in {counts['groups']} groups")
    print(
        f"report.html {size / 1e6:.1f} MB: interactive in {statistics.median(times):.2f} s "
        f"(median of {len(times)}: {', '.join(f'{t:.2f}' for t in times)})"
    )
    print(f"report.md: {len(markdown):,} characters (limit 65,536)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
