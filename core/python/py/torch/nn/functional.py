"""torch.nn.functional: activations, softmax, linear, dropout, one_hot and the losses of a
first course (mse, l1, binary cross-entropy with and without logits, nll, cross-entropy)."""

import warnings

import _gradlab_session as session

from .. import _engine, _tensor
from .._unsupported import missing_names


def relu(input, inplace=False):  # noqa: A002 - PyTorch's parameter name
    return input.relu_() if inplace else input.relu()


def sigmoid(input):  # noqa: A002
    return input.sigmoid()


def tanh(input):  # noqa: A002
    return input.tanh()


def linear(input, weight, bias=None):  # noqa: A002
    """input @ weight.T + bias: one addmm node for a batch (a matrix), as in PyTorch."""
    return _tensor.wrap(_engine.linear(
        input._h, weight._h, None if bias is None else bias._h, session.cell_line()
    ))


def _legacy_reduction(size_average, reduce, reduction):
    """PyTorch's reading of the deprecated size_average/reduce flags, with its warning."""
    if size_average is None and reduce is None:
        return reduction
    size_average = True if size_average is None else size_average
    reduce = True if reduce is None else reduce
    reduction = "mean" if size_average and reduce else "sum" if reduce else "none"
    warnings.warn(
        f"size_average and reduce args will be deprecated, please use reduction='{reduction}' "
        "instead.",
        UserWarning,
        stacklevel=3,
    )
    return reduction


def _same_shape(input, target):  # noqa: A002
    """input.shape == target.shape, in one engine call for tensors (reading a shape costs more)."""
    if isinstance(input, _tensor.Tensor) and isinstance(target, _tensor.Tensor):
        return _engine.same_shape(input._h, target._h)
    return target.shape == input.shape


def _warn_size_mismatch(input, target):  # noqa: A002
    if not _same_shape(input, target):
        warnings.warn(
            f"Using a target size ({target.shape}) that is different to the input size "
            f"({input.shape}). This will likely lead to incorrect results due to broadcasting. "
            "Please ensure they have the same size.",
            UserWarning,
            stacklevel=3,
        )


def _handle(value):
    return None if value is None else value._h


def _check_reduction(reduction):
    if reduction not in ("mean", "sum", "none"):
        raise ValueError(f"{reduction} is not a valid value for reduction")


def mse_loss(input, target, size_average=None, reduce=None, reduction="mean"):  # noqa: A002
    reduction = _legacy_reduction(size_average, reduce, reduction)
    _warn_size_mismatch(input, target)
    return _tensor.wrap(_engine.mse_loss(input._h, target._h, reduction, session.cell_line()))


def l1_loss(input, target, size_average=None, reduce=None, reduction="mean"):  # noqa: A002
    reduction = _legacy_reduction(size_average, reduce, reduction)
    _warn_size_mismatch(input, target)
    _check_reduction(reduction)
    # PyTorch 1.13 composes it: |input - target|, then the reduction's own node.
    loss = (input - target).abs()
    return loss.mean() if reduction == "mean" else loss.sum() if reduction == "sum" else loss


def binary_cross_entropy(input, target, weight=None, size_average=None, reduce=None,  # noqa: A002
                         reduction="mean"):
    reduction = _legacy_reduction(size_average, reduce, reduction)
    if not _same_shape(input, target):
        raise ValueError(
            f"Using a target size ({target.shape}) that is different to the input size "
            f"({input.shape}) is deprecated. Please ensure they have the same size."
        )
    if weight is not None:
        weight = weight.expand(*target.shape)
    return _tensor.wrap(_engine.binary_cross_entropy(
        input._h, target._h, reduction, _handle(weight), session.cell_line()
    ))


def binary_cross_entropy_with_logits(input, target, weight=None, size_average=None,  # noqa: A002
                                     reduce=None, reduction="mean", pos_weight=None):
    reduction = _legacy_reduction(size_average, reduce, reduction)
    if not _same_shape(input, target):
        raise ValueError(
            f"Target size ({target.shape}) must be the same as input size ({input.shape})"
        )
    return _tensor.wrap(_engine.binary_cross_entropy_with_logits(
        input._h, target._h, reduction, _handle(weight), _handle(pos_weight), session.cell_line()
    ))


