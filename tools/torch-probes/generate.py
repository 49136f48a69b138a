"""Runs the probes of probes.py in real PyTorch and writes their outputs as a test fixture.

Needs a Python with PyTorch and NumPy (on Debian: `apt-get install python3-torch`), e.g.
    /usr/bin/python3 tools/torch-probes/generate.py
writes tests/fixtures/torch-probes.json. Each probe runs as Gradlab runs a notebook cell: in a
fresh namespace after `import torch`, stdout and stderr captured, the repr of a trailing
expression displayed, the error as `Type: message`, warnings as `Category: message`.
Probes listed in VERSION_SPECIFIC are recorded apart with the reason: their output depends on
the PyTorch version (the golden outputs come from PyTorch 2.11), so the test does not use them.
"""

import json
import pathlib
import platform
import re
import sys

import numpy
import torch

from probes import PROBES

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1]))
from notebook_cell import run_cell  # noqa: E402

ROOT = pathlib.Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "tests/fixtures/torch-probes.json"

# Outputs of this PyTorch that differ from the PyTorch 2.11 Gradlab follows, and why.
_TRIGGERED_AT = (
    "the C++ warning ends with '(Triggered internally at <source path>:<line>.)', a location "
    "that changes with every PyTorch build"
)
_LINSPACE_1_13 = (
    "from 16 float32 values on, 1.13's vectorised linspace adds each lane's offset j * step "
    "rounded; 2.11 rounds start + step * i once per value (golden repr_linspace_long, seed cell "
    "18), as Gradlab does"
)
_SIN_COS_F64 = (
    "1.13 computes float64 sin and cos with Sleef's vectorised sind/cosd (cos(0.1) ends in ...257); "
    "2.11 gives the correctly rounded cos(0.1) (golden bw_float64: ...258), so Gradlab's "
    "precise-math.ts rounds sin and cos correctly"
)
_LINSPACE = (
    "1.13's CPU linspace fills 16 or more values two AVX2 registers at a time, each register "
    "from its first value (base + k * step); 2.11 (torch-semantics.json, seed-lab.json) computes "
    "every value as one fused multiply-add, and Gradlab follows 2.11"
)
VERSION_SPECIFIC = {
    "repr_linspace_registers": _LINSPACE,
    "repr_linspace_registers_f64": _LINSPACE,
    "repr_linspace_registers_int": _LINSPACE,
    "bw_precision_f64_sin": _SIN_COS_F64,
    "bw_precision_f64_exp_sin": _SIN_COS_F64,
    "gf_rpow": "PyTorch 1.13 names `2 ** x` PowBackward1; 2.11 (torch-semantics.json) PowBackward2",
    "gf_matmul_vm": "1-D @ 2-D ends in squeeze_(dim): SqueezeBackward3 in 1.13, SqueezeBackward4 "
    "once 2.x added squeeze.dims to derivatives.yaml",
    "gf_reshape": "1.13 records reshape of a contiguous tensor as ReshapeAliasBackward0; 2.x as a "
    "view (ViewBackward0)",
    "gf_flatten": "flatten is a reshape: ReshapeAliasBackward0 in 1.13, ViewBackward0 in 2.x",
    "attr_requires_grad_int": "1.13 says 'floating point dtype'; 2.x 'floating point and complex "
    "dtype'",
    "attr_item_multi": "1.13 raises ValueError 'only one element tensors can be converted to "
    "Python scalars'; 2.x RuntimeError 'a Tensor with 2 elements cannot be converted to Scalar'",
    "attr_mv_error": "1.13 says 'size mismatch, got 2, 2x3,2'; 2.x 'size mismatch, got input "
    "(2), mat (2x3), vec (2)'",
    "attr_tensor_from_tensor_warning": "1.13 recommends clone().detach(); 2.x detach().clone()",
    "bw_nonleaf_grad_none": _TRIGGERED_AT,
    "bw_grad_not_leaf_warning": _TRIGGERED_AT,
    "bw_create_graph_backward": _TRIGGERED_AT + " (Gradlab does not give this warning: the "
    "2.11 location is unknown)",
    "bw_precision_rpow_e": "1.13's Tensor.__rpow__ makes the base a float32 tensor (PowBackward1, "
    "log of the rounded e); 2.x calls torch.pow(e, x) with a double base (PowBackward2)",
    "bw_precision_mm": "float32 matrix products round as the BLAS does: 1.13 on Debian uses the "
    "generic reference BLAS (each product rounded), PyTorch 2.11 wheels MKL",
    "repr_printoptions_get": "torch.get_printoptions arrived after 1.13",
    "attr_norm_int_error": "1.13's Tensor.norm checks the dtype itself; 2.x's goes through "
    "torch.linalg.vector_norm, whose message Gradlab gives",
    "loss_cross_entropy_probabilities": "1.13 divides by the row count as a Python number "
    "(DivBackward1); 2.x records tensor / number as DivBackward0, as Gradlab does",
    "repr_linspace_bits": _LINSPACE_1_13,
    "repr_linspace_bits_long": _LINSPACE_1_13,
    "repr_linspace_grad_sum": _LINSPACE_1_13,
    "repr_sum_f32_bits": _LINSPACE_1_13,
    "gf_F_tanh": "1.13 warns that nn.functional.tanh is deprecated; PyTorch removed that warning "
    "(issue 65909)",
}

