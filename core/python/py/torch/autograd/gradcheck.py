"""torch.autograd.gradcheck: the engine compares backward's Jacobian with central finite
differences (PyTorch's defaults: eps 1e-6, atol 1e-5, rtol 1e-3) over the Python function."""

import warnings

from pyodide.ffi import create_proxy, to_js

from .. import _engine
from .._tensor import Tensor, wrap


class GradcheckError(RuntimeError):
    pass


GradcheckError.__module__ = "torch.autograd.gradcheck"
_engine.register_error("GradcheckError", GradcheckError)


def _handles(result):
    outputs = result if isinstance(result, tuple) else (result,)
    return to_js([o._h for o in outputs if isinstance(o, Tensor)])


def gradcheck(func, inputs, *, eps=1e-6, atol=1e-5, rtol=1e-3, raise_exception=True,
              nondet_tol=0.0, check_undefined_grad=True, check_grad_dtypes=False,
              check_batched_grad=False, check_batched_forward_grad=False,
              check_forward_ad=False, check_backward_ad=True, fast_mode=False, masked=None):
    inputs = (inputs,) if isinstance(inputs, Tensor) else tuple(inputs)
    if not all(isinstance(value, Tensor) for value in inputs):
        raise NotImplementedError(
            "torch.autograd.gradcheck with inputs that are not tensors is not supported in Gradlab yet"
        )
    for index, value in enumerate(inputs):
        if value.requires_grad and value.dtype._name != "float64":
            warnings.warn(
                f"Input #{index} requires gradient and is not a double precision floating point "
                "or complex. This check will likely fail if all the inputs are not of double "
                "precision floating point or complex. ",
                UserWarning,
                stacklevel=2,
            )

    def run(handles):
        return _handles(func(*(wrap(handle) for handle in handles)))

    return bool(
        _engine.gradcheck(
            create_proxy(_engine.callback(run)),
            to_js([value._h for value in inputs]),
            float(eps),
            float(atol),
            float(rtol),
            bool(raise_exception),
        )
    )


def gradgradcheck(*args, **kwargs):
    raise NotImplementedError("torch.autograd.gradgradcheck is not supported in Gradlab yet")
