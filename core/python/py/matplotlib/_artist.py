"""What every object matplotlib's drawing calls return shares here: Jupyter shows it as
`<module.Class at 0x...>` (IPython's form for an object without a repr of its own)."""


class Artist:
    def __init__(self, label=None):
        self._label = None if label is None else str(label)

    def get_label(self):
        return self._label

    def set_label(self, label):
        self._label = None if label is None else str(label)

    def set(self, **properties):
        for name, value in properties.items():
            if name == "label":
                self.set_label(value)


def series_label(label):
    """A label the legend shows: matplotlib leaves out those starting with '_'."""
    return label if label is not None and not label.startswith("_") else None
