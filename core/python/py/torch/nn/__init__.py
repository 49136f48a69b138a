"""torch.nn: Module, Parameter, the layers of a first neural network, and functional."""

from . import functional, init  # noqa: F401
from .modules import Linear, MSELoss, Module, ReLU, Sequential, Sigmoid, Tanh  # noqa: F401
from .parameter import Parameter  # noqa: F401


def __getattr__(name):
    if name.startswith("_"):
        raise AttributeError(name)
    raise NotImplementedError(f"torch.nn.{name} is not supported in Gradlab yet")
