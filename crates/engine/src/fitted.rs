//! Weights of the joins confidence model (`confidence::FEATURES`), fitted by
//! `benchmarks/calibrate.py --fit` on the dev benches: regenerate, do not edit.

use crate::confidence::FEATURE_COUNT;

#[rustfmt::skip]
pub const WEIGHTS: [f64; FEATURE_COUNT] = [
    -6.8468, // bias, no rhythm
    2.3416, // margin -3.0 to +0.0 words, no rhythm
    1.8337, // margin +0.0 to +1.0 words, no rhythm
    1.0441, // margin +1.0 to +2.0 words, no rhythm
    1.2045, // margin +2.0 to +3.5 words, no rhythm
    1.0713, // margin +3.5 to +8.0 words, no rhythm
    1.7293, // margin -3.0 to +0.0 case, no rhythm
    0.8148, // margin +0.0 to +1.0 case, no rhythm
    3.9502, // margin +1.0 to +2.0 case, no rhythm
    0.6236, // margin +2.0 to +3.5 case, no rhythm
    0.0, // margin +3.5 to +8.0 case, no rhythm
    2.2618, // margin -3.0 to +0.0 edge, no rhythm
    2.1441, // margin +0.0 to +1.0 edge, no rhythm
    2.1451, // margin +1.0 to +2.0 edge, no rhythm
    0.734, // margin +2.0 to +3.5 edge, no rhythm
    0.0, // margin +3.5 to +8.0 edge, no rhythm
    0.5105, // case, no rhythm
    0.6046, // edge, no rhythm
    -1.9835, // doubtful, no rhythm
    -0.2906, // doubtful margin above +2, no rhythm
    -1.6649, // familiar, no rhythm
    1.9807, // left lower, no rhythm
    -2.302, // right lower, no rhythm
    0.2992, // left capitals, no rhythm
    -0.597, // right capitals, no rhythm
    0.9825, // before, no rhythm
    1.5517, // after, no rhythm
    -1.0746, // content pair, no rhythm
    -0.4887, // left function, no rhythm
    0.7454, // right function, no rhythm
    1.5092, // case after lower, no rhythm
    0.6255, // case between capitals, no rhythm
    -3.0507, // edge after letters, no rhythm
    -4.501, // code, no rhythm
    0.0, // layout for, no rhythm
    0.0, // layout against, no rhythm
    4.2457, // glue rate, no rhythm
    0.5802, // bias, on layout
    0.3573, // margin -3.0 to +0.0 words, on layout
    0.6785, // margin +0.0 to +1.0 words, on layout
    1.4349, // margin +1.0 to +2.0 words, on layout
    2.1216, // margin +2.0 to +3.5 words, on layout
    1.5908, // margin +3.5 to +8.0 words, on layout
    0.5066, // margin -3.0 to +0.0 case, on layout
    0.7464, // margin +0.0 to +1.0 case, on layout
    2.5499, // margin +1.0 to +2.0 case, on layout
    0.7498, // margin +2.0 to +3.5 case, on layout
    0.0, // margin +3.5 to +8.0 case, on layout
    0.8257, // margin -3.0 to +0.0 edge, on layout
    0.4018, // margin +0.0 to +1.0 edge, on layout
    0.6724, // margin +1.0 to +2.0 edge, on layout
    0.2052, // margin +2.0 to +3.5 edge, on layout
    0.0, // margin +3.5 to +8.0 edge, on layout
    0.1689, // case, on layout
    0.2752, // edge, on layout
    -1.5259, // doubtful, on layout
    -0.6232, // doubtful margin above +2, on layout
    -0.3328, // familiar, on layout
    0.94, // left lower, on layout
    -0.0635, // right lower, on layout
    0.1608, // left capitals, on layout
    -0.273, // right capitals, on layout
    0.9977, // before, on layout
    1.2801, // after, on layout
    -0.8694, // content pair, on layout
    1.1174, // left function, on layout
    0.2579, // right function, on layout
    0.2802, // case after lower, on layout
    0.3875, // case between capitals, on layout
    -0.5756, // edge after letters, on layout
    -3.1518, // code, on layout
    -0.1051, // layout for, on layout
    -1.6147, // layout against, on layout
    1.4694, // glue rate, on layout
    -1.4317, // bias, off layout
    1.5872, // margin -3.0 to +0.0 words, off layout
    -0.1739, // margin +0.0 to +1.0 words, off layout
    0.7409, // margin +1.0 to +2.0 words, off layout
    1.1836, // margin +2.0 to +3.5 words, off layout
    1.5915, // margin +3.5 to +8.0 words, off layout
    0.7653, // margin -3.0 to +0.0 case, off layout
    0.2499, // margin +0.0 to +1.0 case, off layout
    1.9267, // margin +1.0 to +2.0 case, off layout
    0.3712, // margin +2.0 to +3.5 case, off layout
    0.0, // margin +3.5 to +8.0 case, off layout
    1.0179, // margin -3.0 to +0.0 edge, off layout
    0.725, // margin +0.0 to +1.0 edge, off layout
    1.3229, // margin +1.0 to +2.0 edge, off layout
    0.588, // margin +2.0 to +3.5 edge, off layout
    0.0, // margin +3.5 to +8.0 edge, off layout
    0.5167, // case, off layout
    0.3273, // edge, off layout
    -1.2985, // doubtful, off layout
    -0.3535, // doubtful margin above +2, off layout
    -2.8637, // familiar, off layout
    1.5849, // left lower, off layout
    -0.9845, // right lower, off layout
    0.2001, // left capitals, off layout
    -0.1098, // right capitals, off layout
    1.5286, // before, off layout
    1.6331, // after, off layout
    -0.5259, // content pair, off layout
    0.7074, // left function, off layout
    -0.1307, // right function, off layout
    0.1157, // case after lower, off layout
    0.949, // case between capitals, off layout
    -0.9125, // edge after letters, off layout
    -2.5111, // code, off layout
    -0.0936, // layout for, off layout
    -0.4775, // layout against, off layout
    -1.0735, // glue rate, off layout
];
