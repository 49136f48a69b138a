"""torch.cuda on a machine without a GPU: code that asks finds none and runs on the CPU."""

from ._unsupported import missing_names


def is_available():
    return False


def device_count():
    return 0


__getattr__ = missing_names("torch.cuda", "is not supported in Gradlab (there is no GPU)")