# Probes Gradlab does not match yet, recorded apart with the reason and not compared by the test
# until the code named changes (most lie in files other engineers own).
_UNARY_F32 = "float32 {op} is one ulp off glibc's {op}f here (core/autograd/ops/unary.ts)"
BLOCKED = {
    "bw_precision_sinh": _UNARY_F32.format(op="sinh") + ": sinh(-2.5)",
    "bw_precision_cosh": _UNARY_F32.format(op="sinh") + ": cosh's gradient sinh(-2.5)",
    "bw_precision_asin": _UNARY_F32.format(op="asin") + ": asin(0.8)",
    "bw_precision_f64_softmax": "ATen's float64 softmax exponentiates with Sleef's vectorised "
    "double exp (FMA polynomial), not emulated in core/autograd/ops/softmax.ts",
    "bw_precision_mean_linspace": "torch computes sin over 101 float32 elements with Sleef's "
    "vectorised sinf for the first 96 (core/autograd/ops/unary.ts uses scalar sinf throughout)",
    "bw_precision_pow_frac_20": "the first 16 float32 elements of x ** 1.7 go through Sleef's "
    "vectorised powf, approximated by a correctly rounded powf (about 98% of values agree)",
    "nn_batchnorm1d_input_grad": "Gradlab's BatchNorm1d gets its input gradient from autograd "
    "through its steps (torch/nn/batchnorm.py), not ATen's fused batch_norm_backward formula: "
    "values near zero differ in the 4th digit",
}


def run_probe(code):
    namespace = {"__name__": "__main__"}
    exec("import torch", namespace)
    torch.set_grad_enabled(True)
    return {"code": code, **run_cell(code, namespace)}


_ADDRESS = re.compile(r"0x[0-9a-f]+")


def _keep_unchanged(section, recorded):
    """The probes of `section` whose recording differs from the committed one by 0x addresses
    only keep the committed text, so a regeneration changes only what changed."""
    before = recorded.get(section, {})
    return lambda name, result: (
        before[name]
        if name in before
        and _ADDRESS.sub("0x", json.dumps(before[name])) == _ADDRESS.sub("0x", json.dumps(result))
        else result
    )


def main():
    recorded = json.loads(FIXTURE.read_text()) if FIXTURE.exists() else {}
    kept = {section: _keep_unchanged(section, recorded)
            for section in ("cases", "versionSpecific", "blocked")}
    cases, version_specific, blocked = {}, {}, {}
    for name, code in PROBES.items():
        result = run_probe(code)
        if name in VERSION_SPECIFIC:
            version_specific[name] = kept["versionSpecific"](
                name, {**result, "reason": VERSION_SPECIFIC[name]}
            )
        elif name in BLOCKED:
            blocked[name] = kept["blocked"](name, {**result, "reason": BLOCKED[name]})
        else:
            cases[name] = kept["cases"](name, result)
    fixture = {
        "meta": {
            "torch": torch.__version__,
            "numpy": numpy.__version__,
            "python": platform.python_version(),
            "generator": "tools/torch-probes/generate.py",
        },
        "cases": cases,
        "versionSpecific": version_specific,
        "blocked": blocked,
    }
    FIXTURE.write_text(json.dumps(fixture, indent=1, ensure_ascii=False) + "\n")
    print(
        f"{len(cases)} probes (+{len(version_specific)} version-specific, {len(blocked)} blocked)"
        f" -> {FIXTURE}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
