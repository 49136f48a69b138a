"""matplotlib.lines: the Line2D objects plot() returns (data only; nothing is drawn here)."""


class Line2D:
    def __init__(self, x, y, label):
        self._x = x
        self._y = y
        self._label = label

    def get_xdata(self):
        return list(self._x)

    def get_ydata(self):
        return list(self._y)

    def get_label(self):
        return self._label

    def set_label(self, label):
        self._label = None if label is None else str(label)

    def __str__(self):
        return f"Line2D({self._label})"
