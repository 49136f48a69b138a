"""torch.optim: SGD, Adam and AdamW, and the step schedulers of torch.optim.lr_scheduler."""

from .._unsupported import missing_names

from . import lr_scheduler  # noqa: F401
from .adam import Adam, AdamW  # noqa: F401
from .optimizer import Optimizer  # noqa: F401
from .sgd import SGD  # noqa: F401

for _class in (Optimizer, SGD, Adam, AdamW):
    _class.__module__ = "torch.optim." + {"Optimizer": "optimizer"}.get(
        _class.__name__, _class.__name__.lower()
    )
del _class


__getattr__ = missing_names("torch.optim")
