// Reads the YAML of a front matter or a fenced block, validates it against a zod schema and
// reports every problem at its line and column in the lesson file.
import { isMap, isScalar, isSeq, LineCounter, parseDocument, Scalar, visit } from 'yaml';
import type { Document, Node as YamlNode, Pair, YAMLMap } from 'yaml';
import type { z } from 'zod';
import type { SourcePosition } from './types.ts';
import { didYouMean } from './suggest.ts';
import { keysAllowedAt, pathName, zodIssueMessage } from './zod-messages.ts';
import { aliasBombOffset, duplicateKeyOffsets, MAX_YAML_BLOCK_CHARS } from './yaml-limits.ts';

/** A problem located in the lesson file. */
export interface PositionedMessage extends SourcePosition {
  message: string;
}

export type YamlPath = ReadonlyArray<PropertyKey>;

export interface YamlBlock<T> {
  /** The validated value, or undefined when the YAML or the schema check failed. */
  value: T | undefined;
  problems: PositionedMessage[];
  /** Where the node at `path` starts (its key with `key: true`); the nearest existing parent. */
  locate(path: YamlPath, options?: { key?: boolean }): SourcePosition;
  /** A 1-based line and column inside the string at `path` (a Python or maths error in it). */
  locateInside(path: YamlPath, line: number, column: number): SourcePosition;
}

/**
 * @param body the YAML text
 * @param origin where the body's first character is in the file
 * @param indent columns every body line is shifted by in the file (an indented fence)
 * @param what how to name the block in messages ("practice", "front matter")
 */
