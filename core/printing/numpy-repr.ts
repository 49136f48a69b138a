// repr(ndarray) and str(ndarray) exactly as numpy 2.4 writes them with the default print options (precision 8,
// floatmode 'maxprec', threshold 1000, edgeitems 3, linewidth 75): numpy/_core/arrayprint.py.

import type { FloatWidth } from './binary-float.ts';
import type { NumpyFloatOptions } from './dragon4.ts';
import { numpyPositional, numpyScientific } from './dragon4.ts';
import type { Dtype, ElementValues } from './layout.ts';
import {
  boolText,
  checkLayout,
  edgeIndices,
  elementCount,
  floatElement,
  integerText,
  printedPositions,
  pythonTuple,
  stridesOf,
} from './layout.ts';

const PRECISION = 8;
const THRESHOLD = 1000;
const EDGE_ITEMS = 3;
const LINE_WIDTH = 75;
const PREFIX = 'array(';

/** How array2string lays an array out: repr's `array(` prefix and `, `, or str's bare ` `. */
interface Layout {
  separator: string;
  prefix: string;
  suffix: string;
}

const REPR: Layout = { separator: ', ', prefix: PREFIX, suffix: ')' };
const STR: Layout = { separator: ' ', prefix: '', suffix: '' };

type ElementFormat = (value: number | bigint | boolean) => string;

/** numpy's FloatingFormat: one layout (positional or scientific) and padding for all elements. */
function floatingFormat(data: number[], width: FloatWidth): ElementFormat {
  const finite = data.filter(Number.isFinite);
  const magnitudes = finite.filter((x) => x !== 0).map(Math.abs);
  let scientific = false;
  if (magnitudes.length > 0) {
    const max = Math.max(...magnitudes);
    const min = Math.min(...magnitudes);
    // numpy compares in the array's own dtype (Python floats are cast to float32 by NEP 50),
    // and since numpy 2.3 float32 switches to scientific from 1e6 (10**finfo.precision).
    const asDtype = width === 'float32' ? Math.fround : (x: number) => x;
    const cutoff = width === 'float32' ? 1e6 : 1e8;
    scientific = max >= cutoff || min < asDtype(1e-4) || asDtype(max / min) > 1000;
  }

  const options: Partial<NumpyFloatOptions> = { precision: PRECISION, trim: '.' };
  let padLeft = 0;
  let padRight = 0;
  if (finite.length > 0 && scientific) {
    const parts = finite.map((x) => {
      const [mantissa, exponent] = numpyScientific(x, width, options).split('e');
      const [whole, fraction] = mantissa.split('.');
      return { whole, fraction, exponent };
    });
    const expDigits = Math.max(...parts.map((p) => p.exponent.length)) - 1;
    const precision = Math.max(...parts.map((p) => p.fraction.length));
    padLeft = Math.max(...parts.map((p) => p.whole.length));
    padRight = expDigits + 2 + precision;
    Object.assign(options, { precision, minDigits: precision, trim: 'k', padLeft, expDigits });
  } else if (finite.length > 0) {
    const parts = finite.map((x) => numpyPositional(x, width, options).split('.'));
    padLeft = Math.max(...parts.map(([whole]) => whole.length));
    padRight = Math.max(...parts.map(([, fraction]) => fraction.length));
    Object.assign(options, { minDigits: 0, padLeft, padRight });
  }
  if (finite.length !== data.length) {
    // Room for 'nan', 'inf' or '-inf' in the same column as the numbers.
    const negativeInfinity = data.some((x) => x === -Infinity) ? 1 : 0;
    padLeft = Math.max(padLeft, 3 - (padRight + 1), 3 + negativeInfinity - (padRight + 1));
    options.padLeft = padLeft;
  }
  const totalWidth = padLeft + padRight + 1;

  return (element) => {
    const x = floatElement(element, width);
    if (Number.isNaN(x)) return 'nan'.padStart(totalWidth, ' ');
    if (!Number.isFinite(x)) return (x < 0 ? '-inf' : 'inf').padStart(totalWidth, ' ');
    return scientific ? numpyScientific(x, width, options) : numpyPositional(x, width, options);
  };
}

/** numpy's IntegerFormat: right-aligned to the wider of the extremes. */
function integerFormat(data: (number | bigint | boolean)[]): ElementFormat {
  const texts = data.map(integerText);
  const width = Math.max(...texts.map((t) => t.length));
  return (element) => integerText(element).padStart(width, ' ');
}

