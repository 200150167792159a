"""Weights of the joins confidence model (`confidence.FEATURES`), fitted by
`benchmarks/calibrate.py --fit` on the dev benches: regenerate, do not edit."""

WEIGHTS = (
    -6.2759,  # bias, no rhythm
    2.2865,  # margin -3.0 to +0.0 words, no rhythm
    1.746,  # margin +0.0 to +1.0 words, no rhythm
    1.1077,  # margin +1.0 to +2.0 words, no rhythm
    1.4076,  # margin +2.0 to +3.5 words, no rhythm
    1.168,  # margin +3.5 to +8.0 words, no rhythm
    1.8505,  # margin -3.0 to +0.0 case, no rhythm
    0.8775,  # margin +0.0 to +1.0 case, no rhythm
    4.4406,  # margin +1.0 to +2.0 case, no rhythm
    0.6996,  # margin +2.0 to +3.5 case, no rhythm
    0.0,  # margin +3.5 to +8.0 case, no rhythm
    2.4029,  # margin -3.0 to +0.0 edge, no rhythm
    2.2616,  # margin +0.0 to +1.0 edge, no rhythm
    2.5114,  # margin +1.0 to +2.0 edge, no rhythm
    0.9094,  # margin +2.0 to +3.5 edge, no rhythm
    0.0,  # margin +3.5 to +8.0 edge, no rhythm
    0.603,  # case, no rhythm
    0.6556,  # edge, no rhythm
    -2.0898,  # doubtful, no rhythm
    -0.2505,  # doubtful margin above +2, no rhythm
    -1.5456,  # familiar, no rhythm
    2.0704,  # left lower, no rhythm
    -1.7673,  # right lower, no rhythm
    0.3388,  # left capitals, no rhythm
    -0.5518,  # right capitals, no rhythm
    1.0308,  # before, no rhythm
    1.5115,  # after, no rhythm
    -1.0134,  # content pair, no rhythm
    -0.6246,  # left function, no rhythm
    0.9561,  # right function, no rhythm
    1.5485,  # case after lower, no rhythm
    0.4847,  # case between capitals, no rhythm
    -3.2879,  # edge after letters, no rhythm
    -5.0981,  # code, no rhythm
    0.8527,  # bias, on layout
    0.6622,  # margin -3.0 to +0.0 words, on layout
    0.298,  # margin +0.0 to +1.0 words, on layout
    0.9346,  # margin +1.0 to +2.0 words, on layout
    2.0788,  # margin +2.0 to +3.5 words, on layout
    1.7206,  # margin +3.5 to +8.0 words, on layout
    0.6935,  # margin -3.0 to +0.0 case, on layout
    0.6573,  # margin +0.0 to +1.0 case, on layout
    2.4798,  # margin +1.0 to +2.0 case, on layout
    0.767,  # margin +2.0 to +3.5 case, on layout
    0.0,  # margin +3.5 to +8.0 case, on layout
    1.0761,  # margin -3.0 to +0.0 edge, on layout
    0.4334,  # margin +0.0 to +1.0 edge, on layout
    0.6025,  # margin +1.0 to +2.0 edge, on layout
    0.1464,  # margin +2.0 to +3.5 edge, on layout
    0.0,  # margin +3.5 to +8.0 edge, on layout
    0.2312,  # case, on layout
    0.3587,  # edge, on layout
    -1.4835,  # doubtful, on layout
    -0.7304,  # doubtful margin above +2, on layout
    -0.5091,  # familiar, on layout
    0.7686,  # left lower, on layout
    0.0438,  # right lower, on layout
    0.163,  # left capitals, on layout
    -0.2175,  # right capitals, on layout
    1.1405,  # before, on layout
    1.3904,  # after, on layout
    -0.8899,  # content pair, on layout
    1.144,  # left function, on layout
    -0.0597,  # right function, on layout
    0.291,  # case after lower, on layout
    0.4102,  # case between capitals, on layout
    -0.5339,  # edge after letters, on layout
    -3.2311,  # code, on layout
    -3.241,  # bias, off layout
    1.9963,  # margin -3.0 to +0.0 words, off layout
    -0.4962,  # margin +0.0 to +1.0 words, off layout
    0.2398,  # margin +1.0 to +2.0 words, off layout
    1.2225,  # margin +2.0 to +3.5 words, off layout
    1.5354,  # margin +3.5 to +8.0 words, off layout
    1.034,  # margin -3.0 to +0.0 case, off layout
    -0.0893,  # margin +0.0 to +1.0 case, off layout
    1.3448,  # margin +1.0 to +2.0 case, off layout
    0.1793,  # margin +2.0 to +3.5 case, off layout
    0.0,  # margin +3.5 to +8.0 case, off layout
    1.3472,  # margin -3.0 to +0.0 edge, off layout
    0.7713,  # margin +0.0 to +1.0 edge, off layout
    1.2788,  # margin +1.0 to +2.0 edge, off layout
    0.5495,  # margin +2.0 to +3.5 edge, off layout
    0.0,  # margin +3.5 to +8.0 edge, off layout
    0.4401,  # case, off layout
    0.4,  # edge, off layout
    -1.3748,  # doubtful, off layout
    -0.2794,  # doubtful margin above +2, off layout
    -3.502,  # familiar, off layout
    1.7177,  # left lower, off layout
    -1.4962,  # right lower, off layout
    0.4115,  # left capitals, off layout
    -0.2364,  # right capitals, off layout
    1.4554,  # before, off layout
    1.6648,  # after, off layout
    -0.71,  # content pair, off layout
    0.5647,  # left function, off layout
    -0.0104,  # right function, off layout
    0.2237,  # case after lower, off layout
    1.14,  # case between capitals, off layout
    -1.3069,  # edge after letters, off layout
    -3.034,  # code, off layout
)
