"""Weights of the joins confidence model (`confidence.FEATURES`), fitted by
`benchmarks/calibrate.py --fit` on the dev benches: regenerate, do not edit."""

WEIGHTS = (
    -6.338,  # bias, no rhythm
    2.3363,  # margin -3.0 to +0.0 words, no rhythm
    1.7399,  # margin +0.0 to +1.0 words, no rhythm
    1.1545,  # margin +1.0 to +2.0 words, no rhythm
    1.52,  # margin +2.0 to +3.5 words, no rhythm
    1.0712,  # margin +3.5 to +8.0 words, no rhythm
    1.91,  # margin -3.0 to +0.0 case, no rhythm
    0.7106,  # margin +0.0 to +1.0 case, no rhythm
    4.3668,  # margin +1.0 to +2.0 case, no rhythm
    0.584,  # margin +2.0 to +3.5 case, no rhythm
    0.0,  # margin +3.5 to +8.0 case, no rhythm
    2.3571,  # margin -3.0 to +0.0 edge, no rhythm
    2.3792,  # margin +0.0 to +1.0 edge, no rhythm
    2.1123,  # margin +1.0 to +2.0 edge, no rhythm
    0.6767,  # margin +2.0 to +3.5 edge, no rhythm
    0.0,  # margin +3.5 to +8.0 edge, no rhythm
    0.6236,  # case, no rhythm
    0.6487,  # edge, no rhythm
    -1.7967,  # doubtful, no rhythm
    -0.3456,  # doubtful margin above +2, no rhythm
    -1.4046,  # familiar, no rhythm
    2.0773,  # left lower, no rhythm
    -1.8178,  # right lower, no rhythm
    0.5136,  # left capitals, no rhythm
    -0.4904,  # right capitals, no rhythm
    1.1424,  # before, no rhythm
    1.6247,  # after, no rhythm
    -1.3274,  # content pair, no rhythm
    -0.6381,  # left function, no rhythm
    0.8285,  # right function, no rhythm
    1.5513,  # case after lower, no rhythm
    0.6022,  # case between capitals, no rhythm
    -3.0435,  # edge after letters, no rhythm
    -5.2218,  # code, no rhythm
    0.0,  # layout for, no rhythm
    0.0,  # layout against, no rhythm
    0.0,  # glue rate, no rhythm
    0.5947,  # bias, on layout
    0.356,  # margin -3.0 to +0.0 words, on layout
    0.6779,  # margin +0.0 to +1.0 words, on layout
    1.4045,  # margin +1.0 to +2.0 words, on layout
    2.1065,  # margin +2.0 to +3.5 words, on layout
    1.5856,  # margin +3.5 to +8.0 words, on layout
    0.448,  # margin -3.0 to +0.0 case, on layout
    0.8164,  # margin +0.0 to +1.0 case, on layout
    2.7752,  # margin +1.0 to +2.0 case, on layout
    0.7859,  # margin +2.0 to +3.5 case, on layout
    0.0,  # margin +3.5 to +8.0 case, on layout
    0.9075,  # margin -3.0 to +0.0 edge, on layout
    0.4597,  # margin +0.0 to +1.0 edge, on layout
    0.7678,  # margin +1.0 to +2.0 edge, on layout
    0.2298,  # margin +2.0 to +3.5 edge, on layout
    0.0,  # margin +3.5 to +8.0 edge, on layout
    0.1493,  # case, on layout
    0.3025,  # edge, on layout
    -1.5177,  # doubtful, on layout
    -0.6735,  # doubtful margin above +2, on layout
    -0.3943,  # familiar, on layout
    0.9879,  # left lower, on layout
    -0.1145,  # right lower, on layout
    0.2075,  # left capitals, on layout
    -0.2836,  # right capitals, on layout
    0.9884,  # before, on layout
    1.2455,  # after, on layout
    -0.8597,  # content pair, on layout
    1.0914,  # left function, on layout
    0.2581,  # right function, on layout
    0.2902,  # case after lower, on layout
    0.4261,  # case between capitals, on layout
    -0.679,  # edge after letters, on layout
    -3.5251,  # code, on layout
    0.0377,  # layout for, on layout
    -1.5918,  # layout against, on layout
    1.4946,  # glue rate, on layout
    -1.5799,  # bias, off layout
    1.6693,  # margin -3.0 to +0.0 words, off layout
    -0.1387,  # margin +0.0 to +1.0 words, off layout
    0.8651,  # margin +1.0 to +2.0 words, off layout
    1.2257,  # margin +2.0 to +3.5 words, off layout
    1.5833,  # margin +3.5 to +8.0 words, off layout
    0.7913,  # margin -3.0 to +0.0 case, off layout
    0.2101,  # margin +0.0 to +1.0 case, off layout
    2.109,  # margin +1.0 to +2.0 case, off layout
    0.3715,  # margin +2.0 to +3.5 case, off layout
    0.0,  # margin +3.5 to +8.0 case, off layout
    1.0438,  # margin -3.0 to +0.0 edge, off layout
    0.7826,  # margin +0.0 to +1.0 edge, off layout
    1.4695,  # margin +1.0 to +2.0 edge, off layout
    0.6523,  # margin +2.0 to +3.5 edge, off layout
    0.0,  # margin +3.5 to +8.0 edge, off layout
    0.5844,  # case, off layout
    0.3402,  # edge, off layout
    -1.3365,  # doubtful, off layout
    -0.3879,  # doubtful margin above +2, off layout
    -2.7807,  # familiar, off layout
    1.6889,  # left lower, off layout
    -1.0649,  # right lower, off layout
    0.2439,  # left capitals, off layout
    -0.061,  # right capitals, off layout
    1.4948,  # before, off layout
    1.6418,  # after, off layout
    -0.6456,  # content pair, off layout
    0.6389,  # left function, off layout
    -0.1142,  # right function, off layout
    0.1267,  # case after lower, off layout
    1.0406,  # case between capitals, off layout
    -1.0575,  # edge after letters, off layout
    -2.6597,  # code, off layout
    -0.0833,  # layout for, off layout
    -0.4787,  # layout against, off layout
    -1.0285,  # glue rate, off layout
)
