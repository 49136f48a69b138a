import { describe, expect, it } from 'vitest';
import { parseMath } from '../../core/symbolic/parse.ts';

function reading(input: string, variables?: string[]): string {
  const result = parseMath(input, variables ? { variables } : {});
  if (!result.ok) throw new Error(`${input}: ${result.message} (column ${result.column})`);
  return result.text;
}

function rejection(input: string, variables?: string[]): { message: string; column: number } {
  const result = parseMath(input, variables ? { variables } : {});
  if (result.ok) throw new Error(`${input} was accepted as ${result.text}`);
  return { message: result.message, column: result.column };
}

describe('parseMath reads maths as students type it', () => {
  it.each([
    ['2x^3 + x', '2*x^3 + x'],
    ['2*x**3+x', '2*x^3 + x'],
    ['2(x+1)', '2*(x + 1)'],
    ['x(x+1)', 'x*(x + 1)'],
    ['(x+1)(x-1)', '(x + 1)*(x - 1)'],
    ['e^x', 'exp(x)'],
    ['e^-x', 'exp(-x)'],
    ['exp(x)', 'exp(x)'],
    ['ln(x)', 'log(x)'],
    ['log x', 'log(x)'],
    ['sqrt(x^2+1)', 'sqrt(x^2 + 1)'],
    ['√x', 'sqrt(x)'],
    ['sin^2(x)', 'sin(x)^2'],
    ['sin²x', 'sin(x)^2'],
    ['sin x cos x', 'sin(x)*cos(x)'],
    ['sin 2x', 'sin(2*x)'],
    ['relu(x)', 'relu(x)'],
    ['|x - 1|', 'abs(x - 1)'],
    ['abs(x)', 'abs(x)'],
    ['sigmoid(x)', 'sigmoid(x)'],
    ['tanh(x)', 'tanh(x)'],
    ['2·x × 3 − x²', '2*x*3 - x^2'],
    ['-x^2', '-x^2'],
    ['x^-2', '1/x^2'],
    ['1/2x', 'x/2'],
    ['x/(2*y)', 'x/(2*y)'],
    ['2^3^2', '2^(3^2)'],
    ['0.5x', 'x/2'],
    ['0.500000000000000*x + 0.25', 'x/2 + 1/4'],
    ['pi*x', 'pi*x'],
    ['arcsin(x) + acos(x) + atan(x)', 'asin(x) + acos(x) + atan(x)'],
    ['log(x, 2)', 'log(x)/log(2)'],
    ['log10(x)', 'log(x)/log(10)'],
    ['Max(0, x - 1)', 'relu(x - 1)'],
    ['max(x, 0)', 'relu(x)'],
    ['2*Heaviside(x)*Abs(x)', '2*step(x)*abs(x)'],
  ])('%s is read as %s', (input, text) => {
    expect(reading(input)).toBe(text);
  });

  it('splits a run of declared variables into a product', () => {
    expect(reading('uv+(uv)^2', ['u', 'v'])).toBe('u*v + (u*v)^2');
    expect(reading('sinx', ['x'])).toBe('sin(x)');
  });

  it('gives LaTeX that shows the reading', () => {
    const result = parseMath('sin^2(x) + x/(x+1)');
    expect(result.ok && result.latex).toBe('\\sin^{2}\\left(x\\right) + \\frac{x}{x + 1}');
  });
});

describe('parseMath refuses what it cannot read, with the column', () => {
  it.each([
    ['x^^2', 3, /value is expected after '\^'/],
    ['((', 3, /input ends/],
    ['2x+', 4, /after '\+'/],
    ['', 1, /empty/],
    ['   ', 1, /empty/],
    ['x2', 2, /ambiguous/],
    ['(x+1', 5, /Missing a '\)' to close the '\(' at column 1/],
    ['x+1)', 4, /no '\('/],
    ['x = 2', 3, /without 'x ='/],
    ['dy/dx = 2x + 2', 7, /without 'dy\/dx ='/],
    ["f'(x) = 2x", 7, /without 'f'\(x\) ='/],
    ['= 2x', 1, /without '='/],
    ['sec(x)', 1, /not a known function/],
    ['sin^-1(x)', 1, /inverse/],
    ['sin', 4, /needs an argument/],
    ['()', 2, /empty/],
    ['x $ 2', 3, /character '\$'/],
    ['1.2.3', 4, /second decimal point/],
    ['sin(x, 2)', 6, /one argument/],
    ['max(x, 1)', 1, /max\(0, x\) is relu\(x\)/],
  ])('%j is refused at column %i', (input, column, message) => {
    const r = rejection(input);
    expect(r.column).toBe(column);
    expect(r.message).toMatch(message);
  });

  it('names the variables an answer may use', () => {
    expect(rejection('f(x)', ['x'])).toEqual({
      message: "'f' is not a known function or variable: this input can use x",
      column: 1,
    });
  });

  it('refuses oversized input and deep nesting at once', () => {
    expect(rejection('x+'.repeat(50_000) + 'x').message).toMatch(/limit is 1000/);
    expect(rejection('('.repeat(400) + 'x' + ')'.repeat(400)).message).toMatch(/nests more than/);
    expect(rejection('-'.repeat(500) + 'x').message).toMatch(/nests more than/);
  });
});
