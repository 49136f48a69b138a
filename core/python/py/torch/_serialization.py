"""torch.save and torch.load: any picklable object (a state_dict, a model, a tensor) written to
a file of this session's file system, or a file object, and read back. Tensors pickle as their
values, shape, dtype and requires_grad; the file format is Gradlab's own, not PyTorch's zip."""

import pickle


def rebuild_tensor(values, shape, dtype_name, requires_grad, is_parameter):
    from . import _dtypes, tensor
    from .nn import Parameter

    rebuilt = tensor(values, dtype=_dtypes.BY_NAME[dtype_name]).reshape(*shape)
    if is_parameter:
        return Parameter(rebuilt, requires_grad)
    return rebuilt.requires_grad_(requires_grad)


def reduce_tensor(value):
    from .nn import Parameter

    if not value.is_leaf:
        raise RuntimeError(
            "Can't pickle a tensor that is not a leaf of the graph (Gradlab keeps no history "
            "in a saved file): save tensor.detach() instead"
        )
    arguments = (value._flat_values(), tuple(value.shape), value.dtype._name,
                 value.requires_grad, isinstance(value, Parameter))
    return rebuild_tensor, arguments


def save(obj, f, pickle_module=pickle, pickle_protocol=2, _use_new_zipfile_serialization=True):
    if isinstance(f, str) or hasattr(f, "__fspath__"):
        with open(f, "wb") as file:
            pickle_module.dump(obj, file, protocol=pickle_protocol)
    else:
        pickle_module.dump(obj, f, protocol=pickle_protocol)


def load(f, map_location=None, pickle_module=pickle, *, weights_only=False, **pickle_load_args):
    if isinstance(f, str) or hasattr(f, "__fspath__"):
        with open(f, "rb") as file:
            return pickle_module.load(file, **pickle_load_args)
    return pickle_module.load(f, **pickle_load_args)
