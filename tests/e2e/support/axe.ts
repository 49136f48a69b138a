// axe-core's WCAG 2.1 A and AA audit of a page as it is now.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AxeResults, RunOptions } from 'axe-core';
import type { Page } from 'playwright-core';

const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

/** One line per offending element: `where: rule: why (at selector)`. */
export async function axeViolations(page: Page, where: string): Promise<string[]> {
  // Evaluated through the DevTools protocol, so the page's strict CSP does not apply to axe.
  const violations = await page.evaluate(async (source) => {
    if (!('axe' in window)) (0, eval)(source);
    const { axe } = window as unknown as {
      axe: { run: (options: RunOptions) => Promise<AxeResults> };
    };
    const result = await axe.run({
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return result.violations.flatMap((violation) =>
      violation.nodes.map(
        (node) =>
          `${violation.id}: ${node.any[0]?.message ?? violation.help} (at ${node.target.join(' ')})`,
      ),
    );
  }, axeSource);
  return violations.map((violation) => `${where}: ${violation}`);
}
