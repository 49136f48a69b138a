// The source of a custom Function's `backward`, found in the lesson's code cells by its class
// name, and whether it reads the incoming gradient at all (the seed's SQ does not).
export interface BackwardSource {
  /** The `def backward(...)` method, as written. */
  code: string;
  /** The name its second parameter gives the incoming gradient ('grad_output'). */
  gradName: string | null;
  /** Whether the body reads the incoming value (not only a name it first overwrites). */
  usesGrad: boolean;
}

const indentOf = (line: string) => /^\s*/.exec(line)![0].length;

/** `backward` of `class NAME(...)` in the last of `sources` that defines it, or null. */
export function backwardSource(
  className: string,
  sources: readonly string[],
): BackwardSource | null {
  for (const source of [...sources].reverse()) {
    const lines = source.split('\n');
    const start = lines.findIndex((l) => new RegExp(`^\\s*class\\s+${className}\\b`).test(l));
    if (start < 0) continue;
    const classIndent = indentOf(lines[start]);
    const body: string[] = [];
    let defIndent = -1;
    for (const line of lines.slice(start + 1)) {
      if (line.trim() !== '' && indentOf(line) <= classIndent) break;
      if (defIndent < 0) {
        if (/^\s*def\s+backward\s*\(/.test(line)) defIndent = indentOf(line);
        else continue;
      } else if (line.trim() !== '' && indentOf(line) <= defIndent && !/^\s*#/.test(line)) break;
      body.push(line);
    }
    if (body.length === 0) continue;
    while (body.length > 0 && body[body.length - 1].trim() === '') body.pop();
    const strip = Math.min(...body.filter((l) => l.trim() !== '').map(indentOf));
    const code = body.map((l) => l.slice(strip)).join('\n');
    const params = /def\s+backward\s*\(([^)]*)\)/
      .exec(code)?.[1]
      .split(',')
      .map((p) => p.trim().split(/[:=\s]/)[0]);
    const gradName = params && params.length > 1 && params[1] ? params[1] : null;
    const usesGrad =
      gradName !== null && readsBeforeOverwriting(code.split('\n').slice(1), gradName);
    return { code, gradName, usesGrad };
  }
  return null;
}

/** Whether the first line naming `name` reads it, rather than assigning it a new value. */
function readsBeforeOverwriting(body: readonly string[], name: string): boolean {
  const mentions = new RegExp(`\\b${name}\\b`);
  const line = body.map((l) => l.replace(/#.*$/, '')).find((l) => mentions.test(l));
  if (line === undefined) return false;
  const assignment = new RegExp(`^\\s*${name}\\s*=(?!=)(.*)$`).exec(line);
  return assignment === null || mentions.test(assignment[1]);
}
