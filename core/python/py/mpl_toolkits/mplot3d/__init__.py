"""mpl_toolkits.mplot3d: 3-D axes (surfaces, lines and points), recorded as data."""

from mpl_toolkits.mplot3d.axes3d import Axes3D

__all__ = ["Axes3D"]
