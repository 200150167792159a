"""Fit and check the joins stage's confidence: is a split said to be 90% sure right 90% of the time?

    python benchmarks/calibrate.py          # reliability table and thresholds for the weights
    python benchmarks/calibrate.py --fit    # fit the weights first (crates/engine/src/fitted.rs)

Builds the dev benches with `../shared/bench/textbench.py` (once, in --work):
wrap damage of dev-corpus (seeds 1-3 at the widths docs/quality.md uses), sparse
damage at 0.003, 0.01 and 0.03 (seeds 1 and 2), clean dev-corpus and
dev-technical as they are, and acl-dev (real PDF damage) in two halves, every
other snippet; each twice, as a batch and each text alone (its own words for
the batch's, as `clean(text)` reads it).  Every candidate split the stage weighs
in the text it receives (the earlier stages' output, the vocabulary) is a row:
its features (`confidence.features`) and whether the gold text has a word
boundary there.  The fit is gradient-boosted trees (scikit-learn's
`HistGradientBoostingClassifier`, `MODEL` below) on the seed-1 benches, the
clean ones and acl-dev's first half; the tables cover every bench, the seed-2
and seed-3 ones and acl-dev's second half being text the fit did not see.
Without `--fit` the tables read the model the core holds.
"""

from __future__ import annotations

import argparse
import itertools
import math
import multiprocessing
import random
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline import _core  # noqa: E402
from pipeline.cleaning import batch_vocabulary, clean  # noqa: E402
from pipeline.config import Config  # noqa: E402
from pipeline.patterns import code_share  # noqa: E402
from pipeline.stages.joins.engine import engine  # noqa: E402

FEATURES = tuple(_core.joins_features())
APPLY_AT, FLAG_AT, SUGGEST_AT = _core.APPLY_AT, _core.FLAG_AT, _core.SUGGEST_AT

SHARED = ROOT.parent / "shared" / "bench"
TEXTBENCH = SHARED / "textbench.py"
FITTED = ROOT / "crates" / "engine" / "src" / "fitted.rs"
WRAPS = {1: (70, 90), 2: (60, 75), 3: (85, 100)}
SPARSE = (0.003, 0.01, 0.03)
FIT_SEED = 1
BANDS = (0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.97, 0.99, 1.0001)
# The trees.  Against the logistic model they replaced (2026-12-05), on the candidates of
# the text the fit did not see at apply-at 0.9: sparse seed 2 recall 0.852/0.881/0.902 ->
# 0.865/0.909/0.926 at precision 0.991-0.994 -> 0.994-0.997, wrap seeds 2-3 recall alike
# at precision 0.0004-0.0007 higher; acl-dev's second half recall 0.911 -> 0.823 at
# precision 0.868 -> 0.878 (114 candidates).  100 trees of 15 leaves gained about half as
# much; without leaves of 100 candidates or more the held-out benches gained less than the
# fitted ones.  With the sides' batch counts, zipf frequencies and lengths, and one model for
# every place (its place two features, where it was three blocks of every feature), the
# first-round candidates of the held-out benches at apply-at 0.9 (2026-12-06): wrap seeds 2-3
# wrong splits 54/45 -> 20/13, recall 0.990/0.989 -> 0.993/0.992; sparse seed 2 recall
# 0.885/0.913/0.933 -> 0.939/0.962/0.967 at precision 0.9985/0.9956/0.9946 ->
# 1.0/0.9992/0.9992; the same features in three blocks gained about half as much.  Their log
# odds scaled (`fit`): ECE over every bench 0.0042 -> 0.0009, and at apply-at 0.9 wrap seed 2
# recall 0.993 -> 0.995 at precision 0.9989 -> 0.9983, sparse seed 2 0.937/0.958/0.968 ->
# 0.957/0.970/0.977 at precision 1.0/0.9983/0.9992 -> 1.0/0.9983/0.9984.
MODEL = {
    "max_iter": 150,
    "learning_rate": 0.1,
    "max_leaf_nodes": 31,
    "min_samples_leaf": 100,
    "l2_regularization": 1.0,
    "early_stopping": False,
    "random_state": 0,
}


def monotonic(name: str) -> int:
    """The confidence rises with the margin (and with a doubtful shape's), with the layout's
    support, and falls with the layout's case against a break: never the other way, though
    the dev benches happen to say so somewhere."""
    if name.startswith(("margin ", "doubtful margin", "layout for")):
        return 1
    return -1 if name.startswith("layout against") else 0


