#!/usr/bin/env bash
# The project's tests, as CI runs them (.ci/run calls this): in a new virtual
# environment holding exactly the versions in constraints.txt, so a package
# released since, or one left on this machine, cannot make a run green or red.
set -euo pipefail
cd "$(dirname "$0")/.."

# The review page's browser tests drive Debian's chromium (no browser is downloaded).
command -v chromium >/dev/null || (apt-get update -qq && apt-get install -y -qq chromium >/dev/null)

venv=.venv-test
python -m venv --clear "$venv"
export PIP_CONSTRAINT="$PWD/constraints.txt"  # also pins what builds the package
"$venv/bin/python" -m pip install -q --disable-pip-version-check -e '.[test,ray]'
export PATH="$PWD/$venv/bin:$PATH"

# The compiled core: formatted, lint-free, and tested: the engine without Python, the
# binding's own writers (report_json) too.
cargo fmt --all --check
cargo clippy --all-targets --locked -- -D warnings
cargo test --locked -p pipeline-engine -p pipeline-core

python -m ruff check .
python -m ruff format --check .
python -m mypy
# The project's own sample: its accepted defects, and output/ as `pipeline run` writes it now.
python -m pipeline check --output output
PIPELINE_BROWSER_TESTS=required python -m pytest -q "$@"
