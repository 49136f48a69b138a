#!/usr/bin/python3
"""Derivative probes: new cases shaped like ../shared/golden/derivatives-public.json.

Needs SymPy and PyTorch for /usr/bin/python3 (Debian: apt-get install python3-sympy python3-torch;
measured with SymPy 1.11 and PyTorch 1.13). Writes tests/fixtures/derivative-probes.json:

    /usr/bin/python3 tools/derivative-probes/generate.py [--count 560] [--seed 7]
    /usr/bin/python3 tools/derivative-probes/generate.py --edges --count 250 --seed 11 \
        --out tests/fixtures/derivative-probes-edges.json

Each case has the golden file's fields: `expr` (SymPy's text with `^`, Max(0, t) as relu(t),
Abs as abs), `vars`, SymPy's simplified `derivative` and its LaTeX, and per point SymPy's value
and gradient (exact, float64) and torch's value and gradient in float32 and float64, computed by
running SymPy's tree as torch ops on 0-D leaves with requires_grad (see torch_value). Cases come
from these sources:
- `random`: random trees in the golden generator's style (sums, products, quotients, small
  powers, sin/cos/tanh/exp, log(t^2 + 1), sqrt(t^2 + 1), rational and surd constants), deeper;
- `functions`: random trees that also use tan, sinh, cosh, asin, acos, atan, abs, relu,
  sigmoid-like quotients, symbolic exponents (x^x, 2^x, x^sin(x)), logs with bases, pi and E;
- `curated`: hand-written textbook and edge cases (points near domain edges, three variables);
- `edges-random`, `edges-functions` (with --edges): deeper trees of both kinds, each with one
  ordinary point and two near zero (0.001 to 0.05) or far out (2.5 to 6).
A point where SymPy's value or any gradient is not a finite real is dropped, as the golden set
drops them; a case without points, whose derivative SymPy cannot simplify in a few seconds, or
whose text leaves the grammar (Piecewise, re, im, ...) is skipped.
"""

import argparse
import json
import math
import random
import re
import signal
import sys

import sympy as sp
import torch

torch.set_num_threads(1)

FUNCTIONS_IN_GRAMMAR = {"sin", "cos", "tan", "tanh", "sinh", "cosh", "asin", "acos", "atan", "exp",
                        "log", "sqrt", "abs", "relu", "sign", "Heaviside"}
CALLED = re.compile(r"([A-Za-z_]\w*)\(")
OUTSIDE = re.compile(r"\bzoo\b|\bnan\b|\bI\b|\boo\b")


def outside_grammar(text):
    """Text our grammar does not have (Piecewise, re, cot, ...) or not a real number."""
    return OUTSIDE.search(text) or any(f not in FUNCTIONS_IN_GRAMMAR for f in CALLED.findall(text))


class Timeout(Exception):
    pass


def on_alarm(_signum, _frame):
    raise Timeout()


signal.signal(signal.SIGALRM, on_alarm)


def with_time_limit(seconds, work):
    signal.alarm(seconds)
    try:
        return work()
    finally:
        signal.alarm(0)


# ---------- text in our grammar ----------

def relu(t):
    return sp.Max(0, t)


def to_text(e):
    text = sp.sstr(e)
    text = re.sub(r"Max\(0, ", "relu(", text)
    text = text.replace("Abs(", "abs(").replace("**", "^")
    return text


# ---------- random trees ----------

