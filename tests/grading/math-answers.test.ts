// The seed's practice answers, right and wrong, and the usual mistakes each wrong one shows.
import { describe, expect, it } from 'vitest';
import { gradeAnswer } from '../../core/grading/grade.ts';
import { NO_ATTEMPTS, nextHint, revealSolution } from '../../core/grading/attempts.ts';
import { autogradEvaluator } from '../../core/symbolic/autograd.ts';
import { LessonKeyError } from '../../core/grading/outcome.ts';
import type { PracticeItem } from '../../core/lessons/types.ts';
import { practiceItems } from './support.ts';

const items = practiceItems('seed-practice.md');
const item = (id: string) => items.get(id)!;

async function grade(id: string, answer: string) {
  return (await gradeAnswer(item(id), answer, { autograd: autogradEvaluator })).outcome;
}

describe('number answers', () => {
  it('marks 7 right for the derivative of 2x^3 + x at x = 1', async () => {
    expect(await grade('cubic-at-1', '7')).toMatchObject({
      correct: true,
      score: 1,
      parsed: '7',
      parsedLatex: '7',
      feedback: 'Correct.',
    });
  });

  it.each([
    ['3', 'function-value', /f\(1\) = 3, not of its derivative/],
    ['-7', 'sign', /sign is wrong/],
    ['14', 'constant-factor', /2 times the right one/],
    ['3.5', 'constant-factor', /0.5 times the right one/],
    ['6', 'instructor-rule', /dropped the derivative of the \$\+x\$ term/],
  ])('explains %s as the mistake %s', async (answer, mistake, say) => {
    const outcome = await grade('cubic-at-1', answer);
    expect(outcome).toMatchObject({ correct: false, valid: true, score: 0, mistake });
    expect(outcome.feedback).toMatch(say);
  });

  it('says a formula is not the number asked for, at no cost', async () => {
    const outcome = await grade('cubic-at-1', '6x^2+1');
    expect(outcome).toMatchObject({
      correct: false,
      valid: false,
      mistake: 'expression-for-number',
    });
    expect(outcome.feedback).toMatch(/value of df\/dx at x = 1.*6\*x\^2 \+ 1.*Substitute/);
  });

  it('marks 5 right for ∂f/∂u of uv + (uv)^2 at (2, 1) and explains the usual slips', async () => {
    expect((await grade('partial-u', '5')).correct).toBe(true);
    expect(await grade('partial-u', '10')).toMatchObject({
      mistake: 'wrong-variable',
      feedback: expect.stringMatching(/∂f\/∂v.*∂f\/∂u/),
    });
    expect(await grade('partial-u', '6')).toMatchObject({
      mistake: 'function-value',
      feedback: expect.stringMatching(/f\(2, 1\) = 6/),
    });
    expect(await grade('partial-u', '-5')).toMatchObject({ mistake: 'sign' });
  });

  it('reads arithmetic as a number and refuses what does not parse, with the column', async () => {
    expect((await grade('given-value', '2*3')).correct).toBe(true);
    expect(await grade('given-value', '2x+')).toEqual({
      correct: false,
      score: 0,
      valid: false,
      feedback: "Something is missing after the last '+' (column 4).",
      parsed: null,
      parsedLatex: null,
    });
  });
});

