"""torch.backends as on a CPU-only machine: no cuDNN, no Apple GPU (mps), no CUDA build."""

from . import cuda, cudnn, mkl, mkldnn, mps, openmp  # noqa: F401
from .._unsupported import missing_names

__getattr__ = missing_names("torch.backends")
