"""The legacy tensor types (torch.FloatTensor, torch.LongTensor, ...): callables that make a
tensor of their dtype, names that Tensor.type() returns and accepts, and isinstance checks of
the dtype, as in PyTorch."""

from . import _dtypes
from ._tensor import Tensor


class _TensorType(type):
    def __instancecheck__(cls, value):
        return isinstance(value, Tensor) and value.dtype is cls.dtype

    def __call__(cls, *args):
        from ._creation import tensor, zeros

        if all(isinstance(arg, int) and not isinstance(arg, bool) for arg in args):
            return zeros(*args, dtype=cls.dtype)
        if len(args) != 1:
            raise TypeError(f"new() received an invalid combination of arguments")
        return tensor(args[0], dtype=cls.dtype)


def _type(name, dtype):
    made = _TensorType(name, (), {"dtype": dtype})
    made.__module__ = "torch"
    return made


FloatTensor = _type("FloatTensor", _dtypes.float32)
DoubleTensor = _type("DoubleTensor", _dtypes.float64)
HalfTensor = _type("HalfTensor", _dtypes.float16)
BFloat16Tensor = _type("BFloat16Tensor", _dtypes.bfloat16)
ByteTensor = _type("ByteTensor", _dtypes.uint8)
CharTensor = _type("CharTensor", _dtypes.int8)
ShortTensor = _type("ShortTensor", _dtypes.int16)
IntTensor = _type("IntTensor", _dtypes.int32)
LongTensor = _type("LongTensor", _dtypes.int64)
BoolTensor = _type("BoolTensor", _dtypes.bool)

BY_NAME = {
    f"torch.{t.__name__}": t
    for t in (FloatTensor, DoubleTensor, HalfTensor, BFloat16Tensor, ByteTensor, CharTensor,
              ShortTensor, IntTensor, LongTensor, BoolTensor)
}
NAME_OF_DTYPE = {t.dtype._name: name for name, t in BY_NAME.items()}


def dtype_of(requested):
    """The dtype a Tensor.type() argument names: a tensor type, its name or a dtype."""
    if isinstance(requested, _dtypes.dtype):
        return requested
    name = requested if isinstance(requested, str) else (
        f"torch.{requested.__name__}" if isinstance(requested, _TensorType) else None
    )
    if name in BY_NAME:
        return BY_NAME[name].dtype
    raise ValueError(f"invalid type: '{requested}'")
