"""torch.set_printoptions / get_printoptions: how tensors print (torch/_tensor_str.py's options)."""

import math

from pyodide.ffi import to_js
from js import Object

from . import _engine

_PROFILES = {
    "default": {"precision": 4, "threshold": 1000, "edgeitems": 3, "linewidth": 80},
    "short": {"precision": 2, "threshold": 1000, "edgeitems": 2, "linewidth": 80},
    "full": {"precision": 4, "threshold": math.inf, "edgeitems": 3, "linewidth": 80},
}
_options = {**_PROFILES["default"], "sci_mode": None}


def set_printoptions(precision=None, threshold=None, edgeitems=None, linewidth=None,
                     profile=None, sci_mode=None):
    if profile is not None:
        _options.update(_PROFILES[profile])
    for name, value in (("precision", precision), ("threshold", threshold),
                        ("edgeitems", edgeitems), ("linewidth", linewidth)):
        if value is not None:
            _options[name] = value
    _options["sci_mode"] = sci_mode  # None: each tensor chooses, as in PyTorch
    _engine.set_print_options(
        to_js(
            {
                "precision": int(_options["precision"]),
                "threshold": float(_options["threshold"]),
                "edgeItems": int(_options["edgeitems"]),
                "lineWidth": int(_options["linewidth"]),
                "sciMode": _options["sci_mode"],
            },
            dict_converter=Object.fromEntries,
        )
    )


def get_printoptions():
    return dict(_options)
