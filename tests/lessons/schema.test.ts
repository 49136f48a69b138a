// lessons/schema.json (for editors) is generated from the same zod schemas the parser uses.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { SCHEMA_PATH, schemaText } from './write-schema.ts';

describe('lessons/schema.json', () => {
  it('is up to date with core/lessons/schema.ts (regenerate: node tests/lessons/write-schema.ts)', async () => {
    expect(readFileSync(SCHEMA_PATH, 'utf8')).toBe(await schemaText());
  });

  it('describes the front matter and both YAML blocks, rejecting unknown keys', async () => {
    const schema = JSON.parse(await schemaText()) as {
      $defs: Record<string, { required: string[]; additionalProperties: boolean }>;
    };
    expect(Object.keys(schema.$defs)).toEqual(['frontMatter', 'derivative', 'practice']);
    expect(schema.$defs.practice.required).toEqual(['id', 'prompt', 'answer']);
    expect(schema.$defs.frontMatter.required).toEqual(['id', 'title']);
    expect(schema.$defs.practice.additionalProperties).toBe(false);
  });
});
