"""Making arrays: array, zeros, ones, linspace, arange, meshgrid."""

import builtins
import functools
import math
import operator

from numpy import _dtypes as D
from numpy._array import ndarray
from numpy._layout import normal_shape, size_of


def _flatten(data, shape, depth, out, kinds, in_array=False):
    """Flattens nested lists, arrays and tensors into out; kinds gets the dtype of each array
    or tensor met, and None for each plain number outside them."""
    if hasattr(data, "requires_grad") and hasattr(data, "numpy"):
        data = data.numpy()  # a tensor that requires grad is refused, with PyTorch's advice
    if isinstance(data, ndarray):
        kinds.append(data.dtype.name)
        data = data.tolist()
        in_array = True
        if not isinstance(data, list):
            out.append(data)
            return
    elif hasattr(data, "tolist") and not isinstance(data, (int, float)):
        data = data.tolist()
    if isinstance(data, (list, tuple)):
        if len(shape) == depth:
            shape.append(len(data))
        elif shape[depth] != len(data):
            raise ValueError(
                "setting an array element with a sequence. The requested array has an "
                f"inhomogeneous shape after {depth} dimensions. The detected shape was "
                f"{tuple(shape[:depth])} + inhomogeneous part."
            )
        for item in data:
            _flatten(item, shape, depth + 1, out, kinds, in_array)
    else:
        if not in_array:
            kinds.append(None)
        out.append(data)


def array(data, dtype=None):
    shape = []
    flat = []
    kinds = []
    _flatten(data, shape, 0, flat, kinds)
    for value in flat:
        if not isinstance(value, (int, float)):
            raise NotImplementedError(
                f"numpy arrays of {type(value).__name__} are not supported in Gradlab yet"
            )
    if dtype is not None:
        name = D.name_of(dtype)
    elif kinds and None not in kinds:
        name = functools.reduce(D.promote, kinds)
    else:
        name = D.infer(flat)
    return ndarray._from_flat([D.convert(v, name) for v in flat], shape, name)


def asarray(data, dtype=None):
    if isinstance(data, ndarray) and (dtype is None or D.name_of(dtype) == data.dtype.name):
        return data
    return array(data, dtype)


def _filled(shape, value, dtype):
    shape = normal_shape(shape)
    name = D.name_of(dtype)
    return ndarray._from_flat([D.convert(value, name)] * size_of(shape), shape, name)


def zeros(shape, dtype=float):
    return _filled(shape, 0, dtype)


def ones(shape, dtype=float):
    return _filled(shape, 1, dtype)


def full(shape, fill_value, dtype=None):
    return _filled(shape, fill_value, dtype or D.infer([fill_value]))


def zeros_like(a, dtype=None):
    a = asarray(a)
    return _filled(a.shape, 0, dtype or a.dtype)


def ones_like(a, dtype=None):
    a = asarray(a)
    return _filled(a.shape, 1, dtype or a.dtype)


def linspace(start, stop, num=50, endpoint=True, retstep=False, dtype=None):
    """numpy's own steps: start + i * step, the last value stop itself when endpoint is True."""
    num = operator.index(num)
    if num < 0:
        raise ValueError(f"Number of samples, {num}, must be non-negative.")
    divisions = num - 1 if endpoint else num
    span = float(stop) - float(start)
    if divisions > 0:
        step = span / divisions
        if step == 0:
            values = [(i / divisions) * span + start for i in range(num)]
        else:
            values = [i * step + start for i in range(num)]
    else:
        step = math.nan
        values = [i * span + start for i in range(num)]
    if endpoint and num > 1:
        values[-1] = float(stop)
    result = array(values, dtype=dtype or "float64")
    return (result, step) if retstep else result


def arange(start, stop=None, step=1, dtype=None):
    if stop is None:
        start, stop = 0, start
    if step == 0:
        raise ZeroDivisionError("division by zero")
    count = builtins.max(0, math.ceil((stop - start) / step))
    name = D.name_of(dtype) if dtype is not None else D.infer([start, stop, step])
    if name.startswith("float"):
        # numpy fills from the first two values: start and start + step, then repeats their gap.
        first, delta = float(start), float(start + step) - float(start)
        values = [first + i * delta for i in range(count)]
    else:
        values = [start + i * step for i in range(count)]
    return array(values, dtype=name)


def meshgrid(*xi, indexing="xy"):
    if indexing not in ("xy", "ij"):
        raise ValueError("Valid values for `indexing` are 'xy' and 'ij'.")
    axes = [asarray(x).ravel() for x in xi]
    lengths = [len(a) for a in axes]
    if indexing == "xy" and len(axes) >= 2:
        lengths[0], lengths[1] = lengths[1], lengths[0]
    grids = []
    for k, axis in enumerate(axes):
        dim = k
        if indexing == "xy" and len(axes) >= 2 and k < 2:
            dim = 1 - k
        outer = size_of(lengths[:dim])
        inner = size_of(lengths[dim + 1:])
        values = axis._values
        flat = [values[i] for _ in range(outer) for i in range(len(values)) for _ in range(inner)]
        grids.append(ndarray._from_flat(flat, lengths, axis.dtype.name))
    return grids
