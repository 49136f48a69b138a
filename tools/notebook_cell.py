"""Runs one program as a notebook cell runs it, for the tools that record reference outputs:
stdout and stderr captured together, the trailing expression's value displayed, an error as
`Type: message`, warnings as `Category: message`."""

import ast
import contextlib
import io
import warnings


def _split_trailing_expression(code):
    """The cell's statements and its trailing expression (None if it ends otherwise or with ;)."""
    tree = ast.parse(code)
    last = tree.body[-1] if tree.body else None
    if not isinstance(last, ast.Expr) or code.rstrip().endswith(";"):
        return tree, None
    tree.body.pop()
    return tree, ast.Expression(last.value)


def run_cell(code, namespace, display=repr):
    """`display` turns the cell's value (never None) into its text, or None to show nothing."""
    output = io.StringIO()
    shown = error = None
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        with contextlib.redirect_stdout(output), contextlib.redirect_stderr(output):
            try:
                body, trailing = _split_trailing_expression(code)
                exec(compile(body, "cell", "exec"), namespace)
                if trailing is not None:
                    value = eval(compile(trailing, "cell", "eval"), namespace)
                    if value is not None:
                        shown = display(value)
            except BaseException as exc:  # noqa: BLE001 - every failure belongs to the cell
                message = str(exc)
                error = f"{type(exc).__name__}: {message}" if message else type(exc).__name__
    return {
        "stdout": output.getvalue(),
        "display": shown,
        "error": error,
        "warnings": [f"{w.category.__name__}: {w.message}" for w in caught],
    }
