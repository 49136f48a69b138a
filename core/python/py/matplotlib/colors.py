"""matplotlib.colors: the colour maps notebooks build to pass as `cmap=` (colours are the
renderer's choice, so a map only keeps what it was given)."""


class ListedColormap:
    def __init__(self, colors, name="from_list", N=None):
        self.colors = colors
        self.name = name
        self.N = len(colors) if N is None else N


def __getattr__(name):
    if name.startswith("_"):
        raise AttributeError(name)
    raise NotImplementedError(f"matplotlib.colors.{name} is not supported in Gradlab yet")