@dataclass(frozen=True, slots=True)
class Bench:
    name: str
    folder: Path
    seed: int  # 0: fitted on with the seed-1 benches (a clean corpus, acl-dev's first half)
    kind: str  # "wrap", "sparse", "clean" or "real"
    alone: bool = False  # each text read with its own words as the batch (`clean(text)`)


@dataclass(frozen=True, slots=True)
class Row:
    bench: str
    values: tuple[float, ...]
    right: bool


def benches(work: Path) -> list[Bench]:
    """The dev benches, built with textbench.py where they are missing."""
    found = []
    for seed, (low, high) in WRAPS.items():
        folder = work / f"wrap{seed}"
        _make(folder, "--seed", str(seed), "--width", str(low), str(high))
        found.append(Bench(f"wrap seed {seed}", folder, seed, "wrap"))
    for seed in (1, 2):
        for rate in SPARSE:
            folder = work / f"sparse{rate}-{seed}"
            _make(folder, "--seed", str(seed), "--sparse", str(rate))
            found.append(Bench(f"sparse {rate} seed {seed}", folder, seed, "sparse"))
    for seed in (1, 2):
        folder = work / f"technical-wrap{seed}"
        _make(folder, "--seed", str(seed), corpus="dev-technical")
        found.append(Bench(f"technical wrap seed {seed}", folder, seed, "wrap"))
        folder = work / f"technical-sparse0.01-{seed}"
        _make(folder, "--seed", str(seed), "--sparse", "0.01", corpus="dev-technical")
        found.append(Bench(f"technical sparse 0.01 seed {seed}", folder, seed, "sparse"))
    for half in (0, 1):
        folder = work / f"acl-dev-{'ab'[half]}"
        _half_of_acl(folder, half)
        found.append(Bench(f"acl-dev half {'ab'[half]}", folder, 0 if half == 0 else 9, "real"))
    for corpus in ("dev-corpus", "dev-technical"):
        found.append(Bench(f"clean {corpus}", clean_bench(work, corpus), 0, "clean"))
    return found + [alone(bench) for bench in found]


def alone(bench: Bench) -> Bench:
    """The bench with each text read alone, as `clean(text)` reads one without a batch:
    the counts of one text, which the confidence must not read as a batch's."""
    return replace(bench, name=f"{bench.name}, alone", alone=True)


def clean_bench(work: Path, corpus: str) -> Path:
    """A clean corpus linked as its own input and gold."""
    folder = work / f"clean-{corpus}"
    folder.mkdir(parents=True, exist_ok=True)
    for side in ("input", "gold"):
        link = folder / side
        if not link.exists():
            link.symlink_to(SHARED / corpus)
    return folder


def _half_of_acl(folder: Path, half: int) -> None:
    """Every other snippet of acl-dev (real damage, hand-made gold), linked as a bench: the
    first half is fitted on, the second is not."""
    for side in ("input", "gold"):
        (folder / side).mkdir(parents=True, exist_ok=True)
        names = sorted((SHARED / "acl-dev" / side).glob("*.txt"))
        for name in names[half::2]:
            link = folder / side / name.name
            if not link.exists():
                link.symlink_to(name)


def _make(folder: Path, *options: str, corpus: str = "dev-corpus") -> None:
    if (folder / "manifest.json").exists():
        return
    command = [sys.executable, str(TEXTBENCH), "make", str(SHARED / corpus), str(folder)]
    subprocess.run([*command, *options], check=True, stdout=subprocess.DEVNULL)


def rows(bench: Bench, sides: Callable[[str, str], bool] | None = None) -> Iterator[Row]:
    """Every candidate the stage weighs in the bench's first round, with its answer; with
    `sides`, only those whose two sides (as written) it keeps."""
    names = sorted(p.name for p in (bench.folder / "gold").glob("*.txt"))
    inputs = [(bench.folder / "input" / n).read_bytes().decode("utf-8", "replace") for n in names]
    batch = batch_vocabulary(inputs)
    before_joins = Config().with_stages_disabled(("joins",))
    core = engine()
    for name, damaged in zip(names, inputs, strict=True):
        gold = (bench.folder / "gold" / name).read_text(encoding="utf-8")
        vocabulary = batch_vocabulary([damaged]) if bench.alone else batch
        text = clean(damaged, before_joins, vocabulary).text
        bounds = _boundaries(gold)
        index = _nonspace_index(text)
        if len(index) != len(gold) - sum(ch.isspace() for ch in gold):
            continue  # an earlier stage changed a letter: no alignment (never on these benches)
        found, _ = core.candidates(text, vocabulary.core)
        values = core.features(text, found, code_share(text))
        for row, features in zip(found.rows(), values, strict=True):
            if sides is None or sides(row[3], row[4]):
                yield Row(bench.name, tuple(features), index.get(row[0], -1) in bounds)


