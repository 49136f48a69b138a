"""The `out=` keyword of torch functions: the result written into a given tensor, which is
returned (the same object), resized as PyTorch 1.13 resizes it, outside autograd."""

import functools
import warnings

from . import _dtypes

_RESIZED = (
    "An output with one or more elements was resized since it had shape {}, which does not "
    "match the required output shape {}. This behavior is deprecated, and in a future PyTorch "
    "release outputs will not be resized unless they have zero elements. You can explicitly "
    "reuse an out tensor t by resizing it, inplace, to zero elements with t.resize_(0). "
    "(Triggered internally at  ./aten/src/ATen/native/Resize.cpp:17.)"
)


def _category(dtype):
    return 0 if dtype is _dtypes.bool else 2 if dtype.is_floating_point else 1


def write_out(name, compute, inputs, out):
    """`compute()`'s tensor written into `out` (torch's out= rules for function `name`)."""
    from . import _grad_mode, is_grad_enabled
    from ._tensor import Tensor

    if not isinstance(out, Tensor):
        raise TypeError(f"{name}(): argument 'out' must be Tensor, not {type(out).__name__}")
    tensors = [t for t in (*inputs, out) if isinstance(t, Tensor)]
    if is_grad_enabled() and any(t.requires_grad for t in tensors):
        raise RuntimeError(
            f"{name}(): functions with out=... arguments don't support automatic "
            "differentiation, but one of the arguments requires grad."
        )
    with _grad_mode.no_grad():
        result = compute()
    if _category(result.dtype) > _category(out.dtype):
        raise RuntimeError(
            f"result type {_legacy(result.dtype)} can't be cast to the desired output type "
            + _legacy(out.dtype)
        )
    if out.shape != result.shape:
        if out.numel() != 0:
            warnings.warn(
                _RESIZED.format(list(out.shape), list(result.shape)), UserWarning, stacklevel=3
            )
        # A new storage of the result's shape behind the same Python object.
        out._h = result.to(out.dtype).clone()._h
        return out
    with _grad_mode.no_grad():
        out.copy_(result)
    return out


def _legacy(dtype):
    from ._dtypes import SCALAR_TYPE_NAMES

    return SCALAR_TYPE_NAMES[dtype._name]


def accepts_out(function, name=None):
    """`function` also taking `out=`: `name` is how torch's errors call it."""
    label = name or function.__name__

    @functools.wraps(function)
    def call(*args, out=None, **kwargs):
        if out is None:
            return function(*args, **kwargs)
        return write_out(label, lambda: function(*args, **kwargs), args, out)

    return call


def creates_into_out(function):
    """A tensor-making function's `out=`: made in out's dtype unless one is asked for."""

    @functools.wraps(function)
    def call(*args, out=None, **kwargs):
        from ._tensor import Tensor

        if out is None:
            return function(*args, **kwargs)
        if isinstance(out, Tensor) and kwargs.get("dtype") is None:
            kwargs["dtype"] = out.dtype
        return write_out(function.__name__, lambda: function(*args, **kwargs), (), out)

    return call
