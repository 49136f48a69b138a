"""numpy.ndarray: flat row-major values, a shape and a dtype. Basic indexing gives views that
write through to the array they came from (`Z[i][j] = v` fills Z, as in numpy); an array made
by Tensor.numpy() or passed to torch.from_numpy shares the tensor's memory, as in PyTorch."""

import math
import operator
from array import array as _buffer

import _gradlab_engine as _E
from _gradlab_nested import nest
from pyodide.ffi import to_js

from numpy import _dtypes as D
from numpy._layout import broadcast_shape, broadcast_values, resolve_index, size_of

_BUFFER_TYPECODES = {"float32": "f", "float64": "d"}


class _Storage:
    """The elements an array and its views share: a Python list or buffer, or, once a tensor
    shares them, that tensor's storage in the engine (read and written there, so each side sees
    the other's writes)."""

    __slots__ = ("values", "tensor", "dtype")

    def __init__(self, values, tensor=None, dtype=None):
        self.values = values
        self.tensor = tensor
        self.dtype = dtype

    def snapshot(self):
        """The flat values now (a copy of the tensor's storage when shared)."""
        if self.tensor is None:
            return self.values
        storage = _E.storageValues(self.tensor).to_py()
        if self.dtype in _BUFFER_TYPECODES:
            return _buffer(_BUFFER_TYPECODES[self.dtype], storage.tobytes())
        return [D.convert(value, self.dtype) for value in storage.tolist()]

    def __getitem__(self, position):
        if self.tensor is None:
            return self.values[position]
        return D.convert(_E.storageRead(self.tensor, position), self.dtype)

    def write(self, positions, values):
        if self.tensor is None:
            data = self.values
            for position, value in zip(positions, values):
                data[position] = value
        else:
            _E.storageWrite(self.tensor, to_js(list(positions)), to_js([float(v) for v in values]))

    def share_with(self, handle, dtype):
        """From now on the elements are the storage of the tensor `handle` (same order)."""
        self.values = None
        self.tensor = handle
        self.dtype = dtype


