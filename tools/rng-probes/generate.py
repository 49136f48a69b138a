"""Runs the probes of probes.py in real PyTorch and records their draws as a test fixture.

Needs a Python with PyTorch (Debian: `apt-get install python3-torch`), e.g.
    /usr/bin/python3 tools/rng-probes/generate.py
writes tests/fixtures/rng-probes.json. Each probe runs in a fresh namespace after `import torch`
and leaves its tensors in `draws`; DIGEST (kept in the fixture, so Gradlab runs the very same
code) packs their values as the bytes of their dtype and prints the SHA-256 of those bytes, the
dtype and shape of each tensor, and the first values' bits. Probes in LIBM also keep every
float64 value's bits and the SHA-256 of the other values: see the reason there.
"""

import contextlib
import io
import json
import pathlib
import platform
import sys

import torch

from probes import OUTPUTS, PROBES

ROOT = pathlib.Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "tests/fixtures/rng-probes.json"

DIGEST = '''
import hashlib as _hashlib, json as _json, struct as _struct
_FORMATS = {"torch.float32": "f", "torch.float64": "d", "torch.int64": "q", "torch.bool": "?"}
_packed = [_struct.pack("<%d%s" % (t.numel(), _FORMATS[str(t.dtype)]), *t.flatten().tolist())
           for t in draws]
_all = b"".join(_packed)
print(_json.dumps({
    "sha256": _hashlib.sha256(_all).hexdigest(),
    "tensors": [[str(t.dtype)[6:], list(t.shape)] for t in draws],
    "values": sum(t.numel() for t in draws),
    "head": _all[:32].hex(),
    "float64": [p.hex() for p, t in zip(_packed, draws) if str(t.dtype) == "torch.float64"],
    "sha256_not_float64": _hashlib.sha256(b"".join(
        p for p, t in zip(_packed, draws) if str(t.dtype) != "torch.float64")).hexdigest(),
}))
'''

LIBM_REASON = (
    "float64 normals and exponentials go through glibc's log, sin and cos, which round about "
    "0.1% of arguments to the farther double (0.52 ulp at worst; Gradlab rounds correctly): those "
    "values may differ in the last bit, nothing else may"
)
LIBM = {
    "randn_small_f64", "randn_large_f64", "normal_inplace_f64", "exponential_inplace_f64",
    "normal_tensor_forms", "interleaved_calls",
}
MIN_VALUES = 1000


def run(code):
    namespace = {"torch": torch}
    exec(code, namespace)
    lines = []
    namespace["print"] = lines.append
    exec(DIGEST, namespace)
    return json.loads(lines[-1])


def output_of(code):
    """stdout and the error as `Type: message`, as Gradlab runs a cell after `import torch`."""
    namespace = {"torch": torch}
    stdout = io.StringIO()
    error = None
    with contextlib.redirect_stdout(stdout):
        try:
            exec(code, namespace)
        except Exception as exc:  # noqa: BLE001 - the error is the output
            error = f"{type(exc).__name__}: {exc}"
    return {"code": code.strip() + "\n", "stdout": stdout.getvalue(), "error": error}


def cpu_capability():
    """AVX2 on most x86 machines: the float32 normal kernel differs without it."""
    for line in torch.__config__.show().splitlines():
        if "CPU capability usage:" in line:
            return line.split(":", 1)[1].strip()
    return "unknown"


def main():
    cases = {}
    for name, code in PROBES.items():
        result = run(code)
        if result["values"] < MIN_VALUES:
            sys.exit(f"{name}: {result['values']} values, fewer than {MIN_VALUES}")
        if name not in LIBM:
            del result["float64"], result["sha256_not_float64"]
        cases[name] = {"code": code.strip() + "\n", **result}
    fixture = {
        "meta": {
            "generator": "tools/rng-probes/generate.py",
            "torch": torch.__version__,
            "python": platform.python_version(),
            "cpu_capability": cpu_capability(),
            "digest": DIGEST.strip() + "\n",
            "libm": {"probes": sorted(LIBM), "reason": LIBM_REASON},
        },
        "cases": cases,
        "outputs": {name: output_of(code) for name, code in OUTPUTS.items()},
    }
    FIXTURE.write_text(json.dumps(fixture, indent=1) + "\n")
    print(f"wrote {len(cases)} probes and {len(OUTPUTS)} outputs to {FIXTURE.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
