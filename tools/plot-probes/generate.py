"""Runs the probes of probes.py in real numpy 1.24 and matplotlib 3.6 and writes their outputs as
a test fixture, the way tools/torch-probes does for PyTorch.

    /usr/bin/python3 tools/plot-probes/generate.py

writes tests/fixtures/plot-probes.json. Each probe runs as a Jupyter cell: in a fresh namespace,
stdout and stderr captured, the trailing expression displayed as its repr (as the golden outputs of
PyTorch record a cell's value; a figure with axes is drawn rather than written), figures shown by plt.show() or left open at the end recorded axes by axes with each
series' kind and data, in Gradlab's plot format (core/python/cell-result.ts).

numpy runs with its AVX-512 code paths switched off (NPY_DISABLE_CPU_FEATURES): with them, numpy
1.24 takes exp, log, sin and cos from Intel's SVML, whose last digits differ from the C library's
that numpy uses on every other CPU (and that Gradlab follows).
"""

import contextlib
import io
import json
import os
import pathlib
import platform
import sys

_AVX512 = "AVX512F AVX512CD AVX512_SKX AVX512_CLX AVX512_CNL AVX512_ICL"
if os.environ.get("NPY_DISABLE_CPU_FEATURES") != _AVX512:
    os.environ["NPY_DISABLE_CPU_FEATURES"] = _AVX512
    os.execv(sys.executable, [sys.executable, *sys.argv])

import matplotlib  # noqa: E402

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import torch  # noqa: E402
from matplotlib.axes import Axes  # noqa: E402
from matplotlib.contour import ContourSet  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402
from mpl_toolkits.mplot3d import Axes3D  # noqa: E402

from probes import PROBES  # noqa: E402

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1]))
from notebook_cell import run_cell  # noqa: E402

ROOT = pathlib.Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "tests/fixtures/plot-probes.json"


def _floats(values):
    return [float(v) for v in np.asarray(values, dtype=float).ravel()]


# What each drawing call drew, in call order, kept on its axes for the recording.
_recording = [False]


def _records_series(method, describe):
    def wrapper(self, *args, **kwargs):
        if _recording[0]:
            return method(self, *args, **kwargs)
        _recording[0] = True
        try:
            result = method(self, *args, **kwargs)
        finally:
            _recording[0] = False
        self.__dict__.setdefault("_probe_series", []).extend(describe(self, result, args, kwargs))
        return result

    return wrapper


def _label(artist):
    label = artist.get_label()
    return label if label and not label.startswith("_") else None


def _lines(ax, lines, args, kwargs):
    return [(line, lambda line=line: {"kind": "line", "x": _floats(line.get_xdata()),
                                      "y": _floats(line.get_ydata())}) for line in lines]


def _scatter(ax, collection, args, kwargs):
    offsets = np.asarray(collection.get_offsets())
    return [(collection, lambda: {"kind": "scatter", "x": _floats(offsets[:, 0]),
                                  "y": _floats(offsets[:, 1])})]


def _contour(filled):
    def describe(ax, contour_set, args, kwargs):
        x, y, z = contour_set._contour_args(list(args), dict(kwargs))[:3]
        grid = {"kind": "contourf" if filled else "contour", "x": _floats(x), "y": _floats(y),
                "z": _floats(z), "columns": int(np.shape(z)[1]),
                "levels": _floats(contour_set.levels)}
        return [(None, lambda: grid)]

    return describe


def _line3d(ax, lines, args, kwargs):
    def data(line):
        x, y, z = line.get_data_3d()
        return {"kind": "line3d", "x": _floats(x), "y": _floats(y), "z": _floats(z)}

    return [(line, lambda line=line: data(line)) for line in lines]


def _scatter3d(ax, collection, args, kwargs):
    x, y, z = collection._offsets3d
    return [(collection, lambda: {"kind": "scatter3d", "x": _floats(x), "y": _floats(y),
                                  "z": _floats(z)})]


def _surface(ax, collection, args, kwargs):
    X, Y, Z = (np.asarray(a, dtype=float) for a in args[:3])
    return [(collection, lambda: {"kind": "surface", "x": _floats(X), "y": _floats(Y),
                                  "z": _floats(Z), "columns": int(Z.shape[1])})]


Axes.plot = _records_series(Axes.plot, _lines)
Axes.scatter = _records_series(Axes.scatter, _scatter)
Axes.contour = _records_series(Axes.contour, _contour(False))
Axes.contourf = _records_series(Axes.contourf, _contour(True))
Axes3D.plot = _records_series(Axes3D.plot, _line3d)
Axes3D.plot3D = Axes3D.plot
Axes3D.scatter = _records_series(Axes3D.scatter, _scatter3d)
Axes3D.scatter3D = Axes3D.scatter
Axes3D.plot_surface = _records_series(Axes3D.plot_surface, _surface)


