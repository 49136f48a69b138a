"""torch.autograd.Function: custom forward/backward written by the student.

The engine records the output with a node named `<Name>Backward` that calls back into Python
for the gradients; the callback is a proxy the engine destroys when the node is freed.
"""

import contextlib
import warnings

from pyodide.ffi import create_proxy, to_js

from .. import _engine
from .._tensor import Tensor, wrap

_backward_creates_graph = [False]


@contextlib.contextmanager
def backward_grad_mode(create_graph):
    """Custom backward functions run with grad mode on only when create_graph is set."""
    previous = _backward_creates_graph[0]
    _backward_creates_graph[0] = bool(create_graph)
    try:
        yield
    finally:
        _backward_creates_graph[0] = previous


class FunctionCtx:
    def __init__(self):
        self.saved_tensors = ()
        self.needs_input_grad = ()
        self.non_differentiable = ()
        self.materialize_grads = True

    def save_for_backward(self, *tensors):
        self.saved_tensors = tuple(tensors)

    def mark_non_differentiable(self, *tensors):
        self.non_differentiable = tuple(tensors)

    def mark_dirty(self, *tensors):
        pass

    def set_materialize_grads(self, value):
        self.materialize_grads = bool(value)


BackwardCFunction = FunctionCtx


class Function:
    def __init__(self, *args, **kwargs):
        warnings.warn(
            f"{type(self)} should not be instantiated. Methods on autograd functions are all "
            "static, so you should invoke them on the class itself. Instantiating an autograd "
            "function will raise an error in a future version of PyTorch.",
            DeprecationWarning,
            stacklevel=2,
        )

    def __call__(self, *args, **kwargs):
        raise RuntimeError(
            "Legacy autograd function with non-static forward method is deprecated. Please use "
            "new-style autograd function with static forward method. (Example: "
            "https://pytorch.org/docs/stable/autograd.html#torch.autograd.Function)"
        )

    @staticmethod
    def forward(ctx, *args, **kwargs):
        raise NotImplementedError(
            "You must implement either the forward or the setup_context method."
        )

    @staticmethod
    def backward(ctx, *grad_outputs):
        raise NotImplementedError(
            "You must implement either the backward or the vjp method for your custom "
            "autograd.Function to use it with backward mode AD."
        )

    @classmethod
    def apply(cls, *args, **kwargs):
        from .._grad_mode import no_grad, set_grad_enabled

        ctx = FunctionCtx()
        ctx.needs_input_grad = tuple(isinstance(a, Tensor) and a.requires_grad for a in args)
        with no_grad():
            result = cls.forward(ctx, *args, **kwargs)
        outputs = result if isinstance(result, tuple) else (result,)
        tensor_outputs = [o for o in outputs if isinstance(o, Tensor)]
        if not (any(ctx.needs_input_grad) and _engine.is_grad_enabled() and tensor_outputs):
            return result
        node_name = f"{cls.__name__}Backward"
        input_positions = [i for i, a in enumerate(args) if isinstance(a, Tensor)]
        expected = len(args)

        def run_backward(grad_handles):
            try:
                return compute_gradients(grad_handles)
            except BaseException as error:  # noqa: BLE001 - re-raised by the engine call
                _engine.callback_errors.append(error)
                return None

        def compute_gradients(grad_handles):
            grads = [wrap(handle) for handle in grad_handles]
            with set_grad_enabled(_backward_creates_graph[0]):
                returned = cls.backward(ctx, *grads)
            returned = returned if isinstance(returned, tuple) else (returned,)
            if len(returned) != expected:
                raise RuntimeError(
                    f"function {node_name} returned an incorrect number of gradients "
                    f"(expected {expected}, got {len(returned)})"
                )
            handles = []
            for position in input_positions:
                gradient = returned[position]
                handles.append(gradient._h if isinstance(gradient, Tensor) else None)
            return to_js(handles)

        callback = create_proxy(run_backward)
        new_handles = _engine.custom_apply(
            node_name,
            to_js([args[i]._h for i in input_positions]),
            to_js([o._h for o in tensor_outputs]),
            to_js([t._h for t in ctx.saved_tensors if isinstance(t, Tensor)]),
            callback,
        )
        replaced = iter(wrap(handle) for handle in new_handles)
        wrapped = tuple(next(replaced) if isinstance(o, Tensor) else o for o in outputs)
        return wrapped if isinstance(result, tuple) else wrapped[0]


class InplaceFunction(Function):
    pass


class NestedIOFunction(Function):
    pass


def once_differentiable(function):
    return function
