"""torch.nn.Linear. Its parameters start from Gradlab's random generator."""

import math

from . import functional as F
from .module import Module
from .parameter import Parameter


class Linear(Module):
    def __init__(self, in_features, out_features, bias=True, device=None, dtype=None):
        super().__init__()
        from .. import rand

        self.in_features = in_features
        self.out_features = out_features
        # PyTorch's default: uniform on [-1/sqrt(in_features), 1/sqrt(in_features)].
        bound = 1 / math.sqrt(in_features) if in_features > 0 else 0

        def uniform(*shape):
            return Parameter((rand(*shape, dtype=dtype) * 2 - 1) * bound)

        self.weight = uniform(out_features, in_features)
        if bias:
            self.bias = uniform(out_features)
        else:
            self.register_parameter("bias", None)

    def forward(self, input):  # noqa: A002 - PyTorch's parameter name
        return F.linear(input, self.weight, self.bias)

    def extra_repr(self):
        return (
            f"in_features={self.in_features}, out_features={self.out_features}, "
            f"bias={self.bias is not None}"
        )
