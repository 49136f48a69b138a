"""torch dtypes with PyTorch's names, and the scalar-type names its messages use."""


class dtype:
    def __init__(self, name, is_floating_point, itemsize):
        self._name = name
        self.is_floating_point = is_floating_point
        self.itemsize = itemsize

    def __repr__(self):
        return f"torch.{self._name}"


float16 = dtype("float16", True, 2)
bfloat16 = dtype("bfloat16", True, 2)
float32 = dtype("float32", True, 4)
float64 = dtype("float64", True, 8)
uint8 = dtype("uint8", False, 1)
int8 = dtype("int8", False, 1)
int16 = dtype("int16", False, 2)
int32 = dtype("int32", False, 4)
int64 = dtype("int64", False, 8)
bool = dtype("bool", False, 1)  # noqa: A001 - torch.bool is PyTorch's name

BY_NAME = {
    d._name: d
    for d in (float16, bfloat16, float32, float64, uint8, int8, int16, int32, int64, bool)
}
# As ATen's messages name them ("result type Float can't be cast to ... Long").
SCALAR_TYPE_NAMES = {
    "float16": "Half",
    "bfloat16": "BFloat16",
    "float32": "Float",
    "float64": "Double",
    "uint8": "Byte",
    "int8": "Char",
    "int16": "Short",
    "int32": "Int",
    "int64": "Long",
    "bool": "Bool",
}


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
