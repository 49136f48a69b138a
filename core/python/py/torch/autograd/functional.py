"""torch.autograd.functional: jacobian and hessian, built as PyTorch builds them (reverse mode:
one autograd.grad per output element, rows stacked)."""

from .._tensor import Tensor


def _as_tuple(value):
    return (value, True) if isinstance(value, tuple) else ((value,), False)


def _prepare(inputs, create_graph):
    """Inputs that require grad: the same graph when create_graph, else detached copies."""
    from .. import autograd  # noqa: F401 - torch.autograd is loaded by then

    prepared = []
    for value in inputs:
        if create_graph and value.requires_grad:
            prepared.append(value.view_as(value))
        else:
            prepared.append(value.detach().requires_grad_(True))
    return tuple(prepared)


def _grads(output, inputs, create_graph):
    from . import grad

    if not output.requires_grad:
        return (None,) * len(inputs)
    return grad((output,), inputs, retain_graph=True, create_graph=create_graph,
                allow_unused=True)


def _shape_result(result, outputs_tuple, inputs_tuple):
    if not outputs_tuple:
        result = result[0]
        return result if inputs_tuple else result[0]
    return result if inputs_tuple else tuple(row[0] for row in result)


def jacobian(func, inputs, create_graph=False, strict=False, vectorize=False,
             strategy="reverse-mode"):
    import torch

    if strict or vectorize or strategy != "reverse-mode":
        raise NotImplementedError(
            "torch.autograd.functional.jacobian supports only its default options in Gradlab yet"
        )
    inputs, inputs_tuple = _as_tuple(inputs)
    inputs = _prepare(inputs, create_graph)
    outputs, outputs_tuple = _as_tuple(func(*inputs))
    result = []
    for output in outputs:
        if not isinstance(output, Tensor):
            raise TypeError(
                "The outputs of the user-provided function given to jacobian must be either a "
                f"Tensor or a tuple of Tensors but the given outputs of the user-provided "
                f"function has type {type(output)}."
            )
        rows = [[] for _ in inputs]
        flat = output.reshape(-1)
        for j in range(output.numel()):
            for row, g, value in zip(rows, _grads(flat[j], inputs, create_graph), inputs):
                row.append(torch.zeros_like(value) if g is None else g)
        result.append(tuple(
            torch.stack(row, dim=0).view(*output.shape, *value.shape)
            if row else torch.zeros(*output.shape, *value.shape)
            for row, value in zip(rows, inputs)
        ))
    if not create_graph:
        result = [tuple(t.detach() for t in row) for row in result]
    return _shape_result(tuple(result), outputs_tuple, inputs_tuple)


def hessian(func, inputs, create_graph=False, strict=False, vectorize=False,
            outer_jacobian_strategy="reverse-mode"):
    inputs_tuple = isinstance(inputs, tuple)

    def single_output(*values):
        out = func(*values)
        if isinstance(out, tuple) or not isinstance(out, Tensor):
            raise RuntimeError("The function given to hessian should return a single Tensor")
        if out.numel() != 1:
            raise RuntimeError(
                "The Tensor returned by the function given to hessian should contain a single "
                "element"
            )
        return out.squeeze()

    def gradient(*values):
        return jacobian(single_output, values, create_graph=True)

    result = jacobian(gradient, inputs, create_graph=create_graph, strict=strict,
                      vectorize=vectorize, strategy=outer_jacobian_strategy)
    if inputs_tuple:
        return result
    return result[0] if isinstance(result, tuple) else result