def nll_loss(input, target, weight=None, size_average=None, ignore_index=-100,  # noqa: A002
             reduce=None, reduction="mean"):
    reduction = _legacy_reduction(size_average, reduce, reduction)
    if input.dim() < 1:
        raise ValueError(f"Expected 1 or more dimensions (got {input.dim()})")
    if input.dim() != 1 and input.shape[0] != target.shape[0]:
        raise ValueError(
            f"Expected input batch_size ({input.shape[0]}) to match target batch_size "
            f"({target.shape[0]})."
        )
    if input.dim() > 2:
        raise NotImplementedError(
            "torch.nn.functional.nll_loss of inputs with more than 2 dimensions is not "
            "supported in Gradlab yet"
        )
    return _tensor.wrap(_engine.nll_loss(
        input._h, target._h, reduction, _handle(weight), ignore_index, session.cell_line()
    ))


def cross_entropy(input, target, weight=None, size_average=None, ignore_index=-100,  # noqa: A002
                  reduce=None, reduction="mean", label_smoothing=0.0):
    reduction = _legacy_reduction(size_average, reduce, reduction)
    class_dim = 0 if input.dim() == 1 else 1
    if _same_shape(input, target):
        return _cross_entropy_probabilities(input, target, weight, ignore_index, reduction,
                                            label_smoothing, class_dim)
    if label_smoothing > 0.0:
        raise NotImplementedError(
            "torch.nn.functional.cross_entropy with label_smoothing is not supported in Gradlab yet"
        )
    return nll_loss(input.log_softmax(class_dim), target, weight, None, ignore_index, None,
                    reduction)


def _cross_entropy_probabilities(input, target, weight, ignore_index, reduction,  # noqa: A002
                                 label_smoothing, class_dim):
    """Class probabilities as the target (same shape as the input), as PyTorch composes it."""
    if not target.is_floating_point():
        kind = {"int64": "Long", "bool": "Bool"}[target.dtype._name]
        raise RuntimeError(
            f"Expected floating point type for target with class probabilities, got {kind}"
        )
    if ignore_index >= 0:
        raise RuntimeError("ignore_index is not supported for floating point target")
    if weight is not None or label_smoothing > 0.0:
        raise NotImplementedError(
            "torch.nn.functional.cross_entropy with class probabilities and a weight or "
            "label_smoothing is not supported in Gradlab yet"
        )
    _check_reduction(reduction)
    products = input.log_softmax(class_dim) * target
    if reduction == "mean":
        return -products.sum() / (input.numel() // input.shape[class_dim])
    if reduction == "sum":
        return -products.sum()
    return -products.sum(class_dim)


def leaky_relu(input, negative_slope=0.01, inplace=False):  # noqa: A002
    if inplace:
        raise NotImplementedError("leaky_relu(inplace=True) is not supported in Gradlab yet")
    return _tensor.wrap(_engine.leaky_relu(input._h, negative_slope, session.cell_line()))


def dropout(input, p=0.5, training=True, inplace=False):  # noqa: A002
    if p < 0.0 or p > 1.0:
        raise ValueError(f"dropout probability has to be between 0 and 1, but got {p}")
    if inplace:
        raise NotImplementedError("dropout(inplace=True) is not supported in Gradlab yet")
    if p == 0 or not training or input.numel() == 0:
        return input
    from .. import empty_like, zeros

    if p == 1:
        return input * zeros((), dtype=input.dtype)
    # PyTorch's CPU dropout: a Bernoulli(1 - p) mask scaled by 1 / (1 - p), then one product.
    noise = empty_like(input).bernoulli_(1 - p)
    noise.div_(1 - p)
    return input * noise


def one_hot(tensor, num_classes=-1):
    from .. import zeros

    if tensor.dtype._name != "int64":
        raise RuntimeError(
            "one_hot is only applicable to index tensor."
        )
    values = tensor.reshape(-1).tolist()
    if values and min(values) < 0:
        raise RuntimeError("Class values must be non-negative.")
    if num_classes == -1:
        num_classes = max(values) + 1 if values else 0
    elif values and max(values) >= num_classes:
        raise RuntimeError("Class values must be smaller than num_classes.")
    result = zeros(len(values), num_classes, dtype=tensor.dtype)
    for row, value in enumerate(values):
        result[row, value] = 1
    return result.reshape(*tensor.shape, num_classes)


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


__getattr__ = missing_names("torch.nn.functional")

