import { describe, expect, it } from 'vitest';
import { judge, parseFindings } from '../../tools/electronegativity/scan.ts';

// Rows as Electronegativity 1.10.3 writes them: some fields quoted, some bare.
const report = [
  'issue, severity, confidence, filename, location, sample, description, url',
  'CSP_GLOBAL_CHECK,"MEDIUM","CERTAIN","N/A","0:0",N/A,"No CSP has been detected in the target application",https://github.com/doyensec/electronegativity/wiki/CSP_GLOBAL_CHECK',
  'SANDBOX_JS_CHECK,"MEDIUM","FIRM","ipc.ts","12:3","new BrowserWindow({ webPreferences: { sandbox: false, title: ""a, b"" } })","Use sandbox for untrusted origins",https://github.com/doyensec/electronegativity/wiki/SANDBOX_JS_CHECK',
  '',
].join('\n');

describe('Electronegativity gate', () => {
  it('reads the findings of its CSV report', () => {
    expect(parseFindings(report)).toEqual([
      {
        check: 'CSP_GLOBAL_CHECK',
        severity: 'MEDIUM',
        file: 'N/A',
        location: '0:0',
        description: 'No CSP has been detected in the target application',
      },
      {
        check: 'SANDBOX_JS_CHECK',
        severity: 'MEDIUM',
        file: 'ipc.ts',
        location: '12:3',
        description: 'Use sandbox for untrusted origins',
      },
    ]);
  });

  it('fails on a finding without an answer, and on an answer without a finding', () => {
    const answers = [
      { check: 'CSP_GLOBAL_CHECK', file: 'N/A', answer: 'set as a header' },
      { check: 'OPEN_EXTERNAL_JS_CHECK', file: 'external-links.ts', answer: 'filtered' },
    ];
    const verdict = judge(parseFindings(report), answers);
    expect(verdict.answered.map(({ finding }) => finding.check)).toEqual(['CSP_GLOBAL_CHECK']);
    expect(verdict.unanswered.map((finding) => finding.check)).toEqual(['SANDBOX_JS_CHECK']);
    expect(verdict.stale).toEqual([answers[1]]);
  });

  it('does not let an answer for one file cover the same check in another', () => {
    const verdict = judge(parseFindings(report), [
      { check: 'SANDBOX_JS_CHECK', file: 'main-window.ts', answer: 'sandboxed' },
    ]);
    expect(verdict.unanswered.map((finding) => finding.file)).toContain('ipc.ts');
  });
});
