"""Gradlab's torch: PyTorch's tensor and autograd API over Gradlab's TypeScript engine.

Anything PyTorch has that Gradlab does not raises NotImplementedError naming it.
"""

import builtins as _builtins
import math

import _gradlab_session as _session

from . import _dtypes, _engine
from . import _tensor as _tensor_module
from ._creation import (  # noqa: F401
    arange,
    as_tensor,
    empty,
    empty_like,
    eye,
    from_numpy,
    full,
    full_like,
    linspace,
    ones,
    ones_like,
    tensor,
    zeros,
    zeros_like,
)
from ._dtypes import (  # noqa: F401,A004
    bfloat16,
    bool,
    dtype,
    float16,
    float32,
    float64,
    int8,
    int16,
    int32,
    int64,
    uint8,
)
from ._grad_mode import (  # noqa: F401
    enable_grad,
    inference_mode,
    is_grad_enabled,
    no_grad,
    set_grad_enabled,
)
from ._out import accepts_out as _accepts_out
from ._print_options import get_printoptions, set_printoptions  # noqa: F401
from ._random import (  # noqa: F401
    Generator,
    bernoulli,
    default_generator,
    get_rng_state,
    initial_seed,
    manual_seed,
    normal,
    rand,
    rand_like,
    randint,
    randint_like,
    randn,
    randn_like,
    randperm,
    seed,
    set_rng_state,
)
from ._serialization import load, save  # noqa: F401
from ._size import Size  # noqa: F401
from ._tensor import Tensor  # noqa: F401
from . import autograd, backends, cuda, linalg, nn, optim, random, return_types, utils  # noqa: F401,E402

__version__ = "2.11.0+gradlab"

# Classes print where PyTorch defines them (<class 'torch.Tensor'>), not where Gradlab does.
for _public in (Tensor, Size, dtype):
    _public.__module__ = "torch"
for _mode in (no_grad, enable_grad, set_grad_enabled, inference_mode):
    _mode.__module__ = "torch.autograd.grad_mode"
del _public, _mode

float = float32  # noqa: A001
double = float64
half = float16
long = int64
int = int32  # noqa: A001
short = int16
from ._tensor_types import (  # noqa: E402,F401
    BFloat16Tensor,
    BoolTensor,
    ByteTensor,
    CharTensor,
    DoubleTensor,
    FloatTensor,
    HalfTensor,
    IntTensor,
    LongTensor,
    ShortTensor,
)


class device:  # defined here, so it prints as torch.device
    def __init__(self, name="cpu"):
        self.type = str(name)

    def __repr__(self):
        return f"device(type='{self.type}')"

    def __str__(self):
        return self.type


pi = math.pi
e = math.e
inf = math.inf
nan = math.nan


def _flat_pair(input, other):  # noqa: A002
    """Both operands' values, flattened, after broadcasting a one-element side."""
    # (this module's float, int, abs and all are torch's, hence builtins)
    a = input._flat_values() if isinstance(input, Tensor) else [_builtins.float(input)]
    b = other._flat_values() if isinstance(other, Tensor) else [_builtins.float(other)]
    if len(a) == 1:
        a = a * len(b)
    if len(b) == 1:
        b = b * len(a)
    return a, b


def allclose(input, other, rtol=1e-05, atol=1e-08, equal_nan=False):  # noqa: A002
    a, b = _flat_pair(input, other)
    if len(a) != len(b):
        raise RuntimeError(
            f"The size of tensor a ({len(a)}) must match the size of tensor b ({len(b)})"
        )
    return _builtins.all(
        (equal_nan and x != x and y != y) or _builtins.abs(x - y) <= atol + rtol * _builtins.abs(y)
        for x, y in zip(a, b)
    )


def get_default_dtype():
    return float32


def is_floating_point(input):  # noqa: A002
    return input.is_floating_point()


def promote_types(type1, type2):
    return _dtypes.BY_NAME[_engine.promote_types(type1._name, type2._name)]


def can_cast(from_, to):
    return _engine.can_cast(from_._name, to._name)


def result_type(tensor1, tensor2):  # noqa: A002
    from ._tensor import _operand, _scalar_kind

    name = _engine.result_type(_operand(tensor1), _operand(tensor2), _scalar_kind(tensor1),
                               _scalar_kind(tensor2))
    return _dtypes.BY_NAME[name]


def equal(input, other):  # noqa: A002
    return input.shape == other.shape and input._flat_values() == other._flat_values()


def is_tensor(value):
    return isinstance(value, Tensor)


def numel(input):  # noqa: A002
    return input.numel()


