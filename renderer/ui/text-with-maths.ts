// Plain text with `$...$` (or `$$...$$`) maths in it, as the lesson text writes maths: verdicts
// and feedback come from the grader and from the lesson's `say:` lines. The text stays text
// nodes (nothing in it becomes markup); only the formulas go through KaTeX. `\$` is a dollar.
import { mathElement } from './math.ts';

const MATHS = /\$\$((?:\\.|[^$\\])+?)\$\$|\$((?:\\.|[^$\\])+?)\$|\\\$/g;

export function textWithMaths(text: string): Node[] {
  const nodes: Node[] = [];
  let plain = '';
  let from = 0;
  for (const match of text.matchAll(MATHS)) {
    plain += text.slice(from, match.index);
    from = match.index + match[0].length;
    const [whole, display, inline] = match;
    const tex = display ?? inline;
    if (tex === undefined || tex.trim() === '') {
      plain += whole === '\\$' ? '$' : whole;
      continue;
    }
    if (plain) nodes.push(document.createTextNode(plain));
    plain = '';
    nodes.push(mathElement(tex, display !== undefined));
  }
  plain += text.slice(from);
  if (plain) nodes.push(document.createTextNode(plain));
  return nodes;
}
