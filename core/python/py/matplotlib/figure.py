"""matplotlib.figure: a Figure holds axes; shown, each of its axes becomes one plot record."""

import _gradlab_session as session
from matplotlib.axes import Axes
from matplotlib.colorbar import Colorbar
from matplotlib.text import Text


def _axes_class(projection):
    if projection is None:
        return Axes
    if projection == "3d":
        from mpl_toolkits.mplot3d.axes3d import Axes3D

        return Axes3D
    raise NotImplementedError(f"matplotlib projection {projection!r} is not supported in Gradlab yet")


def _grid_position(args):
    """(rows, columns, index) of add_subplot(2, 2, 1), add_subplot(221) or add_subplot()."""
    if not args:
        return 1, 1, 1
    if len(args) == 1:
        code = int(args[0])
        if not 111 <= code <= 999:
            raise ValueError(f"Integer subplot specification must be a three-digit number, not {code}")
        return code // 100, code // 10 % 10, code % 10
    rows, columns, index = args
    if not 1 <= int(index) <= int(rows) * int(columns):
        raise ValueError(f"num must be an integer with 1 <= num <= {rows * columns}, not {index}")
    return int(rows), int(columns), int(index)


class Figure:
    def __init__(self, figsize=None, dpi=None):
        width, height = figsize if figsize is not None else (6.4, 4.8)
        self._size = (width, height)
        self._dpi = 100 if dpi is None else dpi
        self.axes = []
        self._current_axes = None
        self._suptitle = None

    def __repr__(self):
        width, height = (d * self._dpi for d in self._size)
        return f"<Figure size {width:g}x{height:g} with {len(self.axes)} Axes>"

    def _gradlab_display(self):
        """A figure as a cell's value: Jupyter draws it (a figure with no axes shows its repr)."""
        if not self.axes:
            return repr(self)
        session.current.plots.extend(self._records())
        return None

    def add_subplot(self, *args, projection=None, **kwargs):
        position = _grid_position(args)
        kind = _axes_class(projection)
        for axes in self.axes:
            if axes._position == position and type(axes) is kind:
                self._current_axes = axes
                return axes
        axes = kind(self, position)
        self.axes.append(axes)
        self._current_axes = axes
        return axes

    def add_axes(self, *args, projection=None, **kwargs):
        axes = _axes_class(projection)(self)
        if projection is None:
            axes._kind_name = "Axes"
        self.axes.append(axes)
        self._current_axes = axes
        return axes

    def gca(self, **kwargs):
        if kwargs:
            # matplotlib 3.6 dropped gca(projection=...): plt.axes(projection=...) makes 3-D axes.
            name = next(iter(kwargs))
            raise TypeError(f"FigureBase.gca() got an unexpected keyword argument '{name}'")
        return self._current_axes or self.add_subplot()

    def subplots(self, nrows=1, ncols=1, squeeze=True, subplot_kw=None, **kwargs):
        projection = (subplot_kw or {}).get("projection")
        grid = [
            [self.add_subplot(nrows, ncols, r * ncols + c + 1, projection=projection)
             for c in range(ncols)]
            for r in range(nrows)
        ]
        if squeeze and nrows == 1 and ncols == 1:
            return grid[0][0]
        if squeeze and (nrows == 1 or ncols == 1):
            return AxesArray([axes for row in grid for axes in row])
        return AxesArray([AxesArray(row) for row in grid])

    def suptitle(self, text, **kwargs):
        self._suptitle = str(text)
        return Text(0.5, 0.98, self._suptitle)

    def colorbar(self, mappable, cax=None, ax=None, **kwargs):
        (ax or self.gca())._colorbar = True
        return Colorbar(mappable)

    def tight_layout(self, *args, **kwargs):
        """Layout is the renderer's."""

    def set_size_inches(self, w, h=None, **kwargs):
        self._size = tuple(w) if h is None else (w, h)

    def savefig(self, *args, **kwargs):
        raise NotImplementedError(
            "savefig is not supported in Gradlab yet: figures are shown in the notebook, not "
            "written to files"
        )

    def _records(self):
        records = [axes._record() for axes in self.axes]
        if self._suptitle is not None and records and records[0]["title"] is None:
            records[0]["title"] = self._suptitle
        if len(records) > 1:
            records[0]["axesInFigure"] = len(records)
        return records


class AxesArray:
    """The numpy array of axes subplots() returns (numpy's object arrays, printed as numpy)."""

    def __init__(self, items):
        self._items = list(items)

    @property
    def shape(self):
        first = self._items[0]
        return (len(self._items),) + (first.shape if isinstance(first, AxesArray) else ())

    @property
    def ndim(self):
        return len(self.shape)

    @property
    def flat(self):
        return iter(self.ravel())

    def ravel(self):
        return [
            leaf
            for item in self._items
            for leaf in (item.ravel() if isinstance(item, AxesArray) else [item])
        ]

    flatten = ravel

    def __len__(self):
        return len(self._items)

    def __iter__(self):
        return iter(self._items)

    def __getitem__(self, index):
        if isinstance(index, tuple):
            item = self
            for part in index:
                item = item[part]
            return item
        if isinstance(index, slice):
            return AxesArray(self._items[index])
        return self._items[index]

    def __repr__(self):
        # numpy's layout of an object array: 75 columns, wrapped rows, then its dtype.
        body = _layout(self, " " * len("array(["), 74)
        text = f"array({body},"
        last_line = len(text) - (text.rfind("\n") + 1)
        spacer = "\n      " if last_line + len("dtype=object)") + 1 > 75 else " "
        return text + spacer + "dtype=object)"


def _layout(items, indent, width):
    nested = indent + " "
    if not isinstance(items[0], AxesArray):
        text, line = "", indent
        limit = width - 1
        for i, item in enumerate(items):
            word = repr(item)
            if len(line) + len(word) > limit and len(line) > len(indent):
                text += line.rstrip() + "\n"
                line = indent
            line += word + (", " if i < len(items) - 1 else "")
        text += line
    else:
        separator = ",\n" + "\n" * (items.ndim - 2)
        text = separator.join(indent + _layout(row, nested, width - 1) for row in items)
    return "[" + text[len(indent):] + "]"
