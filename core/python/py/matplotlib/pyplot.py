"""A pyplot that records line plots as data: each shown figure becomes one entry of the cell's
plots, `{lines: [{x, y, label}], xlabel, ylabel, title, legend}`."""

import _gradlab_session as session
from matplotlib.lines import Line2D

__all__ = [
    "plot", "xlabel", "ylabel", "title", "legend", "grid", "xlim", "ylim", "tight_layout",
    "figure", "show", "close",
]

_figure = None


class _Figure:
    def __init__(self):
        self.lines = []
        self.xlabel = None
        self.ylabel = None
        self.title = None
        self.legend = False

    def as_record(self):
        return {
            "lines": [
                {"x": line._x, "y": line._y, "label": line._label} for line in self.lines
            ],
            "xlabel": self.xlabel,
            "ylabel": self.ylabel,
            "title": self.title,
            "legend": self.legend,
        }


def _current():
    global _figure
    if _figure is None:
        _figure = _Figure()
    return _figure


def _floats(values):
    if hasattr(values, "numpy") and hasattr(values, "requires_grad"):
        # As real matplotlib does (through numpy): a tensor that requires grad is refused
        # with PyTorch's advice to detach() it first.
        values = values.numpy()
    if hasattr(values, "_float_values"):
        return values._float_values()  # numpy array: no element-by-element copy
    if hasattr(values, "tolist"):
        values = values.tolist()
    elif not isinstance(values, (list, tuple, range)):
        values = list(values) if hasattr(values, "__iter__") else [values]
    return [float(value) for value in _flatten(values)]


def _flatten(values):
    for value in values:
        if isinstance(value, (list, tuple)):
            yield from _flatten(value)
        else:
            yield value


def _is_format(argument):
    return isinstance(argument, str)


def plot(*args, label=None, **style):
    """plot(y), plot(x, y), plot(x, y, fmt), and several x, y[, fmt] groups in one call."""
    figure = _current()
    remaining = list(args)
    added = []
    while remaining:
        first = remaining.pop(0)
        if remaining and not _is_format(remaining[0]):
            x, y = _floats(first), _floats(remaining.pop(0))
        else:
            y = _floats(first)
            x = [float(index) for index in range(len(y))]
        if remaining and _is_format(remaining[0]):
            remaining.pop(0)  # colours and markers are the renderer's choice
        if len(x) != len(y):
            raise ValueError(
                f"x and y must have same first dimension, but have shapes ({len(x)},) and ({len(y)},)"
            )
        line = Line2D(x, y, None if label is None else str(label))
        figure.lines.append(line)
        added.append(line)
    return added


def xlabel(text, *args, **kwargs):
    _current().xlabel = str(text)


def ylabel(text, *args, **kwargs):
    _current().ylabel = str(text)


def title(text, *args, **kwargs):
    _current().title = str(text)


def legend(*args, **kwargs):
    _current().legend = True


def grid(*args, **kwargs):
    """Grid lines are always the renderer's choice."""


def xlim(*args, **kwargs):
    """Axis ranges follow the data (the student zooms in the notebook)."""


def ylim(*args, **kwargs):
    """Axis ranges follow the data (the student zooms in the notebook)."""


def tight_layout(*args, **kwargs):
    """Layout is the renderer's."""


def figure(*args, **kwargs):
    """Starts a new figure; a figure already drawn on is shown first, as Jupyter would."""
    show()
    return _current()


def show(*args, **kwargs):
    global _figure
    if _figure is not None and _figure.lines:
        session.current.plots.append(_figure.as_record())
    _figure = None


def close(*args, **kwargs):
    global _figure
    _figure = None


def __getattr__(name):
    if name.startswith("_"):
        raise AttributeError(name)
    raise NotImplementedError(f"matplotlib.pyplot.{name} is not supported in Gradlab yet")


# Jupyter's inline backend shows a figure left open when its cell ends.
session.on_end_of_cell(show)
