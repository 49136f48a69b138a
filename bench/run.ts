// `npm run bench`: runs every bench/*.bench.ts in turn; each prints its own figures.
import { readdirSync } from 'node:fs';

const here = new URL('./', import.meta.url);
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .sort();
for (const file of files) {
  process.stdout.write(`\n# ${file}\n`);
  await import(new URL(file, here).href);
}
