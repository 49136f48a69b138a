// Lessons that once froze the parser (issue 10), shared by the tests and `npm run bench`.
const FRONT_MATTER = '---\nid: hostile\ntitle: Hostile\n---\n';

/** 300 KB of escaped backslashes before a `$` that never closes: was quadratic in the `$`s. */
export function escapedDollarsLesson(count = 100_000): string {
  return `${FRONT_MATTER}\n## Step\n\n${'\\\\$'.repeat(count)}\n`;
}

/** A practice block with 40,000 keys (620 KB): 17 s in the yaml package's duplicate-key check. */
export function manyKeysLesson(count = 40_000): string {
  const keys = Array.from({ length: count }, (_, index) => `key${index}: ${index}`).join('\n');
  return `${FRONT_MATTER}\n## Step\n\n\`\`\`practice\nid: p\nprompt: Hi\n${keys}\n\`\`\`\n`;
}

/** The line of manyKeysLesson's practice block's first YAML line. */
export const MANY_KEYS_BLOCK_LINE = 9;
