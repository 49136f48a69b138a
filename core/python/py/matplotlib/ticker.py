"""matplotlib.ticker's MaxNLocator: the "nice" round values contour() picks as its levels."""

import math

_STEPS = (1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10)
# The steps a decade down and the first one a decade up, so any range finds its step.
_EXTENDED_STEPS = tuple(0.1 * s for s in _STEPS[:-1]) + _STEPS + (10 * _STEPS[1],)


def _nonsingular(vmin, vmax, expander, tiny):
    if not (math.isfinite(vmin) and math.isfinite(vmax)):
        return -expander, expander
    if vmax < vmin:
        vmin, vmax = vmax, vmin
    vmin, vmax = float(vmin), float(vmax)
    largest = max(abs(vmin), abs(vmax))
    if largest < (1e6 / tiny) * 2.2250738585072014e-308:
        return -expander, expander
    if vmax - vmin <= largest * tiny:
        if vmax == 0 and vmin == 0:
            return -expander, expander
        return vmin - expander * abs(vmin), vmax + expander * abs(vmax)
    return vmin, vmax


def _scale_range(vmin, vmax, n):
    span = abs(vmax - vmin)
    middle = (vmax + vmin) / 2
    offset = 0
    if abs(middle) / span >= 100:
        offset = math.copysign(10 ** (math.log10(abs(middle)) // 1), middle)
    return 10 ** (math.log10(span / n) // 1), offset


def _closeto(fraction, edge, step, offset):
    if offset > 0:
        tolerance = min(0.4999, max(1e-10, 10 ** (math.log10(offset / step) - 12)))
    else:
        tolerance = 1e-10
    return abs(fraction - edge) < tolerance


class MaxNLocator:
    def __init__(self, nbins=10, min_n_ticks=2):
        self._nbins = int(nbins)
        self._min_n_ticks = max(1, min_n_ticks)

    def tick_values(self, vmin, vmax):
        vmin, vmax = _nonsingular(vmin, vmax, 1e-13, 1e-14)
        return self._raw_ticks(vmin, vmax)

    def _raw_ticks(self, vmin, vmax):
        nbins = self._nbins
        scale, offset = _scale_range(vmin, vmax, nbins)
        low_edge, high_edge = vmin - offset, vmax - offset
        raw_step = (high_edge - low_edge) / nbins
        steps = [s * scale for s in _EXTENDED_STEPS]
        first = next(i for i, s in enumerate(steps) if s >= raw_step)
        # The largest step first: move to smaller ones until enough ticks fall inside.
        for index in reversed(range(first + 1)):
            step = steps[index]
            best_vmin = (low_edge // step) * step
            low = self._edge_le(low_edge - best_vmin, step, abs(offset))
            high = self._edge_ge(high_edge - best_vmin, step, abs(offset))
            ticks = [(low + i) * step + best_vmin for i in range(int(high - low) + 1)]
            inside = sum(1 for t in ticks if low_edge <= t <= high_edge)
            if inside >= self._min_n_ticks:
                break
        return [t + offset for t in ticks]

    @staticmethod
    def _edge_le(x, step, offset):
        whole, rest = divmod(x, step)
        return whole + 1 if _closeto(rest / step, 1, step, offset) else whole

    @staticmethod
    def _edge_ge(x, step, offset):
        whole, rest = divmod(x, step)
        return whole if _closeto(rest / step, 0, step, offset) else whole + 1
