"""matplotlib.axes: one set of axes and what is drawn on it, recorded as data for the notebook.

Each axes shown becomes one entry of the cell's plots: `{lines: [series], xlabel, ylabel, title,
legend}` (plus texts, xlim, ylim, zlabel, colorbar, legendLabels and contourLabels when set), each series a dict with its
kind ('line', 'scatter', 'contour', 'contourf', 'surface', 'line3d', 'scatter3d') and data."""

import sys

from matplotlib._format import warn_redundant
from matplotlib.collections import PathCollection
from matplotlib.contour import QuadContourSet
from matplotlib.legend import Legend
from matplotlib.lines import Line2D
from matplotlib.text import Text

_NO_LABELS = (
    "No artists with labels found to put in legend.  Note that artists whose label start with an "
    "underscore are ignored when legend() is called with no argument."
)


def float_values(values, keep_shape=False):
    """The numbers of a list, tuple, numpy array or tensor, flat (or as an array of its shape)."""
    import numpy as np

    if hasattr(values, "numpy") and hasattr(values, "requires_grad"):
        # As real matplotlib does (through numpy): a tensor that requires grad is refused
        # with PyTorch's advice to detach() it first.
        values = values.numpy()
    if keep_shape:
        return np.asarray(values)
    if isinstance(values, np.ndarray):
        return values._float_values()  # no element-by-element copy
    if isinstance(values, (int, float)):
        return [float(values)]
    return [float(v) for v in np.asarray(values)._values]


def _is_format(argument):
    return isinstance(argument, str)


