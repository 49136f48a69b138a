"""Random numbers exactly as PyTorch 1.13 draws them on the CPU: torch.Generator (an MT19937
engine in the TypeScript engine), manual_seed, rand, randn, randint, randperm, normal, the *_like
forms and Tensor's in-place samplers. The same seed gives the same bits as PyTorch."""

from pyodide.ffi import to_js

from . import _dtypes, _engine
from ._out import creates_into_out
from ._size import Size
from ._tensor import Tensor, wrap

_UINT64 = 2**64


class Generator:
    """torch.Generator: a CPU random-number generator with its own seed and state."""

    def __init__(self, device="cpu"):
        self._g = _engine.new_generator()

    @classmethod
    def _around(cls, handle):
        generator = object.__new__(cls)
        generator._g = handle
        return generator

    @property
    def device(self):
        from . import device

        return device("cpu")

    def manual_seed(self, seed):
        seed = int(seed)
        if not -(2**63) <= seed < _UINT64:
            raise RuntimeError("Overflow when unpacking long")
        _engine.manual_seed(self._g, str(seed % _UINT64))
        return self

    def seed(self):
        return int(_engine.seed_randomly(self._g))

    def initial_seed(self):
        return int(_engine.initial_seed(self._g))

    def get_state(self):
        from ._creation import tensor

        return tensor(list(_engine.get_state(self._g).to_bytes()), dtype=_dtypes.uint8)

    def set_state(self, new_state):
        if not isinstance(new_state, Tensor) or new_state.dtype is not _dtypes.uint8:
            raise TypeError("RNG state must be a torch.ByteTensor")
        _engine.set_state(self._g, to_js(bytes(new_state.tolist())))
        return self

    def __repr__(self):
        return f"<torch._C.Generator object at {id(self):#x}>"


Generator.__module__ = "torch._C"
default_generator = Generator._around(_engine.default_generator)


def manual_seed(seed):
    return default_generator.manual_seed(seed)


def seed():
    return default_generator.seed()


def initial_seed():
    return default_generator.initial_seed()


def get_rng_state():
    return default_generator.get_state()


def set_rng_state(new_state):
    default_generator.set_state(new_state)


def _handle(generator):
    if generator is None:
        return default_generator._g
    if not isinstance(generator, Generator):
        raise TypeError(
            f"argument 'generator' must be torch.Generator, not {type(generator).__name__}"
        )
    return generator._g


def draw_seed(generator=None):
    """`int(torch.empty((), dtype=torch.int64).random_(generator=generator).item())`, exact:
    torch.utils.data draws its seeds so (an int64 tensor in Gradlab holds 53 bits only)."""
    return int(_engine.draw_seed(_handle(generator)))


def _size(size, keyword, function):
    """The shape from `rand(2, 3)`, `rand((2, 3))`, `rand([2, 3])` or `rand(size=(2, 3))`."""
    if keyword is not None:
        if size:
            raise TypeError(f"{function}(): size given both by position and by keyword")
        size = (keyword,)
    if len(size) == 1 and isinstance(size[0], (list, tuple, Size)):
        size = tuple(size[0])
    elif len(size) == 1 and not isinstance(size[0], int):
        raise TypeError(
            f"{function}(): argument 'size' (position 1) must be tuple of ints, not "
            + type(size[0]).__name__
        )
    for position, d in enumerate(size, 1):
        if not isinstance(d, int) or isinstance(d, bool):
            raise TypeError(
                f"{function}(): argument 'size' must be tuple of ints, but found element of "
                f"type {type(d).__name__} at pos {position}"
            )
    return [int(d) for d in size]


def _dtype_name(dtype, default=None):
    dtype = dtype or default or _dtypes.float32
    if not isinstance(dtype, _dtypes.dtype):
        raise TypeError(f"dtype must be torch.dtype (got {type(dtype).__name__})")
    return dtype._name


def _drawn(kind, args, shape, dtype, generator, requires_grad):
    handle = _engine.random_tensor(
        kind, to_js(list(args)), to_js(shape), dtype, _handle(generator), bool(requires_grad)
    )
    return wrap(handle)


@creates_into_out
def rand(*shape, size=None, generator=None, dtype=None, device=None, requires_grad=False):
    return _drawn(
        "uniform", (0, 1), _size(shape, size, "rand"), _dtype_name(dtype), generator,
        requires_grad,
    )


@creates_into_out
def randn(*shape, size=None, generator=None, dtype=None, device=None, requires_grad=False):
    return _drawn(
        "normal", (0, 1), _size(shape, size, "randn"), _dtype_name(dtype), generator,
        requires_grad,
    )


