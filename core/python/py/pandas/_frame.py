"""pandas.Series and pandas.DataFrame holding numbers, with a default 0, 1, 2, ... index."""

import functools

import numpy as np
from numpy import _dtypes

_PRINTING = (
    "printing a pandas {} is not supported in Gradlab yet: print its numbers instead "
    "(print(table.values))"
)


def _column(values, name):
    """A numeric column as a 1-D numpy array (numpy's dtype rules: ints stay int64)."""
    if hasattr(values, "numpy") and hasattr(values, "requires_grad"):
        raise NotImplementedError(
            f"pandas.{name} of a tensor is not supported in Gradlab yet: pass tensor.tolist()"
        )
    array = np.array(values) if not isinstance(values, np.ndarray) else values
    if array.ndim != 1:
        raise NotImplementedError(
            f"pandas.{name} of {array.ndim}-D data is not supported in Gradlab yet"
        )
    return array


class _Unsupported:
    """pandas features Gradlab lacks: each raises NotImplementedError naming itself."""

    def __getattr__(self, name):
        if name.startswith("_"):
            raise AttributeError(name)
        raise NotImplementedError(
            f"pandas.{type(self).__name__}.{name} is not supported in Gradlab yet"
        )


class Series(_Unsupported):
    def __init__(self, data=None, index=None, dtype=None, name=None):
        if index is not None or dtype is not None or isinstance(data, dict):
            raise NotImplementedError(
                "pandas.Series with an index, a dtype or a dict is not supported in Gradlab yet"
            )
        self._values = _column([] if data is None else data, "Series")
        self.name = name

    @property
    def values(self):
        return self._values

    def to_numpy(self):
        return self._values.copy()

    @property
    def shape(self):
        return self._values.shape

    @property
    def dtype(self):
        return self._values.dtype

    @property
    def iloc(self):
        return _Positions(self)

    def _at(self, row):
        return self._values[row]

    def __len__(self):
        return self._values.shape[0]

    def tolist(self):
        return self._values.tolist()

    def __repr__(self):
        raise NotImplementedError(_PRINTING.format("Series"))


class DataFrame(_Unsupported):
    def __init__(self, data=None, index=None, columns=None, dtype=None):
        if index is not None or dtype is not None:
            raise NotImplementedError(
                "pandas.DataFrame with an index or a dtype is not supported in Gradlab yet"
            )
        if isinstance(data, dict):
            names = list(data) if columns is None else list(columns)
            arrays = [_column(data[name], "DataFrame") for name in names]
        else:
            table = np.array([] if data is None else data)
            if table.ndim != 2:
                raise NotImplementedError(
                    f"pandas.DataFrame of {table.ndim}-D data is not supported in Gradlab yet"
                )
            arrays = [table[:, j] for j in range(table.shape[1])]
            names = list(range(len(arrays))) if columns is None else list(columns)
        lengths = {a.shape[0] for a in arrays}
        if len(lengths) > 1:
            raise ValueError("All arrays must be of the same length")
        self._names = names
        self._arrays = arrays

    @property
    def values(self):
        if not self._arrays:
            return np.zeros((0, 0))
        rows = self._arrays[0].shape[0]
        dtype = functools.reduce(_dtypes.promote, (a.dtype.name for a in self._arrays))
        if rows == 0:
            return np.zeros((0, len(self._arrays)), dtype=dtype)
        # Built as rows, not reshaped: the array owns its values, as pandas' does (a reshaped
        # view could not go to torch.from_numpy).
        return np.array([[a[i].item() for a in self._arrays] for i in range(rows)], dtype=dtype)

    def to_numpy(self):
        return self.values

    @property
    def columns(self):
        raise NotImplementedError("pandas.DataFrame.columns is not supported in Gradlab yet")

    @property
    def shape(self):
        return (self._arrays[0].shape[0] if self._arrays else 0, len(self._arrays))

    @property
    def iloc(self):
        return _Positions(self)

    def _at(self, row, column):
        """One number, with its column's dtype (pandas keeps a dtype per column)."""
        return self._arrays[column][row]

    def __len__(self):
        return self.shape[0]

    def __getitem__(self, name):
        if name not in self._names:
            raise KeyError(name)
        return Series(self._arrays[self._names.index(name)], name=name)

    def __repr__(self):
        raise NotImplementedError(_PRINTING.format("DataFrame"))


class _Positions:
    """`.iloc`: single numbers by position (a row or a slice would be a Series or a DataFrame)."""

    def __init__(self, table):
        self._table = table

    def __getitem__(self, position):
        parts = position if isinstance(position, tuple) else (position,)
        if len(parts) != len(self._table.shape) or not all(isinstance(p, int) for p in parts):
            raise NotImplementedError(
                "pandas .iloc of rows or slices is not supported in Gradlab yet: give one position "
                "per axis"
            )
        return self._table._at(*parts)
