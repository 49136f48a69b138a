// Evaluates SymPy's printed expressions (Python syntax: + - * / **, calls, numbers, names) with
// the engine, the way Python code running torch ops would, for the golden derivative cases.
import * as A from '../../core/autograd/index.ts';

type Value = A.Tensor | number;

const FUNCTIONS: Record<string, (args: Value[]) => Value> = {
  sin: ([x]) => A.sin(tensorOf(x)),
  cos: ([x]) => A.cos(tensorOf(x)),
  tan: ([x]) => A.tan(tensorOf(x)),
  tanh: ([x]) => A.tanh(tensorOf(x)),
  exp: ([x]) => A.exp(tensorOf(x)),
  log: ([x]) => A.log(tensorOf(x)),
  sqrt: ([x]) => A.sqrt(tensorOf(x)),
  Abs: ([x]) => A.abs(tensorOf(x)),
  // SymPy's Max(0, f) is ReLU here, as the lessons write it with torch.relu.
  Max: ([a, b]) => (a === 0 ? A.relu(tensorOf(b)) : A.maximum(tensorOf(a), tensorOf(b))),
};

function tensorOf(v: Value): A.Tensor {
  return typeof v === 'number' ? A.tensor([v], [], { dtype: dtypeInUse }) : v;
}

let dtypeInUse: A.DType = 'float32';

const kind = (n: number): A.ScalarKind => (Number.isInteger(n) ? 'int' : 'float');

function binary(op: string, a: Value, b: Value): Value {
  if (typeof a === 'number' && typeof b === 'number') {
    if (op === '+') return a + b;
    if (op === '-') return a - b;
    if (op === '*') return a * b;
    if (op === '/') return a / b;
    return a ** b;
  }
  if (op === '**')
    return typeof b === 'number' ? A.pow(a, b, { scalarKind: kind(b) }) : A.pow(a, b);
  if (typeof a === 'number') {
    const t = b as A.Tensor;
    const options = { scalarKind: kind(a) };
    if (op === '+') return A.add(t, a, options);
    if (op === '-') return A.rsub(t, a, options);
    if (op === '*') return A.mul(t, a, options);
    return A.rdiv(t, a, options);
  }
  const options = typeof b === 'number' ? { scalarKind: kind(b) } : undefined;
  if (op === '+') return A.add(a, b, options);
  if (op === '-') return A.sub(a, b, options);
  if (op === '*') return A.mul(a, b, options);
  return A.div(a, b, options);
}

const CONSTANTS: Record<string, number> = { E: Math.E, pi: Math.PI };

const PRECEDENCE: Record<string, number> = { '+': 1, '-': 1, '*': 2, '/': 2 };

/** Parses and evaluates `source` with the variables bound to tensors of `dtype`. */
export function evaluate(
  source: string,
  variables: Record<string, A.Tensor>,
  dtype: A.DType,
): Value {
  dtypeInUse = dtype;
  const tokens = source.match(/\d+\.?\d*(?:e-?\d+)?|\*\*|[A-Za-z_]\w*|[-+*/(),]/g) ?? [];
  let at = 0;
  const peek = (): string | undefined => tokens[at];
  const take = (expected?: string): string => {
    const token = tokens[at++];
    if (expected !== undefined && token !== expected)
      throw new Error(`expected ${expected} in ${source}`);
    return token;
  };
  const atom = (): Value => {
    const token = take();
    if (token === '(') {
      const inner = expression(0);
      take(')');
      return inner;
    }
    if (token === '-') return negate(power());
    if (/^\d/.test(token)) return Number(token);
    if (peek() === '(') {
      take('(');
      const args = [expression(0)];
      while (peek() === ',') {
        take(',');
        args.push(expression(0));
      }
      take(')');
      return FUNCTIONS[token](args);
    }
    if (token in CONSTANTS) return CONSTANTS[token];
    const variable = variables[token];
    if (variable === undefined) throw new Error(`unknown name ${token} in ${source}`);
    return variable;
  };
  // Python: ** binds tighter than unary minus on its left and is right-associative.
  const power = (): Value => {
    const base = atom();
    if (peek() !== '**') return base;
    take('**');
    return binary('**', base, peek() === '-' ? (take(), negate(power())) : power());
  };
  const negate = (v: Value): Value => (typeof v === 'number' ? -v : A.neg(v));
  const expression = (minimum: number): Value => {
    let left = power();
    for (let op = peek(); op !== undefined && (PRECEDENCE[op] ?? 0) > minimum; op = peek()) {
      take();
      left = binary(op, left, expression(PRECEDENCE[op]));
    }
    return left;
  };
  return expression(0);
}
