"""torch.nn.Parameter: a leaf tensor that requires grad and that a Module registers."""

from .._tensor import Tensor


class Parameter(Tensor):
    __slots__ = ()

    def __new__(cls, data=None, requires_grad=True):
        from .. import empty

        source = empty(0) if data is None else data
        parameter = object.__new__(cls)
        # Shares the data's storage, outside its graph, as torch's Parameter does.
        parameter._h = source.detach()._h
        parameter.requires_grad_(requires_grad)
        return parameter

    def __repr__(self):
        return "Parameter containing:\n" + super().__repr__()

    __str__ = __repr__


Parameter.__module__ = "torch.nn.parameter"
