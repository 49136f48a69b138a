#!/usr/bin/python3
"""Runs every notebook of tests/fixtures/notebooks in real PyTorch and records what each cell shows.

Needs PyTorch, NumPy and matplotlib for /usr/bin/python3 (Debian: python3-torch,
python3-matplotlib) and the repository's Node (node_modules/.bin/node), which splits the
notebooks into cells exactly as `gradlab run` does (tools/notebook-probes/cells.ts):
    /usr/bin/python3 tools/notebook-probes/generate.py [--folder DIR] [NOTEBOOK ...]
writes tests/fixtures/notebooks/expected/<notebook>.json (or DIR/expected/), for every notebook
or only those named. Each notebook runs in its own Python
process and an empty working folder, its cells in one namespace as Jupyter runs them: stdout and
stderr together, the repr of a trailing expression unless it is None or the cell ends with `;`,
an exception as `Type: message` (the next cell still runs), warnings as `Category: message`, and
each figure shown (plt.show(), or left open when the cell ends, as the inline backend shows it)
as its plotted series: kind and data. Seeded random numbers are recorded as PyTorch gives them.
IPython's `%matplotlib` line does nothing here as in Jupyter; a cell using another magic or a
shell command (`%%time`, `!ls`) depends on the machine, so it runs without that line and is
recorded with `machineDependent` saying why (the conformance test does not compare it); so is
a cell whose output changes when the notebook is recorded a second time (unseeded random
numbers, uninitialized memory from torch.empty, id()).
"""

import ast
import io
import json
import math
import os
import pathlib
import platform
import re
import subprocess
import sys
import tempfile
import tokenize
import warnings

ROOT = pathlib.Path(__file__).resolve().parents[2]
CORPUS = ROOT / "tests/fixtures/notebooks"
NODE = ROOT / "node_modules/.bin/node"


def _error_text(error):
    name = type(error).__name__
    if isinstance(error, SyntaxError):
        return f"{name}: {error.msg}"
    message = str(error)
    return f"{name}: {message}" if message else name


def _ends_with_semicolon(code):
    """IPython's rule: the last token that is not a comment or a line end is `;`."""
    last = None
    try:
        for token in tokenize.generate_tokens(io.StringIO(code).readline):
            if token.type not in (
                tokenize.COMMENT,
                tokenize.NL,
                tokenize.NEWLINE,
                tokenize.ENDMARKER,
                tokenize.INDENT,
                tokenize.DEDENT,
            ):
                last = token.string
    except (tokenize.TokenError, SyntaxError):
        return False
    return last == ";"


def _without_magics(code):
    """The cell as Python, and why its output depends on the machine (None if it does not)."""
    lines, reasons = [], []
    for line in code.split("\n"):
        stripped = line.lstrip()
        if stripped.startswith("%matplotlib"):
            lines.append("")
        elif stripped.startswith(("%", "!")):
            lines.append("")
            reasons.append(f"IPython's `{stripped.split()[0]}` prints what this machine gives")
        else:
            lines.append(line)
    return "\n".join(lines), ("; ".join(reasons) or None)


def _numbers(values):
    import numpy

    flat = numpy.asarray(values, dtype=float).ravel()
    return [None if math.isnan(v) or math.isinf(v) else float(v) for v in flat]


