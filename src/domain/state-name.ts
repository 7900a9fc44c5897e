/**
 * A machine state value as one dotted path, as logs, metrics and the flow page name states.
 *
 * @example
 * stateName('idle')                              // 'idle'
 * stateName({ dialog: 'menu', answer: 'asking' }) // 'dialog.menu,answer.asking'
 */
export function stateName(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object') {
    return Object.entries(value)
      .map(([key, inner]) => `${key}.${stateName(inner)}`)
      .join(',');
  }
  return String(value);
}
