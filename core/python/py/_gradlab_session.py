"""What the cell being run has produced so far, shared by Gradlab's Python modules.

matplotlib appends finished figures here; torch asks which cell line made a tensor and which
variable names the cell's namespace gives to tensors.
"""

import sys


class CellSession:
    def __init__(self, filename, namespace):
        self.filename = filename
        self.namespace = namespace
        self.plots = []


current = CellSession("<none>", {})
_end_of_cell_hooks = []


def on_end_of_cell(hook):
    """Registers a function run as each cell ends (e.g. showing a figure left open)."""
    _end_of_cell_hooks.append(hook)


def begin_cell(filename, namespace):
    global current
    current = CellSession(filename, namespace)


def end_cell():
    for hook in _end_of_cell_hooks:
        hook()
    return current


def cell_line():
    """The line of the running cell that is executing now (0 outside a cell)."""
    frame = sys._getframe(1)
    filename = current.filename
    while frame is not None:
        if frame.f_code.co_filename == filename:
            return frame.f_lineno
        frame = frame.f_back
    return 0
