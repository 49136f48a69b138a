"""torch.random: the default generator's seed and state, and fork_rng."""

import contextlib

from ._random import (  # noqa: F401
    Generator,
    default_generator,
    get_rng_state,
    initial_seed,
    manual_seed,
    seed,
    set_rng_state,
)
from ._unsupported import missing_names


@contextlib.contextmanager
def fork_rng(devices=None, enabled=True):
    """Random numbers drawn inside the block leave the default generator as it was before."""
    if not enabled:
        yield
        return
    state = get_rng_state()
    try:
        yield
    finally:
        set_rng_state(state)


__getattr__ = missing_names("torch.random")
