"""torch.Tensor: a Python face over a tensor of the TypeScript engine (held in `_h`)."""

import sys
import warnings

from pyodide.ffi import to_js

import _gradlab_session as session
from _gradlab_nested import nest

from . import _dtypes, _engine
from ._size import Size

NUMPY_REQUIRES_GRAD = (
    "Can't call numpy() on Tensor that requires grad. Use tensor.detach().numpy() instead."
)




def wrap(handle):
    if handle is None:
        return None
    tensor = object.__new__(Tensor)
    tensor._h = handle
    return tensor


def _operand(value):
    """A tensor's handle, or a Python number as the engine takes it (None: not an operand)."""
    if isinstance(value, Tensor):
        return value._h
    if isinstance(value, (int, float)):
        return value
    if hasattr(value, "tolist") and hasattr(value, "dtype"):
        from ._creation import tensor

        return tensor(value)._h
    return None


def _scalar_kind(value):
    """int, float or bool: the engine cannot tell 2.0 from 2 once it crossed the bridge."""
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, int):
        return "int"
    if isinstance(value, float):
        return "float"
    return None


def _binary(name, tensor, other, alpha=1):
    operand = _operand(other)
    if operand is None:
        return NotImplemented
    kind = _scalar_kind(other)
    return wrap(_engine.op(name, tensor._h, operand, session.cell_line(), kind, alpha))


def _unary(name, tensor):
    return wrap(_engine.op(name, tensor._h, None, session.cell_line()))


def _binary_method(name):
    def method(self, other):
        return _binary(name, self, other)

    method.__name__ = name
    return method


def _unary_method(name):
    def method(self):
        return _unary(name, self)

    method.__name__ = name
    return method


def _inplace_method(name):
    def method(self):
        _engine.inplace(name, self._h, None)
        return self

    method.__name__ = name
    return method


def _dim_index(dim, rank):
    """A dim in 0..rank-1 (negative counts from the end), with torch's error when out of range."""
    size = max(rank, 1)
    if not -size <= dim < size:
        raise IndexError(
            f"Dimension out of range (expected to be in range of [{-size}, {size - 1}], but got {dim})"
        )
    return dim % size


def _conversion(name, dtype):
    def method(self):
        return self.to(dtype)

    method.__name__ = name
    return method


def _binary_inplace_method(name):
    def method(self, other):
        return self._inplace(name, other)

    method.__name__ = name
    return method


def _dims(args):
    """Accepts both x.reshape(2, 3) and x.reshape((2, 3))."""
    return tuple(args[0]) if len(args) == 1 and isinstance(args[0], (list, tuple)) else args


def _index_parts(index):
    """An index expression in the engine's terms: a list of [kind, ...] entries."""
    if not isinstance(index, tuple):
        index = (index,)
    parts = []
    for item in index:
        if isinstance(item, Tensor):
            parts.append(["tensor", item._h])
        elif isinstance(item, int):
            parts.append(["int", item])
        elif isinstance(item, slice):
            parts.append(["slice", item.start, item.stop, item.step])
        elif item is None:
            parts.append(["none"])
        elif item is Ellipsis:
            parts.append(["ellipsis"])
        elif isinstance(item, (list, tuple)):
            from ._creation import tensor

            parts.append(["tensor", tensor(list(item))._h])
        else:
            raise IndexError(
                "only integers, slices (`:`), ellipsis (`...`), None and long or byte Variables "
                "are valid indices (got " + type(item).__name__ + ")"
            )
    return to_js(parts)


