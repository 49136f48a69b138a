#!/usr/bin/env node
// The `gradlab` command. The CLI is TypeScript, run by Node's own type stripping (Node >= 24).
await import('../cli/main.ts');
