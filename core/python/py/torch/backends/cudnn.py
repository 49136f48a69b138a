"""torch.backends.cudnn without a GPU: unavailable, its switches kept as PyTorch's defaults."""

from .._unsupported import missing_names

enabled = True
benchmark = False
deterministic = False
allow_tf32 = True


def is_available():
    return False


def version():
    return None


__getattr__ = missing_names("torch.backends.cudnn")
