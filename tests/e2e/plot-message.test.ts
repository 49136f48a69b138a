// The page's check of a cell result from the Python worker (renderer/python/from-worker.ts):
// every kind of plot series passes, with the NaN and infinite values matplotlib plots as gaps.
import { describe, expect, it } from 'vitest';
import { parseFromWorker } from '../../renderer/python/from-worker.ts';

function resultWith(plots: unknown[]) {
  return {
    type: 'result',
    id: 1,
    result: {
      stdout: '',
      display: null,
      error: null,
      traceback: null,
      warnings: [],
      plots,
      graphs: [],
    },
  };
}

const axes = { xlabel: null, ylabel: null, title: null, legend: false };

describe('plots sent by the worker', () => {
  it('accepts contours, surfaces and lines with NaN and infinite values', () => {
    const message = resultWith([
      {
        ...axes,
        lines: [
          { kind: 'line', x: [0, 1], y: [NaN, -Infinity], label: null },
          {
            kind: 'contourf',
            x: [0, 1, 0, 1],
            y: [0, 0, 1, 1],
            z: [1, 2, NaN, 4],
            columns: 2,
            levels: [0, 2, 4],
            label: null,
          },
        ],
        colorbar: true,
        texts: [{ x: 0, y: 1, text: 'start' }],
      },
      {
        ...axes,
        zlabel: 'loss',
        lines: [{ kind: 'surface', x: [0], y: [0], z: [0], columns: 1, label: null }],
      },
    ]);
    expect(parseFromWorker(message)).toEqual(message);
  });

  it('refuses a series of an unknown kind', () => {
    const message = resultWith([{ ...axes, lines: [{ kind: 'pie', x: [], y: [], label: null }] }]);
    expect(parseFromWorker(message)).toBeNull();
  });
});
