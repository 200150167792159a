"""Run-together words: the pipeline against the peers on damaged text with gold answers.

    python benchmarks/joins_bench.py ../shared/bench/dev-corpus --seed 1 --width 70 90
    python benchmarks/joins_bench.py --bench /tmp/devbench   # a textbench.py-built bench

Prints precision, recall, F1, false edits per 10,000 words and MB/s for the
whole pipeline and for wordsegment and wordninja (each splitting the tokens
their lexicon does not know, case restored, plus a space after punctuation
before a word), and for that punctuation rule alone.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections.abc import Callable
from pathlib import Path

import regex

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.damage import Damage, Score, damage_text, score
from pipeline.cleaning import batch_vocabulary, clean

Cleaner = Callable[[list[str]], list[str]]
# The peers' own punctuation rule: a space after , ; ! ? » before a letter, and after a
# full stop or colon that ends a lower-case word before a capitalised one.
PUNCTUATION_GLUE = regex.compile(r"(?<=[,;!?»])(?=\p{L})|(?<=\p{Ll}{2}[.:])(?=\p{Lu}\p{Ll})")
TOKEN = regex.compile(r"\S+")
LETTERS = regex.compile(r"\p{L}+")


def pipeline_cleaner(texts: list[str]) -> list[str]:
    vocabulary = batch_vocabulary(texts)
    return [clean(text, vocabulary=vocabulary).text for text in texts]


def punctuation_only(text: str) -> str:
    return PUNCTUATION_GLUE.sub(" ", text)


def _restore_case(original: str, pieces: list[str]) -> str:
    out, at = [], 0
    for piece in pieces:
        out.append(original[at : at + len(piece)])
        at += len(piece)
    return " ".join(out)


def peer_cleaner(segment: Callable[[str], list[str]], known: Callable[[str], bool]) -> Cleaner:
    def split_unknown(match: regex.Match[str]) -> str:
        word = match.group()
        if known(word.lower()):
            return word
        pieces = segment(word.lower())
        return _restore_case(word, pieces) if "".join(pieces) == word.lower() else word

    def run(texts: list[str]) -> list[str]:
        return [LETTERS.sub(split_unknown, punctuation_only(text)) for text in texts]

    return run


def peers() -> dict[str, Cleaner]:
    import wordsegment

    wordsegment.load()
    systems: dict[str, Cleaner] = {
        "none (punctuation rule only)": lambda texts: [punctuation_only(t) for t in texts],
        "wordsegment, unknown tokens only": peer_cleaner(
            wordsegment.segment, lambda w: w in wordsegment.UNIGRAMS
        ),
    }
    try:
        import wordninja
    except ImportError:
        print("wordninja is not installed (pip install -e '.[bench]'); skipped", file=sys.stderr)
    else:
        words = set(wordninja.DEFAULT_LANGUAGE_MODEL._wordcost)
        systems["wordninja, unknown tokens only"] = peer_cleaner(
            wordninja.split, lambda w: w in words
        )
    return systems


def load_bench(args: argparse.Namespace) -> tuple[list[str], list[str], list[str]]:
    """Names, damaged texts and golds: built from a corpus, or read from a built bench."""
    if args.bench:
        names = sorted(p.name for p in (args.bench / "gold").glob("*.txt"))
        damaged = [(args.bench / "input" / n).read_text(encoding="utf-8") for n in names]
        golds = [(args.bench / "gold" / n).read_text(encoding="utf-8") for n in names]
        return names, damaged, golds
    rng = random.Random(args.seed)
    files = sorted(args.corpus.rglob("*.txt"))[: args.limit]
    names, damaged, golds = [], [], []
    for path in files:
        text = path.read_text(encoding="utf-8")
        if not text.strip():
            continue
        bad, gold = damage_text(text, rng, Damage(width=tuple(args.width)))
        names.append(path.name)
        damaged.append(bad)
        golds.append(gold)
    return names, damaged, golds


def measure(cleaner: Cleaner, damaged: list[str], golds: list[str]) -> tuple[Score, float]:
    started = time.perf_counter()
    outputs = cleaner(damaged)
    seconds = time.perf_counter() - started
    total = Score()
    for bad, gold, out in zip(damaged, golds, outputs, strict=True):
        total.add(score(bad, gold, out))
    megabytes = sum(len(t.encode()) for t in damaged) / 1e6
    return total, megabytes / seconds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "corpus",
        nargs="?",
        type=Path,
        default=Path(__file__).resolve().parents[2] / "shared/bench/dev-corpus",
    )
    parser.add_argument("--bench", type=Path, help="a built bench with input/ and gold/")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--width", type=int, nargs=2, default=(70, 90), metavar=("MIN", "MAX"))
    parser.add_argument("--limit", type=int, help="use only the first N files")
    parser.add_argument("--no-peers", action="store_true", help="measure the pipeline only")
    args = parser.parse_args(argv)
    names, damaged, golds = load_bench(args)
    glued = sum(score(d, g, g).tp for d, g in zip(damaged, golds, strict=True))
    where = (
        args.bench or f"{args.corpus} --seed {args.seed} --width {args.width[0]} {args.width[1]}"
    )
    print(f"bench: {where}: {len(names)} documents, {glued} glued boundaries\n")
    systems: dict[str, Cleaner] = {"pipeline": pipeline_cleaner}
    if not args.no_peers:
        systems.update(peers())
    print("| system | precision | recall | F1 | false edits / 10k words | MB/s | corrupt |")
    print("|---|---|---|---|---|---|---|")
    for name, cleaner in systems.items():
        result, speed = measure(cleaner, damaged, golds)
        print(
            f"| {name} | {result.precision:.4f} | {result.recall:.4f} | {result.f1:.4f} | "
            f"{result.false_per_10k_words:.2f} | {speed:.3f} | {result.corrupt} |",
            flush=True,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
