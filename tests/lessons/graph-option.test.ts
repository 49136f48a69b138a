// ```python graph=off: an author turns the graph view off for one cell; other values are errors.
import { describe, expect, it } from 'vitest';
import { parseLesson } from '../../core/lessons/parse.ts';

const lesson = (fence: string) =>
  parseLesson(
    'g.md',
    ['---', 'id: g', 'title: G', '---', '', fence, 'y.backward()', '```', ''].join('\n'),
  );

describe('the graph option of a python cell', () => {
  it('is on unless the fence says graph=off', () => {
    const cell = (fence: string) => lesson(fence).lesson!.steps[0].blocks[0];
    expect(cell('```python')).not.toHaveProperty('graph');
    expect(cell('```python graph=on')).not.toHaveProperty('graph');
    expect(cell('```python graph=off')).toMatchObject({ kind: 'python', graph: false });
  });

  it('reports any other value where it is written', () => {
    const { problems } = lesson('```python graph=no');
    expect(problems).toEqual([
      expect.objectContaining({ line: 6, message: 'graph= takes on or off (```python graph=off)' }),
    ]);
  });
});
