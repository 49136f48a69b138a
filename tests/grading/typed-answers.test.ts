// Typed answers as beginners write them: each input, how it is read ("Read as", decimals as
// typed) or the one sentence that says what to change, and the verdict line the student sees.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { gradeAnswer } from '../../core/grading/grade.ts';
import { readTypedAnswer } from '../../core/grading/typed-answer.ts';
import { autogradEvaluator } from '../../core/symbolic/autograd.ts';
import { verdictText } from '../../renderer/ui/verdict-text.ts';
import { practiceItems } from './support.ts';

const items = practiceItems('seed-practice.md');

/** The verdict line of the practice panel for an answer to an item of the seed practice. */
async function verdictLine(id: string, answer: string): Promise<string> {
  const { outcome } = await gradeAnswer(items.get(id)!, answer, { autograd: autogradEvaluator });
  return verdictText(outcome);
}

describe('"Read as" of typed answers', () => {
  it.each([
    ['7', '7', ''],
    ['7.0000001', '7.0000001', ''],
    ['7.01', '7.01', ''],
    ['-2.5', '-2.5', ''],
    ['0.5x + 1.25', '0.5*x + 1.25', ''],
    ['3/4', '3/4', ''],
    ['1e-3', '0.001', ''],
    ['2.5E+2', '250', ''],
    ['tensor(7.)', '7', 'the number inside tensor(…)'],
    ['tensor([7.0000])', '7', 'the number inside tensor(…)'],
    ['torch.tensor(7., grad_fn=<AddBackward0>)', '7', 'the number inside tensor(…)'],
    ['2x+2=', '2*x + 2', "without the '='"],
    ['= 7', '7', "without the '='"],
    ["y' = 6x^2 + 1", '6*x^2 + 1', "the part after 'y' ='"],
    ['dy/dx = 6x^2 + 1', '6*x^2 + 1', "the part after 'dy/dx ='"],
    ["f'(x) = 6x^2+1", '6*x^2 + 1', "the part after 'f'(x) ='"],
    ["f'(1)=7", '7', "the part after 'f'(1)='"],
    ['∂f/∂u = 5', '5', "the part after '∂f/∂u ='"],
    ['x.grad = 7', '7', "the part after 'x.grad ='"],
    ['6x^2+1', '6*x^2 + 1', ''],
  ])('%s is read as %s', (input, shown, note) => {
    expect(readTypedAnswer(input)).toMatchObject({ ok: true, shownText: shown, note });
  });

  it.each([
    ['seven', /^'seven' is a word.*digits/, 1],
    ['7 (because 6+1)', /^'because' is a word/, 4],
    ['7 units', /^'units' is a word/, 3],
    ['', /box is empty/, 1],
    ['=', /only an '=' sign/, 1],
    ['2x+2 = 4', /'=' between two expressions: type only the final answer/, 6],
    ["f'(1) = 6+1 = 7", /'=' between two expressions/, 13],
    ['tensor([1., 2.])', /several numbers; the answer is one number/, 1],
    ['2,5', /write decimals with a point/, 2],
    ['\\frac{1}{2}', /LaTeX .* write 1\/2/, 1],
    ['2*x+', /missing after the last '\+'/, 5],
    ['(2x', /A '\)' is missing: the one opened at column 1/, 4],
    ['2x+)', /'\)' cannot come right after '\+'/, 4],
    ['sec(x)', /'sec' is not a function Gradlab knows: use one such as sin/, 1],
    ['x2', /ambiguous: write x\^2 or 2\*x/, 2],
  ])('%s is refused: %s', (input, message, column) => {
    const read = readTypedAnswer(input);
    expect(read).toMatchObject({ ok: false, message: expect.stringMatching(message), column });
  });

  it('names the variables an answer may use', () => {
    expect(readTypedAnswer('6y^2', { variables: ['x'] })).toMatchObject({
      ok: false,
      message: "'y' cannot be used in this answer: it can use x",
    });
  });

  it('reads or refuses any input without throwing, with a column inside it', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (input) => {
        const read = readTypedAnswer(input);
        if (read.ok) return;
        expect(read.message.length).toBeGreaterThan(0);
        expect(read.column).toBeGreaterThanOrEqual(1);
        expect(read.column).toBeLessThanOrEqual(input.length + 1);
      }),
    );
  });
});

describe('the verdict line a student sees (derivative of 2x^3 + x at x = 1)', () => {
  it.each([
    ['7', /^Correct\.$/],
    ['tensor(7.)', /^Correct\.$/],
    ["f'(1) = 7", /^Correct\.$/],
    ['7.0000001', /^Correct\.$/],
    ['7.01', /^Not yet: Check your derivative and the point/],
    ['3', /^Not yet: That is the value of the function/],
    ['seven', /^Not read: 'seven' is a word/],
    ['7 (because 6+1)', /^Not read: 'because' is a word/],
    ['2x+2=', /^Not read: The question asks for a number|^Not read: .*without variables/],
  ])('%s → %s', async (answer, line) => {
    const text = await verdictLine('cubic-at-1', answer);
    expect(text).toMatch(line);
    expect(text).not.toMatch(/Not yet: Not|Not read: Not|Correct: Correct/);
  });

  it('keeps the case of code at the start of a sentence', () => {
    const line = verdictText({ valid: true, correct: false, feedback: 'x.grad is 4.' });
    expect(line).toBe('Not yet: x.grad is 4.');
  });

  it.each([
    ['dy/dx = 6x^2 + 1', /^Correct\.$/],
    ["y' = 6x^2+1", /^Correct\.$/],
    ['6x^2 + 1 =', /^Correct\.$/],
    ['6x^2', /^Not yet: /],
  ])('expression %s → %s', async (answer, line) => {
    expect(await verdictLine('cubic-derivative', answer)).toMatch(line);
  });
});
