"""matplotlib.colorbar: the Colorbar colorbar() returns (the renderer draws the colour scale)."""

from matplotlib._artist import Artist


class Colorbar(Artist):
    def __init__(self, mappable):
        super().__init__()
        self.mappable = mappable

    def set_label(self, label, **kwargs):
        self._label = str(label)