function formatFor(
  values: ElementValues,
  shown: number[],
  dtype: Dtype,
  zeroDimensional: boolean,
): ElementFormat {
  const data = shown.map((index) => values[index]);
  if (dtype === 'bool') {
    // An extra space aligns ' True' with 'False', except in 0-d arrays.
    return (element) => (element && !zeroDimensional ? ` ${boolText(element)}` : boolText(element));
  }
  if (dtype === 'int64') return integerFormat(data);
  return floatingFormat(
    data.map((element) => floatElement(element, dtype)),
    dtype === 'float32' ? 'float32' : 'float64',
  );
}

/** numpy's _extendLine: a word goes on the current line unless it would pass the width. */
function extendLine(
  done: string,
  line: string,
  word: string,
  width: number,
  nextLinePrefix: string,
): [string, string] {
  if (line.length + word.length > width && line.length > nextLinePrefix.length) {
    return [done + line.trimEnd() + '\n', nextLinePrefix + word];
  }
  return [done, line + word];
}

/** numpy's _formatArray for a non-empty array. */
function arrayBody(
  values: ElementValues,
  shape: readonly number[],
  dtype: Dtype,
  layout: Layout,
): string {
  const separator = layout.separator;
  const summarize = elementCount(shape) > THRESHOLD;
  const shown = summarize
    ? edgeIndices(shape, EDGE_ITEMS)
    : Array.from({ length: values.length }, (_, i) => i);
  const format = formatFor(values, shown, dtype, shape.length === 0);
  const strides = stridesOf(shape);

  const recurse = (offset: number, axis: number, hangingIndent: string, width: number): string => {
    const axesLeft = shape.length - axis;
    if (axesLeft === 0) return format(values[offset]);
    const nextIndent = hangingIndent + ' ';
    const nextWidth = width - 1; // room for the closing ']'
    const items = printedPositions(shape[axis], summarize, EDGE_ITEMS).map((p) =>
      p === null ? '...' : recurse(offset + p * strides[axis], axis + 1, nextIndent, nextWidth),
    );

    let text = '';
    if (axesLeft === 1) {
      const elementWidth = width - 1; // room for ',' or ']'
      let line = hangingIndent;
      items.forEach((word, i) => {
        [text, line] = extendLine(text, line, word, elementWidth, hangingIndent);
        if (i < items.length - 1) line += separator;
      });
      text += line;
    } else {
      const lineSeparator = separator.trimEnd() + '\n'.repeat(axesLeft - 1);
      text = items.map((row) => hangingIndent + row).join(lineSeparator);
    }
    return `[${text.slice(hangingIndent.length)}]`;
  };
  // The suffix (repr's ')') is taken off the line width up front, as array2string does.
  return recurse(0, 0, ' '.repeat(1 + layout.prefix.length), LINE_WIDTH - layout.suffix.length);
}

const NUMPY_DTYPE_NAMES: Record<Dtype, string> = {
  float32: 'float32',
  float64: 'float64',
  int64: 'int64',
  bool: 'bool',
};

/**
 * repr() of the ndarray holding these values, e.g. what `.numpy()` shows in a notebook:
 * array([0. , 0.5, 1. ], dtype=float32). values: flat row-major elements.
 */
export function formatNumpyArray(
  values: ElementValues,
  shape: readonly number[],
  dtype: Dtype,
): string {
  checkLayout('formatNumpyArray', values, shape, dtype);
  const size = values.length;
  const body = size === 0 ? '[]' : arrayBody(values, shape, dtype, REPR);

  const extras: string[] = [];
  if ((size === 0 && !(shape.length === 1 && shape[0] === 0)) || size > THRESHOLD) {
    extras.push(`shape=${pythonTuple(shape)}`);
  }
  // float64, int64 and bool are implied by how the values look; float32 is not.
  if (dtype === 'float32' || size === 0) extras.push(`dtype=${NUMPY_DTYPE_NAMES[dtype]}`);
  if (extras.length === 0) return `${PREFIX}${body})`;

  const head = `${PREFIX}${body},`;
  const tail = `${extras.join(', ')})`;
  const lastLineLength = head.length - (head.lastIndexOf('\n') + 1);
  const spacer =
    lastLineLength + tail.length + 1 > LINE_WIDTH ? '\n' + ' '.repeat(PREFIX.length) : ' ';
  return head + spacer + tail;
}

/**
 * str() of an ndarray of one or more dims, what `print(array)` shows: numpy's array_str, the
 * repr's layout without `array(`, the dtype or commas, e.g. '[[1. 1.]\n [1. 1.]]'.
 */
export function formatNumpyStr(
  values: ElementValues,
  shape: readonly number[],
  dtype: Dtype,
): string {
  checkLayout('formatNumpyStr', values, shape, dtype);
  if (shape.length === 0) throw new RangeError('formatNumpyStr: a 0-d array prints as its scalar');
  return values.length === 0 ? '[]' : arrayBody(values, shape, dtype, STR);
}
