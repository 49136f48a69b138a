"""matplotlib.lines: the Line2D objects plot() returns (data only; nothing is drawn here)."""

from matplotlib._artist import Artist, series_label


class Line2D(Artist):
    def __init__(self, x, y, label=None):
        super().__init__(label)
        self._x = x
        self._y = y

    def get_xdata(self):
        return list(self._x)

    def get_ydata(self):
        return list(self._y)

    def get_data(self):
        return self.get_xdata(), self.get_ydata()

    def _series(self):
        return {"kind": "line", "x": self._x, "y": self._y, "label": series_label(self._label)}

    def __str__(self):
        return f"Line2D({self._label})"
