"""The small part of NumPy that Gradlab lessons need: what `Tensor.numpy()` returns, printed as
NumPy prints it, with elementwise arithmetic, indexing and iteration."""

import builtins
import math
import operator
from array import array as _buffer

import _gradlab_engine as _E
from _gradlab_nested import nest
from pyodide.ffi import to_js

__version__ = "0.0-gradlab"


class dtype:
    def __init__(self, name):
        self.name = name
        self.kind = "f" if name.startswith("float") else ("b" if name == "bool" else "i")

    def __repr__(self):
        return f"dtype('{self.name}')"

    def __str__(self):
        return self.name

    def __eq__(self, other):
        return self.name == (other.name if isinstance(other, dtype) else str(other))

    def __hash__(self):
        return hash(self.name)


float32 = dtype("float32")
float64 = dtype("float64")
int64 = dtype("int64")
bool_ = dtype("bool")
_DTYPES = {d.name: d for d in (float32, float64, int64, bool_)}
_ORDER = ("bool", "int64", "float32", "float64")
pi = math.pi
e = math.e


def _dtype_of(values):
    if any(isinstance(v, float) for v in values):
        return "float64"
    if any(isinstance(v, builtins.bool) for v in values) and builtins.all(
        isinstance(v, builtins.bool) for v in values
    ):
        return "bool"
    return "int64"


def _flatten(data, shape, depth, out):
    if isinstance(data, ndarray) or (hasattr(data, "tolist") and not isinstance(data, (int, float))):
        data = data.tolist()
    if isinstance(data, (list, tuple)):
        if len(shape) == depth:
            shape.append(len(data))
        elif shape[depth] != len(data):
            raise ValueError("setting an array element with a sequence. The requested array has "
                             "an inhomogeneous shape")
        for item in data:
            _flatten(item, shape, depth + 1, out)
    else:
        out.append(data)


def _convert(value, name):
    if name == "bool":
        return builtins.bool(value)
    if name == "int64":
        return int(value)
    if name == "float32":
        return _E.roundFloat32(float(value))
    return float(value)


