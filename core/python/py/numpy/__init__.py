"""The part of NumPy that teaching notebooks use around gradient descent, printed as NumPy 1.24
prints: what `Tensor.numpy()` returns, array creation (array, linspace, arange, zeros, ones,
meshgrid), broadcasting arithmetic, indexing and writing into arrays, sums and means in numpy's
order, dot/matmul, elementwise math and the seeded legacy numpy.random."""

import math

from numpy import random
from numpy._array import ndarray
from numpy._creation import (
    arange,
    array,
    asarray,
    full,
    linspace,
    meshgrid,
    ones,
    ones_like,
    zeros,
    zeros_like,
)
from numpy import _dtypes
from numpy._dtypes import bool_, dtype, float32, float64, int64
from numpy._math import (
    AxisError,
    abs,
    absolute,
    amax,
    amin,
    argmax,
    argmin,
    cos,
    dot,
    exp,
    log,
    matmul,
    maximum,
    mean,
    minimum,
    sin,
    sqrt,
    square,
    sum,
    tanh,
)

__version__ = "1.24.2"
__all__ = [
    "AxisError", "abs", "absolute", "amax", "amin", "arange", "argmax", "argmin", "array",
    "asarray", "bool_", "cos", "dot", "dtype", "e", "exp", "float32", "float64", "full", "int64",
    "linspace", "log", "matmul", "max", "maximum", "mean", "meshgrid", "min", "minimum",
    "ndarray", "newaxis", "ones", "ones_like", "pi", "random", "reshape", "sin", "sqrt", "square",
    "sum", "tanh", "zeros", "zeros_like",
]

pi = math.pi
e = math.e
inf = math.inf
nan = math.nan
newaxis = None
# Classes print where numpy defines them: `<class 'numpy.ndarray'>`, `<class 'numpy.float64'>`.
for _class, _name in (
    (ndarray, "ndarray"),
    (dtype, "dtype"),
    (AxisError, "AxisError"),
    (_dtypes.Float64Scalar, "float64"),
    (_dtypes.Float32Scalar, "float32"),
    (_dtypes.Int64Scalar, "int64"),
):
    _class.__module__ = "numpy"
    _class.__name__ = _class.__qualname__ = _name
del _class, _name

max = amax  # noqa: A001 - numpy's name
min = amin  # noqa: A001 - numpy's name


def reshape(a, newshape):
    return asarray(a).reshape(newshape)


def transpose(a):
    return asarray(a).transpose()


def shape(a):
    return asarray(a).shape


# Removed before numpy 1.24, which courses' older notebooks still call.
_REMOVED = ("asscalar",)


def __getattr__(name):
    if name.startswith("_"):
        raise AttributeError(name)
    if name in _REMOVED:
        raise AttributeError(f"module 'numpy' has no attribute '{name}'")
    raise NotImplementedError(f"numpy.{name} is not supported in Gradlab yet")
