"""matplotlib.pylab: pyplot's recorder under the name the seed lab imports."""

from matplotlib.pyplot import *  # noqa: F403