def _rows(bench: Bench) -> list[Row]:
    return list(rows(bench))


def _boundaries(text: str) -> set[int]:
    """Indexes, among the non-space characters, of those that follow whitespace."""
    bounds, count, gap = set(), 0, False
    for ch in text:
        if ch.isspace():
            gap = True
            continue
        if gap and count:
            bounds.add(count)
        gap = False
        count += 1
    return bounds


def _nonspace_index(text: str) -> dict[int, int]:
    index, count = {}, 0
    for at, ch in enumerate(text):
        if not ch.isspace():
            index[at] = count
            count += 1
    return index


def fit(train: list[Row]) -> Trees:
    """The trees, then a line through their log odds (Platt scaling) fitted on the same
    candidates: the trees alone came out underconfident above 0.6 (a band of 0.86 right 91%
    of the time) and overconfident below 0.5, and a scale and a shift of the log odds moves
    every band toward its share right without reordering any candidate."""
    from sklearn.ensemble import HistGradientBoostingClassifier
    from sklearn.linear_model import LogisticRegression

    model = HistGradientBoostingClassifier(monotonic_cst=[monotonic(n) for n in FEATURES], **MODEL)
    values, answers = [r.values for r in train], [r.right for r in train]
    model.fit(values, answers)
    raw = model.decision_function(values).reshape(-1, 1)
    line = LogisticRegression(C=1e6).fit(raw, answers)
    scaled = {"scale": float(line.coef_[0][0]), "shift": float(line.intercept_[0])}
    return replace(Trees.of(model), **scaled)


@dataclass(frozen=True, slots=True)
class Trees:
    """A fitted model as the core holds it (`trees.rs`): the baseline log odds, each tree's
    root, and every node, as (feature, threshold, right) for a split, whose left child is
    the next node, or the value for a leaf; children indexed among all the nodes."""

    baseline: float
    roots: tuple[int, ...]
    nodes: tuple[tuple[int, float, int] | float, ...]
    scale: float = 1.0  # the log odds read as scale * (the trees' sum) + shift
    shift: float = 0.0

    @classmethod
    def of(cls, model: object) -> Trees:
        roots: list[int] = []
        nodes: list[tuple[int, float, int] | float] = []
        for (predictor,) in model._predictors:  # type: ignore[attr-defined]
            base = len(nodes)
            roots.append(base)
            for node in predictor.nodes:
                if node["is_leaf"]:
                    nodes.append(float(node["value"]))
                else:
                    left, right = base + int(node["left"]), base + int(node["right"])
                    if left != len(nodes) + 1:
                        raise ValueError("a tree not laid out depth first, left before right")
                    nodes.append((int(node["feature_idx"]), float(node["num_threshold"]), right))
        baseline = float(model._baseline_prediction.ravel()[0])  # type: ignore[attr-defined]
        return cls(baseline, tuple(roots), tuple(nodes))

    def confidence(self, values: tuple[float, ...]) -> float:
        """The probability, summed as the core sums it (`confidence::log_odds`)."""
        score = self.baseline
        for root in self.roots:
            at, node = root, self.nodes[root]
            while not isinstance(node, float):
                feature, threshold, right = node
                at = at + 1 if values[feature] <= threshold else right
                node = self.nodes[at]
            score += node
        score = self.scale * score + self.shift
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, score))))


def _core_confidence(values: tuple[float, ...]) -> float:
    """The probability of the model the core holds."""
    return _core.joins_confidence(list(values))


def write_model(trees: Trees) -> None:
    """Write the trees into the core (rebuild it to use them: `pip install -e .`)."""
    nodes = [
        f"    leaf({node!r}),"
        if isinstance(node, float)
        else f"    split({node[0]}, {node[1]!r}, {node[2]}),"
        for node in trees.nodes
    ]
    FITTED.write_text(
        "//! The joins confidence model (`confidence::MODEL`): gradient-boosted trees over\n"
        "//! `confidence::feature_names`, fitted by `benchmarks/calibrate.py --fit` on the dev\n"
        "//! benches: regenerate, do not edit.\n\n"
        "use crate::trees::{leaf, split, Node};\n\n"
        f"pub const BASELINE: f64 = {trees.baseline!r};\n"
        f"pub const SCALE: f64 = {trees.scale!r};\n"
        f"pub const SHIFT: f64 = {trees.shift!r};\n\n"
        "#[rustfmt::skip]\n"
        f"pub static ROOTS: [u32; {len(trees.roots)}] = [\n"
        + "".join(f"    {root},\n" for root in trees.roots)
        + "];\n\n#[rustfmt::skip]\n"
        f"pub static NODES: [Node; {len(nodes)}] = [\n" + "\n".join(nodes) + "\n];\n",
        encoding="utf-8",
    )