class FigureRecorder:
    """Turns matplotlib figures into their series: kind and data, the way the test compares them."""

    def __init__(self):
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
        from matplotlib.axes import Axes
        from mpl_toolkits.mplot3d import Axes3D

        self.plt = plt
        self.shown = []
        plt.switch_backend("Agg")  # now, or pyplot's first figure would replace the show below

        def show(*args, **kwargs):
            self.show_open_figures()

        plt.show = show
        # Contours and surfaces keep the grid they were drawn from: that grid is their data.
        for owner, method in [
            (Axes, "contour"),
            (Axes, "contourf"),
            (Axes3D, "plot_surface"),
            (Axes3D, "plot_wireframe"),
        ]:
            self._keep_grid(owner, method)

    @staticmethod
    def _keep_grid(owner, method):
        original = getattr(owner, method)

        def drawing(self, *args, **kwargs):
            artist = original(self, *args, **kwargs)
            has_xy = len(args) >= 3 and not isinstance(args[2], (int, float))
            grid = args[:3] if has_xy else args[:1]
            series = {"kind": method.replace("plot_", "")}
            series.update(zip("xyz" if has_xy else "z", (_numbers(g) for g in grid)))
            # A contour set draws through one collection per level; each points to the set.
            for part in getattr(artist, "collections", [artist]):
                part._probe_series = series
            return artist

        setattr(owner, method, drawing)

    def show_open_figures(self):
        for number in self.plt.get_fignums():
            figure = self.plt.figure(number)
            if figure.axes:
                self.shown.append(self._figure(figure))
            else:  # Jupyter shows a figure with nothing drawn as its repr
                print(repr(figure))
        self.plt.close("all")

    def take(self):
        self.show_open_figures()
        shown, self.shown = self.shown, []
        return shown

    def _figure(self, figure):
        series = []
        for axes in figure.axes:
            for line in axes.lines:
                if hasattr(line, "get_data_3d"):
                    x, y, z = line.get_data_3d()
                    series.append({"kind": "line3d", "x": _numbers(x), "y": _numbers(y), "z": _numbers(z)})
                else:
                    series.append(
                        {"kind": "line", "x": _numbers(line.get_xdata()), "y": _numbers(line.get_ydata())}
                    )
            for collection in axes.collections:
                drawn = self._collection(collection)
                if drawn is not None and all(drawn is not seen for seen in series):
                    series.append(drawn)
            bars = [p for p in axes.patches if type(p).__name__ == "Rectangle"]
            if bars:
                series.append(
                    {
                        "kind": "bar",
                        "x": _numbers([b.get_x() for b in bars]),
                        "y": _numbers([b.get_height() for b in bars]),
                    }
                )
            for image in axes.images:
                series.append({"kind": "image", "shape": list(image.get_array().shape)})
        return {"series": series}

    @staticmethod
    def _collection(collection):
        grid = getattr(collection, "_probe_series", None)
        if grid is not None:
            return grid
        if type(collection).__name__ == "Path3DCollection":
            x, y, z = collection._offsets3d
            return {"kind": "scatter3d", "x": _numbers(x), "y": _numbers(y), "z": _numbers(z)}
        if type(collection).__name__ == "PathCollection":
            offsets = collection.get_offsets()
            return {"kind": "scatter", "x": _numbers(offsets[:, 0]), "y": _numbers(offsets[:, 1])}
        return None


def _without_leading_indent(code):
    """IPython's `leading_indent` cleanup: a cell whose first line is indented loses that indent."""
    lines = code.lstrip("\n").split("\n")
    indent = re.match(r"[ \t]*", lines[0]).group(0)
    if not indent:
        return code
    return "\n".join(line[len(indent):] if line.startswith(indent) else line for line in lines)


def run_cell(code, namespace, figures):
    code, machine_dependent = _without_magics(code)
    code = _without_leading_indent(code)
    stdout = io.StringIO()
    display = error = None
    saved = sys.stdout, sys.stderr
    sys.stdout = sys.stderr = stdout
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            try:
                tree = ast.parse(code, "cell")
                trailing = None
                if tree.body and isinstance(tree.body[-1], ast.Expr) and not _ends_with_semicolon(code):
                    trailing = ast.Expression(tree.body.pop().value)
                exec(compile(tree, "cell", "exec"), namespace)
                if trailing is not None:
                    value = eval(compile(trailing, "cell", "eval"), namespace)
                    if value is not None:
                        namespace["_"] = value
                        display = repr(value)
            except BaseException as exc:  # noqa: BLE001 - every failure belongs to the cell
                error = _error_text(exc)
        # The figures left open are shown after the cell (an empty one prints its repr).
        plots = figures.take()
    finally:
        sys.stdout, sys.stderr = saved
    record = {
        "stdout": stdout.getvalue(),
        "display": display,
        "error": error,
        "warnings": [f"{w.category.__name__}: {w.message}" for w in caught],
        "plots": plots,
    }
    if machine_dependent:
        record["machineDependent"] = machine_dependent
    return record


