// numpy's repr of arrays (what `.numpy()` shows): the expected strings were printed by numpy
// 2.4.6; values are built here as numpy computes them (float32 results rounded to float32).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatFloat32Shortest, formatNumpyArray } from '../../core/printing/index.ts';
import { numpyLinspace, range } from './values.ts';

const f = Math.fround;

const printedByNumpy: Record<string, [() => string, string]> = {
  f32_linspace3: [
    () => formatNumpyArray([0, 0.5, 1], [3], 'float32'),
    'array([0. , 0.5, 1. ], dtype=float32)',
  ],
  f32_tenth: [
    () => formatNumpyArray([0.1, 0.2, 0.3], [3], 'float32'),
    'array([0.1, 0.2, 0.3], dtype=float32)',
  ],
  f64_tenth: [
    () => formatNumpyArray([0.1, 0.2, 0.1 + 0.2], [3], 'float64'),
    'array([0.1, 0.2, 0.3])',
  ],
  f32_linspace10: [
    () => formatNumpyArray(numpyLinspace(-10, 10, 10), [10], 'float32'),
    'array([-10.       ,  -7.7777777,  -5.5555553,  -3.3333333,  -1.1111112,\n         1.1111112,   3.3333333,   5.5555553,   7.7777777,  10.       ],\n      dtype=float32)',
  ],
  f32_third: [
    () => formatNumpyArray([1 / 3, 2 / 3, 1], [3], 'float32'),
    'array([0.33333334, 0.6666667 , 1.        ], dtype=float32)',
  ],
  f32_scalar: [() => formatNumpyArray([2.5], [], 'float32'), 'array(2.5, dtype=float32)'],
  f64_scalar: [() => formatNumpyArray([0.1], [], 'float64'), 'array(0.1)'],
  f32_neg_zero: [
    () => formatNumpyArray([-0, 0, 1.5], [3], 'float32'),
    'array([-0. ,  0. ,  1.5], dtype=float32)',
  ],
  f32_sci: [
    () => formatNumpyArray([1e-5, 1, 1e5], [3], 'float32'),
    'array([1.e-05, 1.e+00, 1.e+05], dtype=float32)',
  ],
  f64_sci: [
    () => formatNumpyArray([1e-5, 1, 1e5], [3], 'float64'),
    'array([1.e-05, 1.e+00, 1.e+05])',
  ],
  f64_big: [() => formatNumpyArray([1e8, 1], [2], 'float64'), 'array([1.e+08, 1.e+00])'],
  f32_big_cutoff: [
    () => formatNumpyArray([1e6, 1], [2], 'float32'),
    'array([1.e+06, 1.e+00], dtype=float32)',
  ],
  f32_under_cutoff: [
    () => formatNumpyArray([999999, 1], [2], 'float32'),
    'array([9.99999e+05, 1.00000e+00], dtype=float32)',
  ],
  f32_nan_inf: [
    () => formatNumpyArray([NaN, 1.25, -Infinity], [3], 'float32'),
    'array([ nan, 1.25, -inf], dtype=float32)',
  ],
  f64_only_nan: [() => formatNumpyArray([NaN, Infinity], [2], 'float64'), 'array([nan, inf])'],
  f64_sci_nan: [
    () => formatNumpyArray([1e-10, NaN, -Infinity], [3], 'float64'),
    'array([1.e-10,    nan,   -inf])',
  ],
  f32_matrix: [
    () => formatNumpyArray([1, -2.5, 3.25, 4], [2, 2], 'float32'),
    'array([[ 1.  , -2.5 ],\n       [ 3.25,  4.  ]], dtype=float32)',
  ],
  f64_3d: [
    () =>
      formatNumpyArray(
        range(12, (i) => i / 8),
        [2, 2, 3],
        'float64',
      ),
    'array([[[0.   , 0.125, 0.25 ],\n        [0.375, 0.5  , 0.625]],\n\n       [[0.75 , 0.875, 1.   ],\n        [1.125, 1.25 , 1.375]]])',
  ],
  int_vec: [() => formatNumpyArray([1, -20, 300], [3], 'int64'), 'array([  1, -20, 300])'],
  int_3d: [
    () => formatNumpyArray(range(24), [2, 3, 4], 'int64'),
    'array([[[ 0,  1,  2,  3],\n        [ 4,  5,  6,  7],\n        [ 8,  9, 10, 11]],\n\n       [[12, 13, 14, 15],\n        [16, 17, 18, 19],\n        [20, 21, 22, 23]]])',
  ],
  int_scalar: [() => formatNumpyArray([-7], [], 'int64'), 'array(-7)'],
  bool_vec: [() => formatNumpyArray([true, false], [2], 'bool'), 'array([ True, False])'],
  bool_all_false: [() => formatNumpyArray([false, false], [2], 'bool'), 'array([False, False])'],
  bool_scalar: [() => formatNumpyArray([false], [], 'bool'), 'array(False)'],
  empty_f32: [() => formatNumpyArray([], [0], 'float32'), 'array([], dtype=float32)'],
  empty_f64: [() => formatNumpyArray([], [0], 'float64'), 'array([], dtype=float64)'],
  empty_bool: [() => formatNumpyArray([], [0], 'bool'), 'array([], dtype=bool)'],
  empty_2d_int: [
    () => formatNumpyArray([], [3, 0], 'int64'),
    'array([], shape=(3, 0), dtype=int64)',
  ],
  wrap_f32: [
    () =>
      formatNumpyArray(
        range(30, (i) => i / 7),
        [30],
        'float32',
      ),
    'array([0.        , 0.14285715, 0.2857143 , 0.42857143, 0.5714286 ,\n       0.71428573, 0.85714287, 1.        , 1.1428572 , 1.2857143 ,\n       1.4285715 , 1.5714285 , 1.7142857 , 1.8571428 , 2.        ,\n       2.142857  , 2.2857144 , 2.4285715 , 2.5714285 , 2.7142856 ,\n       2.857143  , 3.        , 3.142857  , 3.2857144 , 3.4285715 ,\n       3.5714285 , 3.7142856 , 3.857143  , 4.        , 4.142857  ],\n      dtype=float32)',
  ],
  wrap_f64: [
    () =>
      formatNumpyArray(
        range(30, (i) => i / 7),
        [30],
        'float64',
      ),
    'array([0.        , 0.14285714, 0.28571429, 0.42857143, 0.57142857,\n       0.71428571, 0.85714286, 1.        , 1.14285714, 1.28571429,\n       1.42857143, 1.57142857, 1.71428571, 1.85714286, 2.        ,\n       2.14285714, 2.28571429, 2.42857143, 2.57142857, 2.71428571,\n       2.85714286, 3.        , 3.14285714, 3.28571429, 3.42857143,\n       3.57142857, 3.71428571, 3.85714286, 4.        , 4.14285714])',
  ],
  wrap_int: [
    () =>
      formatNumpyArray(
        range(40, (i) => i * 1000),
        [40],
        'int64',
      ),
    'array([    0,  1000,  2000,  3000,  4000,  5000,  6000,  7000,  8000,\n        9000, 10000, 11000, 12000, 13000, 14000, 15000, 16000, 17000,\n       18000, 19000, 20000, 21000, 22000, 23000, 24000, 25000, 26000,\n       27000, 28000, 29000, 30000, 31000, 32000, 33000, 34000, 35000,\n       36000, 37000, 38000, 39000])',
  ],
  wrap_bool: [
    () =>
      formatNumpyArray(
        range(20, (i) => Number(i % 3 === 0)),
        [20],
        'bool',
      ),
    'array([ True, False, False,  True, False, False,  True, False, False,\n        True, False, False,  True, False, False,  True, False, False,\n        True, False])',
  ],
  summ_f32: [
    () =>
      formatNumpyArray(
        range(2000, (i) => f(i / 1999)),
        [2000],
        'float32',
      ),
    'array([0.0000000e+00, 5.0025014e-04, 1.0005003e-03, ..., 9.9899948e-01,\n       9.9949974e-01, 1.0000000e+00], shape=(2000,), dtype=float32)',
  ],
  summ_int: [
    () => formatNumpyArray(range(1001), [1001], 'int64'),
    'array([   0,    1,    2, ...,  998,  999, 1000], shape=(1001,))',
  ],
  summ_2d: [
    () =>
      formatNumpyArray(
        range(2000, (i) => i / 3),
        [50, 40],
        'float32',
      ),
    'array([[0.0000000e+00, 3.3333334e-01, 6.6666669e-01, ..., 1.2333333e+01,\n        1.2666667e+01, 1.3000000e+01],\n       [1.3333333e+01, 1.3666667e+01, 1.4000000e+01, ..., 2.5666666e+01,\n        2.6000000e+01, 2.6333334e+01],\n       [2.6666666e+01, 2.7000000e+01, 2.7333334e+01, ..., 3.9000000e+01,\n        3.9333332e+01, 3.9666668e+01],\n       ...,\n       [6.2666669e+02, 6.2700000e+02, 6.2733331e+02, ..., 6.3900000e+02,\n        6.3933331e+02, 6.3966669e+02],\n       [6.4000000e+02, 6.4033331e+02, 6.4066669e+02, ..., 6.5233331e+02,\n        6.5266669e+02, 6.5300000e+02],\n       [6.5333331e+02, 6.5366669e+02, 6.5400000e+02, ..., 6.6566669e+02,\n        6.6600000e+02, 6.6633331e+02]], shape=(50, 40), dtype=float32)',
  ],
  summ_3d_int: [
    () => formatNumpyArray(range(1100), [11, 10, 10], 'int64'),
    'array([[[   0,    1,    2, ...,    7,    8,    9],\n        [  10,   11,   12, ...,   17,   18,   19],\n        [  20,   21,   22, ...,   27,   28,   29],\n        ...,\n        [  70,   71,   72, ...,   77,   78,   79],\n        [  80,   81,   82, ...,   87,   88,   89],\n        [  90,   91,   92, ...,   97,   98,   99]],\n\n       [[ 100,  101,  102, ...,  107,  108,  109],\n        [ 110,  111,  112, ...,  117,  118,  119],\n        [ 120,  121,  122, ...,  127,  128,  129],\n        ...,\n        [ 170,  171,  172, ...,  177,  178,  179],\n        [ 180,  181,  182, ...,  187,  188,  189],\n        [ 190,  191,  192, ...,  197,  198,  199]],\n\n       [[ 200,  201,  202, ...,  207,  208,  209],\n        [ 210,  211,  212, ...,  217,  218,  219],\n        [ 220,  221,  222, ...,  227,  228,  229],\n        ...,\n        [ 270,  271,  272, ...,  277,  278,  279],\n        [ 280,  281,  282, ...,  287,  288,  289],\n        [ 290,  291,  292, ...,  297,  298,  299]],\n\n       ...,\n\n       [[ 800,  801,  802, ...,  807,  808,  809],\n        [ 810,  811,  812, ...,  817,  818,  819],\n        [ 820,  821,  822, ...,  827,  828,  829],\n        ...,\n        [ 870,  871,  872, ...,  877,  878,  879],\n        [ 880,  881,  882, ...,  887,  888,  889],\n        [ 890,  891,  892, ...,  897,  898,  899]],\n\n       [[ 900,  901,  902, ...,  907,  908,  909],\n        [ 910,  911,  912, ...,  917,  918,  919],\n        [ 920,  921,  922, ...,  927,  928,  929],\n        ...,\n        [ 970,  971,  972, ...,  977,  978,  979],\n        [ 980,  981,  982, ...,  987,  988,  989],\n        [ 990,  991,  992, ...,  997,  998,  999]],\n\n       [[1000, 1001, 1002, ..., 1007, 1008, 1009],\n        [1010, 1011, 1012, ..., 1017, 1018, 1019],\n        [1020, 1021, 1022, ..., 1027, 1028, 1029],\n        ...,\n        [1070, 1071, 1072, ..., 1077, 1078, 1079],\n        [1080, 1081, 1082, ..., 1087, 1088, 1089],\n        [1090, 1091, 1092, ..., 1097, 1098, 1099]]], shape=(11, 10, 10))',
  ],
  summ_f64_rows: [
    () => formatNumpyArray(range(3000), [2, 1500], 'float64'),
    'array([[0.000e+00, 1.000e+00, 2.000e+00, ..., 1.497e+03, 1.498e+03,\n        1.499e+03],\n       [1.500e+03, 1.501e+03, 1.502e+03, ..., 2.997e+03, 2.998e+03,\n        2.999e+03]], shape=(2, 1500))',
  ],
  f32_relu_grad: [
    () =>
      formatNumpyArray(
        range(10, (i) => (i < 5 ? 0 : 1)),
        [10],
        'float32',
      ),
    'array([0., 0., 0., 0., 0., 1., 1., 1., 1., 1.], dtype=float32)',
  ],
  f32_squares: [
    () =>
      formatNumpyArray(
        numpyLinspace(-10, 10, 10).map((x) => f(f(x) * f(x))),
        [10],
        'float32',
      ),
    'array([100.      ,  60.493824,  30.864195,  11.111111,   1.234568,\n         1.234568,  11.111111,  30.864195,  60.493824, 100.      ],\n      dtype=float32)',
  ],
  f32_tiny: [
    () => formatNumpyArray([1e-45, 1], [2], 'float32'),
    'array([1.e-45, 1.e+00], dtype=float32)',
  ],
  f32_max: [
    () => formatNumpyArray([3.4028235e38, -1], [2], 'float32'),
    'array([ 3.4028235e+38, -1.0000000e+00], dtype=float32)',
  ],
  f64_precision_cut: [
    () => formatNumpyArray([1 / 3, 2 / 3, 1e-3], [3], 'float64'),
    'array([0.33333333, 0.66666667, 0.001     ])',
  ],
  f64_round_up_cut: [
    () => formatNumpyArray([0.999999999, 1.5], [2], 'float64'),
    'array([1. , 1.5])',
  ],
  f32_dtype_newline: [
    () =>
      formatNumpyArray(
        range(8, (i) => i * f(1.0001)),
        [8],
        'float32',
      ),
    'array([0.    , 1.0001, 2.0002, 3.0003, 4.0004, 5.0005, 6.0006, 7.0007],\n      dtype=float32)',
  ],
};

