"""matplotlib.contour: the QuadContourSet contour() and contourf() return, with matplotlib's
own choice of levels (the renderer traces the lines and fills from the grid)."""

import numbers
import warnings

import numpy as np
from matplotlib._artist import Artist
from matplotlib.ticker import MaxNLocator


def _grid(args):
    """(X, Y, Z) as flat float lists of Z's shape, and the remaining arguments."""
    from matplotlib.axes import float_values

    args = list(args)
    if len(args) in (1, 2):
        z = np.asarray(float_values(args[0], keep_shape=True))
        rows, columns = _shape_2d(z)
        x = [float(c) for _ in range(rows) for c in range(columns)]
        y = [float(r) for r in range(rows) for _ in range(columns)]
        return x, y, z, (rows, columns), args[1:]
    if len(args) < 3:
        raise TypeError("contour() takes from 1 to 4 positional arguments")
    x, y, z = (np.asarray(float_values(a, keep_shape=True)) for a in args[:3])
    rows, columns = _shape_2d(z)
    if x.ndim == 1 and y.ndim == 1:
        if x.shape[0] != columns or y.shape[0] != rows:
            raise TypeError(
                f"Length of x ({x.shape[0]}) must match number of columns in z ({columns})"
                if x.shape[0] != columns
                else f"Length of y ({y.shape[0]}) must match number of rows in z ({rows})"
            )
        x, y = np.meshgrid(x, y)
    elif x.shape != z.shape or y.shape != z.shape:
        raise TypeError(f"Shapes of x {x.shape} and z {z.shape} do not match")
    return list(x._values), list(y._values), z, (rows, columns), args[3:]


def _shape_2d(z):
    if z.ndim != 2:
        raise TypeError(f"Input z must be 2D, not {z.ndim}D")
    rows, columns = z.shape
    if rows < 2 or columns < 2:
        raise TypeError(f"Input z must be at least a (2, 2) shaped array, but has shape {z.shape}")
    return rows, columns


def _levels(requested, zmin, zmax, filled):
    if requested is None or isinstance(requested, numbers.Integral):
        count = 7 if requested is None else int(requested)
        ticks = MaxNLocator(count + 1, min_n_ticks=1).tick_values(zmin, zmax)
        below = [i for i, t in enumerate(ticks) if t < zmin]
        above = [i for i, t in enumerate(ticks) if t > zmax]
        first = below[-1] if below else 0
        last = above[0] + 1 if above else len(ticks)
        if last - first < 3:
            first, last = 0, len(ticks)
        levels = ticks[first:last]
    else:
        levels = [float(v) for v in np.asarray(requested).tolist()]
    if not filled and not any(zmin < v < zmax for v in levels):
        levels = [zmin]
        warnings.warn("No contour levels were found within the data range.", UserWarning)
    if filled and len(levels) < 2:
        raise ValueError("Filled contours require at least 2 levels.")
    if any(b - a <= 0 for a, b in zip(levels, levels[1:])):
        raise ValueError("Contour levels must be increasing")
    return levels


class _ContourLabels(list):
    def __repr__(self):
        raise NotImplementedError(
            "showing the labels clabel returns is not supported in Gradlab yet (where matplotlib "
            "places them is not reproduced); the labels themselves are drawn"
        )


class QuadContourSet(Artist):
    def __init__(self, axes, args, kwargs, filled):
        super().__init__(kwargs.get("label"))
        self.axes = axes
        self.filled = filled
        x, y, z, (rows, columns), rest = _grid(args)
        values = [float(v) for v in z._values]
        self.zmin, self.zmax = min(values), max(values)
        requested = kwargs.get("levels", rest[0] if rest else None)
        levels = _levels(requested, self.zmin, self.zmax, filled)
        self.levels = np.array(levels, dtype=float)
        self._record = {
            "kind": "contourf" if filled else "contour",
            "x": x,
            "y": y,
            "z": values,
            "columns": columns,
            "levels": levels,
            "label": None,
        }

    def clabel(self, *args, **kwargs):
        """Each line's level is written on it (by the renderer)."""
        self.axes._contour_labels = True
        return _ContourLabels()

    def _series(self):
        return self._record
