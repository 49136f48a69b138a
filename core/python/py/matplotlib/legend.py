"""matplotlib.legend: the Legend legend() returns."""

from matplotlib._artist import Artist


class Legend(Artist):
    pass
