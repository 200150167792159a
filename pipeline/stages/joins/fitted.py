"""Weights of the joins confidence model (`confidence.FEATURES`), fitted by
`benchmarks/calibrate.py --fit` on the dev benches: regenerate, do not edit."""

WEIGHTS = (
    -5.5356,  # bias, no rhythm
    2.0495,  # margin -3.0 to +0.0 words, no rhythm
    1.618,  # margin +0.0 to +1.0 words, no rhythm
    1.1922,  # margin +1.0 to +2.0 words, no rhythm
    1.5152,  # margin +2.0 to +3.5 words, no rhythm
    1.2212,  # margin +3.5 to +8.0 words, no rhythm
    1.709,  # margin -3.0 to +0.0 case, no rhythm
    0.9405,  # margin +0.0 to +1.0 case, no rhythm
    3.8979,  # margin +1.0 to +2.0 case, no rhythm
    0.7525,  # margin +2.0 to +3.5 case, no rhythm
    0.0,  # margin +3.5 to +8.0 case, no rhythm
    2.166,  # margin -3.0 to +0.0 edge, no rhythm
    1.8512,  # margin +0.0 to +1.0 edge, no rhythm
    2.6536,  # margin +1.0 to +2.0 edge, no rhythm
    1.074,  # margin +2.0 to +3.5 edge, no rhythm
    0.0,  # margin +3.5 to +8.0 edge, no rhythm
    0.5587,  # case, no rhythm
    0.5981,  # edge, no rhythm
    -2.2543,  # doubtful, no rhythm
    -0.2468,  # doubtful margin above +2, no rhythm
    -1.9611,  # familiar, no rhythm
    1.8373,  # left lower, no rhythm
    -1.7774,  # right lower, no rhythm
    0.1095,  # left capitals, no rhythm
    -0.4856,  # right capitals, no rhythm
    1.0101,  # before, no rhythm
    1.7817,  # after, no rhythm
    -0.8236,  # content pair, no rhythm
    -0.3476,  # left function, no rhythm
    1.4985,  # right function, no rhythm
    1.362,  # case after lower, no rhythm
    0.2433,  # case between capitals, no rhythm
    -3.0287,  # edge after letters, no rhythm
    -3.9214,  # code, no rhythm
    0.0,  # layout for, no rhythm
    0.0,  # layout against, no rhythm
    0.7952,  # bias, on layout
    0.4357,  # margin -3.0 to +0.0 words, on layout
    0.6225,  # margin +0.0 to +1.0 words, on layout
    1.5062,  # margin +1.0 to +2.0 words, on layout
    2.4108,  # margin +2.0 to +3.5 words, on layout
    1.7262,  # margin +3.5 to +8.0 words, on layout
    0.7957,  # margin -3.0 to +0.0 case, on layout
    0.605,  # margin +0.0 to +1.0 case, on layout
    1.961,  # margin +1.0 to +2.0 case, on layout
    0.6952,  # margin +2.0 to +3.5 case, on layout
    0.0,  # margin +3.5 to +8.0 case, on layout
    1.132,  # margin -3.0 to +0.0 edge, on layout
    0.4314,  # margin +0.0 to +1.0 edge, on layout
    0.5339,  # margin +1.0 to +2.0 edge, on layout
    0.1721,  # margin +2.0 to +3.5 edge, on layout
    0.0,  # margin +3.5 to +8.0 edge, on layout
    0.2652,  # case, on layout
    0.3773,  # edge, on layout
    -1.3513,  # doubtful, on layout
    -0.342,  # doubtful margin above +2, on layout
    -0.1847,  # familiar, on layout
    0.9715,  # left lower, on layout
    0.0816,  # right lower, on layout
    0.0738,  # left capitals, on layout
    -0.1798,  # right capitals, on layout
    1.1483,  # before, on layout
    1.4852,  # after, on layout
    -0.825,  # content pair, on layout
    1.2084,  # left function, on layout
    0.221,  # right function, on layout
    0.3519,  # case after lower, on layout
    0.2316,  # case between capitals, on layout
    -0.2706,  # edge after letters, on layout
    -2.0644,  # code, on layout
    0.419,  # layout for, on layout
    -2.092,  # layout against, on layout
    -1.6175,  # bias, off layout
    1.5861,  # margin -3.0 to +0.0 words, off layout
    0.3751,  # margin +0.0 to +1.0 words, off layout
    0.867,  # margin +1.0 to +2.0 words, off layout
    1.3462,  # margin +2.0 to +3.5 words, off layout
    1.5855,  # margin +3.5 to +8.0 words, off layout
    0.8683,  # margin -3.0 to +0.0 case, off layout
    0.3887,  # margin +0.0 to +1.0 case, off layout
    1.5687,  # margin +1.0 to +2.0 case, off layout
    0.3832,  # margin +2.0 to +3.5 case, off layout
    0.0,  # margin +3.5 to +8.0 case, off layout
    1.0639,  # margin -3.0 to +0.0 edge, off layout
    0.632,  # margin +0.0 to +1.0 edge, off layout
    1.0235,  # margin +1.0 to +2.0 edge, off layout
    0.4558,  # margin +2.0 to +3.5 edge, off layout
    0.0,  # margin +3.5 to +8.0 edge, off layout
    0.4281,  # case, off layout
    0.3315,  # edge, off layout
    -1.1979,  # doubtful, off layout
    -0.1363,  # doubtful margin above +2, off layout
    -2.8343,  # familiar, off layout
    1.3597,  # left lower, off layout
    -1.363,  # right lower, off layout
    0.1149,  # left capitals, off layout
    -0.2107,  # right capitals, off layout
    1.8018,  # before, off layout
    2.1137,  # after, off layout
    -0.656,  # content pair, off layout
    0.9617,  # left function, off layout
    0.1917,  # right function, off layout
    0.2387,  # case after lower, off layout
    0.7276,  # case between capitals, off layout
    -0.6074,  # edge after letters, off layout
    -2.1167,  # code, off layout
    -0.0519,  # layout for, off layout
    -0.5437,  # layout against, off layout
)
