// The checks that keep reading a YAML block linear in its size: a cap on the block's length,
// duplicate keys found with a set (the yaml package's own `uniqueKeys` check compares each key
// with every earlier one: 40,000 keys took 11 s), and where an alias bomb is.
import { isCollection, isScalar, visit } from 'yaml';
import type { Document, Node as YamlNode } from 'yaml';

/** Far more than any front matter or practice block needs; parsing this much takes ~0.1 s. */
export const MAX_YAML_BLOCK_CHARS = 100_000;

/** Where each key that repeats an earlier key of the same mapping starts. */
export function duplicateKeyOffsets(document: Document): number[] {
  const offsets: number[] = [];
  visit(document, {
    Map(_key, map) {
      const seen = new Set<unknown>();
      for (const pair of map.items) {
        if (!isScalar(pair.key)) continue;
        if (seen.has(pair.key.value)) offsets.push(pair.key.range?.[0] ?? 0);
        seen.add(pair.key.value);
      }
    },
  });
  return offsets;
}

/**
 * Where an alias bomb starts: the first alias of a collection that itself holds aliases (what
 * multiplies the expansion), else the first alias. Only asked once expanding the aliases failed.
 */
export function aliasBombOffset(document: Document): number | null {
  let first: number | null = null;
  let nested: number | null = null;
  visit(document, {
    Alias(_key, alias) {
      const offset = alias.range?.[0] ?? 0;
      first ??= offset;
      const target = alias.resolve(document);
      if (nested === null && isCollection(target) && holdsAlias(target)) {
        nested = offset;
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return nested ?? first;
}

function holdsAlias(node: YamlNode): boolean {
  let found = false;
  visit(node, {
    Alias() {
      found = true;
      return visit.BREAK;
    },
  });
  return found;
}
