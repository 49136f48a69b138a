"""Gradlab's matplotlib: records plots as data for the notebook to draw (no rendering here)."""

__version__ = "0.0-gradlab"


def use(backend, *args, **kwargs):
    """Backends do not apply: Gradlab always records figures."""
