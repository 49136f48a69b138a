// Every deliberately broken lesson in tests/fixtures/lessons/broken is reported at the line and
// column of its problem, with a sentence that says what is wrong.
import { afterAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadLesson } from '../../core/lessons/load.ts';
import { validateLesson } from '../../core/lessons/validate.ts';
import { nodeLessonServices } from '../../cli/commands/check.ts';
import { PythonSandbox } from '../../cli/sandbox/sandbox.ts';
import { repoRoot } from '../support/shared.ts';

const folder = 'tests/fixtures/lessons/broken';

const EXPECTED: Record<string, string[]> = {
  '01-front-matter-unclosed.md': [
    "1:1: front matter: the '---' on line 1 is never closed by another '---'",
  ],
  '02-front-matter-bad-yaml.md': [
    '3:15: front matter: bad YAML: Flow sequence in block collection must be sufficiently indented and end with a ]',
  ],
  '03-front-matter-missing-title.md': ["2:1: front matter: missing 'title'"],
  '04-front-matter-unknown-key.md': [
    "3:1: front matter: unknown key 'titel' (did you mean 'title'?)",
  ],
  '05-front-matter-bad-id.md': [
    "2:5: front matter: 'id' is 'my lesson', but it must hold only letters, digits, - and _, and start with a letter or digit",
  ],
  '06-front-matter-order-not-number.md': [
    "4:8: front matter: 'order' must be a number, not 'first'",
  ],
  '07-empty-lesson.md': ['5:1: the lesson has no content after its front matter'],
  '08-empty-step.md': ["6:1: the step 'First' has no content before the next one"],
  '09-unknown-block.md': ["8:1: unknown block 'practise' (did you mean 'practice'?)"],
  '10-unclosed-fence.md': ['10:1: this ``` fence is never closed'],
  '11-practice-bad-yaml.md': ['10:9: practice: bad YAML: Missing closing "quote'],
  '12-practice-not-mapping.md': ['9:1: practice: expected YAML keys and values (key: value lines)'],
  '13-practice-missing-id.md': ["9:1: practice: missing 'id'"],
  '14-practice-duplicate-id.md': [
    "17:5: practice: duplicate id 'p' (already used by the practice at line 8)",
  ],
  '15-practice-unknown-key.md': ["14:1: practice: unknown key 'hint' (did you mean 'hints'?)"],
  '16-practice-unknown-answer-type.md': [
    "12:9: practice: 'answer.type' must be one of number, expression, code, not 'expresion' (did you mean 'expression'?)",
  ],
  '17-practice-value-and-from.md': [
    "12:3: practice: 'answer' has both 'value' and 'from': keep one",
  ],
  '18-practice-no-expected-answer.md': [
    "12:3: practice: 'answer' needs the expected answer: 'value' or 'from'",
  ],
  '19-practice-negative-points.md': ["11:9: practice: 'points' must be greater than 0, not -1"],
  '20-practice-tolerance-typo.md': [
    "15:5: practice: unknown key 'absolut' in 'answer.tolerance' (did you mean 'absolute'?)",
  ],
  '21-practice-expression-does-not-parse.md': [
    "13:13: practice: 'answer.value' does not parse: A value is expected after '^', but found '^'",
  ],
  '22-practice-from-cannot-derive.md': [
    "13:9: practice: the expected answer cannot be derived: 'from.at' gives no value for y",
  ],
  '23-practice-from-point-lacks-variable.md': [
    "16:9: practice: 'answer.from.at' has no value for 'u'",
  ],
  '24-practice-code-nothing-to-check.md': [
    "12:3: practice: a code answer needs something to check: 'checks', 'tests', 'gradcheck' or 'compose'",
  ],
  '25-practice-code-check-without-expected.md': [
    "14:7: practice: 'answer.checks[0]' has no expected value: give 'value' or 'from', or a 'solution' to compare with",
  ],
  '26-practice-feedback-wrong-kind.md': [
    "17:13: practice: feedback for code answers uses 'when', not 'answer'",
  ],
  '27-practice-compose-grad-and-f.md': [
    "14:7: practice: 'answer.compose[0]' needs exactly one of 'grad' and 'f'",
  ],
  '28-derivative-does-not-parse.md': [
    "9:8: derivative: 'f' does not parse: A value is expected after '+', but the input ends",
  ],
  '29-derivative-point-lacks-variable.md': ["11:5: derivative: 'at' has no value for 'x'"],
  '30-derivative-plot-range-reversed.md': [
    '12:10: derivative: plot range must go from low to high',
  ],
  '31-derivative-missing-f.md': ["9:1: derivative: missing 'f'"],
  '32-maths-does-not-render.md': [
    '8:14: maths $\\fraac{dy}{dx}$ does not render: Undefined control sequence: \\fraac',
  ],
  '33-practice-limits-reversed.md': ["15:8: practice: limits for 'x' must go from low to high"],
  '34-practice-hints-not-a-list.md': [
    "14:8: practice: 'hints' must be a list, not 'Use the power rule.'",
  ],
  '35-derivative-empty-wrt.md': ["10:6: derivative: 'wrt' must not be empty"],
  '36-practice-inside-list.md': ['10:3: a ```practice block must not be inside a list or a quote'],
  '37-practice-from-expression-underivable.md': [
    "13:19: practice: 'answer.from.f' does not parse: Missing a ')' to close the '(' at column 4: the input ends",
  ],
  '38-notebook-not-json.ipynb': [
    "3:3: the file is not valid notebook JSON: Expected ',' or ']' after array element in JSON at position 57 (line 3 column 3).",
  ],
  '39-practice-missing-prompt-and-answer.md': [
    "9:1: practice: missing 'prompt'",
    "9:1: practice: missing 'answer'",
  ],
  '40-front-matter-title-not-text.md': ["4:3: front matter: 'title' must be text, not a list"],
  '41-python-syntax-error.md': ["10:17: python: SyntaxError: '(' was never closed"],
  '42-practice-solution-syntax-error.md': [
    "18:20: practice: the solution: SyntaxError: '(' was never closed",
  ],
  '43-practice-check-syntax-error.md': [
    "14:26: practice: 'answer.checks[0].expr': SyntaxError: invalid syntax",
  ],
  '44-practice-solution-not-full-marks.md': [
    '14:11: practice: the solution does not earn full marks (score 0): Not right yet: check your derivative and the point you evaluate it at.',
  ],
  '45-practice-code-solution-wrong.md': [
    '16:11: practice: the solution does not earn full marks (score 0): x.grad is 4, which is not the value asked for. (the key: 7)',
  ],
  '46-practice-duplicate-key.md': ['12:1: practice: bad YAML: Map keys must be unique'],
  '47-practice-alias-bomb.md': [
    "14:8: practice: bad YAML: its aliases expand to too many values (each '*name' copies what '&name' marks)",
  ],
};

