// Evaluates a declared gradient formula (the KaTeX students see) at scalar values, so a test can
// hold the text against the engine's numbers. Covers the TeX the declarations use: + - \cdot \,
// and juxtaposition, \frac, ^{...} and ^{\top} (a scalar's transpose is itself), \sqrt, \sin
// \cos \sinh \cosh \tanh \ln \exp \operatorname{sgn}, [a > b] and [a < b] (1 when true, else 0).

type Token =
  | { kind: 'number'; value: number }
  | { kind: 'name'; name: string }
  | { kind: 'symbol'; text: string };

function tokenize(tex: string): Token[] {
  const tokens: Token[] = [];
  const pattern =
    /\s*(?:\{\{(\w+)\}\}|(\d+(?:\.\d+)?)|(\\operatorname\{\w+\}|\\[a-zA-Z]+|\\,)|([-+()[\]{}^<>=]))/y;
  let at = 0;
  while (at < tex.length) {
    if (/^\s*$/.test(tex.slice(at))) break;
    pattern.lastIndex = at;
    const m = pattern.exec(tex);
    if (m === null) throw new Error(`cannot read "${tex.slice(at)}" in ${tex}`);
    if (m[1] !== undefined) tokens.push({ kind: 'name', name: m[1] });
    else if (m[2] !== undefined) tokens.push({ kind: 'number', value: Number(m[2]) });
    else tokens.push({ kind: 'symbol', text: m[3] ?? m[4] });
    at = pattern.lastIndex;
  }
  return tokens;
}

const FUNCTIONS: Record<string, (x: number) => number> = {
  '\\sin': Math.sin,
  '\\cos': Math.cos,
  '\\sinh': Math.sinh,
  '\\cosh': Math.cosh,
  '\\tanh': Math.tanh,
  '\\ln': Math.log,
  '\\exp': Math.exp,
  '\\operatorname{sgn}': Math.sign,
};

/** The value of `tex` with `{{name}}` read from `values`. */
export function evaluateFormula(tex: string, values: Readonly<Record<string, number>>): number {
  const tokens = tokenize(tex);
  let i = 0;
  const peek = (): Token | undefined => tokens[i];
  const isSymbol = (text: string): boolean => {
    const t = peek();
    return t?.kind === 'symbol' && t.text === text;
  };
  const expect = (text: string): void => {
    if (!isSymbol(text)) throw new Error(`expected ${text} at token ${i} of ${tex}`);
    i++;
  };
  const startsOperand = (): boolean => {
    const t = peek();
    if (t === undefined) return false;
    if (t.kind !== 'symbol') return true;
    return ['(', '[', '{', '\\frac', '\\sqrt'].includes(t.text) || t.text in FUNCTIONS;
  };

  function sum(): number {
    let value = product();
    while (isSymbol('+') || isSymbol('-')) {
      const plus = isSymbol('+');
      i++;
      value = plus ? value + product() : value - product();
    }
    return value;
  }
  function product(): number {
    let value = signed();
    for (;;) {
      if (isSymbol('\\cdot') || isSymbol('\\,')) {
        i++;
        value *= signed();
      } else if (startsOperand()) value *= signed();
      else return value;
    }
  }
  function signed(): number {
    if (isSymbol('-')) {
      i++;
      return -signed();
    }
    return power();
  }
  function power(): number {
    const base = atom();
    if (!isSymbol('^')) return base;
    i++;
    expect('{');
    if (isSymbol('\\top')) {
      i++;
      expect('}');
      return base;
    }
    const exponent = sum();
    expect('}');
    return Math.pow(base, exponent);
  }
  function atom(): number {
    const t = tokens[i++];
    if (t === undefined) throw new Error(`unexpected end of ${tex}`);
    if (t.kind === 'number') return t.value;
    if (t.kind === 'name') {
      const value = values[t.name];
      if (value === undefined) throw new Error(`no value for {{${t.name}}} in ${tex}`);
      return value;
    }
    if (t.text === '(' || t.text === '{') {
      const value = sum();
      expect(t.text === '(' ? ')' : '}');
      return value;
    }
    if (t.text === '[') {
      const left = sum();
      const op = tokens[i++];
      const right = sum();
      expect(']');
      if (op?.kind !== 'symbol') throw new Error(`expected a comparison in ${tex}`);
      return (op.text === '>' ? left > right : left < right) ? 1 : 0;
    }
    if (t.text === '\\frac') {
      expect('{');
      const top = sum();
      expect('}');
      expect('{');
      const bottom = sum();
      expect('}');
      return top / bottom;
    }
    if (t.text === '\\sqrt') {
      expect('{');
      const value = sum();
      expect('}');
      return Math.sqrt(value);
    }
    const fn = FUNCTIONS[t.text];
    if (fn !== undefined) return fn(power());
    throw new Error(`unexpected ${t.text} in ${tex}`);
  }

  const value = sum();
  if (i !== tokens.length) throw new Error(`left over from token ${i} in ${tex}`);
  return value;
}
