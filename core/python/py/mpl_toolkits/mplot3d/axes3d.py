"""mpl_toolkits.mplot3d.axes3d: Axes3D, what projection='3d' gives."""

from matplotlib.axes import Axes, float_values
from matplotlib.text import Text
from mpl_toolkits.mplot3d.art3d import Line3D, Path3DCollection, Poly3DCollection


def _same_length(x, y, z):
    if not len(x) == len(y) == len(z):
        raise ValueError(f"shape mismatch: x, y and z have {len(x)}, {len(y)} and {len(z)} values")


class Axes3D(Axes):
    _kind_name = "Axes3DSubplot"

    def __init__(self, figure, position=None, **kwargs):
        # Axes3D(fig) made directly is not part of the figure (matplotlib 3.6 stopped adding it):
        # what is drawn on it is never shown.
        super().__init__(figure, position)
        if position is None:
            self._kind_name = "Axes3D"
        self._zlabel = None

    def _label_names(self):
        return ("xlabel", "ylabel", "zlabel")

    def set_ylabel(self, text, *args, **kwargs):
        self._ylabel = str(text)
        return Text(0.5, 0.5, self._ylabel)

    def set_zlabel(self, text, *args, **kwargs):
        self._zlabel = str(text)
        return Text(0.5, 0, self._zlabel)

    def get_zlabel(self):
        return self._zlabel or ""

    def view_init(self, elev=None, azim=None, *args, **kwargs):
        """The student turns the surface with the mouse; the starting view is the renderer's."""

    def set_zlim(self, bottom=None, top=None, **kwargs):
        return self._limits(bottom, top, kwargs, "bottom", "top", "zmin", "zmax")

    def plot(self, xs, ys, *args, label=None, **kwargs):
        zs = kwargs.pop("zs", args[0] if args and not isinstance(args[0], str) else 0)
        x, y = float_values(xs), float_values(ys)
        z = float_values(zs) if not isinstance(zs, (int, float)) else [float(zs)] * len(x)
        _same_length(x, y, z)
        line = Line3D(x, y, z, label)
        self._artists.append(line)
        return [line]

    plot3D = plot

    def scatter(self, xs, ys, zs=0, *args, label=None, **kwargs):
        x, y = float_values(xs), float_values(ys)
        z = float_values(zs) if not isinstance(zs, (int, float)) else [float(zs)] * len(x)
        _same_length(x, y, z)
        points = Path3DCollection(x, y, z, label)
        self._artists.append(points)
        return points

    scatter3D = scatter

    def plot_surface(self, X, Y, Z, *args, label=None, **kwargs):
        grids = [float_values(a, keep_shape=True) for a in (X, Y, Z)]
        if any(g.ndim != 2 for g in grids) or not grids[0].shape == grids[1].shape == grids[2].shape:
            raise ValueError("Argument Z must be 2-dimensional.")
        x, y, z = ([float(v) for v in g._values] for g in grids)
        surface = Poly3DCollection(x, y, z, label, columns=grids[2].shape[1])
        self._artists.append(surface)
        return surface

    def text(self, x, y, z, s, *args, **kwargs):
        raise NotImplementedError("text on 3-D axes is not supported in Gradlab yet")

    def contour(self, *args, **kwargs):
        raise NotImplementedError("contour on 3-D axes is not supported in Gradlab yet")

    contourf = contour

    def _record(self):
        record = super()._record()
        record["zlabel"] = self._zlabel
        return record
