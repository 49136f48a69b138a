// Writes lessons/schema.json from the zod schemas of core/lessons/schema.ts:
//   node tests/lessons/write-schema.ts
import { writeFileSync } from 'node:fs';
import { format } from 'prettier';
import { join } from 'node:path';
import { lessonJsonSchema } from '../../core/lessons/schema.ts';
import { repoRoot } from '../support/shared.ts';

export const SCHEMA_PATH = join(repoRoot, 'lessons/schema.json');

/** Formatted as the repository's Prettier settings would (so `npm run lint` passes). */
export async function schemaText(): Promise<string> {
  return format(JSON.stringify(lessonJsonSchema()), { parser: 'json', printWidth: 100 });
}

if (import.meta.url === `file://${process.argv[1]}`) writeFileSync(SCHEMA_PATH, await schemaText());
