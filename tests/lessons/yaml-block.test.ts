// An unclosed quote is reported where it opens, not at an earlier apostrophe in plain text.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { readYamlBlock } from '../../core/lessons/yaml-block.ts';

describe('readYamlBlock', () => {
  it('points at the quote that is never closed', () => {
    const body = "prompt: it's easy\nanswer: 'seven\n";
    const block = readYamlBlock(body, { line: 10, column: 1 }, 0, z.unknown(), 'practice');
    expect(block.problems).toEqual([
      { line: 11, column: 9, message: "practice: bad YAML: Missing closing 'quote" },
    ]);
  });
});
