// numpy's str of arrays (what `print(t.numpy())` shows): the expected strings were printed by
// numpy 1.24 (Debian), whose array_str layout is numpy 2.4's for these values.
import { describe, expect, it } from 'vitest';
import { formatNumpyStr } from '../../core/printing/index.ts';
import { range } from './values.ts';

const printedByNumpy: [string, () => string, string][] = [
  [
    '2-D float32 ones',
    () => formatNumpyStr([1, 1, 1, 1], [2, 2], 'float32'),
    '[[1. 1.]\n [1. 1.]]',
  ],
  [
    '2-D float32, mixed widths',
    () => formatNumpyStr([1.5, -2, 0.25, 10], [2, 2], 'float32'),
    '[[ 1.5  -2.  ]\n [ 0.25 10.  ]]',
  ],
  [
    '3-D int64',
    () => formatNumpyStr(range(8), [2, 2, 2], 'int64'),
    '[[[0 1]\n  [2 3]]\n\n [[4 5]\n  [6 7]]]',
  ],
  [
    'rows wrapped at 75 columns',
    () => formatNumpyStr(range(40), [2, 20], 'float64'),
    '[[ 0.  1.  2.  3.  4.  5.  6.  7.  8.  9. 10. 11. 12. 13. 14. 15. 16. 17.\n  18. 19.]\n [20. 21. 22. 23. 24. 25. 26. 27. 28. 29. 30. 31. 32. 33. 34. 35. 36. 37.\n  38. 39.]]',
  ],
  ['bool', () => formatNumpyStr([true, false], [1, 2], 'bool'), '[[ True False]]'],
  [
    'summarised over 1000 elements',
    () => formatNumpyStr(range(2000), [100, 20], 'int64'),
    '[[   0    1    2 ...   17   18   19]\n [  20   21   22 ...   37   38   39]\n [  40   41   42 ...   57   58   59]\n ...\n [1940 1941 1942 ... 1957 1958 1959]\n [1960 1961 1962 ... 1977 1978 1979]\n [1980 1981 1982 ... 1997 1998 1999]]',
  ],
  [
    'nan and infinities',
    () => formatNumpyStr([NaN, 1, Infinity, -Infinity], [2, 2], 'float64'),
    '[[ nan   1.]\n [ inf -inf]]',
  ],
  ['empty', () => formatNumpyStr([], [0, 3], 'float32'), '[]'],
];

describe('str(ndarray) as numpy prints it', () => {
  it.each(printedByNumpy)('%s', (_name, format, expected) => {
    expect(format()).toBe(expected);
  });

  it('refuses a 0-d array, which prints as its scalar', () => {
    expect(() => formatNumpyStr([1], [], 'float32')).toThrow(RangeError);
  });
});
