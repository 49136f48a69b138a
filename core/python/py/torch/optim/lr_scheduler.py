"""torch.optim.lr_scheduler: StepLR, MultiStepLR and ExponentialLR as PyTorch 1.13 runs them
(each scheduler steps once when made, records initial_lr in the groups, and warns when it is
stepped before its optimizer)."""

from .._unsupported import missing_names

import warnings
from collections import Counter

from .optimizer import Optimizer

ORDER_WARNING = (
    "Detected call of `lr_scheduler.step()` before `optimizer.step()`. In PyTorch 1.1.0 and "
    "later, you should call them in the opposite order: `optimizer.step()` before "
    "`lr_scheduler.step()`.  Failure to do this will result in PyTorch skipping the first value "
    "of the learning rate schedule. See more details at "
    "https://pytorch.org/docs/stable/optim.html#how-to-adjust-learning-rate"
)


def _counting_steps(optimizer):
    """The optimizer's step, counting calls in optimizer._step_count (once per optimizer)."""
    step = optimizer.step
    if getattr(step, "_with_counter", False):
        return step

    def counted(*args, **kwargs):
        optimizer._step_count += 1
        return step(*args, **kwargs)

    counted._with_counter = True
    return counted


class _LRScheduler:
    def __init__(self, optimizer, last_epoch=-1, verbose=False):
        if not isinstance(optimizer, Optimizer):
            raise TypeError(f"{type(optimizer).__name__} is not an Optimizer")
        self.optimizer = optimizer
        if last_epoch == -1:
            for group in optimizer.param_groups:
                group.setdefault("initial_lr", group["lr"])
        else:
            for index, group in enumerate(optimizer.param_groups):
                if "initial_lr" not in group:
                    raise KeyError(
                        "param 'initial_lr' is not specified in param_groups[{}] when resuming "
                        "an optimizer".format(index)
                    )
        self.base_lrs = [group["initial_lr"] for group in optimizer.param_groups]
        self.last_epoch = last_epoch
        optimizer.step = _counting_steps(optimizer)
        self.verbose = verbose
        optimizer._step_count = 0
        self._step_count = 0
        self.step()

    def state_dict(self):
        return {key: value for key, value in self.__dict__.items() if key != "optimizer"}

    def load_state_dict(self, state_dict):
        self.__dict__.update(state_dict)

    def get_last_lr(self):
        return self._last_lr

    def get_lr(self):
        raise NotImplementedError

    def step(self, epoch=None):
        if epoch is not None:
            raise NotImplementedError(
                "lr_scheduler.step(epoch) (deprecated in PyTorch) is not supported in Gradlab"
            )
        if self._step_count == 1 and self.optimizer._step_count < 1:
            warnings.warn(ORDER_WARNING, UserWarning)
        self._step_count += 1
        self.last_epoch += 1
        for index, (group, lr) in enumerate(zip(self.optimizer.param_groups, self.get_lr())):
            group["lr"] = lr
            if self.verbose:
                print(f"Adjusting learning rate of group {index} to {lr:.4e}.")
        self._last_lr = [group["lr"] for group in self.optimizer.param_groups]


class StepLR(_LRScheduler):
    def __init__(self, optimizer, step_size, gamma=0.1, last_epoch=-1, verbose=False):
        self.step_size = step_size
        self.gamma = gamma
        super().__init__(optimizer, last_epoch, verbose)

    def get_lr(self):
        groups = self.optimizer.param_groups
        if self.last_epoch == 0 or self.last_epoch % self.step_size != 0:
            return [group["lr"] for group in groups]
        return [group["lr"] * self.gamma for group in groups]


class MultiStepLR(_LRScheduler):
    def __init__(self, optimizer, milestones, gamma=0.1, last_epoch=-1, verbose=False):
        self.milestones = Counter(milestones)
        self.gamma = gamma
        super().__init__(optimizer, last_epoch, verbose)

    def get_lr(self):
        groups = self.optimizer.param_groups
        if self.last_epoch not in self.milestones:
            return [group["lr"] for group in groups]
        return [group["lr"] * self.gamma ** self.milestones[self.last_epoch] for group in groups]


class ExponentialLR(_LRScheduler):
    def __init__(self, optimizer, gamma, last_epoch=-1, verbose=False):
        self.gamma = gamma
        super().__init__(optimizer, last_epoch, verbose)

    def get_lr(self):
        groups = self.optimizer.param_groups
        if self.last_epoch == 0:
            return [group["lr"] for group in groups]
        return [group["lr"] * self.gamma for group in groups]


for _class in (_LRScheduler, StepLR, MultiStepLR, ExponentialLR):
    _class.__module__ = "torch.optim.lr_scheduler"
del _class


__getattr__ = missing_names("torch.optim.lr_scheduler")
