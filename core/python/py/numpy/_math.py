"""numpy's math on Gradlab arrays: elementwise functions, sums in numpy's order, dot and matmul.

Elementwise float64 functions are the C library's (numpy's own choice on CPUs without AVX-512;
with AVX-512 it uses Intel's SVML, whose last digits differ). numpy computes float32 exp, log,
sin, cos and every tanh with its own vectorised code, which is not reproduced here: those raise
NotImplementedError rather than print digits numpy would not."""

import builtins
import math

import _gradlab_engine as _E

from numpy import _dtypes as D
from numpy._array import ndarray
from numpy._creation import asarray

# numpy's iterator hands a reduction its input in buffers of this many elements.
_BUFFER = 8192


def _pairwise(values, start, count, add):
    """numpy's pairwise summation (8 running sums, blocks of 128): its order, so its rounding."""
    if count < 8:
        total = -0.0
        for i in range(start, start + count):
            total = add(total, values[i])
        return total
    if count <= 128:
        sums = [values[start + j] for j in range(8)]
        i = 8
        while i < count - count % 8:
            for j in range(8):
                sums[j] = add(sums[j], values[start + i + j])
            i += 8
        total = add(
            add(add(sums[0], sums[1]), add(sums[2], sums[3])),
            add(add(sums[4], sums[5]), add(sums[6], sums[7])),
        )
        while i < count:
            total = add(total, values[start + i])
            i += 1
        return total
    half = count // 2
    half -= half % 8
    return add(_pairwise(values, start, half, add), _pairwise(values, start + half, count - half, add))


def _adder(name):
    if name == "float32":
        return lambda a, b: _E.roundFloat32(a + b)
    return lambda a, b: a + b


def _sum_flat(values, name):
    if not name.startswith("float"):
        return builtins.sum(int(v) for v in values)
    add = _adder(name)
    total = 0.0
    for start in range(0, len(values), _BUFFER):
        total = add(total, _pairwise(values, start, builtins.min(_BUFFER, len(values) - start), add))
    return total


class AxisError(IndexError, ValueError):
    """numpy.AxisError."""


def _axis(axis, ndim):
    if not -ndim <= axis < ndim:
        raise AxisError(f"axis {axis} is out of bounds for array of dimension {ndim}")
    return axis % ndim


def _lanes(a, axis):
    """The values of `a` along `axis`, one list per position of the other axes (row-major)."""
    shape = a.shape
    outer = 1
    for d in shape[:axis]:
        outer *= d
    inner = 1
    for d in shape[axis + 1:]:
        inner *= d
    length = shape[axis]
    values = a._values
    lanes = []
    for o in range(outer):
        for i in range(inner):
            base = o * length * inner + i
            lanes.append([values[base + k * inner] for k in range(length)])
    return lanes, shape[:axis] + shape[axis + 1:]


def _reduce(a, axis, on_flat, on_lane, name):
    a = asarray(a)
    if axis is None:
        return D.scalar(on_flat(a._values), name)
    axis = _axis(axis, a.ndim)
    lanes, shape = _lanes(a, axis)
    last = axis == a.ndim - 1
    values = [on_flat(lane) if last else on_lane(lane) for lane in lanes]
    if not shape:
        return D.scalar(values[0], name)
    return ndarray._from_flat([D.convert(v, name) for v in values], shape, name)


def _sum_name(a):
    name = a.dtype.name
    return "int64" if name == "bool" else name


def sum(a, axis=None):  # noqa: A001 - numpy's name
    a = asarray(a)
    name = _sum_name(a)
    add = _adder(name)

    def in_order(lane):
        # Along an outer axis numpy adds whole rows, one after another.
        total = 0.0 if name.startswith("float") else 0
        for v in lane:
            total = add(total, v) if name.startswith("float") else total + int(v)
        return total

    return _reduce(a, axis, lambda values: _sum_flat(values, name), in_order, name)


def mean(a, axis=None):
    a = asarray(a)
    name = a.dtype.name if a.dtype.name.startswith("float") else "float64"
    source = a if name == a.dtype.name else a.astype("float64")
    count = source.size if axis is None else source.shape[_axis(axis, source.ndim)]
    totals = sum(source, axis)
    if isinstance(totals, ndarray):
        return ndarray._from_flat(
            [D.convert(_divide(v, count), name) for v in totals._values], totals.shape, name
        )
    return D.scalar(D.convert(_divide(totals, count), name), name)


def _divide(a, b):
    return a / b if b else math.nan


def amax(a, axis=None):
    a = asarray(a)
    _require_values(a, "maximum")
    return _reduce(a, axis, builtins.max, builtins.max, a.dtype.name)


def amin(a, axis=None):
    a = asarray(a)
    _require_values(a, "minimum")
    return _reduce(a, axis, builtins.min, builtins.min, a.dtype.name)


def _require_values(a, what):
    if a.size == 0:
        raise ValueError(
            f"zero-size array to reduction operation {what} which has no identity"
        )