describe('expression answers', () => {
  it.each(['6x^2 + 1', '6*x**2+1', '1 + 6x²', '2(3x^2) + 1'])(
    'accepts %s for d/dx (2x^3 + x)',
    async (answer) => {
      const outcome = await grade('cubic-derivative', answer);
      expect(outcome.correct).toBe(true);
    },
  );

  it('shows how the answer was read', async () => {
    expect(await grade('cubic-derivative', '6x^2+1')).toMatchObject({
      parsed: '6*x^2 + 1',
      parsedLatex: '6 x^{2} + 1',
    });
  });

  it.each([
    ['2x^3 + x', 'function-value', /f itself/],
    ['-6x^2 - 1', 'sign', /sign/],
    ['12x^2 + 2', 'constant-factor', /2 times/],
    ['6x^2', 'constant-offset', /differs from the right one by a constant \(-1\)/],
  ])('explains %s as the mistake %s', async (answer, mistake, say) => {
    const outcome = await grade('cubic-derivative', answer);
    expect(outcome).toMatchObject({ correct: false, valid: true, mistake });
    expect(outcome.feedback).toMatch(say);
  });

  it('recognises the missed inner derivative of the chain rule', async () => {
    expect(await grade('chain', 'cos(x^2)')).toMatchObject({
      mistake: 'chain-rule',
      correct: false,
    });
    expect((await grade('chain', '2x cos(x^2)')).correct).toBe(true);
  });

  it('says a number is not the formula asked for, at no cost', async () => {
    expect(await grade('cubic-derivative', '7')).toMatchObject({
      valid: false,
      mistake: 'number-for-expression',
    });
  });

  it('gives a point where a wrong answer differs when no usual mistake fits', async () => {
    const outcome = await grade('cubic-derivative', '6x^3');
    expect(outcome.feedback).toMatch(
      /^Not right yet\. At x = -?[\d.]+ your answer is -?[\d.]+, the right one -?[\d.]+\.$/,
    );
  });

  it('refuses symbols the item does not use', async () => {
    expect(await grade('cubic-derivative', '6y^2 + 1')).toMatchObject({
      valid: false,
      feedback: "'y' cannot be used in this answer: it can use x (column 2).",
    });
  });
});

describe('attempts, hints and the solution', () => {
  it('takes 10% per wrong valid attempt and nothing for an unreadable one', async () => {
    let attempts = NO_ATTEMPTS;
    for (const answer of ['3', '2x+', '14', '((']) {
      attempts = (await gradeAnswer(item('cubic-at-1'), answer, { attempts })).attempts;
    }
    expect(attempts).toMatchObject({ attempts: 2, wrongAttempts: 2, correct: false });
    const right = await gradeAnswer(item('cubic-at-1'), '7', { attempts });
    expect(right.outcome.score).toBeCloseTo(0.8);
    expect(right.outcome.feedback).toBe('Correct. (80% of the marks after 2 wrong attempts.)');
    expect(right.attempts).toMatchObject({ correct: true, score: 0.8, attempts: 3 });
  });

  it('reveals hints in order, then none', () => {
    let state = NO_ATTEMPTS;
    const shown: (string | null)[] = [];
    for (let i = 0; i < 3; i++) {
      const next = nextHint(item('cubic-at-1'), state);
      shown.push(next.hint);
      state = next.state;
    }
    expect(shown).toEqual([
      'Differentiate term by term with the power rule.',
      'Then put $x = 1$ into $6x^2 + 1$.',
      null,
    ]);
  });

  it('gives no marks once the solution was shown', async () => {
    const revealed = revealSolution(item('cubic-at-1'), NO_ATTEMPTS);
    expect(revealed.solution).toBe('7');
    const after = await gradeAnswer(item('cubic-at-1'), '7', { attempts: revealed.state });
    expect(after.outcome).toMatchObject({ correct: true, score: 0 });
  });
});

describe('keys that cannot be derived are lesson errors', () => {
  it('refuses a from: whose derivative is undefined at the point', async () => {
    const broken: PracticeItem = {
      ...item('cubic-at-1'),
      answer: {
        type: 'number',
        tolerance: { absolute: 1e-9, relative: 1e-6 },
        from: { f: 'log(x)', wrt: 'x', at: { x: 0 } },
      },
    };
    await expect(gradeAnswer(broken, '1')).rejects.toThrow(LessonKeyError);
  });

  it('refuses a from: over a variable the function does not have', async () => {
    const broken: PracticeItem = {
      ...item('cubic-derivative'),
      answer: {
        ...item('cubic-derivative').answer,
        from: { f: 'x^2', wrt: 'y' },
      } as PracticeItem['answer'],
    };
    await expect(gradeAnswer(broken, '2x')).rejects.toThrow(/not a variable of 'x\^2'/);
  });
});