def record_notebook(cells):
    """Runs in a process of its own, so no notebook sees another's seed or settings."""
    import torch

    figures = FigureRecorder()
    namespace = {"__name__": "__main__"}
    results = []
    with tempfile.TemporaryDirectory() as folder:
        os.chdir(folder)
        for index, cell in enumerate(cells):
            torch.set_grad_enabled(True)
            outputs = run_cell(cell["code"], namespace, figures)
            results.append({"index": index, "kind": cell["kind"], "code": cell["code"], **outputs})
    return results


_CHANGES_FROM_RUN_TO_RUN = (
    "PyTorch shows something else at each run (unseeded random numbers, uninitialized memory, id())"
)


# Cells whose output depends on unseeded random numbers in a way two recordings rarely show (the
# outcome differs for a minority of draws, in PyTorch as in Gradlab): notebook -> cell -> why.
_RANDOM_BY_CHANCE = {
    "d2l-automatic-differentiation.ipynb": {
        8: "an unseeded randn decides whether d / a rounds back exactly to a.grad (True or False)"
    },
}


def _record_in_new_process(cells):
    child = subprocess.run(
        [sys.executable, __file__, "--record"],
        input=json.dumps(cells),
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(child.stdout)


def _masked(cell):
    """The cell's record with memory addresses masked, as the conformance test compares it."""
    return re.sub(r"0x[0-9a-f]+", "0x…", json.dumps(cell), flags=re.IGNORECASE)


def main():
    if sys.argv[1:] == ["--record"]:
        json.dump(record_notebook(json.load(sys.stdin)), sys.stdout)
        return 0
    import matplotlib
    import numpy
    import torch

    arguments = sys.argv[1:]
    folder = CORPUS
    if arguments[:1] == ["--folder"]:
        folder, arguments = pathlib.Path(arguments[1]).resolve(), arguments[2:]
    expected = folder / "expected"
    split = subprocess.run(
        [str(NODE), "tools/notebook-probes/cells.ts", str(folder)],
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    )
    notebooks = json.loads(split.stdout)
    unknown = [name for name in arguments if name not in notebooks]
    if unknown:
        print(f"no notebook {', '.join(unknown)} in {folder}", file=sys.stderr)
        return 2
    expected.mkdir(exist_ok=True)
    if arguments:
        notebooks = {name: notebooks[name] for name in arguments}
    else:
        for stale in expected.glob("*.json"):
            if stale.name.removesuffix(".json") not in notebooks:
                stale.unlink()
    meta = {
        "torch": torch.__version__,
        "numpy": numpy.__version__,
        "matplotlib": matplotlib.__version__,
        "python": platform.python_version(),
        "generator": "tools/notebook-probes/generate.py",
    }
    total = 0
    for name, cells in notebooks.items():
        recorded, again = (_record_in_new_process(cells) for _ in range(2))
        for cell, rerun in zip(recorded, again):
            if "machineDependent" not in cell and _masked(cell) != _masked(rerun):
                cell["machineDependent"] = _CHANGES_FROM_RUN_TO_RUN
        for index, why in _RANDOM_BY_CHANCE.get(name, {}).items():
            recorded[index]["machineDependent"] = why
        fixture = {"meta": {**meta, "notebook": name}, "cells": recorded}
        (expected / f"{name}.json").write_text(json.dumps(fixture, indent=1, ensure_ascii=False, allow_nan=False) + "\n")
        errors = sum(cell["error"] is not None for cell in recorded)
        print(f"{name}: {len(recorded)} cells ({errors} raise in PyTorch too)")
        total += len(recorded)
    print(f"{total} cells of {len(notebooks)} notebooks -> {expected}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
