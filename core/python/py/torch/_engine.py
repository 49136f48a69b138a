"""The TypeScript autograd engine as Python sees it, and its errors as Python exceptions.

Every call crosses the Python/JavaScript bridge once; functions are looked up once, here.
"""

import builtins

import _gradlab_engine as _E
from pyodide.ffi import JsException

_PY_ERRORS = {
    name: getattr(builtins, name)
    for name in ("RuntimeError", "TypeError", "ValueError", "IndexError", "NotImplementedError")
}


def register_error(name, exception_class):
    """Makes engine errors of type `name` raise `exception_class` (e.g. GradcheckError)."""
    _PY_ERRORS[name] = exception_class


# Exceptions raised by Python code the engine called back (a custom Function's forward or
# backward, gradcheck's function). They are handed over here rather than thrown through
# JavaScript, which would print them; the engine call that made the callback re-raises them.
callback_errors = []


def callback(function):
    """`function` made safe to call from the engine (see callback_errors)."""

    def call(*args):
        try:
            return function(*args)
        except BaseException as error:  # noqa: BLE001 - re-raised by the engine call
            callback_errors.append(error)
            return None

    return call


def python_error(error):
    """The Python exception a TorchError from the engine stands for (PyTorch's type and text)."""
    if callback_errors:
        return callback_errors.pop()
    kind = _PY_ERRORS.get(getattr(error, "pyType", None) or "", RuntimeError)
    return kind(error.message)


def _guarded(function):
    def call(*args):
        try:
            return function(*args)
        except JsException as error:
            exception = python_error(error)
            raise exception.with_traceback(exception.__traceback__) from None

    call.__name__ = getattr(function, "name", "engine_call")
    return call


tensor = _guarded(_E.tensor)
full = _guarded(_E.full)
linspace = _guarded(_E.linspace)
arange = _guarded(_E.arange)
op = _guarded(_E.op)
clamp = _guarded(_E.clamp)
cast = _guarded(_E.cast)
same_shape = _E.sameShape
inplace = _guarded(_E.inplace)
getitem = _guarded(_E.getitem)
setitem = _guarded(_E.setitem)
shape_op = _guarded(_E.shapeOp)
split_op = _guarded(_E.splitOp)
layout = _E.layout
where = _guarded(_E.where)
along_dim = _guarded(_E.alongDim)
join = _guarded(_E.join)
cross = _guarded(_E.cross)
gather = _guarded(_E.gather)
sort = _guarded(_E.sort)
promote_types = _E.promoteTypes
can_cast = _E.canCast
result_type = _guarded(_E.resultType)
topk = _guarded(_E.topk)
triangle = _guarded(_E.triangle)
scatter = _guarded(_E.scatter)
unique = _guarded(_E.unique)
norm = _guarded(_E.norm)
addmm = _guarded(_E.addmm)
linear = _guarded(_E.linear)
zero_grads = _guarded(_E.zeroGrads)
sgd_steps = _guarded(_E.sgdSteps)
mse_loss = _guarded(_E.mseLoss)
binary_cross_entropy = _guarded(_E.binaryCrossEntropy)
binary_cross_entropy_with_logits = _guarded(_E.binaryCrossEntropyWithLogits)
nll_loss = _guarded(_E.nllLoss)
leaky_relu = _guarded(_E.leakyRelu)
addcmul_ = _guarded(_E.addcmul_)
addcdiv_ = _guarded(_E.addcdiv_)
std_var = _guarded(_E.stdVar)
ctx_saved_tensors = _guarded(_E.ctxSavedTensors)
node_saved_tensors = _guarded(_E.nodeSavedTensors)
clamp_in_place = _guarded(_E.clampInPlace)
values = _E.values
storage_values = _E.storageValues
base = _E.base
storage_positions = _E.storagePositions
storage_read = _E.storageRead
storage_write = _E.storageWrite
default_generator = _E.defaultGenerator
new_generator = _E.newGenerator
manual_seed = _guarded(_E.manualSeed)
initial_seed = _E.initialSeed
seed_randomly = _E.seedRandomly
draw_seed = _E.drawSeed
get_state = _E.getState
set_state = _guarded(_E.setState)
random_tensor = _guarded(_E.randomTensor)
sample_in_place = _guarded(_E.sampleInPlace)
randperm = _guarded(_E.randperm)
format_tensor = _guarded(_E.formatTensor)
set_print_options = _E.setPrintOptions
grad = _E.grad
set_grad = _guarded(_E.setGrad)
set_data = _guarded(_E.setData)
set_requires_grad = _guarded(_E.setRequiresGrad)
retain_grad = _guarded(_E.retainGrad)
grad_fn = _E.gradFn
node_info = _E.nodeInfo
backward = _guarded(_E.backward)
backward_from = _guarded(_E.backwardFrom)
autograd_grad = _guarded(_E.autogradGrad)
apply_function = _guarded(_E.applyFunction)
gradcheck = _guarded(_E.gradcheck)
set_grad_enabled = _E.setGradEnabled
is_grad_enabled = _E.isGradEnabled
NON_LEAF_GRAD_WARNING = _E.NON_LEAF_GRAD_WARNING
