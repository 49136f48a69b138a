"""Grad mode: no_grad, enable_grad, set_grad_enabled (context managers and decorators)."""

import functools

from . import _engine


class _GradMode:
    _mode = None

    def __enter__(self):
        self._previous = _engine.set_grad_enabled(self._mode)
        return None

    def __exit__(self, *exc_info):
        _engine.set_grad_enabled(self._previous)
        return False

    def __call__(self, function):
        @functools.wraps(function)
        def wrapper(*args, **kwargs):
            with type(self)():
                return function(*args, **kwargs)

        return wrapper


class no_grad(_GradMode):
    _mode = False


class enable_grad(_GradMode):
    _mode = True


inference_mode = no_grad


class set_grad_enabled(_GradMode):
    """Sets grad mode at once (as a call) and restores it on leaving a `with` block."""

    def __init__(self, mode):
        self._mode = bool(mode)
        self._previous = _engine.set_grad_enabled(self._mode)

    def __enter__(self):
        return None

    def __call__(self, function):
        mode = self._mode
        _engine.set_grad_enabled(self._previous)

        @functools.wraps(function)
        def wrapper(*args, **kwargs):
            with set_grad_enabled(mode):
                return function(*args, **kwargs)

        return wrapper


def is_grad_enabled():
    return bool(_engine.is_grad_enabled())
