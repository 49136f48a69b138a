"""Functions that make tensors: tensor, zeros, ones, full, linspace, arange and *_like."""

import warnings

from pyodide.ffi import to_js

from . import _dtypes, _engine
from ._out import creates_into_out
from ._tensor import Tensor, wrap


def _dtype_name(dtype):
    if not isinstance(dtype, _dtypes.dtype):
        raise TypeError(f"dtype must be torch.dtype (got {type(dtype).__name__})")
    return dtype._name


def _flatten(data, shape, depth, out):
    if isinstance(data, Tensor):
        data = data.tolist()
    elif hasattr(data, "tolist") and hasattr(data, "dtype"):
        data = data.tolist()
    if isinstance(data, (list, tuple)):
        if len(shape) == depth:
            shape.append(len(data))
        elif shape[depth] != len(data):
            raise ValueError(
                f"expected sequence of length {shape[depth]} at dim {depth} (got {len(data)})"
            )
        for item in data:
            _flatten(item, shape, depth + 1, out)
    elif isinstance(data, str):
        raise ValueError("too many dimensions 'str'")
    else:
        if depth < len(shape):
            raise RuntimeError(f"Could not infer dtype of {type(data).__name__}")
        out.append(data)


COPY_CONSTRUCT_WARNING = (
    "To copy construct from a tensor, it is recommended to use sourceTensor.detach().clone() or "
    "sourceTensor.detach().clone().requires_grad_(True), rather than torch.tensor(sourceTensor)."
)


def _array_dtype(data):
    """The torch dtype matching a numpy array's (torch.tensor keeps it), else None."""
    name = getattr(getattr(data, "dtype", None), "name", None)
    return _dtypes.BY_NAME.get(name) if isinstance(name, str) else None


def tensor(data, dtype=None, device=None, requires_grad=False, pin_memory=False):
    if isinstance(data, str):
        raise TypeError("new(): invalid data type 'str'")
    if isinstance(data, Tensor):
        warnings.warn(COPY_CONSTRUCT_WARNING, UserWarning, stacklevel=2)
        dtype = data.dtype if dtype is None else dtype
        data = data.tolist()
    elif dtype is None:
        dtype = _array_dtype(data)
    shape = []
    flat = []
    _flatten(data, shape, 0, flat)
    for value in flat:
        if not isinstance(value, (int, float)):
            raise RuntimeError(f"Could not infer dtype of {type(value).__name__}")
    name = _dtype_name(dtype or _dtypes.infer(flat))
    values = [float(value) for value in flat]
    return wrap(_engine.tensor(to_js(values), to_js(shape), name, bool(requires_grad)))


def from_numpy(array):
    """A tensor on the array's memory, as in PyTorch: writes on either side show on the other."""
    import numpy

    if not isinstance(array, numpy.ndarray):
        raise TypeError(f"expected np.ndarray (got {type(array).__name__})")
    storage = array._data
    if array._positions is not None:
        raise NotImplementedError(
            "torch.from_numpy of a numpy view (a slice, a transpose, a reshape) is not supported "
            "in Gradlab yet: pass the array it was taken from, or a .copy() of it"
        )
    if storage.tensor is not None:
        # An array Tensor.numpy() gave: the same storage again, on a version counter of its own.
        return wrap(_engine.op("data", storage.tensor, None, 0))
    made = tensor(array)
    storage.share_with(made._h, made._h.dtype)
    return made


def as_tensor(data, dtype=None, device=None):
    if isinstance(data, Tensor) and (dtype is None or dtype is data.dtype):
        return data
    name = getattr(getattr(data, "dtype", None), "name", None)
    if hasattr(data, "_positions") and (dtype is None or dtype._name == name):
        return from_numpy(data)  # an ndarray of the same dtype: PyTorch shares its memory
    return tensor(data, dtype=dtype)


def _shape(size):
    if len(size) == 1 and isinstance(size[0], (list, tuple)):
        size = tuple(size[0])
    return [int(d) for d in size]


def _filled(shape, value, dtype, requires_grad):
    return wrap(_engine.full(to_js(shape), float(value), _dtype_name(dtype), bool(requires_grad)))


@creates_into_out
def full(size, fill_value, dtype=None, device=None, requires_grad=False):
    shape = _shape((size,) if isinstance(size, int) else tuple(size))
    return _filled(shape, fill_value, dtype or _dtypes.infer(fill_value), requires_grad)


def sizes(positional, keywords, name):
    """The shape of torch.zeros(2, 3), zeros((2, 3)) or zeros(size=(2, 3)), as PyTorch takes it
    (`keywords`: the call's keywords other than those the function names)."""
    keyword = keywords.pop("size", None)
    if keywords:
        raise TypeError(f"{name}() got an unexpected keyword argument '{next(iter(keywords))}'")
    if keyword is None:
        return _shape(positional)
    if positional:
        raise TypeError(f"{name}() received an invalid combination of arguments - got both "
                        "positional sizes and size=")
    return _shape((keyword,) if isinstance(keyword, int) else (tuple(keyword),))


@creates_into_out
def zeros(*size, dtype=None, device=None, requires_grad=False, **kwargs):
    shape = sizes(size, kwargs, "zeros")
    return _filled(shape, 0, dtype or _dtypes.float32, requires_grad)


@creates_into_out
def ones(*size, dtype=None, device=None, requires_grad=False, **kwargs):
    shape = sizes(size, kwargs, "ones")
    return _filled(shape, 1, dtype or _dtypes.float32, requires_grad)


@creates_into_out
def empty(*size, dtype=None, device=None, requires_grad=False, **kwargs):
    shape = sizes(size, kwargs, "empty")
    return _filled(shape, 0, dtype or _dtypes.float32, requires_grad)


@creates_into_out
def eye(n, m=None, dtype=None, device=None, requires_grad=False):
    columns = n if m is None else m
    if n < 0:
        raise RuntimeError(f"n must be greater or equal to 0, got {n}")
    if columns < 0:
        raise RuntimeError(f"m must be greater or equal to 0, got {columns}")
    values = [1.0 if row == column else 0.0 for row in range(n) for column in range(columns)]
    name = _dtype_name(dtype or _dtypes.float32)
    return wrap(_engine.tensor(to_js(values), to_js([n, columns]), name, bool(requires_grad)))


@creates_into_out
def linspace(start, end, steps=None, dtype=None, device=None, requires_grad=False):
    if steps is None:
        raise TypeError('linspace() missing 1 required positional arguments: "steps"')
    name = _dtype_name(dtype or _dtypes.float32)
    return wrap(_engine.linspace(float(start), float(end), int(steps), name, bool(requires_grad)))


@creates_into_out
def arange(start, end=None, step=1, dtype=None, device=None, requires_grad=False):
    if end is None:
        start, end = 0, start
    name = _dtype_name(dtype or _dtypes.infer([start, end, step]))
    return wrap(_engine.arange(float(start), float(end), float(step), name, bool(requires_grad)))


def zeros_like(input, dtype=None, device=None, requires_grad=False):  # noqa: A002
    return _filled(list(input.shape), 0, dtype or input.dtype, requires_grad)


def ones_like(input, dtype=None, device=None, requires_grad=False):  # noqa: A002
    return _filled(list(input.shape), 1, dtype or input.dtype, requires_grad)


def full_like(input, fill_value, dtype=None, device=None, requires_grad=False):  # noqa: A002
    return _filled(list(input.shape), fill_value, dtype or input.dtype, requires_grad)


def empty_like(input, dtype=None, device=None, requires_grad=False):  # noqa: A002
    return zeros_like(input, dtype=dtype, requires_grad=requires_grad)