def _products_sum(left, right, name):
    """Σ left·right in index order, as the reference BLAS adds (OpenBLAS's order depends on the
    CPU it runs on, so numpy's last digit for long float vectors varies between machines)."""
    if not name.startswith("float"):
        return builtins.sum(int(a) * int(b) for a, b in zip(left, right))
    total = 0.0
    for a, b in zip(left, right):
        total = D.convert(total + D.convert(a * b, name), name)
    return total


def dot(a, b):
    a, b = asarray(a), asarray(b)
    if a.ndim == 0 or b.ndim == 0:
        return a * b
    if a.ndim == 1 and b.ndim == 1:
        if a.shape != b.shape:
            raise ValueError(
                f"shapes {_text(a.shape)} and {_text(b.shape)} not aligned: "
                f"{a.shape[0]} (dim 0) != {b.shape[0]} (dim 0)"
            )
        name = D.promote(a.dtype.name, b.dtype.name)
        return D.scalar(_products_sum(a._values, b._values, name), name)
    if a.ndim <= 2 and b.ndim <= 2:
        return matmul(a, b)
    raise NotImplementedError("numpy.dot of arrays with more than 2 dimensions is not supported in Gradlab yet")


def matmul(a, b):
    a, b = asarray(a), asarray(b)
    if a.ndim == 0 or b.ndim == 0:
        raise ValueError("matmul: Input operand 0 does not have enough dimensions (has 0, gufunc core with signature (n?,k),(k,m?)->(n?,m?) requires 1)")
    if a.ndim > 2 or b.ndim > 2:
        raise NotImplementedError("numpy.matmul of arrays with more than 2 dimensions is not supported in Gradlab yet")
    left = a.reshape(1, -1) if a.ndim == 1 else a
    right = b.reshape(-1, 1) if b.ndim == 1 else b
    rows, inner = left.shape
    if right.shape[0] != inner:
        raise ValueError(
            f"shapes {_text(a.shape)} and {_text(b.shape)} not aligned: "
            f"{inner} (dim {a.ndim - 1}) != {right.shape[0]} (dim 0)"
        )
    columns = right.shape[1]
    name = D.promote(a.dtype.name, b.dtype.name)
    lv, rv = left._values, right._values
    values = [
        _products_sum(lv[r * inner:(r + 1) * inner], rv[c::columns], name)
        for r in range(rows)
        for c in range(columns)
    ]
    shape = (() if a.ndim == 1 else (rows,)) + (() if b.ndim == 1 else (columns,))
    if not shape:
        return D.scalar(values[0], name)
    return ndarray._from_flat(values, shape, name)


def _text(shape):
    return "(" + ",".join(str(d) for d in shape) + ("," if len(shape) == 1 else "") + ")"


def _unary(name, function, float32_exact=True, float64_exact=True, keeps_integers=False):
    def apply(x):
        if not isinstance(x, ndarray):
            if isinstance(x, (list, tuple)) or hasattr(x, "tolist"):
                x = asarray(x)
            elif isinstance(x, D.Float32Scalar):
                x = asarray([x], "float32")[0:1]
                return apply(x)[0]
            else:
                return _checked(function, float(x))
        result = x.dtype.name if x.dtype.kind == "f" or keeps_integers else "float64"
        if not (float32_exact if result == "float32" else float64_exact):
            raise NotImplementedError(
                f"numpy.{name} of a {result} array is not supported in Gradlab yet (numpy computes "
                f"it with its own vectorised code); torch.{name} of a tensor is"
            )
        return ndarray._from_flat(
            [D.convert(_checked(function, float(v)), result) for v in x._values], x.shape, result
        )

    apply.__name__ = name
    return apply


def _checked(function, value):
    try:
        return function(value)
    except (ValueError, OverflowError):
        return math.nan if not (value == math.inf and function is math.exp) else math.inf


def _log(value):
    if value == 0:
        return -math.inf
    return math.log(value)


def _exp(value):
    try:
        return math.exp(value)
    except OverflowError:
        return math.inf


sqrt = _unary("sqrt", math.sqrt)
abs = _unary("abs", builtins.abs, keeps_integers=True)  # noqa: A001 - numpy's name
absolute = abs
square = _unary("square", lambda v: v * v, keeps_integers=True)
exp = _unary("exp", _exp, float32_exact=False)
log = _unary("log", _log, float32_exact=False)
sin = _unary("sin", math.sin, float32_exact=False)
cos = _unary("cos", math.cos, float32_exact=False)
tanh = _unary("tanh", math.tanh, float32_exact=False, float64_exact=False)


def maximum(a, b):
    return asarray(a)._elementwise(b, lambda x, y: x if x >= y or x != x else y)


def minimum(a, b):
    return asarray(a)._elementwise(b, lambda x, y: x if x <= y or x != x else y)


def argmin(a):
    return asarray(a).argmin()


def argmax(a):
    return asarray(a).argmax()
