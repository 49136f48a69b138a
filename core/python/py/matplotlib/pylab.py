"""matplotlib.pylab: pyplot's recorder under the name the seed lab imports."""

from matplotlib.pyplot import *  # noqa: F403


def __getattr__(name):
    if name.startswith("_"):
        raise AttributeError(name)
    raise NotImplementedError(f"matplotlib.pylab.{name} is not supported in Gradlab yet")
