"""torch.nn: Module and its containers, the layers and losses of a first course, functional."""

from .._unsupported import missing_names

from . import functional, init  # noqa: F401
from .batchnorm import BatchNorm1d  # noqa: F401
from .containers import ModuleDict, ModuleList, Sequential  # noqa: F401
from .layers import (  # noqa: F401
    Dropout,
    Flatten,
    Identity,
    LeakyReLU,
    LogSoftmax,
    ReLU,
    Sigmoid,
    Softmax,
    Tanh,
)
from .loss import (  # noqa: F401
    BCELoss,
    BCEWithLogitsLoss,
    CrossEntropyLoss,
    L1Loss,
    MSELoss,
    NLLLoss,
)
from .module import Module  # noqa: F401
from .modules import Linear  # noqa: F401
from .parameter import Parameter  # noqa: F401
from .parameter_containers import ParameterDict, ParameterList  # noqa: F401

# Classes print where PyTorch defines them (torch.nn.modules.<file>.<name>).
for _module_file, _classes in {
    "module": (Module,),
    "linear": (Linear, Identity),
    "container": (Sequential, ModuleList, ModuleDict, ParameterList, ParameterDict),
    "activation": (ReLU, Sigmoid, Tanh, LeakyReLU, Softmax, LogSoftmax),
    "dropout": (Dropout,),
    "batchnorm": (BatchNorm1d,),
    "flatten": (Flatten,),
    "loss": (MSELoss, L1Loss, BCELoss, BCEWithLogitsLoss, NLLLoss, CrossEntropyLoss),
}.items():
    for _class in _classes:
        _class.__module__ = "torch.nn.modules." + _module_file
del _module_file, _classes, _class


__getattr__ = missing_names("torch.nn")
