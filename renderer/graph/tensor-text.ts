// A traced tensor as the step-through and its table write it: `4.`, `[1., 2., …]`, or None.
import type { TensorValue } from '../../core/autograd/index.ts';
import { formatValues } from './layout-input.ts';

export function tensorText(value: TensorValue | null): string {
  if (value === null) return 'None';
  const numel = value.shape.reduce((a, b) => a * b, 1);
  return formatValues(value.values, numel, value.shape);
}