class Builder:
    def __init__(self, rng, symbols, rich):
        self.rng = rng
        self.symbols = symbols
        self.rich = rich

    def constant(self):
        r = self.rng
        kind = r.choice(["int", "int", "rational", "surd", "fn", "e"] + (["pi"] if self.rich else []))
        if kind == "int":
            return sp.Integer(r.randint(1, 7))
        if kind == "rational":
            return sp.Rational(r.randint(1, 7), r.choice([2, 3, 4, 5]))
        if kind == "surd":
            return sp.sqrt(r.choice([2, 3, 5, 6, 10]))
        if kind == "fn":
            f = r.choice([sp.sin, sp.cos, sp.tanh, sp.log, sp.exp])
            return f(r.choice([sp.Integer(1), sp.Integer(2), sp.Integer(3), sp.Rational(1, 2), sp.Integer(5)]))
        if kind == "e":
            return sp.E
        return sp.pi

    def leaf(self):
        if self.rng.random() < 0.7:
            return self.rng.choice(self.symbols)
        return self.constant()

    def unary(self, t):
        r = self.rng
        base = ["sin", "cos", "tanh", "exp", "log1", "sqrt1", "sqrtpos", "logpos"]
        rich = ["tan", "sinh", "cosh", "atan", "asin", "acos", "abs", "relu", "sigmoid", "log2", "logb"]
        name = r.choice(base + (rich * 2 if self.rich else []))
        if name == "sin":
            return sp.sin(t)
        if name == "cos":
            return sp.cos(t)
        if name == "tanh":
            return sp.tanh(t)
        if name == "exp":
            return sp.exp(t / r.choice([1, 2, 3]))
        if name == "log1":
            return sp.log(t**2 + 1)
        if name == "sqrt1":
            return sp.sqrt(t**2 + 1)
        if name == "sqrtpos":
            return sp.sqrt(t + r.randint(2, 5))
        if name == "logpos":
            return sp.log(t + r.randint(3, 6))
        if name == "tan":
            return sp.tan(t / 2)
        if name == "sinh":
            return sp.sinh(t)
        if name == "cosh":
            return sp.cosh(t)
        if name == "atan":
            return sp.atan(t)
        if name == "asin":
            return sp.asin(t / r.choice([2, 3]))
        if name == "acos":
            return sp.acos(t / r.choice([2, 3]))
        if name == "abs":
            return sp.Abs(t)
        if name == "relu":
            return relu(t)
        if name == "sigmoid":
            return 1 / (1 + sp.exp(-t))
        if name == "log2":
            return sp.log(t**2 + 1, 2)
        return sp.log(t**2 + 1, 10)

    def tree(self, depth):
        r = self.rng
        if depth <= 0 or r.random() < 0.25:
            return self.leaf()
        op = r.choice(["add", "add", "sub", "mul", "mul", "div", "pow", "fn", "fn", "fn"]
                      + (["sympow"] if self.rich else []))
        a = self.tree(depth - 1)
        if op == "fn":
            return self.unary(a)
        if op == "pow":
            exponent = r.choice([2, 2, 3, -1, -2, sp.Rational(1, 2), sp.Rational(3, 2), sp.Rational(1, 3), 4, 6])
            if isinstance(exponent, sp.Rational) and exponent.q != 1:
                return (a**2 + 1) ** exponent
            return a**exponent
        if op == "sympow":
            x = r.choice(self.symbols)
            return r.choice([x**x, 2**x, x ** sp.sin(x), sp.E ** (x * a), (x**2 + 1) ** x, x ** sp.Rational(5, 2)])
        b = self.tree(depth - 1)
        if op == "add":
            return a + b
        if op == "sub":
            return a - b
        if op == "mul":
            return a * b
        # keep denominators away from zero most of the time, as the golden set does
        return a / (b + r.choice([1, 2, 3])) if r.random() < 0.6 else a / (b**2 + 1)


# ---------- curated ----------