@creates_into_out
def randint(*args, size=None, generator=None, dtype=None, device=None, requires_grad=False,
            low=None, high=None):
    """randint(high, size), randint(low, high, size), each also by keyword."""
    positional = list(args)
    if size is None and len(positional) in (2, 3):
        size = positional.pop()
    if high is None and positional:
        high = positional.pop()
    if low is None and positional:
        low = positional.pop()
    if positional or high is None or size is None:
        raise TypeError(
            "randint() received an invalid combination of arguments: it takes "
            "(high, size) or (low, high, size)"
        )
    if not isinstance(size, (tuple, list, Size)):
        raise TypeError(
            f"randint(): argument 'size' (position 2) must be tuple of ints, not "
            f"{type(size).__name__}"
        )
    low = 0 if low is None else int(low)
    return _drawn(
        "random", (low, int(high)), _size((size,), None, "randint"),
        _dtype_name(dtype, _dtypes.int64),
        generator, requires_grad,
    )


@creates_into_out
def randperm(n, generator=None, dtype=None, device=None, requires_grad=False):
    if not isinstance(n, int) or isinstance(n, bool):
        raise TypeError(
            f"randperm(): argument 'n' (position 1) must be int, not {type(n).__name__}"
        )
    name = _dtype_name(dtype, _dtypes.int64)
    return wrap(_engine.randperm(int(n), name, _handle(generator), bool(requires_grad)))


def rand_like(input, dtype=None, device=None, requires_grad=False):  # noqa: A002
    return rand(list(input.shape), dtype=dtype or input.dtype, requires_grad=requires_grad)


def randn_like(input, dtype=None, device=None, requires_grad=False):  # noqa: A002
    return randn(list(input.shape), dtype=dtype or input.dtype, requires_grad=requires_grad)


def randint_like(input, low=0, high=None, dtype=None, device=None,  # noqa: A002
                 requires_grad=False):
    if high is None:
        low, high = 0, low
    return randint(low, high, tuple(input.shape), dtype=dtype or input.dtype,
                   requires_grad=requires_grad)


def normal(mean, std=1.0, size=None, generator=None, dtype=None, device=None,
           requires_grad=False, out=None):
    """torch.normal: as ATen draws it, a standard normal scaled by std and shifted by mean."""
    if out is not None:
        raise NotImplementedError("torch.normal(out=...) is not supported in Gradlab yet")
    from ._grad_mode import no_grad

    mean_is_tensor = isinstance(mean, Tensor)
    std_is_tensor = isinstance(std, Tensor)
    if not mean_is_tensor and not std_is_tensor:
        if size is None:
            raise TypeError(
                "normal() received an invalid combination of arguments: with a float mean and "
                "std it needs a size"
            )
        return _drawn("normal", (float(mean), float(std)), _size((size,), None, "normal"),
                      _dtype_name(dtype), generator, requires_grad)
    with no_grad():
        like = mean if mean_is_tensor else std
        shape = like.shape
        if mean_is_tensor and std_is_tensor:
            shape = (mean + std).shape
        noise = _drawn("normal", (0.0, float(std) if not std_is_tensor else 1.0), list(shape),
                       like.dtype._name, generator, False)
        if std_is_tensor:
            noise.mul_(std)
        return noise.add_(mean)


def bernoulli(input, p=None, generator=None):  # noqa: A002
    from ._creation import zeros_like

    return zeros_like(input).bernoulli_(input if p is None else p, generator=generator)


def _sample(tensor, kind, args, generator, p=None):
    handle = _engine.sample_in_place(
        kind, tensor._h, to_js(list(args)), _handle(generator), None if p is None else p._h
    )
    return wrap(handle) if handle is not tensor._h else tensor


def _uniform_(self, from_=0, to=1, *, generator=None, **kw):
    return _sample(self, "uniform", (float(kw.pop("from", from_)), float(to)), generator)


def _normal_(self, mean=0, std=1, *, generator=None):
    return _sample(self, "normal", (float(mean), float(std)), generator)


def _random_(self, from_=None, to=None, *, generator=None, **kw):
    from_ = kw.pop("from", from_)
    if from_ is not None and to is None:  # random_(to)
        return _sample(self, "random", (int(from_), None), generator)
    bounds = (None, None) if from_ is None else (int(from_), int(to))
    return _sample(self, "random", bounds, generator)


def _bernoulli_(self, p=0.5, *, generator=None):
    if isinstance(p, Tensor):
        return _sample(self, "bernoulli", (None,), generator, p)
    return _sample(self, "bernoulli", (float(p),), generator)


def _exponential_(self, lambd=1, *, generator=None):
    return _sample(self, "exponential", (float(lambd),), generator)


for _name, _method in (
    ("uniform_", _uniform_),
    ("normal_", _normal_),
    ("random_", _random_),
    ("bernoulli_", _bernoulli_),
    ("exponential_", _exponential_),
):
    _method.__name__ = _name
    setattr(Tensor, _name, _method)
del _name, _method
