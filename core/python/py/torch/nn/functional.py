"""torch.nn.functional: the activation functions the lessons use."""

import warnings


def relu(input, inplace=False):  # noqa: A002 - PyTorch's parameter name
    return input.relu()


def sigmoid(input):  # noqa: A002
    return input.sigmoid()


def tanh(input):  # noqa: A002
    return input.tanh()


def _softmax_dim(input, dim, name):  # noqa: A002
    """PyTorch's implicit dim for softmax-like functions called without one, with its warning."""
    if dim is not None:
        return dim
    warnings.warn(
        f"Implicit dimension choice for {name} has been deprecated. Change the call to include "
        "dim=X as an argument.",
        UserWarning,
        stacklevel=3,
    )
    return 0 if input.dim() in (0, 1, 3) else 1


def softmax(input, dim=None, _stacklevel=3, dtype=None):  # noqa: A002
    return input.softmax(_softmax_dim(input, dim, "softmax"), dtype=dtype)


def log_softmax(input, dim=None, _stacklevel=3, dtype=None):  # noqa: A002
    return input.log_softmax(_softmax_dim(input, dim, "log_softmax"), dtype=dtype)


def __getattr__(name):
    if name.startswith("_"):
        raise AttributeError(name)
    raise NotImplementedError(f"torch.nn.functional.{name} is not supported in Gradlab yet")

