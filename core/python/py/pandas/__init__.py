"""The part of pandas teaching notebooks use around tensors: a Series or DataFrame made from
lists, dicts, numpy arrays, and its numbers taken back out (`.values`, `.to_numpy()`, `.iloc`,
`.shape`, `len`). Printing a table is not reproduced (pandas' layout has many rules, and a
half-right table is worse than a clear error): it raises NotImplementedError saying what to print
instead, as does everything else of pandas."""

from pandas._frame import DataFrame, Series

__version__ = "1.5.3"
__all__ = ["DataFrame", "Series"]


def __getattr__(name):
    if name.startswith("_"):
        raise AttributeError(name)
    raise NotImplementedError(f"pandas.{name} is not supported in Gradlab yet")
