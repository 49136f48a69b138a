// Jumping ahead: which earlier cell of the lesson defines (or imports) the name a cell failed
// on, so the cell can say "step 2 defines 'v'" instead of a bare NameError. Read from the code
// with patterns for the ways a lesson binds a name; a miss only means no sentence is shown.

/** The undefined name of a NameError ("NameError: name 'v' is not defined"), if it is one. */
export function undefinedName(error: string | null): string | undefined {
  return error ? /^NameError: name '(\w+)' is not defined/.exec(error)?.[1] : undefined;
}

/** True when the code binds `name` at the start of a line (assignment, def, class, import, for, with). */
export function bindsName(code: string, name: string): boolean {
  const n = name.replace(/[^\w]/g, '');
  const target = `(?:[\\w.\\[\\]]+\\s*,\\s*)*\\(?${n}\\)?(?:\\s*,\\s*[\\w.\\[\\]]+)*`;
  const patterns = [
    `^\\s*${target}\\s*(?::[^=\\n]+)?=(?!=)`,
    `^\\s*${target}\\s*(?:\\+|-|\\*|/|//|%|\\*\\*|@|&|\\||\\^)=`,
    `^\\s*(?:async\\s+)?(?:def|class)\\s+${n}\\b`,
    `^\\s*import\\s+(?:.*,\\s*)?${n}(?:\\s*,|\\s*$)`,
    `^\\s*import\\s+.*\\bas\\s+${n}\\b`,
    `^\\s*import\\s+${n}\\.`,
    `^\\s*from\\s+\\S+\\s+import\\s+(?:.*[\\s,(])?${n}(?:\\s*[,)]|\\s*$)`,
    `^\\s*for\\s+${target}\\s+in\\b`,
    `^\\s*with\\s+.*\\bas\\s+${n}\\s*:`,
  ];
  return patterns.some((pattern) => new RegExp(pattern, 'm').test(code));
}

/** The last cell before `index` that binds `name`, or undefined. */
export function definingCell(
  codes: readonly string[],
  index: number,
  name: string,
): number | undefined {
  for (let i = index - 1; i >= 0; i--) if (bindsName(codes[i] ?? '', name)) return i;
  return undefined;
}
