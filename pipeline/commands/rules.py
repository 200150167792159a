"""`pipeline rules`: every rule, from the stages' registry."""

from __future__ import annotations

import argparse

from pipeline.commands.common import Exit
from pipeline.config import ConfigError
from pipeline.stages import all_rules, listing, unknown_codes


def command(args: argparse.Namespace) -> Exit:
    wanted = [c.upper() for c in args.codes]
    unknown = unknown_codes(wanted)
    if unknown:
        raise ConfigError(f"unknown rule code {unknown[0]!r}")
    chosen = [r for r in all_rules() if not wanted or any(r.code.startswith(c) for c in wanted)]
    if args.format == "markdown":
        print(listing.markdown(chosen), end="")
    else:
        print("\n".join(listing.text(rule) for rule in chosen))
    return Exit.OK
