// repr(tensor) / str(tensor) exactly as PyTorch writes them (torch/_tensor_str.py), under
// torch.set_printoptions' options (by default precision 4, threshold 1000, edgeitems 3,
// linewidth 80, sci_mode chosen per tensor).

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
import { formatExponential, formatFixed } from './python-float.ts';

const PREFIX = 'tensor(';

/** torch.set_printoptions' settings (torch's PRINT_OPTS). */
export interface PrintOptions {
  precision: number;
  /** More elements than this are summarised with '...' (Infinity: never). */
  threshold: number;
  edgeItems: number;
  lineWidth: number;
  /** Scientific notation forced on or off; null lets each tensor choose. */
  sciMode: boolean | null;
}

export const DEFAULT_PRINT_OPTIONS: Readonly<PrintOptions> = Object.freeze({
  precision: 4,
  threshold: 1000,
  edgeItems: 3,
  lineWidth: 80,
  sciMode: null,
});

export interface TensorSuffixes {
  /** Name of the grad_fn's class, e.g. 'PowBackward0' (printed as grad_fn=<PowBackward0>). */
  gradFn?: string;
  /** Printed as requires_grad=True when there is no gradFn (a leaf that requires grad). */
  requiresGrad?: boolean;
}

/** Every dtype torch prints; the narrow ones print as the wide ones hold their values. */
export type TorchDtype = Dtype | 'uint8' | 'int8' | 'int16' | 'int32' | 'float16' | 'bfloat16';

/** The dtype whose printing each tensor dtype follows (torch formats float16 as float32). */
const PRINTED_AS: Record<TorchDtype, Dtype> = {
  float16: 'float32',
  bfloat16: 'float32',
  float32: 'float32',
  float64: 'float64',
  uint8: 'int64',
  int8: 'int64',
  int16: 'int64',
  int32: 'int64',
  int64: 'int64',
  bool: 'bool',
};

function printedAs(dtype: TorchDtype): Dtype {
  const printed = PRINTED_AS[dtype] as Dtype | undefined;
  if (printed === undefined)
    throw new TypeError(
      `formatTensor: unsupported dtype '${dtype}' (expected ${Object.keys(PRINTED_AS).join(', ')})`,
    );
  return printed;
}

/** How every element of one tensor is written: torch's _Formatter. */
interface ElementFormatter {
  width: number;
  format(index: number): string;
}

function floatFormatter(
  values: ElementValues,
  dtype: Dtype,
  shown: number[],
  options: PrintOptions,
): ElementFormatter {
  const value = (index: number): number => floatElement(values[index], dtype);
  // Only the shown, non-zero, finite values choose the mode and the width.
  const nonzeroFinite = shown.map(value).filter((x) => Number.isFinite(x) && x !== 0);
  let intMode = true;
  let sciMode = false;
  if (nonzeroFinite.length > 0) {
    const magnitudes = nonzeroFinite.map(Math.abs);
    const max = Math.max(...magnitudes);
    const min = Math.min(...magnitudes);
    intMode = nonzeroFinite.every(Number.isInteger);
    const wideRange = max / min > 1000 || max > 1e8;
    sciMode = intMode ? wideRange : wideRange || min < 1e-4;
  }
  const { precision } = options;
  const text = (x: number, scientific: boolean): string => {
    if (scientific) return formatExponential(x, precision);
    // Whole floats get a trailing point (4.), so they never read as integers.
    if (intMode) return formatFixed(x, 0) + (Number.isFinite(x) ? '.' : '');
    return formatFixed(x, precision);
  };
  // As torch does, the width comes from the mode the values chose, even when sci_mode overrides it.
  const width = Math.max(1, ...nonzeroFinite.map((x) => text(x, sciMode).length));
  const scientific = options.sciMode ?? sciMode;
  return { width, format: (index) => text(value(index), scientific).padStart(width) };
}

function textFormatter(
  values: ElementValues,
  shown: number[],
  toText: (value: number | bigint | boolean) => string,
): ElementFormatter {
  const width = Math.max(1, ...shown.map((index) => toText(values[index]).length));
  return { width, format: (index) => toText(values[index]).padStart(width) };
}

