// Writes lessons/submission.schema.json from the zod schema of core/grading/submission.ts:
//   node tests/submissions/write-schema.ts
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { format } from 'prettier';
import { submissionJsonSchema } from '../../core/grading/submission.ts';
import { repoRoot } from '../support/shared.ts';

export const SUBMISSION_SCHEMA_PATH = join(repoRoot, 'lessons/submission.schema.json');

export async function submissionSchemaText(): Promise<string> {
  return format(JSON.stringify(submissionJsonSchema()), { parser: 'json', printWidth: 100 });
}

if (import.meta.url === `file://${process.argv[1]}`)
  writeFileSync(SUBMISSION_SCHEMA_PATH, await submissionSchemaText());
