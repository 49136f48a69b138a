"""nn.BatchNorm1d, computed in the order of ATen's CPU kernel: the batch's mean and variance
accumulated in double precision, then output = input * alpha + beta per feature, with
alpha = weight / sqrt(var + eps) and beta = bias - mean * alpha (so the outputs match PyTorch's to
the last bit); the gradient comes from autograd through those steps."""

from .module import Module
from .parameter import Parameter


class BatchNorm1d(Module):
    def __init__(
        self,
        num_features,
        eps=1e-5,
        momentum=0.1,
        affine=True,
        track_running_stats=True,
        device=None,
        dtype=None,
    ):
        super().__init__()
        import torch

        self.num_features = num_features
        self.eps = eps
        self.momentum = momentum
        self.affine = affine
        self.track_running_stats = track_running_stats
        if affine:
            self.weight = Parameter(torch.ones(num_features, dtype=dtype))
            self.bias = Parameter(torch.zeros(num_features, dtype=dtype))
        else:
            self.register_parameter("weight", None)
            self.register_parameter("bias", None)
        if track_running_stats:
            self.register_buffer("running_mean", torch.zeros(num_features, dtype=dtype))
            self.register_buffer("running_var", torch.ones(num_features, dtype=dtype))
            self.register_buffer("num_batches_tracked", torch.tensor(0, dtype=torch.long))
        else:
            self.register_buffer("running_mean", None)
            self.register_buffer("running_var", None)
            self.register_buffer("num_batches_tracked", None)

    def extra_repr(self):
        return (
            f"{self.num_features}, eps={self.eps}, momentum={self.momentum}, "
            f"affine={self.affine}, track_running_stats={self.track_running_stats}"
        )

    def forward(self, input):  # noqa: A002 - PyTorch's parameter name
        import torch

        if input.dim() not in (2, 3):
            raise ValueError(f"expected 2D or 3D input (got {input.dim()}D input)")
        if input.shape[1] != self.num_features:
            raise RuntimeError(
                f"running_mean should contain {input.shape[1]} elements not {self.num_features}"
            )
        dims = (0,) if input.dim() == 2 else (0, 2)
        count = input.numel() // self.num_features
        use_batch = self.training or not self.track_running_stats
        if use_batch and count <= 1:
            raise ValueError(
                "Expected more than 1 value per channel when training, got input size "
                f"{input.size()}"
            )
        if use_batch:
            wide = input.double()
            mean64 = wide.mean(dims)
            centred = wide - (mean64 if input.dim() == 2 else mean64.unsqueeze(1))
            var64 = (centred * centred).sum(dims) / count
            mean = mean64.to(input.dtype)
            invstd = (1 / torch.sqrt(var64 + self.eps)).to(input.dtype)
            if self.training and self.track_running_stats:
                self._track(mean64.detach(), var64.detach() * count / (count - 1))
        else:
            mean = self.running_mean
            invstd = 1 / torch.sqrt(self.running_var + self.eps)
        alpha = invstd * self.weight if self.affine else invstd
        beta = (self.bias - mean * alpha) if self.affine else -mean * alpha
        if input.dim() == 3:
            alpha, beta = alpha.unsqueeze(1), beta.unsqueeze(1)
        return input * alpha + beta

    def _track(self, mean, unbiased_var):
        with __import__("torch").no_grad():
            self.num_batches_tracked.add_(1)
            momentum = self.momentum
            if momentum is None:  # a cumulative average
                momentum = 1.0 / float(self.num_batches_tracked)
            running_mean = self.running_mean.double() * (1 - momentum) + mean * momentum
            running_var = self.running_var.double() * (1 - momentum) + unbiased_var * momentum
            self.running_mean.copy_(running_mean.to(self.running_mean.dtype))
            self.running_var.copy_(running_var.to(self.running_var.dtype))
