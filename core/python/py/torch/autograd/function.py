"""torch.autograd.Function: custom forward/backward written by the student.

The engine runs forward (tracing its ops for the graph panel) and records the outputs under a
node named `<Name>Backward` whose backward calls back into Python; that callback is a proxy the
engine destroys when the node is freed.
"""

import warnings

from pyodide.ffi import create_proxy, to_js

import _gradlab_session as session

from .. import _engine
from .._tensor import Tensor, wrap


class FunctionCtx:
    """`ctx` of forward and backward: saved tensors and needs_input_grad live in the engine
    (so a saved output does not make a Python/JavaScript reference cycle); anything else the
    student stores on ctx stays here."""

    def __init__(self, engine_ctx):
        self._ctx = engine_ctx
        self._saved_none = ()  # positions of None among the saved values
        self.non_differentiable = ()
        self.materialize_grads = True

    def save_for_backward(self, *tensors):
        for position, value in enumerate(tensors):
            if value is not None and not isinstance(value, Tensor):
                raise TypeError(
                    "save_for_backward can only save variables, but argument "
                    f"{position} is of type {type(value).__name__}"
                )
        self._saved_none = tuple(i for i, t in enumerate(tensors) if t is None)
        self._ctx.saveForBackward(to_js([t._h for t in tensors if t is not None]))

    @property
    def saved_tensors(self):
        saved = iter([wrap(handle) for handle in _engine.ctx_saved_tensors(self._ctx)])
        count = len(self._saved_none) + len(self._ctx.savedTensors)
        return tuple(None if i in self._saved_none else next(saved) for i in range(count))

    @property
    def needs_input_grad(self):
        return tuple(bool(flag) for flag in self._ctx.needsInputGrad)

    def mark_non_differentiable(self, *tensors):
        self.non_differentiable = tuple(tensors)

    def mark_dirty(self, *tensors):
        pass

    def set_materialize_grads(self, value):
        self.materialize_grads = bool(value)


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
        if kwargs:
            raise TypeError("apply() takes no keyword arguments")
        contexts = []
        returned = []  # [(forward's outputs as a tuple, whether forward returned a tuple)]

        def forward(engine_ctx):
            ctx = FunctionCtx(engine_ctx)
            contexts.append(ctx)
            result = cls.forward(ctx, *args, **kwargs)
            items = result if isinstance(result, tuple) else (result,)
            returned.append((items, isinstance(result, tuple)))
            # Only tensors join the graph; anything else is handed back as forward returned it.
            return to_js([o._h for o in items if isinstance(o, Tensor)])

        def backward(engine_ctx, grad_handles):
            # One gradient per forward output; None stands in for outputs that are not tensors.
            tensor_grads = iter([wrap(handle) for handle in grad_handles])
            grads = [next(tensor_grads) if isinstance(o, Tensor) else None for o in returned[0][0]]
            # The engine runs backward with grad mode on only when create_graph is set.
            gradients = cls.backward(contexts[0], *grads)
            gradients = gradients if isinstance(gradients, tuple) else (gradients,)
            for g in gradients:
                if g is not None and not isinstance(g, Tensor):
                    raise RuntimeError(f"expected Variable or None (got {type(g).__name__})")
            return to_js([g._h if isinstance(g, Tensor) else None for g in gradients])

        handles = _engine.apply_function(
            cls.__name__,
            to_js([a._h if isinstance(a, Tensor) else None for a in args]),
            _engine.callback(forward),
            create_proxy(_engine.callback(backward)),
            session.cell_line(),
        )
        tensors = iter([wrap(handle) for handle in handles])
        items, was_tuple = returned[0]
        outputs = tuple(next(tensors) if isinstance(o, Tensor) else o for o in items)
        return outputs if was_tuple else outputs[0]


def once_differentiable(function):
    """Marks a backward that cannot itself be differentiated; Gradlab needs no marker."""
    return function