export function readYamlBlock<T>(
  body: string,
  origin: SourcePosition,
  indent: number,
  schema: z.ZodType<T>,
  what: string,
): YamlBlock<T> {
  const blockStart: SourcePosition = { line: origin.line, column: origin.column };
  if (body.length > MAX_YAML_BLOCK_CHARS) {
    const message = `${what}: the block is ${body.length.toLocaleString('en')} characters long; a YAML block may have at most ${MAX_YAML_BLOCK_CHARS.toLocaleString('en')}`;
    const locateStart = () => blockStart;
    return {
      value: undefined,
      problems: [{ ...blockStart, message }],
      locate: locateStart,
      locateInside: locateStart,
    };
  }
  const lineCounter = new LineCounter();
  const document = parseDocument(body, { uniqueKeys: false, prettyErrors: false, lineCounter });
  const positionOf = (offset: number): SourcePosition => {
    const { line, col } = lineCounter.linePos(offset);
    return line === 1
      ? { line: origin.line, column: origin.column + col - 1 }
      : { line: origin.line + line - 1, column: indent + col };
  };
  const pairsByKey = new Map<YAMLMap, Map<unknown, Pair>>();
  const pairOf = (map: YAMLMap, key: unknown): Pair | undefined => {
    let pairs = pairsByKey.get(map);
    if (!pairs) {
      pairs = new Map();
      for (const pair of map.items) if (isScalar(pair.key)) pairs.set(pair.key.value, pair);
      pairsByKey.set(map, pairs);
    }
    return pairs.get(key);
  };

  const nodeAt = (path: YamlPath): { node: YamlNode | null; key: YamlNode | null } => {
    let node: unknown = document.contents;
    let key: YamlNode | null = null;
    for (const segment of path) {
      if (isMap(node)) {
        const pair = pairOf(node, segment);
        if (!pair) break;
        key = pair.key as YamlNode;
        node = pair.value;
        if (node === null) return { node: key, key };
      } else if (isSeq(node) && typeof segment === 'number' && node.items[segment]) {
        key = null;
        node = node.items[segment];
      } else break;
    }
    return { node: (node as YamlNode | null) ?? null, key };
  };

  const locate = (path: YamlPath, options: { key?: boolean } = {}): SourcePosition => {
    const { node, key } = nodeAt(path);
    const target = options.key && key ? key : node;
    return target?.range ? positionOf(target.range[0]) : blockStart;
  };

  const locateInside = (path: YamlPath, line: number, column: number): SourcePosition => {
    const { node } = nodeAt(path);
    if (!isScalar(node) || !node.range) return locate(path);
    const start = positionOf(node.range[0]);
    if (node.type === Scalar.BLOCK_LITERAL || node.type === Scalar.BLOCK_FOLDED) {
      // Content starts on the line after the `|` indicator, indented by the first content line.
      const contentLines = body.slice(node.range[0]).split('\n').slice(1);
      const firstContent = contentLines.find((text) => text.trim() !== '') ?? '';
      const contentIndent = firstContent.length - firstContent.trimStart().length;
      return { line: start.line + line, column: indent + contentIndent + column };
    }
    const quote = node.type === Scalar.QUOTE_DOUBLE || node.type === Scalar.QUOTE_SINGLE ? 1 : 0;
    return line === 1 ? { line: start.line, column: start.column + quote + column - 1 } : start;
  };

  const problems: PositionedMessage[] = [];
  // One walk for all the errors: a walk per error would make a block with many of them quadratic.
  const quoteStarts = document.errors.some((e) => e.code === 'MISSING_CHAR')
    ? quotedScalarStarts(document)
    : undefined;
  for (const error of document.errors) {
    const offset = error.code === 'MISSING_CHAR' ? quoteStarts?.get(error.pos[0]) : undefined;
    const where = positionOf(offset ?? error.pos[0]);
    problems.push({ ...where, message: `${what}: bad YAML: ${error.message}` });
  }
  for (const offset of duplicateKeyOffsets(document))
    problems.push({ ...positionOf(offset), message: `${what}: bad YAML: Map keys must be unique` });
  if (problems.length > 0) return { value: undefined, problems, locate, locateInside };

  let data: unknown;
  try {
    data = document.toJS();
  } catch (error) {
    if (!(error instanceof ReferenceError)) throw error;
    const message = `${what}: bad YAML: its aliases expand to too many values (each '*name' copies what '&name' marks)`;
    problems.push({ ...positionOf(aliasBombOffset(document) ?? 0), message });
    return { value: undefined, problems, locate, locateInside };
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    problems.push({
      ...blockStart,
      message: `${what}: expected YAML keys and values (key: value lines)`,
    });
    return { value: undefined, problems, locate, locateInside };
  }

  const result = schema.safeParse(data);
  if (result.success) return { value: result.data, problems, locate, locateInside };
  for (const issue of result.error.issues) {
    if (issue.code === 'unrecognized_keys') {
      const allowed = keysAllowedAt(schema, issue.path, data);
      for (const unknownKey of issue.keys) {
        problems.push({
          ...locate([...issue.path, unknownKey], { key: true }),
          message: `${what}: unknown key '${unknownKey}'${inside(issue.path)}${didYouMean(unknownKey, allowed)}`,
        });
      }
      continue;
    }
    const message = zodIssueMessage(issue, data);
    const missing = message.startsWith('missing ');
    const where = missing ? locate(issue.path.slice(0, -1)) : locate(issue.path);
    problems.push({ ...where, message: `${what}: ${message}` });
  }
  return { value: undefined, problems, locate, locateInside };
}

function inside(path: ReadonlyArray<PropertyKey>): string {
  return path.length === 0 ? '' : ` in '${pathName(path)}'`;
}

/**
 * yaml reports an unterminated string where the text ends; the author needs where it opened:
 * the start of the quoted scalar that runs up to that point, by the offset where it ends.
 */
function quotedScalarStarts(document: Document): Map<number, number> {
  const starts = new Map<number, number>();
  visit(document, {
    Scalar(_key, node) {
      const quoted = node.type === Scalar.QUOTE_DOUBLE || node.type === Scalar.QUOTE_SINGLE;
      if (quoted && node.range && !starts.has(node.range[1]))
        starts.set(node.range[1], node.range[0]);
    },
  });
  return starts;
}