class ndarray:
    __slots__ = ("_data", "_positions", "shape", "dtype")

    @classmethod
    def _from_flat(cls, values, shape, name):
        array = object.__new__(cls)
        # A typed buffer is kept as is: large arrays stay cheap.
        array._data = _Storage(values if isinstance(values, _buffer) else list(values))
        array._positions = None
        array.shape = tuple(shape)
        array.dtype = D.BY_NAME[name]
        return array

    @classmethod
    def _of_tensor(cls, handle, positions, shape, name):
        """The array Tensor.numpy() gives: the tensor's own memory."""
        array = object.__new__(cls)
        array._data = _Storage(None, handle, name)
        array._positions = positions
        array.shape = tuple(shape)
        array.dtype = D.BY_NAME[name]
        return array

    def _view(self, positions, shape):
        view = object.__new__(ndarray)
        view._data = self._data
        view._positions = (
            positions if self._positions is None else [self._positions[p] for p in positions]
        )
        view.shape = tuple(shape)
        view.dtype = self.dtype
        return view

    @property
    def _values(self):
        data = self._data.snapshot()
        if self._positions is None:
            return data
        return [data[p] for p in self._positions]

    @property
    def ndim(self):
        return len(self.shape)

    @property
    def size(self):
        return size_of(self.shape)

    @property
    def T(self):
        return self.transpose()

    def transpose(self):
        if self.ndim < 2:
            return self
        shape = self.shape[::-1]
        strides = _strides(self.shape)[::-1]
        positions = [0]
        for d, stride in zip(shape, strides):
            positions = [p + i * stride for p in positions for i in range(d)]
        return self._view(positions, shape)

    def _float_values(self):
        """The values as a float32 or float64 buffer (what a plot takes)."""
        values = self._values
        if isinstance(values, _buffer) and values.typecode in "fd":
            return values
        return _buffer("d", (float(value) for value in values))

    def tolist(self):
        return nest(list(self._values), list(self.shape))

    def item(self):
        if self.size != 1:
            raise ValueError("can only convert an array of size 1 to a Python scalar")
        return self._values[0]

    def astype(self, target):
        name = D.name_of(target)
        return ndarray._from_flat([D.convert(v, name) for v in self._values], self.shape, name)

    def copy(self):
        return ndarray._from_flat(list(self._values), self.shape, self.dtype.name)

    def reshape(self, *shape):
        if len(shape) == 1 and isinstance(shape[0], (list, tuple)):
            shape = tuple(shape[0])
        shape = tuple(operator.index(d) for d in shape)
        if -1 in shape:
            known = size_of(d for d in shape if d != -1)
            shape = tuple(self.size // known if d == -1 and known else d for d in shape)
        if size_of(shape) != self.size:
            raise ValueError(
                f"cannot reshape array of size {self.size} into shape {_shape_text(shape)}"
            )
        return self._view(list(range(self.size)), shape)

    def flatten(self):
        return self.copy().reshape(-1)

    def ravel(self):
        return self.reshape(-1)

    def __len__(self):
        if not self.shape:
            raise TypeError("len() of unsized object")
        return self.shape[0]

    def _selection(self, index):
        """(positions into self, shape) of an index; a copy is marked by positions None."""
        if isinstance(index, ndarray) and index.dtype.name == "bool":
            if index.shape != self.shape:
                raise IndexError(
                    f"boolean index did not match indexed array along dimension 0; dimension is "
                    f"{self.shape[0] if self.shape else 0} but corresponding boolean dimension is "
                    f"{index.shape[0] if index.shape else 0}"
                )
            chosen = [p for p, keep in enumerate(index._values) if keep]
            return chosen, (len(chosen),)
        if isinstance(index, (list, ndarray)):
            rows = [operator.index(i) for i in (index.tolist() if isinstance(index, ndarray) else index)]
            if not self.shape:
                raise IndexError("too many indices for array: array is 0-dimensional, but 1 were indexed")
            step = size_of(self.shape[1:])
            chosen = []
            for row in rows:
                if not -self.shape[0] <= row < self.shape[0]:
                    raise IndexError(
                        f"index {row} is out of bounds for axis 0 with size {self.shape[0]}"
                    )
                start = (row % self.shape[0]) * step
                chosen.extend(range(start, start + step))
            return chosen, (len(rows),) + self.shape[1:]
        if isinstance(index, tuple) and any(isinstance(i, (list, ndarray)) for i in index):
            raise NotImplementedError(
                "numpy indexing that mixes an index array with other indices is not supported in "
                "Gradlab yet"
            )
        return resolve_index(index, self.shape)

    def _element_position(self, index):
        """The flat position of `a[i, j]` with one integer per axis (the common, fast case)."""
        if type(index) is int:
            index = (index,)
        elif type(index) is not tuple or len(index) != len(self.shape):
            return None
        position = 0
        for axis, (i, length) in enumerate(zip(index, self.shape)):
            if type(i) is not int:
                return None
            if not -length <= i < length:
                raise IndexError(f"index {i} is out of bounds for axis {axis} with size {length}")
            position = position * length + (i % length)
        return position if len(index) == len(self.shape) else None

    def __getitem__(self, index):
        position = self._element_position(index)
        if position is not None:
            return D.scalar(self._at(position), self.dtype.name)
        positions, shape = self._selection(index)
        if not shape:
            return D.scalar(self._at(positions[0]), self.dtype.name)
        if isinstance(index, (list, ndarray)):
            return ndarray._from_flat([self._at(p) for p in positions], shape, self.dtype.name)
        return self._view(positions, shape)

    def _at(self, position):
        return self._data[position if self._positions is None else self._positions[position]]

    def __setitem__(self, index, value):
        position = self._element_position(index)
        if position is not None and isinstance(value, (int, float)):
            target = position if self._positions is None else self._positions[position]
            self._data.write((target,), (D.convert(value, self.dtype.name),))
            return
        positions, shape = self._selection(index)
        name = self.dtype.name
        if isinstance(value, ndarray) or hasattr(value, "tolist") or isinstance(value, (list, tuple)):
            source = value if isinstance(value, ndarray) else _array_of(value)
            if broadcast_shape(source.shape, shape) != shape:
                raise ValueError(
                    f"could not broadcast input array from shape {_shape_text(source.shape)} "
                    f"into shape {_shape_text(shape)}"
                )
            values = broadcast_values(source._values, source.shape, shape)
        else:
            values = [value] * len(positions)
        targets = positions if self._positions is None else [self._positions[p] for p in positions]
        self._data.write(targets, [D.convert(item, name) for item in values])

    def __iter__(self):
        return (self[i] for i in range(len(self)))

    def __repr__(self):
        return _E.formatNumpyArray(to_js(list(self._values)), to_js(list(self.shape)), self.dtype.name)

    def __str__(self):
        """print(array): numpy's str (the scalar itself for a 0-D array)."""
        if self.ndim == 0:
            return str(D.scalar(self._values[0], self.dtype.name))
        return _E.formatNumpyStr(to_js(list(self._values)), to_js(list(self.shape)), self.dtype.name)

    def __bool__(self):
        if self.size != 1:
            raise ValueError(
                "The truth value of an array with more than one element is ambiguous. Use a.any() "
                "or a.all()"
            )
        return bool(self._values[0])

    def __float__(self):
        return float(self.item())

    def _elementwise(self, other, function, reflected=False, result_name=None):
        if isinstance(other, (list, tuple)):
            other = _array_of(other)
        if isinstance(other, ndarray):
            shape = broadcast_shape(self.shape, other.shape)
            if shape is None:
                raise ValueError(
                    f"operands could not be broadcast together with shapes "
                    f"{_shape_text(self.shape)} {_shape_text(other.shape)} "
                )
            name = D.promote(self.dtype.name, other.dtype.name)
            left = broadcast_values(self._values, self.shape, shape)
            right = broadcast_values(other._values, other.shape, shape)
        elif isinstance(other, (int, float)):
            name = D.promote_scalar(self.dtype.name, other)
            shape = self.shape
            # numpy casts a Python scalar to the array's float32 before the operation.
            scalar = D.convert(other, name) if name == "float32" else other
            left, right = self._values, [scalar] * self.size
        else:
            return NotImplemented
        if reflected:
            left, right = right, left
        name = result_name(name) if callable(result_name) else (result_name or name)
        values = [D.convert(function(a, b), name) for a, b in zip(left, right)]
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
        return self._elementwise(other, _divide, result_name=_floating)

    def __rtruediv__(self, other):
        return self._elementwise(other, _divide, True, result_name=_floating)

    def __pow__(self, other):
        return self._elementwise(other, _power)

    def __rpow__(self, other):
        return self._elementwise(other, _power, True)

    def __matmul__(self, other):
        from numpy._math import matmul

        return matmul(self, other)

    def __neg__(self):
        return ndarray._from_flat([-v for v in self._values], self.shape, self.dtype.name)

    def __pos__(self):
        return self.copy()

    def __abs__(self):
        return ndarray._from_flat([abs(v) for v in self._values], self.shape, self.dtype.name)

    def __lt__(self, other):
        return self._elementwise(other, operator.lt, result_name="bool")

    def __le__(self, other):
        return self._elementwise(other, operator.le, result_name="bool")

    def __gt__(self, other):
        return self._elementwise(other, operator.gt, result_name="bool")

    def __ge__(self, other):
        return self._elementwise(other, operator.ge, result_name="bool")

    def __eq__(self, other):
        return self._elementwise(other, operator.eq, result_name="bool")

    def __ne__(self, other):
        return self._elementwise(other, operator.ne, result_name="bool")

    __hash__ = None

    def _in_place(self, other, function):
        self[...] = function(self, other)
        return self

    def __iadd__(self, other):
        return self._in_place(other, operator.add)

    def __isub__(self, other):
        return self._in_place(other, operator.sub)

    def __imul__(self, other):
        return self._in_place(other, operator.mul)

    def __itruediv__(self, other):
        return self._in_place(other, operator.truediv)

    def sum(self, axis=None):
        from numpy._math import sum as total

        return total(self, axis)

    def mean(self, axis=None):
        from numpy._math import mean

        return mean(self, axis)

    def max(self, axis=None):
        from numpy._math import amax

        return amax(self, axis)

    def min(self, axis=None):
        from numpy._math import amin

        return amin(self, axis)

    def argmin(self):
        values = self._values
        return min(range(len(values)), key=values.__getitem__)

    def argmax(self):
        values = self._values
        return max(range(len(values)), key=values.__getitem__)

    def dot(self, other):
        from numpy._math import dot

        return dot(self, other)


def _strides(shape):
    from numpy._layout import strides_of

    return strides_of(shape)


def _shape_text(shape):
    return "(" + ",".join(str(d) for d in shape) + ("," if len(shape) == 1 else "") + ")"


def _array_of(value):
    from numpy._creation import array

    return array(value)


def _floating(name):
    return name if name.startswith("float") else "float64"


def _divide(a, b):
    try:
        return a / b
    except ZeroDivisionError:
        return math.nan if a == 0 or a != a else math.copysign(math.inf, a) * math.copysign(1, b)


def _power(a, b):
    if isinstance(a, int) and isinstance(b, int) and b < 0:
        raise ValueError("Integers to negative integer powers are not allowed.")
    try:
        return a**b
    except (OverflowError, ZeroDivisionError):
        return math.inf
