"""torch.optim.SGD: p -= lr * grad, with PyTorch's momentum, dampening, weight decay,
Nesterov and maximize options (its single-tensor loop, as PyTorch runs it on the CPU)."""

from .. import _engine, no_grad
from .optimizer import Optimizer, required


class SGD(Optimizer):
    def __init__(self, params, lr=required, momentum=0, dampening=0, weight_decay=0,
                 nesterov=False, *, maximize=False, foreach=None, differentiable=False):
        if lr is not required and lr < 0.0:
            raise ValueError(f"Invalid learning rate: {lr}")
        if momentum < 0.0:
            raise ValueError(f"Invalid momentum value: {momentum}")
        if weight_decay < 0.0:
            raise ValueError(f"Invalid weight_decay value: {weight_decay}")
        if nesterov and (momentum <= 0 or dampening != 0):
            raise ValueError("Nesterov momentum requires a momentum and zero dampening")
        defaults = dict(lr=lr, momentum=momentum, dampening=dampening, weight_decay=weight_decay,
                        nesterov=nesterov, maximize=maximize, foreach=foreach,
                        differentiable=differentiable)
        super().__init__(params, defaults)

    def step(self, closure=None):
        loss = self._closure_loss(closure)
        for group in self.param_groups:
            if (group["momentum"], group["weight_decay"], group["maximize"]) == (0, 0, False):
                # p -= lr * grad for every parameter with a gradient: one engine call, no_grad
                # inside it.
                _engine.sgd_steps(group["lr"], *[p._h for p in group["params"]])
                continue
            with no_grad():
                self._update(group)
        return loss

    def _update(self, group):
        for parameter in group["params"]:
            grad = parameter.grad
            if grad is None:
                continue
            step = grad if not group["maximize"] else -grad
            if group["weight_decay"] != 0:
                step = step.add(parameter, alpha=group["weight_decay"])
            if group["momentum"] != 0:
                state = self.state[parameter]
                buffer = state.get("momentum_buffer")
                if buffer is None:
                    buffer = state["momentum_buffer"] = step.clone().detach()
                else:
                    buffer.mul_(group["momentum"]).add_(step, alpha=1 - group["dampening"])
                step = step.add(buffer, alpha=group["momentum"]) if group["nesterov"] else buffer
            parameter.add_(step, alpha=-group["lr"])
