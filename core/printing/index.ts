// Printing exactly as PyTorch, numpy and Python do, as pure functions of plain data:
// the torch package's Tensor.__repr__/__str__, ndarray.__repr__ and float formatting call these.
//
//   formatTensor(values, shape, dtype, suffixes?, options?)  -> repr(tensor) under
//                                                   torch.set_printoptions' options, e.g.
//     formatTensor([4], [], 'float32', { gradFn: 'PowBackward0' }) === 'tensor(4., grad_fn=<PowBackward0>)'
//     formatTensor([1, 2], [2], 'float64', { requiresGrad: true })
//       === 'tensor([1., 2.], dtype=torch.float64, requires_grad=True)'
//   formatNumpyArray(values, shape, dtype)         -> repr(ndarray), e.g.
//     formatNumpyArray([0, 0.5, 1], [3], 'float32') === 'array([0. , 0.5, 1. ], dtype=float32)'
//   formatNumpyStr(values, shape, dtype)           -> str(ndarray) of 1+ dims, what print() shows:
//     formatNumpyStr([1, 1, 1, 1], [2, 2], 'float32') === '[[1. 1.]\n [1. 1.]]'
//   formatPythonFloat(x)                           -> repr(float): '2.0', '1e-05', 'nan', '-0.0'
//   formatFixed(x, n) / formatExponential(x, n)    -> Python's '{:.nf}' / '{:.ne}' (half-to-even
//                                                     on the exact binary value, unlike toFixed)
//   formatFloat32Shortest(x)                       -> repr(np.float32(x)): shortest digits that
//                                                     read back as the same float32, e.g. '0.1'
//
// values are flat, row-major (C order); their count must equal the product of shape (a shape
// of [] is a 0-d tensor holding one value). float32 values are rounded to float32 on the way
// in; int64 values may be numbers or bigints; bool values booleans or 0/1. Bad input throws a
// TypeError or RangeError that says what is wrong.

export type { Dtype } from './layout.ts';
export type { PrintOptions, TensorSuffixes } from './torch-repr.ts';
export { DEFAULT_PRINT_OPTIONS, formatTensor } from './torch-repr.ts';
export { formatNumpyArray, formatNumpyStr } from './numpy-repr.ts';
export { formatExponential, formatFixed, formatPythonFloat } from './python-float.ts';
export { formatFloat32Shortest } from './numpy-scalar.ts';
