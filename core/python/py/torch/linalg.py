"""torch.linalg: the functions Gradlab has (cross); the others raise
NotImplementedError naming them."""

from ._out import accepts_out
from ._unsupported import missing_names


@accepts_out
def cross(input, other, *, dim=-1):  # noqa: A002 - PyTorch's parameter name
    return input.cross(other, dim=dim)


__getattr__ = missing_names("torch.linalg")
