"""torch.backends.mps: Apple's GPU, neither built in nor available here."""

from .._unsupported import missing_names


def is_available():
    return False


def is_built():
    return False


__getattr__ = missing_names("torch.backends.mps")
