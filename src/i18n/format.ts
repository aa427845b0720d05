export type MessageVars = Record<string, string | number>;

const pluralStart = /\{(\w+),\s*plural,/g;

/** The end of the `{…}` block whose opening brace is at `open`, or -1. */
function closingBrace(text: string, open: number): number {
  let depth = 0;
  for (let index = open; index < text.length; index++) {
    if (text[index] === '{') depth++;
    else if (text[index] === '}' && --depth === 0) return index;
  }
  return -1;
}

/** `one {# second} other {# seconds}` → { one: '# second', other: '# seconds' }. */
function pluralOptions(body: string): Map<string, string> | undefined {
  const options = new Map<string, string>();
  let index = 0;
  while (index < body.length) {
    const selector = /^\s*(=\d+|zero|one|two|few|many|other)\s*\{/.exec(body.slice(index));
    if (!selector) return /^\s*$/.test(body.slice(index)) ? options : undefined;
    const open = index + selector[0].length - 1;
    const close = closingBrace(body, open);
    if (close === -1) return undefined;
    options.set(selector[1] ?? 'other', body.slice(open + 1, close));
    index = close + 1;
  }
  return options;
}

/** The locale's plural category for `count`; English rules for a tag Intl cannot read ('en_US'). */
function pluralCategory(locale: string, count: number): Intl.LDMLPluralRule {
  try {
    return new Intl.PluralRules(locale.replaceAll('_', '-')).select(count);
  } catch {
    return new Intl.PluralRules('en').select(count);
  }
}

/**
 * ICU-style plurals, `{seconds, plural, one {# second} other {# seconds}}`, chosen with the
 * locale's own rules (Intl.PluralRules: Arabic has six forms, English two); `=N` matches exactly.
 */
function formatPlurals(template: string, vars: MessageVars, locale: string): string {
  let result = '';
  let last = 0;
  for (const match of template.matchAll(pluralStart)) {
    const start = match.index ?? 0;
    if (start < last) continue;
    const end = closingBrace(template, start);
    const name = match[1] ?? '';
    const options = end === -1 ? undefined : pluralOptions(template.slice(start + match[0].length, end));
    const count = Number(vars[name]);
    if (!options || !Object.hasOwn(vars, name) || !Number.isFinite(count)) continue;
    const chosen =
      options.get(`=${count}`) ?? options.get(pluralCategory(locale, count)) ?? options.get('other');
    result += template.slice(last, start) + (chosen ?? '').replaceAll('#', String(count));
    last = end + 1;
  }
  return result + template.slice(last);
}

/**
 * Fills `{name}` placeholders and `{name, plural, …}` blocks; unknown placeholders are left visible so
 * a missing value is noticed.
 */
export function formatMessage(template: string, vars?: MessageVars, locale = 'en'): string {
  if (!vars) return template;
  return formatPlurals(template, vars, locale).replace(/\{(\w+)\}/g, (match, name: string) =>
    Object.hasOwn(vars, name) ? String(vars[name]) : match,
  );
}
