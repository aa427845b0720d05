export type MessageVars = Record<string, string | number>;

/** Replaces `{name}` placeholders; unknown placeholders are left visible so a missing value is noticed. */
export function formatMessage(template: string, vars?: MessageVars): string {
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (match, name: string) =>
    Object.hasOwn(vars, name) ? String(vars[name]) : match,
  );
}
