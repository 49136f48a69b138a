"""Nested Python lists <-> flat row-major values, shared by Gradlab's torch and numpy."""


def nest(values, shape):
    """The nested lists `tolist()` returns for flat row-major `values` of `shape`."""
    if not shape:
        return values[0]
    if len(shape) == 1:
        return list(values)
    step = len(values) // shape[0] if shape[0] else 0
    return [nest(values[i * step : (i + 1) * step], shape[1:]) for i in range(shape[0])]
