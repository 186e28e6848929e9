/**
 * Small field readers for stored data: each returns the value when it is valid and the fallback
 * when it is not, so one damaged field never costs the user the rest (the way darkreader's
 * validation resets a bad field to its default). Used where a schema library would weigh more
 * than the popup can carry; messages, which only the background reads, use zod.
 */

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function bool(value: unknown, fallback: boolean): boolean {
  return typeof value === 'boolean' ? value : fallback;
}

export function intIn(value: unknown, min: number, max: number, fallback: number): number {
  return Number.isInteger(value) && (value as number) >= min && (value as number) <= max ? (value as number) : fallback;
}

export function text(value: unknown, maxLength: number, fallback: string, pattern?: RegExp): string {
  return typeof value === 'string' && value.length <= maxLength && (!pattern || pattern.test(value)) ? value : fallback;
}