class Tensor:
    __slots__ = ("_h", "__weakref__")

    def __new__(cls, *args, **kwargs):
        """torch.Tensor(data) is float32 data; torch.Tensor(2, 3) a 2x3 tensor (of zeros here)."""
        from ._creation import tensor, zeros

        if all(isinstance(arg, int) for arg in args):
            return zeros(*args)
        return tensor(args[0], dtype=_dtypes.float32)

    # -- what the tensor is ------------------------------------------------------------------
    # Shape, dtype and the autograd flags are read from the engine's Tensor (its public
    # fields), one bridge crossing each.
    def _shape(self):
        return self._h.shape.to_py()

    @property
    def shape(self):
        return Size(self._shape())

    def size(self, dim=None):
        shape = self.shape
        return shape if dim is None else shape[dim]

    def dim(self):
        return self._h.ndim

    ndim = property(dim)
    ndimension = dim

    def numel(self):
        return self.shape.numel()

    nelement = numel

    @property
    def dtype(self):
        return _dtypes.BY_NAME[self._h.dtype]

    def is_floating_point(self):
        return self.dtype.is_floating_point

    @property
    def device(self):
        from . import device

        return device("cpu")

    @property
    def requires_grad(self):
        return self._h.requiresGrad

    @requires_grad.setter
    def requires_grad(self, value):
        _engine.set_requires_grad(self._h, bool(value))

    def requires_grad_(self, requires_grad=True):
        _engine.set_requires_grad(self._h, bool(requires_grad))
        return self

    @property
    def is_leaf(self):
        return self._h.isLeaf

    @property
    def retains_grad(self):
        return self._h.retainsGrad

    @property
    def grad(self):
        grad = _engine.grad(self._h)
        if grad is None and not self._h.isLeaf and not self._h.retainsGrad:
            warnings.warn(_engine.NON_LEAF_GRAD_WARNING, UserWarning, stacklevel=2)
        return wrap(grad)

    @grad.setter
    def grad(self, value):
        _engine.set_grad(self._h, None if value is None else value._h)

    @property
    def grad_fn(self):
        from .autograd.graph import node_for

        return node_for(_engine.grad_fn(self._h))

    @property
    def data(self):
        return wrap(_engine.op("data", self._h, None, 0))

    @data.setter
    def data(self, value):
        _engine.set_data(self._h, value._h)

    # -- autograd ----------------------------------------------------------------------------
    def backward(self, gradient=None, retain_graph=None, create_graph=False, inputs=None):
        # torch.autograd imports this module, so it is looked up when called (cheaply).
        autograd = sys.modules["torch.autograd"]
        autograd.backward(self, gradient, retain_graph, create_graph, inputs=inputs)

    def retain_grad(self):
        _engine.retain_grad(self._h)

    def detach(self):
        return wrap(_engine.op("detach", self._h, None, 0))

    def clone(self, memory_format=None):
        return _unary("clone", self)

    # -- conversion --------------------------------------------------------------------------
    def tolist(self):
        values = self._flat_values()
        return nest(values, self._shape())

    def _flat_values(self):
        dtype = self._h.dtype
        values = _engine.values(self._h).to_py()
        values = values.tolist() if hasattr(values, "tolist") else list(values)
        if dtype == "bool":
            return [bool(value) for value in values]
        if not _dtypes.BY_NAME[dtype].is_floating_point:
            return [int(value) for value in values]
        return values  # float storage already reads as Python floats

    def item(self):
        if self.numel() != 1:
            raise RuntimeError(
                f"a Tensor with {self.numel()} elements cannot be converted to Scalar"
            )
        return self._flat_values()[0]

    def numpy(self, force=False):
        # As in torch, the check reads grad mode: a custom Function's forward may call it.
        if self.requires_grad and not force and _engine.is_grad_enabled():
            raise RuntimeError(NUMPY_REQUIRES_GRAD)
        import numpy

        # The tensor's own memory, as in PyTorch: writes on either side show on the other.
        positions = _engine.storage_positions(self._h)
        positions = None if positions is None else positions.to_py().tolist()
        return numpy.ndarray._of_tensor(self._h, positions, tuple(self.shape), self._h.dtype)

    def to(self, *args, **kwargs):
        dtype = kwargs.get("dtype")
        for arg in args:
            if isinstance(arg, _dtypes.dtype):
                dtype = arg
        if dtype is None or dtype is self.dtype:
            return self
        return wrap(_engine.cast(self._h, dtype._name))

    def type(self, dtype=None, non_blocking=False):
        from . import _tensor_types

        if dtype is None:
            return _tensor_types.NAME_OF_DTYPE[self._h.dtype]
        return self.to(_tensor_types.dtype_of(dtype))

    # x.float(), x.half(), x.int() ...: x in that dtype (x itself when it already is).
    float = _conversion("float", _dtypes.float32)
    double = _conversion("double", _dtypes.float64)
    half = _conversion("half", _dtypes.float16)
    bfloat16 = _conversion("bfloat16", _dtypes.bfloat16)
    long = _conversion("long", _dtypes.int64)
    int = _conversion("int", _dtypes.int32)
    short = _conversion("short", _dtypes.int16)
    char = _conversion("char", _dtypes.int8)
    byte = _conversion("byte", _dtypes.uint8)
    bool = _conversion("bool", _dtypes.bool)

    def cpu(self):
        return self

    def _python_scalar(self):
        if self.numel() != 1:
            raise ValueError("only one element tensors can be converted to Python scalars")
        return self._flat_values()[0]

    def __float__(self):
        return float(self._python_scalar())

    def __int__(self):
        return int(self._python_scalar())

    def __index__(self):
        if self.dtype.is_floating_point:
            raise TypeError("only integer tensors of a single element can be converted to an index")
        return int(self.item())

    def __bool__(self):
        if self.numel() != 1:
            raise RuntimeError(
                f"Boolean value of Tensor with more than one value is ambiguous"
            )
        return bool(self.item())

    def __len__(self):
        shape = self._shape()
        if not shape:
            raise TypeError("len() of a 0-d tensor")
        return shape[0]

    def __iter__(self):
        if self._h.ndim == 0:
            raise TypeError("iteration over a 0-d tensor")
        return (self[index] for index in range(len(self)))

    def __getitem__(self, index):
        return wrap(_engine.getitem(self._h, _index_parts(index), session.cell_line()))

    def __setitem__(self, index, value):
        operand = _operand(value)
        if operand is None:
            raise TypeError(f"can't assign a {type(value).__name__} to a torch tensor")
        _engine.setitem(self._h, _index_parts(index), operand)

    # -- printing ----------------------------------------------------------------------------
    def __repr__(self):
        return _engine.format_tensor(self._h)

    __str__ = __repr__

    def __format__(self, spec):
        if self.dim() == 0:
            return format(self.item(), spec)
        return format(repr(self), spec)

    __hash__ = object.__hash__

    # -- arithmetic --------------------------------------------------------------------------
    __add__ = __radd__ = _binary_method("add")
    __sub__ = _binary_method("sub")
    __rsub__ = _binary_method("rsub")
    __mul__ = __rmul__ = _binary_method("mul")
    __truediv__ = _binary_method("div")
    __rtruediv__ = _binary_method("rdiv")
    __pow__ = _binary_method("pow")
    __rpow__ = _binary_method("rpow")
    __matmul__ = _binary_method("matmul")

    def __rmatmul__(self, other):
        from ._creation import tensor

        return _binary("matmul", tensor(other), self)

    __floordiv__ = _binary_method("floor_divide")
    __rfloordiv__ = _binary_method("rfloor_divide")
    __mod__ = _binary_method("remainder")
    __rmod__ = _binary_method("rremainder")

    # Bitwise ops of integer and bool tensors (torch's kernels refuse floats).
    __and__ = __rand__ = bitwise_and = _binary_method("bitwise_and")
    __or__ = __ror__ = bitwise_or = _binary_method("bitwise_or")
    __xor__ = __rxor__ = bitwise_xor = _binary_method("bitwise_xor")
    __lshift__ = bitwise_left_shift = _binary_method("bitwise_left_shift")
    __rshift__ = bitwise_right_shift = _binary_method("bitwise_right_shift")
    __rlshift__ = _binary_method("rbitwise_left_shift")
    __rrshift__ = _binary_method("rbitwise_right_shift")

    def __invert__(self):
        if self.dtype.is_floating_point:
            raise TypeError("~ (operator.invert) is only implemented on integer and Boolean-type tensors")
        return _unary("bitwise_not", self)

    bitwise_not = _unary_method("bitwise_not")
    logical_and = _binary_method("logical_and")
    logical_or = _binary_method("logical_or")
    bitwise_not_ = _inplace_method("bitwise_not_")

    bitwise_and_ = _binary_inplace_method("bitwise_and_")
    bitwise_or_ = _binary_inplace_method("bitwise_or_")
    bitwise_xor_ = _binary_inplace_method("bitwise_xor_")
    bitwise_left_shift_ = _binary_inplace_method("bitwise_left_shift_")
    bitwise_right_shift_ = _binary_inplace_method("bitwise_right_shift_")

    __iand__ = bitwise_and_
    __ior__ = bitwise_or_
    __ixor__ = bitwise_xor_
    __ilshift__ = bitwise_left_shift_
    __irshift__ = bitwise_right_shift_

    def logical_not(self):
        return self.bool().__invert__()

    def isnan(self):
        return self != self

    def isinf(self):
        return self.abs() == float("inf")

    def isfinite(self):
        return (self == self) & (self.abs() != float("inf"))

    __neg__ = _unary_method("neg")

    def __pos__(self):
        return self

    __abs__ = _unary_method("abs")

    __lt__ = _binary_method("lt")
    __le__ = _binary_method("le")
    __gt__ = _binary_method("gt")
    __ge__ = _binary_method("ge")
    __eq__ = _binary_method("eq")
    __ne__ = _binary_method("ne")
    lt = less = __lt__
    le = less_equal = __le__
    gt = greater = __gt__
    ge = greater_equal = __ge__
    eq = __eq__
    ne = not_equal = __ne__

    def _truth(self, name, dim, keepdim, combine):
        if dim is not None or keepdim:
            raise NotImplementedError(f"torch.Tensor.{name} with dim is not supported in Gradlab yet")
        from ._creation import tensor

        return tensor(combine(value != 0 for value in self._flat_values()))

    def all(self, dim=None, keepdim=False):  # noqa: A003 - PyTorch's name
        return self._truth("all", dim, keepdim, all)

    def any(self, dim=None, keepdim=False):  # noqa: A003
        return self._truth("any", dim, keepdim, any)

    def contiguous(self, memory_format=None):
        return self if self.is_contiguous() else _unary("contiguous", self)

    # -- storage: views share their base's (views.ts) ---------------------------------------
    def is_contiguous(self, memory_format=None):
        return bool(_engine.layout(self._h)[2])

    def stride(self, dim=None):
        strides = tuple(int(s) for s in _engine.layout(self._h)[0])
        return strides if dim is None else strides[_dim_index(dim, len(strides))]

    def storage_offset(self):
        return int(_engine.layout(self._h)[1])

    def data_ptr(self):
        return int(_engine.layout(self._h)[3])

    @property
    def _base(self):
        return wrap(_engine.base(self._h))

    @property
    def _version(self):
        return int(self._h.version.value)

    def narrow(self, dim, start, length):
        dim = _dim_index(dim, self.dim())
        size = self._shape()[dim]
        begin = start + size if start < 0 else start
        if not 0 <= begin <= size:
            raise IndexError(
                f"start out of range (expected to be in range of [{-size}, {size}], but got {start})"
            )
        if begin + length > size:
            raise RuntimeError(f"start ({start}) + length ({length}) exceeds dimension size ({size}).")
        return self[(slice(None),) * dim + (slice(begin, begin + length),)]

    def select(self, dim, index):
        dim = _dim_index(dim, self.dim())
        shape = self._shape()
        if not -shape[dim] <= index < shape[dim]:
            raise IndexError(
                f"select(): index {index} out of range for tensor of size "
                f"[{', '.join(str(d) for d in shape)}] at dimension {dim}"
            )
        return self[(slice(None),) * dim + (index,)]

    def _split(self, name, args):
        handles = _engine.split_op(name, self._h, to_js([int(a) for a in args]), session.cell_line())
        return tuple(wrap(h) for h in handles)

    def unbind(self, dim=0):
        return self._split("unbind", (dim,))

    def split(self, split_size_or_sections, dim=0):
        if isinstance(split_size_or_sections, (list, tuple)):
            return self._split("split_with_sizes", (dim, *split_size_or_sections))
        return self._split("split", (dim, split_size_or_sections))

    def chunk(self, chunks, dim=0):
        return self._split("chunk", (dim, chunks))

    def diagonal(self, offset=0, dim1=0, dim2=1):
        return self._shape_op("diagonal", (offset, dim1, dim2))

    @property
    def mT(self):  # noqa: N802 - PyTorch's name
        return self.transpose(-2, -1)

    def unsqueeze_(self, dim):
        self._shape_op("unsqueeze_", (dim,))
        return self

    def squeeze_(self, dim=None):
        self._shape_op("squeeze_", () if dim is None else (dim,))
        return self

    def t_(self):
        self._shape_op("t_", ())
        return self

    def transpose_(self, dim0, dim1):
        self._shape_op("transpose_", (dim0, dim1))
        return self

    is_cuda = False

    def cuda(self, device=None, non_blocking=False):
        raise AssertionError("Torch not compiled with CUDA enabled")

    def element_size(self):
        return self.dtype.itemsize

    def _inplace(self, name, other, alpha=1):
        operand = _operand(other)
        if operand is None:
            return NotImplemented
        _engine.inplace(name, self._h, operand, _scalar_kind(other), alpha)
        return self

    def __iadd__(self, other):
        return self._inplace("add_", other)

    def __isub__(self, other):
        return self._inplace("sub_", other)

    def __imul__(self, other):
        return self._inplace("mul_", other)

    def __itruediv__(self, other):
        return self._inplace("div_", other)

    def add_(self, other, alpha=1):
        return self._inplace("add_", other, alpha)

    def sub_(self, other, alpha=1):
        return self._inplace("sub_", other, alpha)

    def mul_(self, other):
        return self._inplace("mul_", other)

    def div_(self, other):
        return self._inplace("div_", other)

    def copy_(self, src, non_blocking=False):
        return self._inplace("copy_", src)

    def zero_(self):
        _engine.inplace("zero_", self._h, None)
        return self

    def fill_(self, value):
        return self._inplace("fill_", value)

    # -- methods that mirror torch functions ---------------------------------------------------
    def add(self, other, alpha=1):
        return _binary("add", self, other, alpha)

    def sub(self, other, alpha=1):
        return _binary("sub", self, other, alpha)

    def mul(self, other):
        return self * other

    def div(self, other):
        return self / other

    multiply = mul
    divide = true_divide = div
    subtract = sub

    def pow(self, exponent):
        return self ** exponent

    def matmul(self, other):
        return self @ other

    mm = _binary_method("mm")
    mv = _binary_method("mv")
    outer = ger = _binary_method("outer")
    dot = _binary_method("dot")
    neg = _unary_method("neg")
    abs = _unary_method("abs")
    exp = _unary_method("exp")
    log = _unary_method("log")
    sqrt = _unary_method("sqrt")
    sin = _unary_method("sin")
    cos = _unary_method("cos")
    tan = _unary_method("tan")
    tanh = _unary_method("tanh")
    sigmoid = _unary_method("sigmoid")
    relu = _unary_method("relu")
    sinh = _unary_method("sinh")
    cosh = _unary_method("cosh")
    asin = _unary_method("asin")
    acos = _unary_method("acos")
    atan = _unary_method("atan")
    log2 = _unary_method("log2")
    log10 = _unary_method("log10")

    reciprocal = _unary_method("reciprocal")
    floor = _unary_method("floor")
    ceil = _unary_method("ceil")
    round = _unary_method("round")  # noqa: A003 - PyTorch's name
    trunc = _unary_method("trunc")
    # In place: the result written back into this tensor, under torch's in-place rules.
    exp_ = _inplace_method("exp_")
    log_ = _inplace_method("log_")
    sqrt_ = _inplace_method("sqrt_")
    sin_ = _inplace_method("sin_")
    cos_ = _inplace_method("cos_")
    tanh_ = _inplace_method("tanh_")
    sigmoid_ = _inplace_method("sigmoid_")
    relu_ = _inplace_method("relu_")
    abs_ = _inplace_method("abs_")
    neg_ = _inplace_method("neg_")
    reciprocal_ = _inplace_method("reciprocal_")
    floor_ = _inplace_method("floor_")
    ceil_ = _inplace_method("ceil_")
    round_ = _inplace_method("round_")
    trunc_ = _inplace_method("trunc_")
    sign_ = _inplace_method("sign_")
    tan_ = _inplace_method("tan_")
    sinh_ = _inplace_method("sinh_")
    cosh_ = _inplace_method("cosh_")
    asin_ = arcsin_ = _inplace_method("asin_")
    acos_ = arccos_ = _inplace_method("acos_")
    atan_ = arctan_ = _inplace_method("atan_")
    log2_ = _inplace_method("log2_")
    log10_ = _inplace_method("log10_")
    negative_ = neg_

    def square_(self):
        return self.pow_(2)

    def pow_(self, exponent):
        return self._inplace("pow_", exponent)

    def clamp_(self, min=None, max=None):  # noqa: A002 - PyTorch's parameter names
        if min is None and max is None:
            raise RuntimeError("torch.clamp: At least one of 'min' or 'max' must not be None")
        _engine.clamp_in_place(self._h, min, max)
        return self

    clip_ = clamp_

    def norm(self, p="fro", dim=None, keepdim=False, dtype=None):
        if p not in (2, 2.0, "fro", None):
            raise NotImplementedError(f"torch.norm with p={p!r} is not supported in Gradlab yet")
        dims = None if dim is None else to_js(list(dim) if isinstance(dim, (list, tuple)) else [dim])
        return wrap(_engine.norm(self._h, dims, bool(keepdim), session.cell_line()))

    def view_as(self, other):
        return self.reshape(*other.shape)

    reshape_as = view_as

    def expand_as(self, other):
        return self.expand(*other.shape)
    floor_divide = _binary_method("floor_divide")
    remainder = _binary_method("remainder")
    maximum = _binary_method("maximum")
    minimum = _binary_method("minimum")

    def max(self, dim=None, keepdim=False):
        return self._extremum("max", dim, keepdim)

    def min(self, dim=None, keepdim=False):
        return self._extremum("min", dim, keepdim)

    def _extremum(self, name, dim, keepdim):
        if isinstance(dim, Tensor):  # x.max(other): the elementwise maximum
            return _binary("maximum" if name == "max" else "minimum", self, dim)
        if dim is None:
            return _unary(name, self)
        from . import return_types

        values, indices = self._along_dim(name, dim, keepdim)
        return return_types.BY_NAME[name](wrap(values), wrap(indices))

    def prod(self, dim=None, keepdim=False, dtype=None):
        source = self if dtype is None else self.to(dtype)
        if dim is None:
            return _unary("prod", source)
        return wrap(source._along_dim("prod", dim, keepdim))

    def sort(self, dim=-1, descending=False, stable=False):
        from . import return_types

        values, indices = _engine.sort(self._h, dim, bool(descending), session.cell_line())
        return return_types.sort(wrap(values), wrap(indices))

    def argsort(self, dim=-1, descending=False, stable=False):
        return self.sort(dim, descending).indices

    def topk(self, k, dim=-1, largest=True, sorted=True):  # noqa: A002 - PyTorch's name
        from . import return_types

        values, indices = _engine.topk(self._h, k, dim, bool(largest), session.cell_line())
        return return_types.topk(wrap(values), wrap(indices))

    def tril(self, diagonal=0):
        return wrap(_engine.triangle(self._h, False, diagonal, session.cell_line()))

    def triu(self, diagonal=0):
        return wrap(_engine.triangle(self._h, True, diagonal, session.cell_line()))

    def type_as(self, other):
        return self.to(other.dtype)

    def new_tensor(self, data, dtype=None, device=None, requires_grad=False):
        from ._creation import tensor

        return tensor(data, dtype=dtype or self.dtype, requires_grad=requires_grad)

    def new_full(self, size, fill_value, dtype=None, device=None, requires_grad=False):
        from ._creation import full

        return full(size, fill_value, dtype=dtype or self.dtype, requires_grad=requires_grad)

    def new_zeros(self, *size, dtype=None, device=None, requires_grad=False):
        return self.new_full(_dims(size), 0, dtype=dtype, requires_grad=requires_grad)

    def new_ones(self, *size, dtype=None, device=None, requires_grad=False):
        return self.new_full(_dims(size), 1, dtype=dtype, requires_grad=requires_grad)

    def gather(self, dim, index, *, sparse_grad=False):
        return wrap(_engine.gather(self._h, dim, index._h, session.cell_line()))

    def _scatter(self, name, dim, index, src, value, reduce):
        if reduce is not None:
            raise NotImplementedError(f"torch.Tensor.{name} with reduce= is not supported in Gradlab yet")
        source = value if src is None else src
        operand = source._h if isinstance(source, Tensor) else float(source)
        handle = _engine.scatter(name, self._h, dim, index._h, operand, session.cell_line())
        return self if name.endswith("_") else wrap(handle)

    def scatter(self, dim, index, src=None, value=None, *, reduce=None):
        return self._scatter("scatter", dim, index, src, value, reduce)

    def scatter_(self, dim, index, src=None, value=None, *, reduce=None):
        return self._scatter("scatter_", dim, index, src, value, reduce)

    def scatter_add(self, dim, index, src):
        return self._scatter("scatter_add", dim, index, src, None, None)

    def scatter_add_(self, dim, index, src):
        return self._scatter("scatter_add_", dim, index, src, None, None)

    def cross(self, other, dim=None):
        return wrap(_engine.cross(self._h, other._h, dim, session.cell_line()))

    def unique(self, sorted=True, return_inverse=False, return_counts=False, dim=None):  # noqa: A002
        if not sorted or dim is not None:
            raise NotImplementedError(
                "torch.unique with sorted=False or dim is not supported in Gradlab yet"
            )
        values, inverse, counts = (wrap(h) for h in _engine.unique(self._h, session.cell_line()))
        extras = ((inverse,) if return_inverse else ()) + ((counts,) if return_counts else ())
        return (values, *extras) if extras else values

    def argmax(self, dim=None, keepdim=False):
        return wrap(self._along_dim("argmax", dim, keepdim))

    def argmin(self, dim=None, keepdim=False):
        return wrap(self._along_dim("argmin", dim, keepdim))

    def cumsum(self, dim, dtype=None):
        source = self if dtype is None else self.to(dtype)
        return wrap(source._along_dim("cumsum", dim, False))

    def softmax(self, dim, dtype=None):
        source = self if dtype is None else self.to(dtype)
        return wrap(source._along_dim("softmax", dim, False))

    def log_softmax(self, dim, dtype=None):
        source = self if dtype is None else self.to(dtype)
        return wrap(source._along_dim("log_softmax", dim, False))

    def _along_dim(self, name, dim, keepdim):
        return _engine.along_dim(name, self._h, dim, bool(keepdim), session.cell_line())

    def square(self):
        return self ** 2

    def clamp(self, min=None, max=None):  # noqa: A002 - PyTorch's parameter names
        if min is None and max is None:
            raise RuntimeError("torch.clamp: At least one of 'min' or 'max' must not be None")
        bound_is_float = isinstance(min, float) or isinstance(max, float)
        return wrap(_engine.clamp(self._h, min, max, session.cell_line(), bound_is_float))

    clip = clamp

    def clamp_min(self, min):  # noqa: A002
        return self.clamp(min=min)

    def clamp_max(self, max):  # noqa: A002
        return self.clamp(max=max)

    def _std_var(self, take_sqrt, dim, unbiased, keepdim, correction):
        if isinstance(dim, bool):  # x.std(False): the old unbiased-only form
            dim, unbiased = None, dim
        if correction is None:
            correction = 1 if unbiased in (None, True) else 0
        dims = None if dim is None else to_js(list(dim) if isinstance(dim, (list, tuple)) else [dim])
        return wrap(_engine.std_var(self._h, take_sqrt, dims, correction, bool(keepdim),
                                    session.cell_line()))

    def std(self, dim=None, unbiased=None, keepdim=False, *, correction=None):
        return self._std_var(True, dim, unbiased, keepdim, correction)

    def var(self, dim=None, unbiased=None, keepdim=False, *, correction=None):
        return self._std_var(False, dim, unbiased, keepdim, correction)

    def addcmul_(self, tensor1, tensor2, *, value=1):
        _engine.addcmul_(self._h, tensor1._h, tensor2._h, value)
        return self

    def addcdiv_(self, tensor1, tensor2, *, value=1):
        _engine.addcdiv_(self._h, tensor1._h, tensor2._h, value)
        return self

    def __reduce_ex__(self, protocol):
        from ._serialization import reduce_tensor

        return reduce_tensor(self)

    def __deepcopy__(self, memo):
        if not self.is_leaf:
            raise RuntimeError(
                "Only Tensors created explicitly by the user (graph leaves) support the deepcopy "
                "protocol at the moment"
            )
        if id(self) in memo:
            return memo[id(self)]
        copied = type(self).__new__(type(self)) if type(self) is not Tensor else None
        data = self.detach().clone()
        if copied is None:
            copied = data
        else:
            copied._h = data._h
        copied.requires_grad_(self.requires_grad)
        if self.grad is not None:
            copied.grad = self.grad.detach().clone()
        memo[id(self)] = copied
        return copied

    def sum(self, dim=None, keepdim=False, dtype=None, *, axis=None):
        return self._reduce("sum", dim if axis is None else axis, keepdim)

    def mean(self, dim=None, keepdim=False, dtype=None, *, axis=None):
        return self._reduce("mean", dim if axis is None else axis, keepdim)

    def _reduce(self, name, dim, keepdim):
        if dim is None:
            return _unary(name, self)
        dims = list(dim) if isinstance(dim, (list, tuple)) else [dim]
        return wrap(_engine.op(name, self._h, to_js([dims, bool(keepdim)]), session.cell_line()))

    def _shape_op(self, name, args):
        return wrap(_engine.shape_op(name, self._h, to_js([int(a) for a in args]), session.cell_line()))

    def reshape(self, *shape):
        return self._shape_op("reshape", _dims(shape))

    def view(self, *shape):
        return self._shape_op("view", _dims(shape))

    def flatten(self, start_dim=0, end_dim=-1):
        shape = self._shape()
        if not shape:
            return self.reshape(1)
        rank = len(shape)
        start, end = start_dim % rank, end_dim % rank
        if start > end:
            raise RuntimeError("flatten() has invalid args: start_dim cannot come after end_dim")
        if start == end:
            return self
        merged = 1
        for size in shape[start : end + 1]:
            merged *= size
        return self.reshape(*shape[:start], merged, *shape[end + 1 :])

    def expand(self, *shape):
        return self._shape_op("expand", _dims(shape))

    def permute(self, *dims):
        return self._shape_op("permute", _dims(dims))

    def transpose(self, dim0, dim1):
        return self._shape_op("transpose", (dim0, dim1))

    def unsqueeze(self, dim):
        return self._shape_op("unsqueeze", (dim,))

    def squeeze(self, dim=None):
        return self._shape_op("squeeze", () if dim is None else (dim,))

    def allclose(self, other, rtol=1e-05, atol=1e-08, equal_nan=False):
        from . import allclose

        return allclose(self, other, rtol, atol, equal_nan)

    def equal(self, other):
        from . import equal

        return equal(self, other)

    def sign(self):
        return _unary("sign", self)

    def where(self, condition, other):
        from . import where

        return where(condition, self, other)

    def t(self):
        return _unary("t", self)

    @property
    def T(self):
        # torch's numpy_T: all dims reversed by a permute (PermuteBackward0).
        return self.permute(*range(self.dim() - 1, -1, -1))

    def __getattr__(self, name):
        if name.startswith("_"):
            raise AttributeError(name)
        raise NotImplementedError(f"torch.Tensor.{name} is not supported in Gradlab yet")
