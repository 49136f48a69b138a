"""matplotlib.collections: the PathCollection scatter() returns."""

from matplotlib._artist import Artist, series_label


class PathCollection(Artist):
    def __init__(self, x, y, label=None):
        super().__init__(label)
        self._x = x
        self._y = y

    def _series(self):
        return {"kind": "scatter", "x": self._x, "y": self._y, "label": series_label(self._label)}
