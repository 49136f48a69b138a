"""torch dtypes: the four the engine knows, with PyTorch's names and aliases."""


class dtype:
    def __init__(self, name, is_floating_point, itemsize):
        self._name = name
        self.is_floating_point = is_floating_point
        self.itemsize = itemsize

    def __repr__(self):
        return f"torch.{self._name}"


float32 = dtype("float32", True, 4)
float64 = dtype("float64", True, 8)
int64 = dtype("int64", False, 8)
bool = dtype("bool", False, 1)  # noqa: A001 - torch.bool is PyTorch's name

BY_NAME = {d._name: d for d in (float32, float64, int64, bool)}


def infer(value):
    """The dtype torch.tensor gives nested Python data: bool < int64 < float32."""
    kinds = set()
    _collect_kinds(value, kinds)
    if "float" in kinds:
        return float32
    if "int" in kinds:
        return int64
    if "bool" in kinds:
        return bool
    return float32


def _collect_kinds(value, kinds):
    if isinstance(value, (list, tuple)):
        for item in value:
            _collect_kinds(item, kinds)
    elif value is True or value is False:
        kinds.add("bool")
    elif isinstance(value, int):
        kinds.add("int")
    elif isinstance(value, float):
        kinds.add("float")
    elif hasattr(value, "tolist"):
        _collect_kinds(value.tolist(), kinds)
    else:
        raise TypeError(f"Could not infer dtype of {type(value).__name__}")
