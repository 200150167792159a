"""The confidence model: a probability, rising with the evidence, fitted for every feature."""

from __future__ import annotations

from pipeline.stages.joins.candidates import Candidate
from pipeline.stages.joins.confidence import (
    FEATURES,
    code_share,
    confidence,
    confidence_of,
    features,
)
from pipeline.stages.joins.fitted import WEIGHTS
from pipeline.stages.joins.layout import Placed

TEXT = "Officials said the drugtrafficking ring was broken up."
AT = TEXT.index("trafficking")


NO_RHYTHM = Placed(False, False)


def _confidence(margin: float, placed: Placed = NO_RHYTHM) -> float:
    candidate = Candidate(AT, margin, "words", "drug", "trafficking")
    return confidence(features(candidate, placed, TEXT, code_share(TEXT)))


def test_every_feature_has_a_fitted_weight() -> None:
    assert len(WEIGHTS) == len(FEATURES)


def test_confidence_is_a_probability_that_rises_with_the_odds() -> None:
    sureness = [_confidence(margin) for margin in (-3.0, -1.0, 0.0, 1.0, 2.0, 4.0, 8.0)]
    assert all(0.0 < p < 1.0 for p in sureness)
    assert sureness == sorted(sureness)
    assert sureness[0] < 0.1 < 0.9 < sureness[-1]


def test_a_break_the_rhythm_expects_makes_a_split_surer() -> None:
    on_layout = Placed(True, True, 2.0, 0.5)
    assert _confidence(0.5, on_layout) > _confidence(0.5, Placed(True, False, -2.0, 0.5))


def test_the_more_the_layout_disfavours_a_break_the_less_sure_the_split() -> None:
    for on_layout in (True, False):
        sureness = [
            _confidence(0.5, Placed(True, on_layout, s, 0.5)) for s in (-4.0, -2.0, -1.0, 0.0)
        ]
        assert sureness == sorted(sureness) and sureness[0] < sureness[-1]


def test_code_share_tells_code_from_prose() -> None:
    prose = "The minister said the talks would resume in the spring. " * 5
    code = "Call os.path.join() or set max_retries = 3 in the config_file. " * 5
    assert code_share(prose) == 0.0
    assert code_share(code) == 1.0


def test_the_fast_path_gives_the_models_answer() -> None:
    for margin in (-1.0, 0.5, 3.0):
        candidate = Candidate(AT, margin, "words", "drug", "trafficking")
        for placed in (Placed(False, False), Placed(True, True, 1.5), Placed(True, False, -1.0)):
            values = features(candidate, placed, TEXT, 0.0)
            fast = confidence_of(candidate, placed, TEXT, 0.0)
            assert fast == confidence(values)


def test_on_the_layout_a_document_that_lost_more_breaks_makes_a_split_surer() -> None:
    sureness = [_confidence(0.5, Placed(True, True, 1.0, rate)) for rate in (0.05, 0.3, 0.75)]
    assert sureness == sorted(sureness) and sureness[0] < sureness[-1]


def test_without_a_line_width_a_text_with_more_glues_makes_a_split_surer() -> None:
    clean_text, damaged = Placed(False, False, 0.0, 0.0), Placed(False, False, 0.0, 0.8)
    assert _confidence(1.5, clean_text) < _confidence(1.5, damaged)