def reliability(scored: list[tuple[float, bool]]) -> tuple[list[str], float]:
    """Table rows per confidence band over the reported splits, and the expected calibration
    error (the edit-weighted gap between mean confidence and share right)."""
    reported = [(p, right) for p, right in scored if p >= SUGGEST_AT]
    table, gap = [], 0.0
    for low, high in itertools.pairwise(BANDS):
        band = [(p, right) for p, right in reported if low <= p < high]
        if not band:
            continue
        mean = sum(p for p, _ in band) / len(band)
        share = sum(right for _, right in band) / len(band)
        gap += len(band) * abs(mean - share)
        table.append(f"| {low:.2f}-{min(high, 1.0):.2f} | {len(band)} | {mean:.3f} | {share:.3f} |")
    return table, gap / max(1, len(reported))


def chance_ece(confidences: list[float], draws: int = 1000, seed: int = 0) -> tuple[float, float]:
    """The ECE a perfectly calibrated model would show on these splits (each right with the
    probability it is given), as its median and 90th percentile over `draws` draws: the
    floor under which a bench's ECE says nothing, as a bench of a hundred splits scatters
    them over a dozen bands of a few each."""
    rng = random.Random(seed)
    eces = sorted(
        reliability([(p, rng.random() < p) for p in confidences])[1] for _ in range(draws)
    )
    return eces[len(eces) // 2], eces[len(eces) * 9 // 10]


def thresholds(by_bench: dict[str, list[tuple[float, bool]]], totals: dict[str, int]) -> None:
    print("\n| applied at | " + " | ".join(by_bench) + " |")
    print("|---" * (len(by_bench) + 1) + "|")
    for at in (0.5, 0.7, 0.8, 0.9, 0.95, 0.97, 0.98, 0.99):
        cells = []
        for name, scored in by_bench.items():
            right = sum(1 for p, r in scored if p >= at and r)
            wrong = sum(1 for p, r in scored if p >= at and not r)
            if totals[name]:
                precision = right / max(1, right + wrong)
                cells.append(f"P {precision:.4f} R {right / totals[name]:.3f}")
            else:
                cells.append(f"{wrong} false")
        print(f"| {at} | " + " | ".join(cells) + " |")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--fit", action="store_true", help="fit the weights, write the core's fitted.rs"
    )
    parser.add_argument("--work", type=Path, default=Path("/tmp/pipeline-calibrate"))
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args(argv)
    found = benches(args.work)
    with multiprocessing.Pool(args.jobs) as pool:
        collected = dict(zip((b.name for b in found), pool.map(_rows, found), strict=True))
    confidence: Callable[[tuple[float, ...]], float] = _core_confidence
    if args.fit:
        train = [r for b in found if b.seed in (0, FIT_SEED) for r in collected[b.name]]
        trees = fit(train)
        write_model(trees)
        confidence = trees.confidence
        print(
            f"fitted on {len(train)} candidates: {len(trees.roots)} trees, {len(trees.nodes)}"
            f" nodes, written to {FITTED.relative_to(ROOT)}"
        )
    scored = {
        name: [(confidence(r.values), r.right) for r in bench_rows]
        for name, bench_rows in collected.items()
    }
    totals = {b.name: sum(r.right for r in collected[b.name]) for b in found}
    table, ece = reliability([pair for pairs in scored.values() for pair in pairs])
    print(f"\nsplits reported (confidence >= {SUGGEST_AT}), all benches together")
    print("| confidence | splits | mean confidence | share right |\n|---|---|---|---|")
    print("\n".join(table))
    print(f"expected calibration error: {ece:.4f}")
    print("per bench, beside the ECE a calibrated model would show there (median, 90%):")
    for bench in found:
        _, bench_ece = reliability(scored[bench.name])
        floor, high = chance_ece([p for p, _ in scored[bench.name]])
        print(f"  {bench.name}: ECE {bench_ece:.4f} (calibrated: {floor:.4f}, {high:.4f})")
    print(f"\ndefaults: apply-at {APPLY_AT}, flag-at {FLAG_AT}; candidates, first round only")
    thresholds(scored, totals)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