describe('formatNumpyArray matches numpy', () => {
  it.each(Object.entries(printedByNumpy))('%s', (_name, [render, expected]) => {
    expect(render()).toBe(expected);
  });

  it('says when the values do not fill the shape', () => {
    expect(() => formatNumpyArray([1], [2, 3], 'float64')).toThrow(
      'formatNumpyArray: shape (2, 3) holds 6 elements but 1 values were given',
    );
  });
});

describe('formatFloat32Shortest matches str(np.float32(x))', () => {
  it.each([
    [0.1, '0.1'],
    [1, '1.0'],
    [1e16, '1e+16'],
    [1e-5, '1e-05'],
    [1e-4, '1e-04'], // float32(1e-4) is just below 1e-4, so numpy goes scientific
    [0.00010001, '0.00010001'],
    [123456789, '1.2345679e+08'],
    [-0, '-0.0'],
    [NaN, 'nan'],
    [-Infinity, '-inf'],
    [3.4e38, '3.4e+38'],
    [1e-45, '1e-45'],
    [999999, '999999.0'],
    [1e6, '1e+06'],
    [1234567, '1.234567e+06'],
    [99999.99, '99999.99'],
  ])('%d', (x, expected) => {
    expect(formatFloat32Shortest(x)).toBe(expected);
  });

  it('gives digits that read back as the same float32, never more than needed', () => {
    fc.assert(
      fc.property(fc.float({ noNaN: true, noDefaultInfinity: true }), (x) => {
        const text = formatFloat32Shortest(x);
        expect(Object.is(f(Number(text)), x)).toBe(true);
        // The fewest significant digits with which the nearest decimal reads back as x.
        let needed = 1;
        while (f(Number(x.toPrecision(needed))) !== x) needed += 1;
        const ours = text.replace(/e.*$/, '').replace(/[-.]/g, '').replace(/^0+/, '');
        expect(ours.replace(/0+$/, '').length || 1).toBeLessThanOrEqual(needed);
      }),
    );
  });
});
