/**
 * What a Fluent file declares, read with Fluent's own parser (`@fluent/syntax`): each message and attribute, the
 * variables it uses, and the parts the parser could not read. The check compares locales with it.
 */

import { type Attribute, type Message, parse, type Pattern, Visitor, type VariableReference } from '@fluent/syntax';

/** One translatable text: a message's value (`help`) or one of its attributes (`menu-back.description`). */
export interface CatalogEntry {
  /** `id`, or `id.attribute`. */
  readonly key: string;
  readonly id: string;
  readonly attribute?: string;
  /** The `$variables` it uses, without the `$`. */
  readonly variables: ReadonlySet<string>;
}

/** The entries of one file and its syntax errors. */
export interface Catalog {
  readonly entries: ReadonlyMap<string, CatalogEntry>;
  /** Text the parser could not read, with the line it starts on. */
  readonly junk: readonly { readonly line: number; readonly content: string }[];
}

/** Collects the variables a pattern uses. */
class VariableCollector extends Visitor {
  readonly names = new Set<string>();
  override visitVariableReference(node: VariableReference): void {
    this.names.add(node.id.name);
  }
}

const variablesOf = (pattern: Pattern | null): Set<string> => {
  const collector = new VariableCollector();
  if (pattern !== null) collector.visit(pattern);
  return collector.names;
};

const lineOf = (source: string, offset: number): number => source.slice(0, offset).split('\n').length;

/**
 * The catalog of a Fluent source.
 *
 * @example
 * readCatalog('hi = Hello { $name }').entries.get('hi')?.variables // Set { 'name' }
 */
export function readCatalog(source: string): Catalog {
  const resource = parse(source, { withSpans: true });
  const entries = new Map<string, CatalogEntry>();
  const junk: { line: number; content: string }[] = [];
  for (const entry of resource.body) {
    if (entry.type === 'Junk') junk.push({ line: lineOf(source, entry.span?.start ?? 0), content: entry.content.trim().split('\n')[0] ?? '' });
    if (entry.type !== 'Message') continue;
    const message = entry as Message;
    const id = message.id.name;
    if (message.value !== null) entries.set(id, { key: id, id, variables: variablesOf(message.value) });
    for (const attribute of message.attributes as Attribute[]) {
      const name = attribute.id.name;
      entries.set(`${id}.${name}`, { key: `${id}.${name}`, id, attribute: name, variables: variablesOf(attribute.value) });
    }
  }
  return { entries, junk };
}
