// Errors that carry the Python exception type they become, with PyTorch's exact wording.

export type PyErrorType =
  | 'RuntimeError'
  | 'ValueError'
  | 'TypeError'
  | 'IndexError'
  | 'NotImplementedError'
  | 'GradcheckError';

export class TorchError extends Error {
  readonly pyType: PyErrorType;

  constructor(pyType: PyErrorType, message: string) {
    super(message);
    this.name = 'TorchError';
    this.pyType = pyType;
  }
}

export function runtimeError(message: string): TorchError {
  return new TorchError('RuntimeError', message);
}

export const BACKWARD_TWICE =
  'Trying to backward through the graph a second time (or directly access saved tensors after they have already been freed). Saved intermediate values of the graph are freed when you call .backward() or autograd.grad(). Specify retain_graph=True if you need to backward through the graph a second time or if you need to access saved tensors after calling backward.';

export const LEAF_INPLACE =
  'a leaf Variable that requires grad is being used in an in-place operation.';

/** Basic indexing (`x[0] = v`, `x[1:] = v`) writes through a view of the leaf. */
export const LEAF_VIEW_INPLACE =
  'a view of a leaf Variable that requires grad is being used in an in-place operation.';

export const NO_GRAD_VIEW_INPLACE =
  "A view was created in no_grad mode and is being modified inplace with grad mode enabled. Given that this use case is ambiguous and error-prone, it is forbidden. You can clarify your code by moving both the view and the inplace either both inside the no_grad block (if you don't want the inplace to be tracked) or both outside (if you want the inplace to be tracked).";

/** In-place on one of the views unbind/split/chunk returned, while it requires grad. */
export function multiOutputViewInPlace(name: string, outputNr: number): string {
  return `Output ${outputNr} of ${name} is a view and is being modified inplace. This view is the output of a function that returns multiple views. Such functions do not allow the output views to be modified inplace. You should replace the inplace operation by an out-of-place one.`;
}

/** An in-place write into an expanded tensor, whose elements share storage. */
export const OVERLAPPING_WRITE =
  'unsupported operation: more than one element of the written-to tensor refers to a single memory location. Please clone() the tensor before performing the operation.';

export const NOT_DIFFERENTIABLE_DTYPE =
  'Only Tensors of floating point and complex dtype can require gradients';

export const IMPLICIT_GRAD_SCALAR_ONLY = 'grad can be implicitly created only for scalar outputs';

/** The warning PyTorch gives when Python reads `.grad` of a non-leaf that does not retain it. */
export const NON_LEAF_GRAD_WARNING =
  "The .grad attribute of a Tensor that is not a leaf Tensor is being accessed. Its .grad attribute won't be populated during autograd.backward(). If you indeed want the .grad field to be populated for a non-leaf Tensor, use .retain_grad() on the non-leaf Tensor. If you access the non-leaf Tensor by mistake, make sure you access the leaf Tensor instead. See github.com/pytorch/pytorch/pull/30531 for more information. (Triggered internally at /pytorch/build/aten/src/ATen/core/TensorBody.h:494.)";

export function noGradFn(index: number): string {
  return `element ${index} of tensors does not require grad and does not have a grad_fn`;
}
