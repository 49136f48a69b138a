"""torch.autograd: backward, grad, custom Functions and gradcheck over the engine."""

from pyodide.ffi import to_js

import _gradlab_session as session

from .. import _engine
from .._grad_mode import enable_grad, no_grad, set_grad_enabled  # noqa: F401
from .._tensor import Tensor, wrap
from . import function, functional, graph  # noqa: F401
from .function import Function, FunctionCtx  # noqa: F401
from .gradcheck import GradcheckError, gradcheck  # noqa: F401


def _as_tuple(value):
    if value is None:
        return ()
    if isinstance(value, Tensor):
        return (value,)
    return tuple(value)


def _handles(tensors):
    return to_js([None if t is None else t._h for t in tensors])


def _leaf_labels():
    """Variable names the running cell gives to tensors, so recorded graphs can show them:
    tensor, name, tensor, name, ..."""
    labels = []
    for name, value in session.current.namespace.items():
        if isinstance(value, Tensor) and not name.startswith("_"):
            labels += (value._h, name)
    return labels


def backward(tensors, grad_tensors=None, retain_graph=None, create_graph=False, inputs=None):
    if inputs is not None and len(inputs) == 0:
        raise RuntimeError("'inputs' argument to backward() cannot be empty.")
    outputs = _as_tuple(tensors)
    keep = create_graph if retain_graph is None else retain_graph
    labels = _leaf_labels()
    line = session.cell_line()
    if len(outputs) == 1 and isinstance(outputs[0], Tensor) and grad_tensors is None and inputs is None:
        _engine.backward_from(outputs[0]._h, bool(keep), bool(create_graph), line, *labels)
        return
    gradients = _as_tuple(grad_tensors) or (None,) * len(outputs)
    _engine.backward(
        _handles(outputs),
        _handles(gradients),
        bool(keep),
        bool(create_graph),
        line,
        None if inputs is None else _handles(_as_tuple(inputs)),
        *labels,
    )


def grad(outputs, inputs, grad_outputs=None, retain_graph=None, create_graph=False,
         only_inputs=True, allow_unused=None, is_grads_batched=False, materialize_grads=False):
    outputs = _as_tuple(outputs)
    inputs_tuple = _as_tuple(inputs)
    gradients = _as_tuple(grad_outputs) or (None,) * len(outputs)
    keep = create_graph if retain_graph is None else retain_graph
    results = _engine.autograd_grad(
        _handles(outputs),
        _handles(inputs_tuple),
        _handles(gradients),
        bool(keep),
        bool(create_graph),
        bool(allow_unused or materialize_grads),
    )
    grads = tuple(wrap(handle) for handle in results)
    if materialize_grads:
        from .._creation import zeros_like

        grads = tuple(zeros_like(i) if g is None else g for g, i in zip(grads, inputs_tuple))
    return grads


def Variable(data, requires_grad=False, volatile=False):  # noqa: N802 - PyTorch's legacy name
    """The pre-0.4 wrapper: today a Variable is simply a Tensor."""
    if requires_grad:
        data.requires_grad_(True)
    return data


def __getattr__(name):
    if name.startswith("_"):
        raise AttributeError(f"module 'torch.autograd' has no attribute '{name}'")
    raise NotImplementedError(f"torch.autograd.{name} is not supported in Gradlab yet")