def curated():
    x, y, z, u, v, w = sp.symbols("x y z u v w", real=True)
    X = [x]
    P = lambda *vals: [{"x": val} for val in vals]
    cases = [
        # (expr, vars, points)
        (x**x, X, P(0.5, 1.7, 0.05)),
        (2**x, X, P(-1.5, 2.3)),
        (x ** sp.sin(x), X, P(0.3, 2.0)),
        (sp.sinh(x), X, P(0.7, -2.5)),
        (sp.cosh(x) ** 2, X, P(-1.1, 0.4)),
        (sp.atan(x), X, P(0.5, -3.0)),
        (sp.asin(x), X, P(0.5, -0.99, 0.999)),
        (sp.acos(x), X, P(0.2, 0.97)),
        (sp.atan(1 / x), X, P(0.5, -2.0)),
        (sp.log(x, 2), X, P(3.0, 0.25)),
        (sp.log(x**2 + 1, 10), X, P(1.0, -4.0)),
        (sp.sqrt(x), X, P(1e-4, 0.01, 4.0)),
        (sp.log(x), X, P(1e-3, 1e3)),
        (1 / x, X, P(1e-3, -0.02)),
        (sp.exp(x), X, P(20.0, -20.0)),
        (sp.tanh(x), X, P(5.0, -9.0, 1e-4)),
        (1 / (1 + sp.exp(-x)), X, P(-12.0, 8.0)),
        (sp.Abs(x) ** 3, X, P(-1.5, 0.7)),
        (sp.Abs(sp.sin(x)), X, P(-1.0, 2.0)),
        (x * relu(x), X, P(-1.0, 0.5)),
        (relu(x) - relu(-x), X, P(-0.3, 0.8)),
        (relu(sp.sin(x)), X, P(-0.5, 1.0)),
        (sp.sqrt(sp.Abs(x) + 1), X, P(-2.0, 0.3)),
        (sp.exp(-(x**2)) * sp.sin(3 * x), X, P(0.25, -1.3)),
        (sp.tan(x) ** 2, X, P(0.3, 1.2)),
        (sp.pi * x**2, X, P(0.5, -1.5)),
        (sp.sin(sp.pi * x), X, P(0.25, 1.9)),
        (sp.E ** (2 * x), X, P(-0.6, 1.2)),
        (sp.sin(sp.cos(sp.tan(x))), X, P(0.2, -0.9)),
        (sp.exp(sp.sin(sp.exp(x))), X, P(0.1, -1.4)),
        (sp.log(sp.log(x)), X, P(2.0, 1.05)),
        (sp.sqrt(1 - x**2), X, P(0.6, -0.999)),
        (sp.Rational(1, 3) * x**3 - sp.Rational(5, 2) * x, X, P(1.5, -2.0)),
        (x ** sp.Rational(2, 3), X, P(8.0, 0.001)),
        (x ** sp.Rational(-3, 2), X, P(4.0, 0.09)),
        (1 / sp.sqrt(x**2 + 1) ** 3, X, P(0.5, -7.0)),
        (x**10 - 10 * x, X, P(1.1, -0.9)),
        ((x + 1) ** 20, X, P(0.01, -1.05)),
        (sp.sin(x) / x, X, P(0.001, 3.0)),
        ((1 - sp.cos(x)) / x**2, X, P(0.05, 2.0)),
        (sp.exp(x) - 1 - x, X, P(1e-3, 2.0)),
        (sp.log(1 + x**2) - x**2, X, P(0.01, 1.0)),
        (x * sp.exp(-x) * sp.cos(x), X, P(0.5, 4.0)),
        (sp.atan(sp.exp(x)), X, P(-1.0, 2.0)),
        (sp.cosh(x) - sp.sinh(x), X, P(0.5, -1.5)),
        (sp.tanh(x) ** 2 + 1 / sp.cosh(x) ** 2, X, P(0.5, 1.5)),
        (sp.sin(x) ** 2 + sp.cos(x) ** 2, X, P(0.4, -1.0)),
        (sp.asin(sp.sin(x)), X, P(0.4, -1.0)),
        # two and three variables
        (u**v, [u, v], [{"u": 1.5, "v": 2.5}, {"u": 0.3, "v": -1.2}]),
        (sp.atan(v / u), [u, v], [{"u": 1.0, "v": 2.0}, {"u": -0.5, "v": 0.3}]),
        (sp.sqrt(u**2 + v**2), [u, v], [{"u": 1e-3, "v": 2e-3}, {"u": -3.0, "v": 4.0}]),
        (sp.exp(u) * sp.sin(v) + sp.Abs(u - v), [u, v], [{"u": 0.5, "v": 1.5}, {"u": -1.0, "v": -2.0}]),
        (relu(u - v) * u, [u, v], [{"u": 1.0, "v": 0.5}, {"u": -1.0, "v": 0.25}]),
        (x * y * z, [x, y, z], [{"x": 1.0, "y": 2.0, "z": 3.0}, {"x": -0.5, "y": 0.25, "z": 1.5}]),
        (sp.sqrt(x**2 + y**2 + z**2), [x, y, z], [{"x": 1.0, "y": 2.0, "z": 2.0}, {"x": -0.3, "y": 0.4, "z": 1.2}]),
        (sp.exp(x * y * z), [x, y, z], [{"x": 0.5, "y": -1.0, "z": 1.2}]),
        (sp.log(x**2 + y**2 + z**2 + 1), [x, y, z], [{"x": 0.1, "y": -0.7, "z": 1.9}]),
        (x**2 * y + y**2 * z + z**2 * x, [x, y, z], [{"x": 1.0, "y": -2.0, "z": 0.5}]),
        (sp.sin(x + y) * sp.cos(y - z), [x, y, z], [{"x": 0.3, "y": 1.1, "z": -0.4}]),
        (x / (y + z**2 + 1), [x, y, z], [{"x": 2.0, "y": 0.5, "z": -1.5}]),
        (sp.tanh(u * v * w) + u**w, [u, v, w], [{"u": 1.2, "v": 0.3, "w": -0.7}]),
        (sp.atan(u + v * w) - sp.sqrt(u**2 + 1) * w, [u, v, w], [{"u": -0.4, "v": 1.5, "w": 0.9}]),
        (1 / (1 + sp.exp(-(u * v + w))), [u, v, w], [{"u": 0.3, "v": -2.0, "w": 0.1}]),
        (relu(u + v + w) * sp.Abs(u * w), [u, v, w], [{"u": 0.7, "v": -0.2, "w": 1.1}, {"u": -1.0, "v": 0.2, "w": 0.3}]),
    ]
    return cases


