"""torch.optim: SGD, the optimiser of gradient descent lessons."""

from .sgd import SGD  # noqa: F401
from .optimizer import Optimizer  # noqa: F401


def __getattr__(name):
    if name.startswith("_"):
        raise AttributeError(name)
    raise NotImplementedError(f"torch.optim.{name} is not supported in Gradlab yet")
