"""torch.autograd.gradcheck: analytical gradients against central finite differences,
with PyTorch's defaults (eps 1e-6, atol 1e-5, rtol 1e-3)."""

import warnings

from .._tensor import Tensor


class GradcheckError(RuntimeError):
    pass


def _as_tuple(value):
    return (value,) if isinstance(value, Tensor) else tuple(value)


def _outputs(func, inputs):
    return [o for o in _as_tuple(func(*inputs)) if isinstance(o, Tensor)]


def _flat(tensor):
    return [float(v) for v in tensor.detach()._flat_values()]


def _with_element(tensor, index, delta):
    from .._creation import tensor as make_tensor

    values = _flat(tensor)
    values[index] += delta
    return make_tensor(values, dtype=tensor.dtype).reshape(tuple(tensor.shape))


def _numerical_jacobian(func, inputs, position, eps):
    """Column j: d(outputs)/d(input element j) by central differences."""
    from .._grad_mode import no_grad

    columns = []
    for index in range(inputs[position].numel()):
        shifted = []
        for delta in (eps, -eps):
            moved = list(inputs)
            moved[position] = _with_element(inputs[position].detach(), index, delta)
            with no_grad():
                shifted.append([v for o in _outputs(func, moved) for v in _flat(o)])
        columns.append([(a - b) / (2 * eps) for a, b in zip(*shifted)])
    return columns


def _analytical_jacobian(outputs, inputs, position):
    """Column j as the numerical one: rows from backward of each output element."""
    from . import grad
    from .._creation import zeros_like

    target = inputs[position]
    rows = []
    for output in outputs:
        for element in range(output.numel()):
            seed = _with_element(zeros_like(output), element, 1.0)
            (gradient,) = grad(output, target, seed, retain_graph=True, allow_unused=True)
            rows.append(_flat(gradient) if gradient is not None else [0.0] * target.numel())
    return [[row[j] for row in rows] for j in range(target.numel())]


def _format(columns):
    return "\n".join(" ".join(f"{v:.4f}" for v in column) for column in columns)


def gradcheck(func, inputs, *, eps=1e-6, atol=1e-5, rtol=1e-3, raise_exception=True,
              nondet_tol=0.0, check_undefined_grad=True, check_grad_dtypes=False,
              check_batched_grad=False, check_batched_forward_grad=False,
              check_forward_ad=False, check_backward_ad=True, fast_mode=False, masked=None):
    inputs = _as_tuple(inputs)
    for index, value in enumerate(inputs):
        if isinstance(value, Tensor) and value.requires_grad and value.dtype._name != "float64":
            warnings.warn(
                f"Input #{index} requires gradient and is not a double precision floating point "
                "or complex. This check will likely fail if all the inputs are not of double "
                "precision floating point or complex. ",
                UserWarning,
                stacklevel=2,
            )
    outputs = _outputs(func, inputs)
    for position, value in enumerate(inputs):
        if not (isinstance(value, Tensor) and value.requires_grad):
            continue
        numerical = _numerical_jacobian(func, inputs, position, eps)
        analytical = _analytical_jacobian(outputs, inputs, position)
        for num_column, ana_column in zip(numerical, analytical):
            for n, a in zip(num_column, ana_column):
                if not abs(a - n) <= atol + rtol * abs(n):
                    if not raise_exception:
                        return False
                    raise GradcheckError(
                        f"Jacobian mismatch for output 0 with respect to input {position},\n"
                        f"numerical:{_format(numerical)}\nanalytical:{_format(analytical)}\n"
                    )
    return True


def gradgradcheck(*args, **kwargs):
    raise NotImplementedError("torch.autograd.gradgradcheck is not supported in Gradlab yet")
