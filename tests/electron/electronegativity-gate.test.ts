import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { judge, parseFindings, ReportError } from '../../tools/electronegativity/scan.ts';

// A SARIF report written by Electronegativity 1.10.3 over this app (tools/electronegativity/scan.ts).
const report = readFileSync(
  new URL('../fixtures/electronegativity/report-1.10.3.sarif', import.meta.url),
  'utf8',
);
const answers = JSON.parse(
  readFileSync(new URL('../../tools/electronegativity/answers.json', import.meta.url), 'utf8'),
) as { check: string; file: string; answer: string }[];

describe('Electronegativity gate', () => {
  it('reads every finding of the recorded report, an app-wide one as file N/A', () => {
    expect(parseFindings(report)).toEqual([
      {
        check: 'CSP_GLOBAL_CHECK',
        level: 'warning',
        file: 'N/A',
        location: '1:1',
        description: 'No CSP has been detected in the target application',
      },
      {
        check: 'OPEN_EXTERNAL_JS_CHECK',
        level: 'note',
        file: 'electron/external-links.ts',
        location: '18:9',
        description: 'Review the use of openExternal',
      },
      {
        check: 'PRELOAD_JS_CHECK',
        level: 'note',
        file: 'electron/main-window.ts',
        location: '19:7',
        description: 'Review the use of preload scripts',
      },
    ]);
  });

  it('gives the same verdict on the recorded report every time: all answered, none stale', () => {
    const verdicts = Array.from({ length: 20 }, () => judge(parseFindings(report), answers));
    for (const verdict of verdicts) {
      expect(verdict.unanswered).toEqual([]);
      expect(verdict.stale).toEqual([]);
      expect(verdict.answered).toHaveLength(3);
    }
  });

  it('refuses a half-written or foreign report instead of judging it', () => {
    expect(() => parseFindings(report.slice(0, report.length / 2))).toThrow(ReportError);
    expect(() => parseFindings('{"version":"2.1.0"}')).toThrow(/runs\[0\]\.results/);
    expect(() => parseFindings('{"runs":[{"results":[{"level":"note"}]}]}')).toThrow(
      /result 0 lacks/,
    );
  });

  it('fails on a finding without an answer, and on an answer without a finding', () => {
    const someAnswers = [
      { check: 'CSP_GLOBAL_CHECK', file: 'N/A', answer: 'set as a header' },
      { check: 'SANDBOX_JS_CHECK', file: 'electron/ipc.ts', answer: 'sandboxed' },
    ];
    const verdict = judge(parseFindings(report), someAnswers);
    expect(verdict.answered.map(({ finding }) => finding.check)).toEqual(['CSP_GLOBAL_CHECK']);
    expect(verdict.unanswered.map((finding) => finding.check)).toEqual([
      'OPEN_EXTERNAL_JS_CHECK',
      'PRELOAD_JS_CHECK',
    ]);
    expect(verdict.stale).toEqual([someAnswers[1]]);
  });

  it('does not let an answer for one file cover the same check in another', () => {
    const verdict = judge(parseFindings(report), [
      { check: 'PRELOAD_JS_CHECK', file: 'electron/preload.ts', answer: 'sandboxed' },
    ]);
    expect(verdict.unanswered.map((finding) => finding.file)).toContain('electron/main-window.ts');
  });
});
