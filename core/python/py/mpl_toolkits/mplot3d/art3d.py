"""mpl_toolkits.mplot3d.art3d: what the 3-D drawing calls return."""

from matplotlib._artist import Artist, series_label


class _Series3D(Artist):
    _kind = ""

    def __init__(self, x, y, z, label=None, columns=None):
        super().__init__(label)
        self._record = {"kind": self._kind, "x": x, "y": y, "z": z, "label": None}
        if columns is not None:
            self._record["columns"] = columns

    def _series(self):
        return {**self._record, "label": series_label(self._label)}


class Line3D(_Series3D):
    _kind = "line3d"


class Path3DCollection(_Series3D):
    _kind = "scatter3d"


class Poly3DCollection(_Series3D):
    _kind = "surface"
