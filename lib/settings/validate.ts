/**
 * The one guard every forgiving reader starts with. Stored settings, the period and waiting changes
 * are read field by field through their schema (`schema.ts`); this tells a record from anything else.
 */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
