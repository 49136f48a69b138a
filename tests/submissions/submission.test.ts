// The submission file: its published schema is current, and a file the grader cannot use is
// named for what it is (corrupt, foreign, newer) rather than half-read.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readSubmission } from '../../core/grading/submission.ts';
import { SUBMISSION_SCHEMA_PATH, submissionSchemaText } from './write-schema.ts';

const valid = {
  format: 'gradlab-submission',
  version: 1,
  app: { name: 'gradlab', version: '0.1.0' },
  exportedAt: '2026-12-07T10:00:00.000Z',
  student: { name: 'Ada', id: 's1' },
  lessons: [
    {
      id: 'derivatives',
      title: 'Derivatives',
      items: [
        {
          id: 'x',
          attempts: [{ answer: '7', time: '2026-12-07T09:00:00.000Z', lessonHash: 'a-1' }],
          solutionShown: false,
          claimed: { score: 1, correct: true },
        },
      ],
    },
  ],
};

describe('submission files', () => {
  it('lessons/submission.schema.json is current (regenerate: node tests/submissions/write-schema.ts)', async () => {
    expect(readFileSync(SUBMISSION_SCHEMA_PATH, 'utf8')).toBe(await submissionSchemaText());
  });

  it('reads a valid file', () => {
    expect(readSubmission(JSON.stringify(valid))).toEqual({ ok: true, submission: valid });
  });

  it.each([
    ['{"format": "gradlab-submission", "vers', 'corrupt', /^not valid JSON/],
    [JSON.stringify({ cells: [] }), 'foreign', /not a Gradlab submission/],
    [JSON.stringify({ ...valid, version: 2 }), 'newer', /newer Gradlab \(submission version 2/],
    [JSON.stringify({ ...valid, student: { name: '', id: 's1' } }), 'corrupt', /^student\.name: /],
  ])('names what is wrong with %s', (text, reason, message) => {
    const reading = readSubmission(text);
    expect(reading).toMatchObject({ ok: false, reason });
    expect(reading.ok ? '' : reading.message).toMatch(message);
  });
});
