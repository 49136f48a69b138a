"""default_collate: a list of samples made into one batch, as PyTorch 1.13 does it (tensors
stacked, Python floats as float64, ints as int64, dicts and sequences collated field by field)."""

import collections.abc

COLLATE_ERROR = (
    "default_collate: batch must contain tensors, numpy arrays, numbers, dicts or lists; found {}"
)


def _is_numpy_array(value):
    return type(value).__name__ == "ndarray" and hasattr(value, "dtype")


def default_convert(data):
    """One sample as the loader returns it without batching: arrays become tensors."""
    from ... import as_tensor

    if _is_numpy_array(data):
        return as_tensor(data)
    if isinstance(data, collections.abc.Mapping):
        return type(data)({key: default_convert(data[key]) for key in data})
    if isinstance(data, tuple) and hasattr(data, "_fields"):
        return type(data)(*(default_convert(item) for item in data))
    if isinstance(data, tuple):
        return [default_convert(item) for item in data]
    if isinstance(data, collections.abc.Sequence) and not isinstance(data, (str, bytes)):
        return type(data)([default_convert(item) for item in data])
    return data


def default_collate(batch):
    from ... import Tensor, as_tensor, float64, stack, tensor

    elem = batch[0]
    if isinstance(elem, Tensor):
        return stack(batch, 0)
    if _is_numpy_array(elem):
        return default_collate([as_tensor(item) for item in batch])
    if isinstance(elem, float):
        return tensor(batch, dtype=float64)
    if isinstance(elem, int):
        return tensor(batch)
    if isinstance(elem, (str, bytes)):
        return batch
    if isinstance(elem, collections.abc.Mapping):
        return type(elem)({key: default_collate([item[key] for item in batch]) for key in elem})
    if isinstance(elem, tuple) and hasattr(elem, "_fields"):
        return type(elem)(*(default_collate(list(field)) for field in zip(*batch)))
    if isinstance(elem, collections.abc.Sequence):
        size = len(elem)
        if not all(len(item) == size for item in batch):
            raise RuntimeError("each element in list of batch should be of equal size")
        fields = [default_collate(list(field)) for field in zip(*batch)]
        if isinstance(elem, tuple):
            return fields  # a list, as PyTorch returns for tuples
        try:
            return type(elem)(fields)
        except TypeError:
            return fields
    raise TypeError(COLLATE_ERROR.format(type(elem)))
