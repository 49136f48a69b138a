// Turns zod's validation issues into sentences an instructor understands, naming the key path
// and what was found there.
import type { z } from 'zod';
import { didYouMean } from './suggest.ts';

type Issue = z.core.$ZodIssue;
type Path = ReadonlyArray<PropertyKey>;

export function zodIssueMessage(issue: Issue, data: unknown): string {
  const path = issue.path;
  const name = `'${pathName(path)}'`;
  const found = valueAt(data, path);
  switch (issue.code) {
    case 'invalid_type':
      if (found === undefined) return missing(path);
      return `${name} must be ${EXPECTED[issue.expected] ?? issue.expected}, not ${describe(found)}${quoteAdvice(issue.expected, found)}`;
    case 'invalid_union': {
      if (issue.discriminator !== undefined && 'options' in issue && issue.options) {
        const options = issue.options.map(String);
        if (found === undefined) return `${missing(path)} (one of ${options.join(', ')})`;
        const given = String(found);
        return `${name} must be one of ${options.join(', ')}, not ${describe(found)}${didYouMean(given, options)}`;
      }
      const expected = [...new Set(issue.errors.flat().map(expectation))].filter(Boolean);
      return `${name} must be ${expected.join(' or ')}, not ${describe(found)}`;
    }
    case 'too_small':
      if (issue.origin === 'array' || issue.origin === 'string')
        return Number(issue.minimum) <= 1
          ? `${name} must not be empty`
          : `${name} must have at least ${issue.minimum} items`;
      return `${name} must be ${issue.inclusive ? 'at least' : 'greater than'} ${issue.minimum}, not ${describe(found)}`;
    case 'too_big':
      if (issue.origin === 'array') return `${name} must have at most ${issue.maximum} items`;
      return `${name} must be ${issue.inclusive ? 'at most' : 'less than'} ${issue.maximum}, not ${describe(found)}`;
    case 'invalid_value':
      return `${name} must be ${issue.values.map((v) => `'${String(v)}'`).join(' or ')}, not ${describe(found)}`;
    case 'invalid_format':
      return `${name} is ${describe(found)}, but it ${issue.message}`;
    default:
      return `${name} ${issue.message}`;
  }
}

/** YAML reads `- Note: text` as a mapping: the usual cause of "text expected". */
function quoteAdvice(expected: string, found: unknown): string {
  return expected === 'string' && describe(found) === 'a mapping'
    ? " (text holding ': ' must be in quotes, or use a | block)"
    : '';
}

function missing(path: Path): string {
  const key = String(path[path.length - 1]);
  const parent = path.slice(0, -1);
  return `missing '${key}'${parent.length > 0 ? ` in '${pathName(parent)}'` : ''}`;
}

export function pathName(path: Path): string {
  return path
    .map((segment, index) =>
      typeof segment === 'number' ? `[${segment}]` : `${index === 0 ? '' : '.'}${String(segment)}`,
    )
    .join('');
}

const EXPECTED: Record<string, string> = {
  string: 'text',
  number: 'a number',
  boolean: 'true or false',
  array: 'a list',
  tuple: 'a list',
  object: 'a mapping (key: value)',
  record: 'a mapping (key: value)',
};

function expectation(issue: Issue): string {
  if (issue.code === 'invalid_type') return EXPECTED[issue.expected] ?? issue.expected;
  if (issue.code === 'too_small' && issue.origin === 'array') return 'a non-empty list';
  return '';
}

function describe(value: unknown): string {
  if (value === undefined || value === null) return 'nothing';
  if (typeof value === 'string')
    return `'${value.length > 40 ? value.slice(0, 37) + '...' : value}'`;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return 'a list';
  return 'a mapping';
}

function valueAt(data: unknown, path: Path): unknown {
  let value = data;
  for (const segment of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[segment];
  }
  return value;
}

/** The keys a strict object accepts at `path` (walking optionals, lists and tagged unions). */
export function keysAllowedAt(schema: z.ZodType, path: Path, data: unknown): string[] {
  let current: z.core.$ZodType | undefined = schema;
  let value = data;
  const steps = [...path];
  while (current) {
    const def: z.core.$ZodTypeDef = current._zod.def;
    if (def.type === 'optional' || def.type === 'default' || def.type === 'nullable') {
      current = (def as z.core.$ZodOptionalDef).innerType;
    } else if (def.type === 'union') {
      const union = def as z.core.$ZodDiscriminatedUnionDef;
      const tag = union.discriminator;
      const objects: z.core.$ZodType[] = union.options.filter(
        (option) => option._zod.def.type === 'object',
      );
      current =
        objects.find((option) => {
          const shape = (option._zod.def as z.core.$ZodObjectDef).shape;
          const literal = tag ? shape[tag]?._zod.def : undefined;
          const tagValue = tag ? valueAt(value, [tag]) : undefined;
          return (
            literal?.type === 'literal' &&
            (literal as z.core.$ZodLiteralDef<string>).values.includes(tagValue as string)
          );
        }) ?? objects[0];
    } else if (def.type === 'object') {
      const shape = (def as z.core.$ZodObjectDef).shape;
      const segment = steps.shift();
      if (segment === undefined) return Object.keys(shape);
      current = shape[String(segment)];
      value = valueAt(value, [segment]);
    } else if (def.type === 'array') {
      const segment = steps.shift();
      current = (def as z.core.$ZodArrayDef).element;
      value = valueAt(value, [segment ?? 0]);
    } else return [];
  }
  return [];
}