const sandbox = new PythonSandbox();
afterAll(() => sandbox.close());
const services = nodeLessonServices(sandbox);

async function problemLines(name: string): Promise<string[]> {
  const file = join(folder, name);
  const parsed = loadLesson(file, readFileSync(join(repoRoot, file), 'utf8'));
  const problems = [...parsed.problems, ...(await validateLesson(parsed, services))];
  return problems.map((p) => `${p.line}:${p.column}: ${p.message}`);
}

describe('broken lesson fixtures', () => {
  const fixtures = readdirSync(join(repoRoot, folder)).sort();

  it('has an expectation for each of at least 30 fixtures', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(30);
    expect(fixtures).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(Object.entries(EXPECTED))('%s', async (name, expected) => {
    expect((await problemLines(name)).sort()).toEqual([...expected].sort());
  });

  it('gradlab check prints file:line:col lines for the whole folder and exits 1', () => {
    let status = 0;
    let stdout = '';
    try {
      execFileSync(process.execPath, ['bin/gradlab.js', 'check', folder], {
        cwd: repoRoot,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      });
    } catch (error) {
      const failure = error as { status: number; stdout: string };
      status = failure.status;
      stdout = failure.stdout;
    }
    expect(status).toBe(1);
    const expected = Object.entries(EXPECTED).flatMap(([name, lines]) =>
      lines.map((line) => `${folder}/${name}:${line}`),
    );
    expect(stdout.trimEnd().split('\n').sort()).toEqual(expected.sort());
  });
});
