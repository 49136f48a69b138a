"""plot()'s format strings ('ro', 'g--'): what they set, for matplotlib's warning when a keyword
argument sets the same property (colours and styles themselves are the renderer's choice)."""

import warnings

_BASE_COLORS = {
    "b": (0.0, 0.0, 1.0), "g": (0.0, 0.5, 0.0), "r": (1.0, 0.0, 0.0), "c": (0.0, 0.75, 0.75),
    "m": (0.75, 0.0, 0.75), "y": (0.75, 0.75, 0.0), "k": (0.0, 0.0, 0.0), "w": (1.0, 1.0, 1.0),
}
_LINESTYLES = ("--", "-.", "-", ":")
_MARKERS = set(".,ov^<>12348spP*hH+xXDd|_")
_KEYWORDS = {"linestyle": ("linestyle", "ls"), "marker": ("marker",), "color": ("color", "c")}


def _properties(fmt):
    """(linestyle, marker, color) as matplotlib's _process_plot_format reads them."""
    if fmt in _BASE_COLORS:  # a whole colour: matplotlib names it by its RGBA value
        return None, None, (*_BASE_COLORS[fmt], 1)
    linestyle = marker = color = None
    i = 0
    while i < len(fmt):
        style = next((s for s in _LINESTYLES if fmt.startswith(s, i)), None)
        if style is not None:
            linestyle, i = style, i + len(style)
        elif fmt[i] in _MARKERS:
            marker, i = fmt[i], i + 1
        elif fmt[i] in _BASE_COLORS:
            color, i = fmt[i], i + 1
        else:
            return None
    if linestyle is None and marker is None:
        linestyle = "-"
    return linestyle or "None", marker or "None", color


def warn_redundant(fmt, style):
    """matplotlib's UserWarning for each property both the format string and a keyword set."""
    given = [name for name, keys in _KEYWORDS.items() if any(k in style for k in keys)]
    if not given or fmt.lower() == "none":
        return
    properties = _properties(fmt)
    if properties is None:
        raise NotImplementedError(
            f"the plot format string {fmt!r} together with a {given[0]}= keyword is not "
            "supported in Gradlab yet"
        )
    for name, value in zip(_KEYWORDS, properties):
        if value is not None and value != "None" and name in given:
            warnings.warn(
                f"{name} is redundantly defined by the '{name}' keyword argument and the fmt "
                f'string "{fmt}" (-> {name}={value!r}). The keyword argument will take '
                "precedence.",
                UserWarning,
                stacklevel=4,
            )
