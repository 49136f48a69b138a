"""Notebook cell semantics for Gradlab: run one cell as Jupyter would and report what it did.

The TypeScript kernel calls `run_cell`; the result is converted to plain JavaScript objects,
so no Python object outlives the call on the JavaScript side.
"""

import ast
import linecache
from array import array
import sys
import time
import traceback
import warnings

from js import Object
from pyodide.code import CodeRunner
from pyodide.ffi import to_js

import _gradlab_session as session

_original_sleep = time.sleep
_interrupt_flag = None  # the host's Int32Array view of the interrupt buffer, or None
_namespace = {}
_cell_count = 0
# Set by the host from its policy (core/python/limits.ts); None means no limit.
_output_limit = None
_display_limit = None


class _CellOutput:
    """sys.stdout/sys.stderr for the duration of a cell: text stays with the cell it came from."""

    def __init__(self, limit):
        self.parts = []
        self.kept = 0
        self.total = 0
        self.limit = limit

    def write(self, text):
        text = str(text)
        self.total += len(text)
        room = len(text) if self.limit is None else max(0, self.limit - self.kept)
        if room > 0:
            part = text[:room]
            self.parts.append(part)
            self.kept += len(part)
        return len(text)

    def flush(self):
        pass

    def isatty(self):
        return False

    def getvalue(self):
        return "".join(self.parts)


def _new_namespace():
    return {"__name__": "__main__", "__builtins__": __builtins__}


def reset():
    global _namespace
    _namespace = _new_namespace()


def set_limits(output_characters, display_characters):
    """What one cell may print and display; beyond it the text is cut and its length counted."""
    global _output_limit, _display_limit
    _output_limit = output_characters
    _display_limit = display_characters


def set_interrupt_view(view):
    """Give sleep() the shared interrupt flag so a stop request wakes it up."""
    global _interrupt_flag
    _interrupt_flag = view
    time.sleep = _interruptible_sleep if view is not None else _original_sleep


def _clear_interrupt():
    if _interrupt_flag is not None:
        _interrupt_flag[0] = 0


def _interruptible_sleep(seconds):
    from js import Atomics

    deadline = time.monotonic() + max(0.0, float(seconds))
    while True:
        if _interrupt_flag[0] != 0:
            _interrupt_flag[0] = 0
            raise KeyboardInterrupt()
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            return
        # Wakes early when the host calls Atomics.notify; otherwise re-checks every 50 ms.
        Atomics.wait(_interrupt_flag, 0, 0, min(remaining, 0.05) * 1000)


def _error_text(error):
    name = type(error).__name__
    if isinstance(error, SyntaxError):
        return f"{name}: {error.msg}"
    message = str(error)
    return f"{name}: {message}" if message else name


def _traceback_text(error, filename):
    """The traceback trimmed to the frames of cells (never Gradlab's own modules)."""
    result = traceback.TracebackException.from_exception(error)
    cell_frames = [frame for frame in result.stack if frame.filename.startswith("cell")]
    result.stack = traceback.StackSummary.from_list(cell_frames)
    return "".join(result.format())


def _warning_text(record):
    return f"{record.category.__name__}: {record.message}"


def _float_buffer(values):
    if isinstance(values, array) and values.typecode in "fd":
        return values
    return array("d", values)


def _transferable(plots):
    """Plot values as float buffers: they cross to JavaScript as one copy each, where a list of
    a million floats would be converted number by number."""
    return [
        {
            **plot,
            "lines": [
                {
                    **line,
                    **{
                        axis: _float_buffer(line[axis])
                        for axis in ("x", "y", "z")
                        if axis in line
                    },
                }
                for line in plot["lines"]
            ],
        }
        for plot in plots
    ]


def _display_text(value):
    """What a cell shows for its value: its repr, as the golden outputs of PyTorch record it
    (`<SumBackward0 object at 0x...>`); a figure with axes is drawn instead (see matplotlib.figure)."""
    if hasattr(type(value), "_gradlab_display"):
        return value._gradlab_display()
    return repr(value)


def _ipython_line(line):
    """What Jupyter's IPython makes of a magic or shell line: `%matplotlib` does nothing (figures
    show inline, as Gradlab draws them); any other is named in a NotImplementedError."""
    if line.startswith("%matplotlib"):
        return ""
    name = line.split()[0]
    message = f"IPython's {name} is not supported in Gradlab yet"
    return f"raise NotImplementedError({message!r})"


def _without_ipython_syntax(code):
    """The cell as Python: lines starting with % or ! (magics, shell commands) replaced, line for
    line, but only when the cell is not already Python (such a line may continue an expression)."""
    lines = code.split("\n")
    if not any(line.startswith(("%", "!")) for line in lines):
        return code
    try:
        ast.parse(code)
        return code
    except SyntaxError:
        pass
    return "\n".join(
        _ipython_line(line) if line.startswith(("%", "!")) else line for line in lines
    )


def run_cell(code, fresh=False):
    global _cell_count
    _cell_count += 1
    filename = f"cell{_cell_count}.py"
    if fresh:
        reset()
    # Lets tracebacks quote the cell's own lines.
    linecache.cache[filename] = (len(code), None, code.splitlines(True), filename)
    _clear_interrupt()

    output = _CellOutput(_output_limit)
    display = None
    error = None
    trace = None
    session.begin_cell(filename, _namespace)
    saved_streams = sys.stdout, sys.stderr
    sys.stdout = sys.stderr = output
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            try:
                runner = CodeRunner(
                    _without_ipython_syntax(code),
                    return_mode="last_expr",
                    quiet_trailing_semicolon=True,
                    filename=filename,
                )
                value = runner.compile().run(_namespace)
                if value is not None:
                    _namespace["_"] = value
                    display = _display_text(value)
                    if _display_limit is not None and len(display) > _display_limit:
                        display = display[:_display_limit] + " …"
            except BaseException as exc:  # noqa: BLE001 - every failure belongs to the cell
                error = _error_text(exc)
                trace = _traceback_text(exc, filename)
    finally:
        # What the cell's end shows (a figure left open with nothing drawn prints its repr) is
        # the cell's output too.
        cell_session = session.end_cell()
        sys.stdout, sys.stderr = saved_streams
        _clear_interrupt()  # a stop pressed as the cell ended must not hit what follows
    # Handed over as plain JavaScript objects (None arrives as undefined).
    return to_js(
        {
            "stdout": output.getvalue(),
            "stdout_total": output.total,
            "display": display,
            "error": error,
            "traceback": trace,
            "warnings": [_warning_text(record) for record in caught],
            "plots": _transferable(cell_session.plots),
        },
        dict_converter=Object.fromEntries,
    )


reset()
