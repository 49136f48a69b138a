"""Shapes, broadcasting and indexing as flat row-major positions (Gradlab's arrays are small:
a list of positions is simpler than strides and fast enough)."""

import itertools
import operator


def size_of(shape):
    size = 1
    for d in shape:
        size *= d
    return size


def normal_shape(shape):
    if isinstance(shape, int):
        return (shape,)
    return tuple(operator.index(d) for d in shape)


def broadcast_shape(left, right):
    length = max(len(left), len(right))
    left = (1,) * (length - len(left)) + tuple(left)
    right = (1,) * (length - len(right)) + tuple(right)
    out = []
    for a, b in zip(left, right):
        if a != b and a != 1 and b != 1:
            return None
        out.append(b if a == 1 else a)
    return tuple(out)


def strides_of(shape):
    strides = []
    step = 1
    for d in reversed(shape):
        strides.append(step)
        step *= d
    return tuple(reversed(strides))


def broadcast_values(values, shape, target):
    """The row-major values of an array of `shape` stretched to `target`."""
    shape = tuple(shape)
    if shape == tuple(target):
        return values
    if len(values) == 1:
        return [values[0]] * size_of(target)
    padded = (1,) * (len(target) - len(shape)) + shape
    strides = [0 if d == 1 else s for d, s in zip(padded, strides_of(padded))]
    positions = [0]
    for d, stride in zip(target, strides):
        positions = [p + i * stride for p in positions for i in range(d)]
    return [values[p] for p in positions]


def resolve_index(index, shape):
    """(flat positions, result shape) for basic indexing: ints, slices, None and Ellipsis."""
    if not isinstance(index, tuple):
        index = (index,)
    used = sum(1 for item in index if item is not None and item is not Ellipsis)
    if used > len(shape):
        raise IndexError(
            f"too many indices for array: array is {len(shape)}-dimensional, but {used} were indexed"
        )
    if Ellipsis in index:
        at = index.index(Ellipsis)
        index = index[:at] + (slice(None),) * (len(shape) - used) + index[at + 1:]
    else:
        index = index + (slice(None),) * (len(shape) - used)
    per_axis = []
    result_shape = []
    axis = 0
    strides = strides_of(shape)
    for item in index:
        if item is None:
            result_shape.append(1)
            continue
        length = shape[axis]
        if isinstance(item, slice):
            chosen = range(*item.indices(length))
            result_shape.append(len(chosen))
        else:
            try:
                position = operator.index(item)
            except TypeError:
                raise IndexError(
                    "only integers, slices (`:`), ellipsis (`...`), numpy.newaxis (`None`) and "
                    "integer or boolean arrays are valid indices"
                ) from None
            if not -length <= position < length:
                raise IndexError(
                    f"index {position} is out of bounds for axis {axis} with size {length}"
                )
            chosen = (position % length,)
        per_axis.append([i * strides[axis] for i in chosen])
        axis += 1
    positions = [sum(parts) for parts in itertools.product(*per_axis)]
    return positions, tuple(result_shape)