# ---------- evaluation ----------

TORCH_FUNCTIONS = {
    sp.sin: torch.sin, sp.cos: torch.cos, sp.tan: torch.tan, sp.tanh: torch.tanh,
    sp.sinh: torch.sinh, sp.cosh: torch.cosh, sp.asin: torch.asin, sp.acos: torch.acos,
    sp.atan: torch.atan, sp.exp: torch.exp, sp.log: torch.log, sp.Abs: torch.abs,
}


class OutsideGrammar(Exception):
    pass


def torch_value(e, leaves):
    """SymPy's tree run as torch ops, the way the golden set's torch figures were made (measured:
    345 of its 362 float32 points bit for bit with torch 1.13): sums and products folded left in
    SymPy's own argument order, powers as `b ** float(p)` except square roots (torch.sqrt),
    Max(0, t) as relu, constant subtrees as Python floats."""
    if e.is_Symbol:
        return leaves[str(e)]
    if not e.free_symbols:
        return float(e)
    if e.is_Add or e.is_Mul:
        values = [torch_value(a, leaves) for a in e.args]
        result = values[0]
        for v in values[1:]:
            result = result + v if e.is_Add else result * v
        return result
    if e.is_Pow:
        base = torch_value(e.base, leaves)
        if e.exp == sp.Rational(1, 2):
            return torch.sqrt(base)
        return base ** (torch_value(e.exp, leaves) if e.exp.free_symbols else float(e.exp))
    if isinstance(e, sp.Max) and e.args[0] == 0:
        return torch.relu(torch_value(e.args[1], leaves))
    if e.func in TORCH_FUNCTIONS:
        return TORCH_FUNCTIONS[e.func](torch_value(e.args[0], leaves))
    raise OutsideGrammar(str(e.func))


def run_torch(e, variables, at, dtype):
    """The value and each leaf's .grad (0 for an unused leaf) in `dtype`."""
    leaves = {v: torch.tensor(float(at[v]), dtype=dtype, requires_grad=True) for v in variables}
    out = torch_value(e, leaves)
    if not isinstance(out, torch.Tensor):
        return {"value": float(out), "grad": {v: 0.0 for v in variables}}
    out.backward()
    grad = {v: (leaves[v].grad.item() if leaves[v].grad is not None else 0.0) for v in variables}
    return {"value": out.item(), "grad": grad}


def pytorch_kinks(e):
    """SymPy's Heaviside(0) is 1/2; PyTorch's relu'(0) is 0."""
    return e.replace(sp.Heaviside, lambda *args: sp.Heaviside(args[0], 0))


def exact(e, subs):
    value = sp.N(pytorch_kinks(e).subs(subs), 30)
    if not value.is_real or not value.is_finite:
        return None
    f = float(value)
    return f if math.isfinite(f) else None


def evaluable(d, variables, points):
    """SymPy's derivative as its text reads, in float64, is finite at every point: some of its
    simplified forms are not (`log(10^(4*(...)^2))` overflows), and a reference answer that
    cannot be evaluated checks nothing."""
    f = sp.lambdify(variables, pytorch_kinks(d), "math")
    try:
        values = [f(*(float(at[str(v)]) for v in variables)) for at in points]
    except (ValueError, OverflowError, ZeroDivisionError, TypeError):
        return False
    return all(isinstance(x, (int, float)) and math.isfinite(x) for x in values)


