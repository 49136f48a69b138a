"""torch.utils: the data loading utilities that training loops use."""

from .._unsupported import missing_names

from . import data  # noqa: F401


__getattr__ = missing_names("torch.utils")
