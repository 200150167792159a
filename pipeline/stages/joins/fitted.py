"""Weights of the joins confidence model (`confidence.FEATURES`), fitted by
`benchmarks/calibrate.py --fit` on the dev benches: regenerate, do not edit."""

WEIGHTS = (
    -5.5366,  # bias, no rhythm
    2.0501,  # margin -3.0 to +0.0 words, no rhythm
    1.6182,  # margin +0.0 to +1.0 words, no rhythm
    1.1924,  # margin +1.0 to +2.0 words, no rhythm
    1.5153,  # margin +2.0 to +3.5 words, no rhythm
    1.2214,  # margin +3.5 to +8.0 words, no rhythm
    1.7095,  # margin -3.0 to +0.0 case, no rhythm
    0.9407,  # margin +0.0 to +1.0 case, no rhythm
    3.8986,  # margin +1.0 to +2.0 case, no rhythm
    0.7526,  # margin +2.0 to +3.5 case, no rhythm
    0.0,  # margin +3.5 to +8.0 case, no rhythm
    2.166,  # margin -3.0 to +0.0 edge, no rhythm
    1.8515,  # margin +0.0 to +1.0 edge, no rhythm
    2.6542,  # margin +1.0 to +2.0 edge, no rhythm
    1.0742,  # margin +2.0 to +3.5 edge, no rhythm
    0.0,  # margin +3.5 to +8.0 edge, no rhythm
    0.5589,  # case, no rhythm
    0.5981,  # edge, no rhythm
    -2.2552,  # doubtful, no rhythm
    -0.2474,  # doubtful margin above +2, no rhythm
    -1.9612,  # familiar, no rhythm
    1.8383,  # left lower, no rhythm
    -1.7775,  # right lower, no rhythm
    0.1096,  # left capitals, no rhythm
    -0.4857,  # right capitals, no rhythm
    1.0107,  # before, no rhythm
    1.7824,  # after, no rhythm
    -0.824,  # content pair, no rhythm
    -0.3473,  # left function, no rhythm
    1.4993,  # right function, no rhythm
    1.3623,  # case after lower, no rhythm
    0.2434,  # case between capitals, no rhythm
    -3.0295,  # edge after letters, no rhythm
    -3.9222,  # code, no rhythm
    0.0,  # layout for, no rhythm
    0.0,  # layout against, no rhythm
    0.7889,  # bias, on layout
    0.4289,  # margin -3.0 to +0.0 words, on layout
    0.629,  # margin +0.0 to +1.0 words, on layout
    1.5108,  # margin +1.0 to +2.0 words, on layout
    2.4118,  # margin +2.0 to +3.5 words, on layout
    1.7268,  # margin +3.5 to +8.0 words, on layout
    0.7908,  # margin -3.0 to +0.0 case, on layout
    0.604,  # margin +0.0 to +1.0 case, on layout
    1.9618,  # margin +1.0 to +2.0 case, on layout
    0.6951,  # margin +2.0 to +3.5 case, on layout
    0.0,  # margin +3.5 to +8.0 case, on layout
    1.1273,  # margin -3.0 to +0.0 edge, on layout
    0.4299,  # margin +0.0 to +1.0 edge, on layout
    0.5335,  # margin +1.0 to +2.0 edge, on layout
    0.1721,  # margin +2.0 to +3.5 edge, on layout
    0.0,  # margin +3.5 to +8.0 edge, on layout
    0.2636,  # case, on layout
    0.3758,  # edge, on layout
    -1.3554,  # doubtful, on layout
    -0.3423,  # doubtful margin above +2, on layout
    -0.1831,  # familiar, on layout
    0.9714,  # left lower, on layout
    0.0785,  # right lower, on layout
    0.0737,  # left capitals, on layout
    -0.18,  # right capitals, on layout
    1.1507,  # before, on layout
    1.4865,  # after, on layout
    -0.8245,  # content pair, on layout
    1.209,  # left function, on layout
    0.2175,  # right function, on layout
    0.3512,  # case after lower, on layout
    0.2309,  # case between capitals, on layout
    -0.2715,  # edge after letters, on layout
    -2.0635,  # code, on layout
    0.4505,  # layout for, on layout
    -2.0804,  # layout against, on layout
    -1.6179,  # bias, off layout
    1.5856,  # margin -3.0 to +0.0 words, off layout
    0.3753,  # margin +0.0 to +1.0 words, off layout
    0.8681,  # margin +1.0 to +2.0 words, off layout
    1.347,  # margin +2.0 to +3.5 words, off layout
    1.5858,  # margin +3.5 to +8.0 words, off layout
    0.8682,  # margin -3.0 to +0.0 case, off layout
    0.3893,  # margin +0.0 to +1.0 case, off layout
    1.5693,  # margin +1.0 to +2.0 case, off layout
    0.3834,  # margin +2.0 to +3.5 case, off layout
    0.0,  # margin +3.5 to +8.0 case, off layout
    1.0639,  # margin -3.0 to +0.0 edge, off layout
    0.6322,  # margin +0.0 to +1.0 edge, off layout
    1.0239,  # margin +1.0 to +2.0 edge, off layout
    0.456,  # margin +2.0 to +3.5 edge, off layout
    0.0,  # margin +3.5 to +8.0 edge, off layout
    0.4281,  # case, off layout
    0.3315,  # edge, off layout
    -1.1987,  # doubtful, off layout
    -0.136,  # doubtful margin above +2, off layout
    -2.8342,  # familiar, off layout
    1.3606,  # left lower, off layout
    -1.3629,  # right lower, off layout
    0.115,  # left capitals, off layout
    -0.2111,  # right capitals, off layout
    1.8024,  # before, off layout
    2.1145,  # after, off layout
    -0.6554,  # content pair, off layout
    0.9627,  # left function, off layout
    0.1915,  # right function, off layout
    0.2385,  # case after lower, off layout
    0.7278,  # case between capitals, off layout
    -0.6078,  # edge after letters, off layout
    -2.1164,  # code, off layout
    -0.0495,  # layout for, off layout
    -0.5436,  # layout against, off layout
)