class ndarray:
    __slots__ = ("_values", "shape", "dtype")

    @classmethod
    def _from_flat(cls, values, shape, name):
        array = object.__new__(cls)
        # A typed buffer (what Tensor.numpy() gives) is kept as is: large arrays stay cheap.
        array._values = values if isinstance(values, _buffer) else list(values)
        array.shape = tuple(shape)
        array.dtype = _DTYPES[name]
        return array

    @property
    def ndim(self):
        return len(self.shape)

    @property
    def size(self):
        return len(self._values)

    @property
    def T(self):
        if self.ndim < 2:
            return self
        rows, cols = self.shape
        values = [self._values[r * cols + c] for c in range(cols) for r in range(rows)]
        return ndarray._from_flat(values, (cols, rows), self.dtype.name)

    def _float_values(self):
        """The values as a float32 or float64 buffer (what a plot takes)."""
        values = self._values
        if isinstance(values, _buffer) and values.typecode in "fd":
            return values
        return _buffer("d", (float(value) for value in values))

    def tolist(self):
        return nest(self._values, list(self.shape))

    def item(self):
        if len(self._values) != 1:
            raise ValueError("can only convert an array of size 1 to a Python scalar")
        return self._values[0]

    def astype(self, target):
        name = _DTYPES[str(target) if not isinstance(target, type) else _python_type_name(target)].name
        return ndarray._from_flat([_convert(v, name) for v in self._values], self.shape, name)

    def copy(self):
        return ndarray._from_flat(self._values, self.shape, self.dtype.name)

    def reshape(self, *shape):
        if len(shape) == 1 and isinstance(shape[0], (list, tuple)):
            shape = tuple(shape[0])
        if -1 in shape:
            known = 1
            for d in shape:
                known *= d if d != -1 else 1
            shape = tuple(len(self._values) // known if d == -1 else d for d in shape)
        return ndarray._from_flat(self._values, shape, self.dtype.name)

    def flatten(self):
        return self.reshape(-1)

    def __len__(self):
        if not self.shape:
            raise TypeError("len() of unsized object")
        return self.shape[0]

    def _row_size(self):
        size = 1
        for d in self.shape[1:]:
            size *= d
        return size

    def __getitem__(self, index):
        if isinstance(index, tuple) and len(index) == 1:
            index = index[0]
        if isinstance(index, int):
            if not self.shape:
                raise IndexError("too many indices for array: array is 0-dimensional, but 1 were indexed")
            length = self.shape[0]
            if not -length <= index < length:
                raise IndexError(f"index {index} is out of bounds for axis 0 with size {length}")
            index %= length
            step = self._row_size()
            if len(self.shape) == 1:
                return self._values[index]
            return ndarray._from_flat(self._values[index * step:(index + 1) * step],
                                      self.shape[1:], self.dtype.name)
        if isinstance(index, slice) and len(self.shape) == 1:
            return ndarray._from_flat(self._values[index], (len(range(*index.indices(self.shape[0]))),),
                                      self.dtype.name)
        if isinstance(index, ndarray) and index.dtype.name == "bool":
            picked = [v for v, keep in zip(self._values, index._values) if keep]
            return ndarray._from_flat(picked, (len(picked),), self.dtype.name)
        raise IndexError("Gradlab's numpy supports integer, slice and boolean-mask indexing only")

    def __iter__(self):
        return (self[i] for i in range(len(self)))

    def __repr__(self):
        return _E.formatNumpyArray(to_js(self._values), to_js(list(self.shape)), self.dtype.name)

    def __str__(self):
        """print(array): numpy's str (the scalar itself for a 0-D array)."""
        if self.ndim == 0:
            return repr(self)[len("array("):].split(",")[0].rstrip(")")
        return _E.formatNumpyStr(to_js(self._values), to_js(list(self.shape)), self.dtype.name)

    def _elementwise(self, other, function, reflected=False, result_name=None):
        if isinstance(other, ndarray):
            if other.shape != self.shape and other.size != 1 and self.size != 1:
                raise ValueError(f"operands could not be broadcast together with shapes "
                                 f"{self.shape} {other.shape}")
            name = result_name or max(self.dtype.name, other.dtype.name, key=_ORDER.index)
            left, right = self._values, other._values
            shape = self.shape if self.size >= other.size else other.shape
            if len(left) == 1:
                left = left * len(right)
            if len(right) == 1:
                right = right * len(left)
        elif hasattr(other, "tolist") and hasattr(other, "dtype"):
            return NotImplemented
        elif isinstance(other, (int, float)):
            name = result_name or self.dtype.name
            if isinstance(other, float) and name in ("int64", "bool"):
                name = "float64"
            left, right, shape = self._values, [other] * len(self._values), self.shape
        else:
            return NotImplemented
        if reflected:
            left, right = right, left
        values = [_convert(function(a, b), name) for a, b in zip(left, right)]
        return ndarray._from_flat(values, shape, name)

    def __add__(self, other):
        return self._elementwise(other, operator.add)

    def __radd__(self, other):
        return self._elementwise(other, operator.add, True)

    def __sub__(self, other):
        return self._elementwise(other, operator.sub)

    def __rsub__(self, other):
        return self._elementwise(other, operator.sub, True)

    def __mul__(self, other):
        return self._elementwise(other, operator.mul)

    def __rmul__(self, other):
        return self._elementwise(other, operator.mul, True)

    def __truediv__(self, other):
        name = None if self.dtype.kind == "f" else "float64"
        return self._elementwise(other, _divide, result_name=name)

    def __rtruediv__(self, other):
        name = None if self.dtype.kind == "f" else "float64"
        return self._elementwise(other, _divide, True, result_name=name)

    def __pow__(self, other):
        return self._elementwise(other, _power)

    def __neg__(self):
        return ndarray._from_flat([-v for v in self._values], self.shape, self.dtype.name)

    def __lt__(self, other):
        return self._elementwise(other, operator.lt, result_name="bool")

    def __le__(self, other):
        return self._elementwise(other, operator.le, result_name="bool")

    def __gt__(self, other):
        return self._elementwise(other, operator.gt, result_name="bool")

    def __ge__(self, other):
        return self._elementwise(other, operator.ge, result_name="bool")

    def sum(self):
        return builtins.sum(self._values)

    def mean(self):
        return builtins.sum(self._values) / len(self._values)

    def max(self):
        return builtins.max(self._values)

    def min(self):
        return builtins.min(self._values)


def _divide(a, b):
    try:
        return a / b
    except ZeroDivisionError:
        return math.nan if a == 0 or a != a else math.copysign(math.inf, a) * math.copysign(1, b)


def _power(a, b):
    try:
        return a**b
    except (OverflowError, ZeroDivisionError):
        return math.inf


def _python_type_name(kind):
    return {float: "float64", int: "int64", builtins.bool: "bool"}[kind]


def array(data, dtype=None):
    shape = []
    flat = []
    _flatten(data, shape, 0, flat)
    if isinstance(data, ndarray) and dtype is None:
        name = data.dtype.name
    else:
        name = _dtype_of(flat) if dtype is None else str(dtype if not isinstance(dtype, type)
                                                        else _python_type_name(dtype))
    return ndarray._from_flat([_convert(v, name) for v in flat], shape, name)


def asarray(data, dtype=None):
    if isinstance(data, ndarray) and dtype is None:
        return data
    return array(data, dtype)


def linspace(start, stop, num=50, endpoint=True):
    if num == 1:
        return array([float(start)])
    step = (stop - start) / (num - 1 if endpoint else num)
    return array([start + i * step for i in range(num - 1)] + [stop if endpoint else start + (num - 1) * step])


def arange(start, stop=None, step=1):
    if stop is None:
        start, stop = 0, start
    count = builtins.max(0, math.ceil((stop - start) / step))
    return array([start + i * step for i in range(count)])


def zeros(shape):
    shape = (shape,) if isinstance(shape, int) else tuple(shape)
    count = 1
    for d in shape:
        count *= d
    return ndarray._from_flat([0.0] * count, shape, "float64")


def ones(shape):
    shape = (shape,) if isinstance(shape, int) else tuple(shape)
    return zeros(shape) + 1.0


def _unary(function):
    def apply(x):
        if isinstance(x, ndarray):
            name = x.dtype.name if x.dtype.kind == "f" else "float64"
            return ndarray._from_flat([_convert(function(v), name) for v in x._values], x.shape, name)
        return function(x)

    return apply


def _safe(function):
    def call(v):
        try:
            return function(v)
        except (ValueError, OverflowError):
            return math.nan

    return call


sin = _unary(math.sin)
cos = _unary(math.cos)
tan = _unary(math.tan)
exp = _unary(_safe(math.exp))
log = _unary(_safe(math.log))
sqrt = _unary(_safe(math.sqrt))
tanh = _unary(math.tanh)
abs = _unary(builtins.abs)  # noqa: A001


def maximum(a, b):
    return asarray(a)._elementwise(b, builtins.max)


def __getattr__(name):
    if name.startswith("_"):
        raise AttributeError(name)
    raise NotImplementedError(f"numpy.{name} is not supported in Gradlab yet")
