// `gradlab derive EXPR --wrt VARS [--at x=2,u=1] [--steps] [--json]`: the derivative (each
// partial) as text and LaTeX; with --at, its exact value beside autograd's; with --steps, the
// rules that lead to it, one indented line per step.
import { derive } from '../../core/symbolic/derive.ts';
import type { DerivativeInfo } from '../../core/symbolic/derive.ts';
import { autogradEvaluator } from '../../core/symbolic/autograd.ts';
import { parseMath } from '../../core/symbolic/parse.ts';
import { symbolsOf } from '../../core/symbolic/expr.ts';
import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';
import { derivationSteps, stepsInOrder } from '../../core/symbolic/derivation-steps.ts';
import { toText } from '../../core/symbolic/print.ts';
import type { Expr } from '../../core/symbolic/expr.ts';
import { UsageError } from '../errors.ts';

const USAGE = 'usage: gradlab derive EXPR --wrt VARS [--at x=2,u=1] [--steps] [--json]';

interface DeriveArguments {
  expr: string;
  wrt: string[] | null;
  at: Record<string, number> | null;
  json: boolean;
  steps: boolean;
}

function parseNames(text: string): string[] {
  const names = text.split(',').map((v) => v.trim());
  const bad = names.find((v) => !/^[A-Za-z]\w*$/.test(v));
  if (bad !== undefined) throw new UsageError(`derive: --wrt: '${bad}' is not a variable name`);
  return names;
}

function parsePoint(text: string): Record<string, number> {
  const point: Record<string, number> = {};
  for (const part of text.split(',')) {
    const match = /^\s*([A-Za-z]\w*)\s*=\s*(\S+)\s*$/.exec(part);
    const value = match ? Number(match[2]) : NaN;
    if (!match || !Number.isFinite(value))
      throw new UsageError(
        `derive: --at: '${part}' is not of the form name=number (as in x=2,u=1)`,
      );
    point[match[1]] = value;
  }
  return point;
}

const OPTIONS = {
  wrt: { type: 'string' },
  at: { type: 'string' },
  json: { type: 'boolean' },
  steps: { type: 'boolean' },
} as const satisfies ParseArgsOptionsConfig;

function parseArguments(args: string[]): DeriveArguments {
  // Not strict: an EXPR may start with a minus ('-x^2'), which parseArgs reads as a group of
  // short options; no option here is short, so such a group is the EXPR, taken as written.
  const { tokens } = parseArgs({
    args,
    options: OPTIONS,
    allowPositionals: true,
    tokens: true,
    strict: false,
  });
  const parsed: DeriveArguments = { expr: '', wrt: null, at: null, json: false, steps: false };
  let exprIndex: number | null = null;
  for (const token of tokens) {
    const arg = args[token.index];
    if (
      token.kind === 'positional' ||
      (token.kind === 'option' && !token.rawName.startsWith('--'))
    ) {
      if (exprIndex === token.index) continue;
      if (exprIndex !== null)
        throw new UsageError(`derive: one EXPR only; quote it, as in "x^2 + 1" (${USAGE})`);
      parsed.expr = arg;
      exprIndex = token.index;
    } else if (
      token.kind === 'option-terminator' ||
      !Object.hasOwn(OPTIONS, token.name) ||
      ((token.name === 'json' || token.name === 'steps') && token.value !== undefined)
    )
      throw new UsageError(`derive: unknown option '${arg}' (${USAGE})`);
    else if (token.name === 'json') parsed.json = true;
    else if (token.name === 'steps') parsed.steps = true;
    else {
      const value = token.value;
      if (value === undefined || value.startsWith('--'))
        throw new UsageError(`derive: --${token.name} needs a value (${USAGE})`);
      if (token.name === 'wrt') parsed.wrt = parseNames(value);
      else parsed.at = parsePoint(value);
    }
  }
  if (exprIndex === null) throw new UsageError(`derive: EXPR is missing (${USAGE})`);
  return parsed;
}

export async function main(args: string[]): Promise<number> {
  const options = parseArguments(args);
  const parsed = parseMath(options.expr);
  if (!parsed.ok)
    throw new UsageError(
      `derive: cannot read '${options.expr}': ${parsed.message} (column ${parsed.column})`,
    );
  const wrt = options.wrt ?? symbolsOf(parsed.expr);
  if (wrt.length === 0)
    throw new UsageError(`derive: '${options.expr}' has no variable; name one with --wrt`);
  const outcome = derive(options.expr, wrt, {
    autograd: autogradEvaluator,
    ...(options.at ? { at: options.at } : {}),
  });
  if (!outcome.ok) throw new UsageError(`derive: ${outcome.message}`);
  const { derivation } = outcome;
  if (options.json) {
    const derivatives = Object.fromEntries(
      wrt.map((v) => [
        v,
        {
          ...jsonOf(derivation.derivatives[v]),
          ...(options.steps ? { steps: stepsJson(derivation.expr, v) } : {}),
        },
      ]),
    );
    process.stdout.write(
      JSON.stringify({ expr: derivation.text, latex: derivation.latex, derivatives }, null, 2) +
        '\n',
    );
  } else {
    const lines = [`f = ${derivation.text}`, `    LaTeX: ${derivation.latex}`];
    for (const v of wrt) {
      lines.push(...textOf(derivation.derivatives[v], wrt.length > 1, options.at));
      if (options.steps) lines.push(...stepsText(derivation.expr, v));
    }
    process.stdout.write(lines.join('\n') + '\n');
  }
  return 0;
}

function jsonOf(info: DerivativeInfo): Record<string, unknown> {
  return {
    expr: info.text,
    latex: info.latex,
    ...(info.value !== undefined ? { value: info.value } : {}),
    ...(info.autograd !== undefined ? { autograd: info.autograd } : {}),
    verified: info.verified,
    ...(info.note ? { note: info.note } : {}),
  };
}

function textOf(
  info: DerivativeInfo,
  partial: boolean,
  at: Record<string, number> | null,
): string[] {
  const name = partial ? `∂f/∂${info.variable}` : `df/d${info.variable}`;
  const lines =
    info.text === null
      ? [`${name}: ${info.note}`]
      : [`${name} = ${info.text}`, `    LaTeX: ${info.equationLatex}`];
  if (at) {
    const point = Object.entries(at)
      .map(([k, v]) => `${k} = ${v}`)
      .join(', ');
    const exact = info.text === null ? '' : `${info.value}, `;
    lines.push(`    at ${point}: ${exact}autograd (float32) ${info.autograd}`);
  }
  return lines;
}

/** One line per step, indented by depth: the rule, then what the part's derivative is. */
function stepsText(expr: Expr, variable: string): string[] {
  return [
    '    steps:',
    ...stepsInOrder(derivationSteps(expr, variable)).map(
      ({ step, depth }) =>
        `${'  '.repeat(depth + 3)}${step.ruleText}: d/d${variable} ${toText(step.expr)} = ${toText(step.result)}` +
        (step.kink ? ` (${step.kink})` : ''),
    ),
  ];
}

function stepsJson(expr: Expr, variable: string): Record<string, unknown>[] {
  return stepsInOrder(derivationSteps(expr, variable)).map(({ step, depth }) => ({
    depth,
    rule: step.rule,
    text: step.ruleText,
    expr: toText(step.expr),
    rewriteLatex: step.rewriteLatex,
    result: toText(step.result),
    resultLatex: step.resultLatex,
    ...(step.inner ? { inner: toText(step.inner) } : {}),
    ...(step.kink ? { kink: step.kink } : {}),
  }));
}
