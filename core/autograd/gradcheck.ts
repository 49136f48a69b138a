// torch.autograd.gradcheck (slow mode): compares the analytical Jacobian from backward with
// central finite differences, with PyTorch's defaults and failure message.
import { formatTensor } from '../printing/index.ts';
import { isFloating, type Storage } from './dtype.ts';
import { TorchError } from './errors.ts';
import { autogradGrad } from './engine.ts';
import { zerosLike } from './ops/creation.ts';
import { Tensor } from './tensor.ts';

export interface GradcheckOptions {
  eps?: number;
  atol?: number;
  rtol?: number;
  /** Throw a GradcheckError on failure (default) instead of returning false. */
  raiseException?: boolean;
  /** Receives PyTorch's UserWarning texts (an input that is not float64). */
  onWarning?: (message: string) => void;
}

interface GradcheckResult {
  ok: boolean;
  /** PyTorch's message for the first mismatch ('' when ok). */
  message: string;
}

/** Any Python-level callable: takes the inputs, returns one tensor or several. */
export type Checked = (inputs: Tensor[]) => Tensor | readonly Tensor[];

function outputsOf(fn: Checked, inputs: Tensor[]): Tensor[] {
  const out = fn(inputs);
  return out instanceof Tensor ? [out] : [...out];
}

/**
 * Row j: d(output)/d(input[j]) by central differences, as a (numel_in × numel_out) matrix. The
 * function runs in the caller's grad mode, so it may itself differentiate (second derivatives).
 */
function numerical(
  fn: Checked,
  inputs: Tensor[],
  input: Tensor,
  outputIndex: number,
  eps: number,
): Float64Array {
  const outNumel = outputsOf(fn, inputs)[outputIndex].numel;
  const jacobian = new Float64Array(input.numel * outNumel);
  for (let j = 0; j < input.numel; j++) {
    // Outputs may be views of the input (reshape...): their values are read before it changes.
    const at = (value: number): Storage => {
      input.data[j] = value;
      input.wrote();
      return outputsOf(fn, inputs)[outputIndex].data.slice();
    };
    const original = input.data[j];
    const minus = at(original - eps);
    const plus = at(original + eps);
    at(original);
    for (let k = 0; k < outNumel; k++)
      jacobian[j * outNumel + k] = (plus[k] - minus[k]) / (2 * eps);
  }
  return jacobian;
}

/** Column k: the gradient of output element k, one backward per output element. */
function analytical(output: Tensor, differentiable: Tensor[]): Float64Array[] {
  const jacobians = differentiable.map((t) => new Float64Array(t.numel * output.numel));
  for (let k = 0; k < output.numel; k++) {
    const basis = zerosLike(output);
    basis.data[k] = 1;
    const grads = output.requiresGrad
      ? autogradGrad([output], differentiable, {
          gradOutputs: [basis],
          retainGraph: true,
          allowUnused: true,
        })
      : differentiable.map(() => null);
    grads.forEach((g, i) => {
      if (g === null) return;
      for (let j = 0; j < g.numel; j++) jacobians[i][j * output.numel + k] = g.data[j];
    });
  }
  return jacobians;
}

function show(values: Float64Array, rows: number, columns: number): string {
  return formatTensor(Array.from(values), [rows, columns], 'float64');
}

export function gradcheck(fn: Checked, inputs: Tensor[], options?: GradcheckOptions): boolean {
  const result = gradcheckResult(fn, inputs, options);
  if (!result.ok && options?.raiseException !== false)
    throw new TorchError('GradcheckError', result.message);
  return result.ok;
}

function gradcheckResult(
  fn: Checked,
  inputs: Tensor[],
  options?: GradcheckOptions,
): GradcheckResult {
  const eps = options?.eps ?? 1e-6;
  const atol = options?.atol ?? 1e-5;
  const rtol = options?.rtol ?? 1e-3;
  const differentiable = inputs.filter((t) => t.requiresGrad && isFloating(t.dtype));
  inputs.forEach((t, i) => {
    if (t.requiresGrad && t.dtype !== 'float64')
      options?.onWarning?.(
        `Input #${i} requires gradient and is not a double precision floating point or complex. This check will likely fail if all the inputs are not of double precision floating point or complex. `,
      );
  });
  if (differentiable.length === 0)
    throw new TorchError(
      'ValueError',
      'gradcheck expects at least one input tensor to require gradient, but none of the them have requires_grad=True.',
    );
  const outputs = outputsOf(fn, inputs);
  for (let o = 0; o < outputs.length; o++) {
    const output = outputs[o];
    if (!isFloating(output.dtype)) continue;
    const exact = analytical(output, differentiable);
    for (let i = 0; i < differentiable.length; i++) {
      const approx = numerical(fn, inputs, differentiable[i], o, eps);
      const close = approx.every((n, j) => Math.abs(exact[i][j] - n) <= atol + rtol * Math.abs(n));
      if (!close) {
        const rows = differentiable[i].numel;
        const columns = output.numel;
        const message =
          `Jacobian mismatch for output ${o} with respect to input ${i},\n` +
          `numerical:${show(approx, rows, columns)}\nanalytical:${show(exact[i], rows, columns)}\n`;
        return { ok: false, message };
      }
    }
  }
  return { ok: true, message: '' };
}
