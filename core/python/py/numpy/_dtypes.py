"""numpy's four dtypes that Gradlab holds, and how values and Python scalars promote between them."""

import builtins

import _gradlab_engine as _E


class dtype:
    def __init__(self, name):
        self.name = name
        self.kind = "f" if name.startswith("float") else ("b" if name == "bool" else "i")

    def __repr__(self):
        return f"dtype('{self.name}')"

    def __str__(self):
        return self.name

    def __eq__(self, other):
        return self.name == (other.name if isinstance(other, dtype) else _name_of(other))

    def __hash__(self):
        return hash(self.name)

    def __call__(self, value=0):
        """np.float32(0.1): the scalar of this dtype."""
        return scalar(convert(value, self.name), self.name)


float32 = dtype("float32")
float64 = dtype("float64")
int64 = dtype("int64")
bool_ = dtype("bool")
BY_NAME = {d.name: d for d in (float32, float64, int64, bool_)}
_ORDER = ("bool", "int64", "float32", "float64")


class _Scalar:
    """What numpy scalars add to Python's: item(), dtype, shape."""

    _dtype_name = ""

    @property
    def dtype(self):
        return BY_NAME[self._dtype_name]

    @property
    def shape(self):
        return ()

    @property
    def ndim(self):
        return 0

    def item(self):
        return self._python_type(self)


class Float64Scalar(_Scalar, float):
    _dtype_name = "float64"
    _python_type = float


class Int64Scalar(_Scalar, int):
    _dtype_name = "int64"
    _python_type = int

    def __repr__(self):
        return int.__repr__(self)


class Float32Scalar(_Scalar, float):
    """numpy.float32: a float that prints with the fewest digits that read back as float32."""

    _dtype_name = "float32"
    _python_type = float

    def __repr__(self):
        return _E.formatFloat32Scalar(float(self))

    __str__ = __repr__


def _name_of(kind):
    if isinstance(kind, dtype):
        return kind.name
    if kind is float:
        return "float64"
    if kind is int:
        return "int64"
    if kind is builtins.bool:
        return "bool"
    name = {"float": "float64", "int": "int64", "double": "float64"}.get(str(kind), str(kind))
    if name not in BY_NAME:
        raise NotImplementedError(f"numpy dtype {kind!r} is not supported in Gradlab yet")
    return name


def name_of(kind):
    """'float64' for float, np.float64, 'float64' or dtype('float64')."""
    return _name_of(getattr(kind, "_numpy_dtype", kind))


def convert(value, name):
    if name == "bool":
        return builtins.bool(value)
    if name == "int64":
        return int(value)
    if name == "float32":
        return _E.roundFloat32(float(value))
    return float(value)


def scalar(value, name):
    """What indexing or reducing an array of this dtype gives back."""
    kind = _SCALARS.get(name)
    return kind(value) if kind is not None else value


_SCALARS = {"float32": Float32Scalar, "float64": Float64Scalar, "int64": Int64Scalar}


def infer(values):
    if any(isinstance(v, float) for v in values):
        return "float32" if builtins.all(isinstance(v, Float32Scalar) for v in values) else "float64"
    if values and builtins.all(isinstance(v, builtins.bool) for v in values):
        return "bool"
    return "int64"


def promote(left, right):
    """The dtype of an operation between two arrays."""
    if {left, right} == {"int64", "float32"}:
        return "float64"
    return builtins.max(left, right, key=_ORDER.index)


def promote_scalar(name, value):
    """numpy 1.24's value-based casting: a Python scalar changes the array's dtype only by kind."""
    if isinstance(value, float):
        return name if name.startswith("float") else "float64"
    if isinstance(value, int) and not isinstance(value, builtins.bool):
        return "int64" if name == "bool" else name
    return name
