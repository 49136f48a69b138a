"""torch.nn: only torch.nn.functional is provided in Gradlab."""

from . import functional  # noqa: F401


def __getattr__(name):
    if name.startswith("_"):
        raise AttributeError(name)
    raise NotImplementedError(f"torch.nn.{name} is not supported in Gradlab yet")
