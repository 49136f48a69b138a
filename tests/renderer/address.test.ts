// The page's addresses: readable (#/lesson-id/step), and the older #lesson=key links still read.
import { describe, expect, it } from 'vitest';
import { lessonAddress, readAddress } from '../../renderer/address.ts';

describe('lesson addresses', () => {
  it('name a lesson by its id, and a step by its number', () => {
    expect(lessonAddress('derivatives')).toBe('#/derivatives');
    expect(lessonAddress('derivatives', 3)).toBe('#/derivatives/3');
    expect(readAddress('#/derivatives')).toEqual({ lessonId: 'derivatives' });
    expect(readAddress('#/derivatives/3')).toEqual({ lessonId: 'derivatives', step: 3 });
    expect(readAddress('#/derivatives/3/')).toEqual({ lessonId: 'derivatives', step: 3 });
  });

  it('still read the older form, and nothing from an address that names no lesson', () => {
    expect(readAddress('#lesson=builtin%3A01-derivatives.md')).toEqual({
      key: 'builtin:01-derivatives.md',
    });
    expect(readAddress('')).toBeNull();
    expect(readAddress('#/')).toBeNull();
    expect(readAddress('#/%E0%A4%A')).toBeNull();
    expect(readAddress('#/derivatives/0')).toEqual({ lessonId: 'derivatives' });
  });
});