def _user_limits(setter, key):
    """Marks limits the cell set itself (matplotlib's autoscaling calls the same setter)."""

    def wrapper(self, *args, **kwargs):
        result = setter(self, *args, **kwargs)
        caller = sys._getframe(1).f_code.co_filename
        if caller == "cell" or caller.endswith("pyplot.py") or caller.endswith("_base.py") and \
                sys._getframe(2).f_code.co_filename == "cell":
            self.__dict__[key] = [float(v) for v in result]
        return result

    return wrapper


Axes.set_xlim = _user_limits(Axes.set_xlim, "_probe_xlim")
Axes.set_ylim = _user_limits(Axes.set_ylim, "_probe_ylim")
_figure_colorbar = Figure.colorbar


def _colorbar(self, mappable, cax=None, ax=None, **kwargs):
    (ax or getattr(mappable, "axes", None) or self.gca()).__dict__["_probe_colorbar"] = True
    colorbar = _figure_colorbar(self, mappable, cax=cax, ax=ax, **kwargs)
    colorbar.ax.__dict__["_colorbar_axes"] = True
    return colorbar


Figure.colorbar = _colorbar
_axes_legend = Axes.legend


def _legend(self, *args, **kwargs):
    """Labels given to legend() name the series in the legend only, not the series themselves."""
    if args and isinstance(args[0], (list, tuple)):
        self.__dict__["_probe_legend_labels"] = [str(label) for label in args[0]]
    return _axes_legend(self, *args, **kwargs)


Axes.legend = _legend
_contour_clabel = ContourSet.clabel


def _clabel(self, *args, **kwargs):
    """Marks the axes; the labels placed are texts of matplotlib's own, not the cell's."""
    self.axes.__dict__["_probe_contour_labels"] = True
    labels = _contour_clabel(self, *args, **kwargs)
    self.axes.__dict__.setdefault("_probe_label_texts", []).extend(labels)
    return labels


ContourSet.clabel = _clabel


def _axes_record(ax):
    record = {
        "lines": [{**data(), "label": _label(artist) if artist is not None else None}
                  for artist, data in ax.__dict__.get("_probe_series", [])],
        "xlabel": ax.get_xlabel() or None,
        "ylabel": ax.get_ylabel() or None,
        "title": ax.get_title() or None,
        "legend": ax.get_legend() is not None,
    }
    if isinstance(ax, Axes3D):
        record["zlabel"] = ax.get_zlabel() or None
    texts = [{"x": float(t.get_position()[0]), "y": float(t.get_position()[1]),
              "text": t.get_text()} for t in ax.texts
             if not any(t is label for label in ax.__dict__.get("_probe_label_texts", []))]
    for key, value in (("texts", texts), ("xlim", ax.__dict__.get("_probe_xlim")),
                       ("ylim", ax.__dict__.get("_probe_ylim")),
                       ("colorbar", ax.__dict__.get("_probe_colorbar")),
                       ("legendLabels", ax.__dict__.get("_probe_legend_labels")),
                       ("contourLabels", ax.__dict__.get("_probe_contour_labels"))):
        if value:
            record[key] = value
    return record


def _figure_records(figure):
    records = [_axes_record(ax) for ax in figure.axes if not ax.__dict__.get("_colorbar_axes")]
    suptitle = figure._suptitle.get_text() if figure._suptitle is not None else None
    if suptitle and records and records[0]["title"] is None:
        records[0]["title"] = suptitle
    if len(records) > 1:
        records[0]["axesInFigure"] = len(records)
    return records


_shown = []


def _show(*args, **kwargs):
    """Jupyter's inline show(): every open figure drawn, then closed."""
    for number in plt.get_fignums():
        figure = plt.figure(number)
        if figure.axes:
            _shown.extend(_figure_records(figure))
        else:  # Jupyter shows a figure with nothing drawn as its repr
            print(repr(figure))
    plt.close("all")


plt.show = _show


def _display(value):
    if isinstance(value, Figure):
        if not value.axes:
            return repr(value)
        _shown.extend(_figure_records(value))
        return None
    return repr(value)


def run_probe(code):
    _shown.clear()
    result = run_cell(code, {"__name__": "__main__"}, _display)
    at_end = io.StringIO()
    with contextlib.redirect_stdout(at_end):
        _show()  # the figures left open, as Jupyter shows them after the cell
    result["stdout"] += at_end.getvalue()
    return {"code": code, **result, "plots": list(_shown)}


def main():
    cases = {name: run_probe(code) for name, code in PROBES.items()}
    fixture = {
        "meta": {
            "numpy": np.__version__,
            "matplotlib": matplotlib.__version__,
            "torch": torch.__version__,
            "python": platform.python_version(),
            "numpyDisabledCpuFeatures": _AVX512,
            "generator": "tools/plot-probes/generate.py",
        },
        "cases": cases,
    }
    FIXTURE.write_text(json.dumps(fixture, indent=1, ensure_ascii=False) + "\n")
    print(f"{len(cases)} probes -> {FIXTURE}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
