"""torch.nn.functional: activations, softmax, linear and mse_loss."""

import warnings


def relu(input, inplace=False):  # noqa: A002 - PyTorch's parameter name
    return input.relu_() if inplace else input.relu()


def sigmoid(input):  # noqa: A002
    return input.sigmoid()


def tanh(input):  # noqa: A002
    return input.tanh()


def linear(input, weight, bias=None):  # noqa: A002
    """input @ weight.T + bias: one addmm node for a batch (a matrix), as in PyTorch."""
    from .. import _engine, _tensor
    import _gradlab_session as session

    if input.dim() == 2 and bias is not None:
        return _tensor.wrap(_engine.addmm(bias._h, input._h, weight.t()._h, session.cell_line()))
    output = input @ weight.t()
    if bias is not None:
        output.add_(bias)  # in place on the fresh product, as PyTorch does (AddBackward0)
    return output


def mse_loss(input, target, size_average=None, reduce=None, reduction="mean"):  # noqa: A002
    from .. import _engine, _tensor
    import _gradlab_session as session

    if target.shape != input.shape:
        warnings.warn(
            f"Using a target size ({target.shape}) that is different to the input size "
            f"({input.shape}). This will likely lead to incorrect results due to broadcasting. "
            "Please ensure they have the same size.",
            UserWarning,
            stacklevel=2,
        )
    return _tensor.wrap(_engine.mse_loss(input._h, target._h, reduction, session.cell_line()))


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

