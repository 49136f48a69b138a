"""numpy.random's legacy generator (RandomState, what np.random.seed drives): MT19937 seeded and
turned into doubles, normals and integers exactly as numpy 1.24 does, so seeded draws match."""

import math
import operator
import random as _entropy

from numpy import _dtypes as D
from numpy._array import ndarray
from numpy._layout import normal_shape, size_of

_N, _M = 624, 397


class RandomState:
    def __init__(self, seed=None):
        self.seed(seed)

    def seed(self, seed=None):
        if seed is None:
            # Unseeded, numpy draws its seed from the operating system: any seed is as right.
            seed = _entropy.getrandbits(32)
        try:
            seed = operator.index(seed)
        except TypeError:
            raise NotImplementedError(
                "numpy.random.seed with a sequence is not supported in Gradlab yet"
            ) from None
        if not 0 <= seed <= 2**32 - 1:
            raise ValueError("Seed must be between 0 and 2**32 - 1")
        state = [seed]
        for i in range(1, _N):
            previous = state[-1]
            state.append((1812433253 * (previous ^ (previous >> 30)) + i) & 0xFFFFFFFF)
        self._state = state
        self._position = _N
        self._gauss = None

    def _next_uint32(self):
        if self._position >= _N:
            self._twist()
        y = self._state[self._position]
        self._position += 1
        y ^= y >> 11
        y ^= (y << 7) & 0x9D2C5680
        y ^= (y << 15) & 0xEFC60000
        return y ^ (y >> 18)

    def _twist(self):
        state = self._state
        for i in range(_N):
            y = (state[i] & 0x80000000) | (state[(i + 1) % _N] & 0x7FFFFFFF)
            state[i] = state[(i + _M) % _N] ^ (y >> 1) ^ (0x9908B0DF if y & 1 else 0)
        self._position = 0

    def _double(self):
        a = self._next_uint32() >> 5
        b = self._next_uint32() >> 6
        return (a * 67108864.0 + b) / 9007199254740992.0

    def _normal(self):
        if self._gauss is not None:
            value, self._gauss = self._gauss, None
            return value
        while True:
            x1 = 2.0 * self._double() - 1.0
            x2 = 2.0 * self._double() - 1.0
            r2 = x1 * x1 + x2 * x2
            if 0.0 < r2 < 1.0:
                break
        f = math.sqrt(-2.0 * math.log(r2) / r2)
        self._gauss = f * x1
        return f * x2

    def _bounded(self, span):
        """An integer in [0, span] by masked rejection (numpy's legacy randint)."""
        if span == 0:
            return 0
        if span > 0xFFFFFFFF:
            raise NotImplementedError(
                "numpy.random.randint over more than 2**32 values is not supported in Gradlab yet"
            )
        mask = span
        for shift in (1, 2, 4, 8, 16):
            mask |= mask >> shift
        while True:
            value = self._next_uint32() & mask
            if value <= span:
                return value

    def _fill(self, size, draw, name="float64"):
        if size is None:
            return draw()
        shape = normal_shape(size)
        return ndarray._from_flat([draw() for _ in range(size_of(shape))], shape, name)

    def rand(self, *shape):
        return self._fill(shape or None, self._double)

    def random_sample(self, size=None):
        return self._fill(size, self._double)

    random = random_sample

    def randn(self, *shape):
        return self._fill(shape or None, self._normal)

    def standard_normal(self, size=None):
        return self._fill(size, self._normal)

    def normal(self, loc=0.0, scale=1.0, size=None):
        _scalar_parameters("normal", loc, scale)
        if scale < 0:
            raise ValueError("scale < 0")
        return self._fill(size, lambda: loc + scale * self._normal())

    def uniform(self, low=0.0, high=1.0, size=None):
        _scalar_parameters("uniform", low, high)
        span = high - low
        return self._fill(size, lambda: low + span * self._double())

    def randint(self, low, high=None, size=None, dtype=int):
        if D.name_of(dtype) != "int64":
            raise NotImplementedError(
                "numpy.random.randint with a dtype other than int64 is not supported in Gradlab yet"
            )
        if high is None:
            low, high = 0, low
        low, high = operator.index(low), operator.index(high)
        if low >= high:
            raise ValueError("low >= high")
        return self._fill(size, lambda: low + self._bounded(high - low - 1), "int64")


    def shuffle(self, x):
        """Fisher-Yates from the end, each swap partner drawn by masked rejection (numpy's)."""
        if not isinstance(x, (ndarray, list)):
            raise NotImplementedError(
                f"numpy.random.shuffle of {type(x).__name__} is not supported in Gradlab yet"
            )
        if isinstance(x, ndarray) and x.ndim != 1:
            raise NotImplementedError(
                "numpy.random.shuffle of an array with more than one dimension is not supported "
                "in Gradlab yet"
            )
        for i in reversed(range(1, len(x))):
            j = self._bounded(i)
            x[i], x[j] = x[j], x[i]

    def permutation(self, x):
        from numpy._creation import arange, array

        items = arange(x) if isinstance(x, int) else array(x)
        self.shuffle(items)
        return items

    def choice(self, a, size=None, replace=True, p=None):
        from numpy._creation import array

        if p is not None:
            raise NotImplementedError(
                "numpy.random.choice with probabilities p is not supported in Gradlab yet"
            )
        population = None if isinstance(a, int) else array(a)
        if population is not None and population.ndim != 1:
            raise ValueError("a must be 1-dimensional")
        count = a if population is None else len(population)
        if count <= 0:
            raise ValueError("a must be greater than 0 unless no samples are taken")
        if replace:
            picked = self.randint(0, count, size)
        else:
            wanted = 1 if size is None else size_of(normal_shape(size))
            if wanted > count:
                raise ValueError("Cannot take a larger sample than population when 'replace=False'")
            order = self.permutation(count)._values[:wanted]
            picked = order[0] if size is None else ndarray._from_flat(order, normal_shape(size), "int64")
        if population is None:
            return picked
        if not isinstance(picked, ndarray):
            return population[picked]
        values = population._values
        return ndarray._from_flat(
            [values[i] for i in picked._values], picked.shape, population.dtype.name
        )


def _scalar_parameters(name, *parameters):
    for parameter in parameters:
        if not isinstance(parameter, (int, float)):
            raise NotImplementedError(
                f"numpy.random.{name} with array parameters is not supported in Gradlab yet"
            )


_global = None


def _generator():
    global _global
    if _global is None:
        _global = RandomState()
    return _global


def seed(value=None):
    global _global
    _global = RandomState(value)


def rand(*shape):
    return _generator().rand(*shape)


def randn(*shape):
    return _generator().randn(*shape)


def random_sample(size=None):
    return _generator().random_sample(size)


random = random_sample


def normal(loc=0.0, scale=1.0, size=None):
    return _generator().normal(loc, scale, size)


def uniform(low=0.0, high=1.0, size=None):
    return _generator().uniform(low, high, size)


def randint(low, high=None, size=None, dtype=int):
    return _generator().randint(low, high, size, dtype)


def shuffle(x):
    _generator().shuffle(x)


def permutation(x):
    return _generator().permutation(x)


def choice(a, size=None, replace=True, p=None):
    return _generator().choice(a, size, replace, p)


def __getattr__(name):
    if name.startswith("_"):
        raise AttributeError(name)
    raise NotImplementedError(f"numpy.random.{name} is not supported in Gradlab yet")