function formatterFor(
  values: ElementValues,
  dtype: Dtype,
  shown: number[],
  options: PrintOptions,
): ElementFormatter {
  if (dtype === 'int64') return textFormatter(values, shown, integerText);
  if (dtype === 'bool') return textFormatter(values, shown, boolText);
  return floatFormatter(values, dtype, shown, options);
}

/** The bracketed body of a non-empty tensor: torch's _tensor_str_with_formatter. */
function tensorBody(
  values: ElementValues,
  shape: readonly number[],
  dtype: Dtype,
  options: PrintOptions,
): string {
  const summarize = elementCount(shape) > options.threshold;
  const shown = summarize
    ? edgeIndices(shape, options.edgeItems)
    : Array.from({ length: values.length }, (_, i) => i);
  const formatter = formatterFor(values, dtype, shown, options);
  const strides = stridesOf(shape);

  const positions = (size: number) => printedPositions(size, summarize, options.edgeItems);

  const render = (offset: number, axis: number, indent: number): string => {
    const dims = shape.length - axis;
    if (dims === 0) return formatter.format(offset);
    if (dims === 1) {
      const items = positions(shape[axis]).map((p) =>
        p === null ? ' ...' : formatter.format(offset + p * strides[axis]),
      );
      const perLine = Math.max(1, Math.floor((options.lineWidth - indent) / (formatter.width + 2)));
      const lines: string[] = [];
      for (let i = 0; i < items.length; i += perLine) {
        lines.push(items.slice(i, i + perLine).join(', '));
      }
      return `[${lines.join(`,\n${' '.repeat(indent + 1)}`)}]`;
    }
    const slices = positions(shape[axis]).map((p) =>
      p === null ? '...' : render(offset + p * strides[axis], axis + 1, indent + 1),
    );
    return `[${slices.join(`,${'\n'.repeat(dims - 1)}${' '.repeat(indent + 1)}`)}]`;
  };
  return render(0, 0, PREFIX.length);
}

/** torch's _add_suffixes: ', suffix' on the last line, or on a new line past the line width. */
function addSuffixes(text: string, suffixes: string[], indent: number, lineWidth: number): string {
  const parts = [text];
  // Same arithmetic as torch, including its +1 (and +2 when there is no newline).
  let lastLineLength = text.length - text.lastIndexOf('\n') + 1;
  for (const suffix of suffixes) {
    if (lastLineLength + suffix.length + 2 > lineWidth) {
      parts.push(`,\n${' '.repeat(indent)}${suffix}`);
      lastLineLength = indent + suffix.length;
    } else {
      parts.push(`, ${suffix}`);
      lastLineLength += suffix.length + 2;
    }
  }
  parts.push(')');
  return parts.join('');
}

/**
 * repr(tensor) (identical to str(tensor)) of a strided CPU tensor.
 * values: flat row-major elements; float32 values are taken as float32.
 */
export function formatTensor(
  values: ElementValues,
  shape: readonly number[],
  torchDtype: TorchDtype,
  suffixes: TensorSuffixes = {},
  options: Readonly<PrintOptions> = DEFAULT_PRINT_OPTIONS,
): string {
  const dtype = printedAs(torchDtype);
  checkLayout('formatTensor', values, shape, dtype);
  const extras: string[] = [];
  let body: string;
  if (values.length === 0) {
    // numpy-like: the shape is spelled out unless it is (0,); and the dtype always, bar the default.
    if (shape.length !== 1) extras.push(`size=${pythonTuple(shape)}`);
    if (torchDtype !== 'float32') extras.push(`dtype=torch.${torchDtype}`);
    body = '[]';
  } else {
    // torch names every dtype but the defaults (float32, int64, bool).
    if (torchDtype !== 'float32' && torchDtype !== 'int64' && torchDtype !== 'bool')
      extras.push(`dtype=torch.${torchDtype}`);
    body = tensorBody(values, shape, dtype, options);
  }
  if (suffixes.gradFn !== undefined) extras.push(`grad_fn=<${suffixes.gradFn}>`);
  else if (suffixes.requiresGrad) extras.push('requires_grad=True');
  return addSuffixes(PREFIX + body, extras, PREFIX.length, options.lineWidth);
}