def _method(name):
    def function(input, *args, **kwargs):  # noqa: A002
        return getattr(input, name)(*args, **kwargs)

    function.__name__ = name
    return function if name.endswith("_") else _accepts_out(function)


# torch.sin_(x) and the like: the Tensor method, in place (torch has no torch.add_ and such).
_IN_PLACE_FUNCTIONS = (
    "abs_", "neg_", "exp_", "log_", "sqrt_", "sin_", "cos_", "tan_", "tanh_", "sigmoid_", "relu_",
    "sinh_", "cosh_", "asin_", "acos_", "atan_", "log2_", "log10_", "floor_", "ceil_", "round_",
    "trunc_", "reciprocal_", "square_", "clamp_", "clip_", "zero_", "fill_", "negative_",
    "arcsin_", "arccos_", "arctan_",
)


for _name in (
    "abs", "neg", "exp", "log", "sqrt", "sin", "cos", "tan", "tanh", "sigmoid", "relu",
    "sum", "mean", "clamp", "clip", "pow", "matmul", "mm", "mv", "dot", "add", "sub", "mul",
    "div", "square", "reciprocal", "reshape", "flatten", "t", "clone", "detach", "sign",
    "unsqueeze", "squeeze", "transpose", "permute", "sinh", "cosh", "asin", "acos", "atan",
    "log2", "log10", "max", "min", "argmax", "argmin", "maximum", "minimum", "cumsum",
    "softmax", "log_softmax", "floor_divide", "remainder", "floor", "ceil", "round", "trunc",
    "norm", "isnan", "isinf", "isfinite", "logical_not", "std", "var", "eq", "ne", "lt", "le", "gt", "ge", "all", "any",
    "narrow", "select", "unbind", "split", "chunk", "diagonal",
    "bitwise_and", "bitwise_or", "bitwise_xor", "bitwise_not", "bitwise_left_shift",
    "bitwise_right_shift", "logical_and", "logical_or", "prod", "cross", "unique",
    "gather", "scatter", "scatter_add", "sort", "argsort", "topk", "tril", "triu", "outer",
    *_IN_PLACE_FUNCTIONS,
):
    globals()[_name] = _method(_name)
del _name

negative = globals()["neg"]
multiply = globals()["mul"]
divide = true_divide = globals()["div"]
subtract = globals()["sub"]


@_accepts_out
def where(condition, input, other):  # noqa: A002 - PyTorch's parameter names
    from ._tensor import _operand, _scalar_kind

    return _tensor_module.wrap(
        _engine.where(
            condition._h,
            _operand(input),
            _operand(other),
            _session.cell_line(),
            _scalar_kind(input),
            _scalar_kind(other),
        )
    )


def isclose(input, other, rtol=1e-05, atol=1e-08, equal_nan=False):  # noqa: A002
    """PyTorch's formula: equal, or a finite |input - other| <= atol + |rtol * other|."""
    with no_grad():
        close = input == other
        if equal_nan:
            close = close | (input.isnan() & other.isnan())
        actual = (input - other).abs()
        allowed = (other * rtol).abs() + atol
        return close | (actual.isfinite() & (actual <= allowed))


def range(start, end, step=1, dtype=None, requires_grad=False):  # noqa: A001
    import warnings

    warnings.warn(
        "torch.range is deprecated and will be removed in a future release because its behavior "
        "is inconsistent with Python's range builtin. Instead, use torch.arange, which produces "
        "values in [start, end).",
        UserWarning,
        stacklevel=2,
    )
    count = math.floor((end - start) / step) + 1
    values = tensor([start + i * step for i in _builtins.range(count)], dtype=dtype or float32)
    return values.requires_grad_(requires_grad)


def _join(name, tensors, dim):
    from pyodide.ffi import to_js

    if isinstance(tensors, Tensor) or not isinstance(tensors, (list, tuple)):
        raise TypeError(
            f"{name}(): argument 'tensors' (position 1) must be tuple of Tensors, not "
            + type(tensors).__name__
        )
    for position, value in enumerate(tensors):
        if not isinstance(value, Tensor):
            raise TypeError(
                f"expected Tensor as element {position} in argument 0, but got "
                + type(value).__name__
            )
    handles = to_js([t._h for t in tensors])
    return _tensor_module.wrap(_engine.join(name, handles, dim, _session.cell_line()))


@_accepts_out
def cat(tensors, dim=0):
    return _join("cat", tensors, dim)


concat = concatenate = cat


@_accepts_out
def stack(tensors, dim=0):
    return _join("stack", tensors, dim)


def __getattr__(name):
    if name.startswith("_"):
        raise AttributeError(f"module 'torch' has no attribute '{name}'")
    raise NotImplementedError(f"torch.{name} is not supported in Gradlab yet")