def make_case(e, variables, points, source):
    text = to_text(e)
    if outside_grammar(text) or len(text) > 300 or not e.free_symbols:
        return None
    names = [str(v) for v in variables]
    derivative = {}
    for v in variables:
        d = with_time_limit(6, lambda: sp.simplify(sp.diff(e, v)))
        d_text = to_text(d)
        if outside_grammar(d_text):
            return None
        derivative[str(v)] = d
    kept = []
    for at in points:
        subs = {v: sp.nsimplify(at[str(v)], rational=True) for v in variables}
        value = exact(e, subs)
        grads = {str(v): exact(derivative[str(v)], subs) for v in variables}
        if value is None or any(g is None for g in grads.values()):
            continue
        try:
            f32 = run_torch(e, names, at, torch.float32)
            f64 = run_torch(e, names, at, torch.float64)
        except (ValueError, RuntimeError, ZeroDivisionError, OverflowError):
            continue
        except OutsideGrammar:
            return None
        numbers = [f32["value"], f64["value"], *f32["grad"].values(), *f64["grad"].values()]
        if not all(math.isfinite(n) for n in numbers):
            continue
        kept.append({"at": at, "value": value, "grad": grads, "torch_f32": f32, "torch_f64": f64})
    if not kept or not all(evaluable(d, variables, kept) for d in derivative.values()):
        return None
    return {
        "expr": text,
        "expr_sympy": sp.sstr(e),
        "vars": names,
        "latex": sp.latex(e),
        "derivative": {k: to_text(d) for k, d in derivative.items()},
        "derivative_latex": {k: sp.latex(d) for k, d in derivative.items()},
        "points": kept,
        "source": source,
    }


def random_points(rng, names, count, spread):
    return [{n: round(rng.uniform(-spread, spread), 2) for n in names} for _ in range(count)]


def edge_value(rng):
    """Near zero, where 1/x, log, sqrt and cancellations are steep, or far out, where exp,
    tanh and powers saturate or grow."""
    if rng.random() < 0.5:
        return rng.choice([1, -1]) * rng.choice([0.001, 0.003, 0.01, 0.02, 0.05])
    return round(rng.choice([1, -1]) * rng.uniform(2.5, 6.0), 2)


def edge_points(rng, names):
    ordinary = random_points(rng, names, 1, 2.0)[0]
    return [ordinary, {n: edge_value(rng) for n in names}, {n: edge_value(rng) for n in names}]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=560, help="random cases wanted (curated come on top)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--out", default="tests/fixtures/derivative-probes.json")
    parser.add_argument("--edges", action="store_true",
                        help="deeper trees and points near domain edges, no curated cases")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    cases, seen = [], set()

    def keep(case):
        if case and case["expr"] not in seen:
            seen.add(case["expr"])
            cases.append(case)

    for e, variables, points in [] if args.edges else curated():
        keep(make_case(e, variables, points, "curated"))
    families = [("x",), ("u", "v"), ("x", "y", "z")]
    attempts = 0
    random_wanted = len(cases) + args.count
    while len(cases) < random_wanted and attempts < args.count * 20:
        attempts += 1
        names = rng.choice(families)
        symbols = [sp.Symbol(n, real=True) for n in names]
        rich = rng.random() < 0.5
        depth = rng.choice([4, 5, 5, 6] if args.edges else [2, 3, 3, 4, 4, 5])
        try:
            e = with_time_limit(3, lambda: Builder(rng, symbols, rich).tree(depth))
            points = edge_points(rng, names) if args.edges else random_points(rng, names, 2, 2.0)
            source = ("edges-" if args.edges else "") + ("functions" if rich else "random")
            case = make_case(e, symbols, points, source)
        except (Timeout, RecursionError, ValueError, TypeError):
            continue
        keep(case)
        if len(cases) % 50 == 0:
            print(f"{len(cases)} cases", file=sys.stderr)
    meta = {"sympy": sp.__version__, "torch": torch.__version__, "python": sys.version.split()[0],
            "generator": "tools/derivative-probes/generate.py", "seed": args.seed}
    with open(args.out, "w") as out:
        json.dump({"meta": meta, "cases": cases}, out, indent=1)
        out.write("\n")
    print(f"wrote {len(cases)} cases to {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
