#!/usr/bin/env bash
# Refresh constraints.txt, the versions the README's commands and CI install.
#
# Resolves the package and all its extras afresh in a new virtual environment
# (so nothing already installed on this machine leaks in) and writes what pip
# chose. Run it on purpose, then run tools/test.sh and commit both the new
# constraints.txt and any output/ the new versions change:
#
#     tools/lock.sh && tools/test.sh
set -euo pipefail
cd "$(dirname "$0")/.."
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
python -m venv "$scratch/venv"
"$scratch/venv/bin/python" -m pip install -q --upgrade pip
"$scratch/venv/bin/python" -m pip install -q -e '.[test,ray,bench]' maturin
{
    echo "# The versions CI tested: written by tools/lock.sh (see CONTRIBUTING.md); do not edit."
    echo "# $("$scratch/venv/bin/python" -c 'import platform; print("CPython", platform.python_version(), platform.machine())')"
    "$scratch/venv/bin/python" -m pip freeze --all --exclude-editable | grep -v -E '^(pipeline|pip)=='
} > constraints.txt
echo "wrote constraints.txt ($(grep -vc '^#' constraints.txt) packages)"
