// Jumping ahead in a lesson: the NameError's name is found in the earlier cell that binds it.
import { describe, expect, it } from 'vitest';
import { bindsName, definingCell, undefinedName } from '../../renderer/ui/defined-earlier.ts';
import { builtinCourse } from '../e2e/support/course.ts';

describe('which earlier cell defines a name', () => {
  it('reads the name of a NameError', () => {
    expect(undefinedName("NameError: name 'v' is not defined")).toBe('v');
    expect(undefinedName('ZeroDivisionError: division by zero')).toBeUndefined();
    expect(undefinedName(null)).toBeUndefined();
  });

  it.each([
    ['v = torch.tensor(1.0)', 'v'],
    ['u, v = 1, 2', 'v'],
    ['x: float = 2', 'x'],
    ['x += 1', 'x'],
    ['import torch', 'torch'],
    ['import numpy as np', 'np'],
    ['import torch.nn', 'torch'],
    ['from torch import nn, optim', 'optim'],
    ['from torch.autograd import Function', 'Function'],
    ['def f(x):\n    return x', 'f'],
    ['class SQ(torch.autograd.Function):\n    pass', 'SQ'],
    ['for i in range(3):\n    pass', 'i'],
    ["with open('f') as handle:\n    pass", 'handle'],
  ])('%j binds %s', (code, name) => {
    expect(bindsName(code, name)).toBe(true);
  });

  it.each([
    ['y = v * 2', 'v'],
    ['if v == 2:\n    pass', 'v'],
    ['print(v)', 'v'],
    ['vv = 1', 'v'],
    ['import torchvision', 'torch'],
    ['    return v', 'v'],
  ])('%j does not bind %s', (code, name) => {
    expect(bindsName(code, name)).toBe(false);
  });

  it('finds the nearest earlier cell, never a later one', () => {
    const codes = ['import torch', 'v = torch.tensor(1.0)', 'y = v * 2', 'v = 3'];
    expect(definingCell(codes, 2, 'v')).toBe(1);
    expect(definingCell(codes, 2, 'torch')).toBe(0);
    expect(definingCell(codes, 1, 'v')).toBeUndefined();
  });

  it('finds where every built-in lesson imports torch', () => {
    for (const { file, lesson } of builtinCourse()) {
      const codes = lesson.steps.flatMap((step) =>
        step.blocks.flatMap((block) => (block.kind === 'python' ? [block.code] : [])),
      );
      const last = codes.length - 1;
      if (!codes.slice(1).some((code) => /\btorch\./.test(code))) continue;
      expect(definingCell(codes, last + 1, 'torch'), file).toBeDefined();
    }
  });
});
