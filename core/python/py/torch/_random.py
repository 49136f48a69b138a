"""Random tensors (rand, randn, randint, manual_seed) from Python's own generator: the same
distributions as PyTorch, though not PyTorch's exact numbers for a given seed."""

import random as _random

from ._creation import _shape, tensor

_generator = _random.Random()


def manual_seed(seed):
    _generator.seed(int(seed))


def _random_tensor(size, draw, dtype, requires_grad):
    shape = _shape(size)
    count = 1
    for d in shape:
        count *= d
    values = [draw() for _ in range(count)]
    result = tensor(values, dtype=dtype, requires_grad=requires_grad)
    return result.reshape(tuple(shape)) if shape != [count] else result


def rand(*size, dtype=None, requires_grad=False, generator=None, device=None):
    return _random_tensor(size, _generator.random, dtype, requires_grad)


def randn(*size, dtype=None, requires_grad=False, generator=None, device=None):
    return _random_tensor(size, lambda: _generator.gauss(0.0, 1.0), dtype, requires_grad)


def randint(low, high=None, size=(), dtype=None, requires_grad=False, generator=None, device=None):
    if high is None:
        low, high = 0, low
    return _random_tensor((tuple(size),), lambda: _generator.randrange(low, high), dtype,
                          requires_grad)
