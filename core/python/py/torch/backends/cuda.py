"""torch.backends.cuda: a build without CUDA."""

from .._unsupported import missing_names


def is_built():
    return False


__getattr__ = missing_names("torch.backends.cuda")
