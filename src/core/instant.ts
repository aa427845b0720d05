export const DAY_MS = 86_400_000;

const ISO_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/i;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * An instant from a `Date`, epoch ms or an ISO 8601 string that names its offset. Returns
 * `undefined` for anything ambiguous or invalid.
 */
export function parseInstant(value: Date | number | string): number | undefined {
  let ms: number;
  if (value instanceof Date) ms = value.getTime();
  else if (typeof value === 'number') ms = value;
  else if (typeof value === 'string') {
    const text = value.trim();
    if (ISO_DATE.test(text)) ms = Date.parse(`${text}T00:00:00Z`);
    else if (ISO_WITH_ZONE.test(text)) ms = Date.parse(text);
    else return undefined;
  } else return undefined;
  return Number.isFinite(ms) ? ms : undefined;
}