class Axes:
    _kind_name = "AxesSubplot"

    def __init__(self, figure, position=None):
        self.figure = figure
        self._position = position
        self._artists = []
        self._texts = []
        self._xlabel = self._ylabel = self._title = None
        self._legend = False
        self._xlim = self._ylim = None
        self._colorbar = False
        self._legend_labels = None
        self._contour_labels = False

    def __repr__(self):
        fields = []
        if self._title is not None:
            fields.append(f"title={{'center': {self._title!r}}}")
        for name in self._label_names():
            value = getattr(self, f"_{name}")
            if value:
                fields.append(f"{name}={value!r}")
        return f"<{self._kind_name}: {', '.join(fields)}>"

    def _label_names(self):
        return ("xlabel", "ylabel")

    def plot(self, *args, label=None, **style):
        """plot(y), plot(x, y), plot(x, y, fmt), and several x, y[, fmt] groups in one call."""
        remaining = list(args)
        added = []
        while remaining:
            data = [remaining.pop(0)]
            if remaining and not _is_format(remaining[0]):
                data.append(remaining.pop(0))
            if remaining and _is_format(remaining[0]):
                # Colours and markers are the renderer's choice; only a clash is reported, as
                # matplotlib does, before it reads the data.
                warn_redundant(remaining.pop(0), style)
            if len(data) == 2:
                x, y = float_values(data[0]), float_values(data[1])
            else:
                y = float_values(data[0])
                x = [float(index) for index in range(len(y))]
            if len(x) != len(y):
                raise ValueError(
                    f"x and y must have same first dimension, but have shapes ({len(x)},) and "
                    f"({len(y)},)"
                )
            line = Line2D(x, y, label)
            self._artists.append(line)
            added.append(line)
        return added

    def scatter(self, x, y, s=None, c=None, label=None, **style):
        x, y = float_values(x), float_values(y)
        if len(x) != len(y):
            raise ValueError("x and y must be the same size")
        collection = PathCollection(x, y, label)
        self._artists.append(collection)
        return collection

    def contour(self, *args, **kwargs):
        return self._add(QuadContourSet(self, args, kwargs, filled=False))

    def contourf(self, *args, **kwargs):
        return self._add(QuadContourSet(self, args, kwargs, filled=True))

    def _add(self, artist):
        self._artists.append(artist)
        return artist

    def clabel(self, contour_set, *args, **kwargs):
        return contour_set.clabel(*args, **kwargs)

    def text(self, x, y, s, **kwargs):
        text = Text(x, y, s)
        self._texts.append({"x": float(x), "y": float(y), "text": str(s)})
        return text

    def set_xlabel(self, text, *args, **kwargs):
        self._xlabel = str(text)
        return Text(0.5, 0, self._xlabel)

    def set_ylabel(self, text, *args, **kwargs):
        self._ylabel = str(text)
        return Text(0, 0.5, self._ylabel)

    def set_title(self, text, *args, **kwargs):
        self._title = str(text)
        return Text(0.5, 1.0, self._title)

    def get_xlabel(self):
        return self._xlabel or ""

    def get_ylabel(self):
        return self._ylabel or ""

    def get_title(self):
        return self._title or ""

    def legend(self, *args, **kwargs):
        labels = args[0] if args and isinstance(args[0], (list, tuple)) else None
        if labels is not None:
            # They name the series in the legend only: the series keep their own labels.
            self._legend_labels = [str(label) for label in labels]
        elif not any(
            a.get_label() and not a.get_label().startswith("_") for a in self._artists
        ):
            print(_NO_LABELS, file=sys.stderr)
        self._legend = True
        return Legend()

    def grid(self, *args, **kwargs):
        """Grid lines are always the renderer's choice."""

    def set_xlim(self, left=None, right=None, **kwargs):
        if left is None and right is None and not kwargs:
            return self.get_xlim()
        self._xlim = self._limits(left, right, kwargs, "left", "right", "xmin", "xmax")
        return self._xlim

    def set_ylim(self, bottom=None, top=None, **kwargs):
        if bottom is None and top is None and not kwargs:
            return self.get_ylim()
        self._ylim = self._limits(bottom, top, kwargs, "bottom", "top", "ymin", "ymax")
        return self._ylim

    def get_xlim(self):
        return self._xlim or self._automatic_limits("_x")

    def get_ylim(self):
        return self._ylim or self._automatic_limits("_y")

    def _automatic_limits(self, coordinate):
        """matplotlib's limits when none were set: (0, 1) on empty axes, the grid's edges for
        contours alone, else the data's range widened by 5% on each side (lines and points)."""
        if not self._artists:
            return 0.0, 1.0
        if all(isinstance(a, QuadContourSet) for a in self._artists):
            values = [v for a in self._artists for v in a._series()[coordinate[1]]]
            return min(values), max(values)
        if not all(isinstance(a, (Line2D, PathCollection)) for a in self._artists):
            raise NotImplementedError(
                "reading the axis limits of contours drawn with other series is not supported in "
                "Gradlab yet"
            )
        values = [v for a in self._artists for v in getattr(a, coordinate)]
        low, high = min(values), max(values)
        if not low < high:
            raise NotImplementedError(
                "reading the axis limits of data that has a single value is not supported in "
                "Gradlab yet"
            )
        margin = (high - low) * 0.05
        return low - margin, high + margin

    def _limits(self, low, high, kwargs, low_name, high_name, low_alias, high_alias):
        if isinstance(low, (list, tuple)):
            low, high = low
        low = kwargs.get(low_name, kwargs.get(low_alias, low))
        high = kwargs.get(high_name, kwargs.get(high_alias, high))
        if low is None or high is None:
            raise NotImplementedError(
                "reading or half-setting axis limits (they follow the data in Gradlab's plots) is "
                "not supported yet: give both ends"
            )
        return float(low), float(high)

    def set(self, **properties):
        results = []
        for name, value in properties.items():
            setter = getattr(self, f"set_{name}", None)
            if setter is None:
                raise AttributeError(f"Axes.set() got an unexpected keyword argument {name!r}")
            results.append(setter(*value) if name.endswith("lim") else setter(value))
        return results

    def _record(self):
        record = {
            "lines": [artist._series() for artist in self._artists],
            "xlabel": self._xlabel,
            "ylabel": self._ylabel,
            "title": self._title,
            "legend": self._legend,
        }
        for key, value in (
            ("texts", self._texts),
            ("xlim", self._xlim),
            ("ylim", self._ylim),
            ("colorbar", self._colorbar),
            ("legendLabels", self._legend_labels),
            ("contourLabels", self._contour_labels),
        ):
            if value:
                record[key] = list(value) if isinstance(value, tuple) else value
        return record

    def __getattr__(self, name):
        if name.startswith("_"):
            raise AttributeError(name)
        raise NotImplementedError(f"matplotlib Axes.{name} is not supported in Gradlab yet")
