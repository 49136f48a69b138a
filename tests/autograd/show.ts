// Prints engine values the way the golden PyTorch programs print them (repr of tensors, None).
import { formatTensor } from '../../core/printing/index.ts';
import type { Tensor } from '../../core/autograd/index.ts';

export function repr(t: Tensor | null): string {
  if (t === null) return 'None';
  const suffixes = t.gradFn !== null ? { gradFn: t.gradFn.name } : { requiresGrad: t.requiresGrad };
  return formatTensor(Array.from(t.values()), [...t.shape], t.dtype, suffixes);
}

/** Python's print(*parts) of tensors, strings and booleans, with the trailing newline. */
export function printed(...parts: (Tensor | string | boolean | null)[]): string {
  const text = parts.map((p) =>
    typeof p === 'string' ? p : typeof p === 'boolean' ? (p ? 'True' : 'False') : repr(p),
  );
  return `${text.join(' ')}\n`;
}
