"""pyplot: matplotlib's current-figure interface, recording plots as data. Figures still open when
a cell ends are shown, as Jupyter's inline backend does; each axes of a shown figure becomes one
entry of the cell's plots (see matplotlib.axes)."""

import _gradlab_session as session
from matplotlib.figure import Figure

__all__ = [
    "axes", "clabel", "close", "colorbar", "contour", "contourf", "figure", "gca", "gcf", "grid",
    "legend", "plot", "scatter", "show", "subplot", "subplots", "suptitle", "text",
    "tight_layout", "title", "xlabel", "xlim", "ylabel", "ylim",
]

# Open figures by number, in the order they were made (the order Jupyter shows them).
_figures = {}
_current = None


def figure(num=None, figsize=None, dpi=None, **kwargs):
    global _current
    if num is not None and num in _figures:
        _current = _figures[num]
        return _current
    number = num if num is not None else max(_figures, default=0) + 1
    _current = Figure(figsize, dpi)
    _figures[number] = _current
    return _current


def gcf():
    return _current if _current is not None else figure()


def gca(**kwargs):
    return gcf().gca(**kwargs)


def subplot(*args, projection=None, **kwargs):
    return gcf().add_subplot(*args, projection=projection)


def axes(*args, projection=None, **kwargs):
    if args:
        return gcf().add_axes(*args, projection=projection)
    return gcf().add_subplot(projection=projection)


def subplots(nrows=1, ncols=1, figsize=None, dpi=None, squeeze=True, subplot_kw=None, **kwargs):
    made = figure(figsize=figsize, dpi=dpi)
    return made, made.subplots(nrows, ncols, squeeze=squeeze, subplot_kw=subplot_kw)


def plot(*args, **kwargs):
    return gca().plot(*args, **kwargs)


def scatter(*args, **kwargs):
    return gca().scatter(*args, **kwargs)


def contour(*args, **kwargs):
    return gca().contour(*args, **kwargs)


def contourf(*args, **kwargs):
    return gca().contourf(*args, **kwargs)


def clabel(contour_set, *args, **kwargs):
    """The renderer writes each line's level on it."""
    return contour_set.clabel(*args, **kwargs)


def colorbar(mappable=None, cax=None, ax=None, **kwargs):
    return gcf().colorbar(mappable, cax=cax, ax=ax)


def text(x, y, s, *args, **kwargs):
    return gca().text(x, y, s, *args, **kwargs)


def xlabel(text, *args, **kwargs):
    return gca().set_xlabel(text)


def ylabel(text, *args, **kwargs):
    return gca().set_ylabel(text)


def title(text, *args, **kwargs):
    return gca().set_title(text)


def suptitle(text, *args, **kwargs):
    return gcf().suptitle(text)


def legend(*args, **kwargs):
    return gca().legend(*args, **kwargs)


def grid(*args, **kwargs):
    """Grid lines are always the renderer's choice."""


def xlim(*args, **kwargs):
    return gca().set_xlim(*args, **kwargs)


def ylim(*args, **kwargs):
    return gca().set_ylim(*args, **kwargs)


def tight_layout(*args, **kwargs):
    """Layout is the renderer's."""


def savefig(*args, **kwargs):
    gcf().savefig(*args, **kwargs)


def show(*args, **kwargs):
    global _current
    for shown in _figures.values():
        if shown.axes:
            session.current.plots.extend(shown._records())
        else:  # Jupyter shows a figure with nothing drawn as its repr
            print(repr(shown))
    _figures.clear()
    _current = None


def close(which=None):
    global _current
    if which is None or which == "all" or which is _current:
        closing = list(_figures) if which == "all" else [n for n, f in _figures.items() if f is _current]
    else:
        closing = [n for n, f in _figures.items() if f is which or n == which]
    for number in closing:
        _figures.pop(number, None)
    if _current is not None and _current not in _figures.values():
        _current = next(reversed(_figures.values()), None)


def __getattr__(name):
    if name.startswith("_"):
        raise AttributeError(name)
    raise NotImplementedError(f"matplotlib.pyplot.{name} is not supported in Gradlab yet")


# Jupyter's inline backend shows the figures left open when its cell ends.
session.on_end_of_cell(show)
