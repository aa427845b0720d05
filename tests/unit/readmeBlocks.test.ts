import { describe, expect, it } from 'vitest';
import { readmeBlocks } from '../packed/support/readmeBlocks';

const fence = '```';

describe('README code blocks for the packed-package apps', () => {
  it('ties each marked block to its app and file, and skips fragments', () => {
    const markdown = [
      '<!-- consumer: src/App.tsx -->',
      `${fence}tsx`,
      'export const a = 1;',
      fence,
      '<!-- nextjs: app/page.tsx -->',
      `${fence}tsx title="app/page.tsx"`,
      'export default function Page() { return null; }',
      fence,
      '<!-- fragment: an excerpt -->',
      `${fence}typescript`,
      'handler(request);',
      fence,
      `${fence}sh`,
      'npm test',
      fence,
    ].join('\n');
    expect(readmeBlocks(markdown)).toEqual([
      { app: 'consumer', file: 'src/App.tsx', line: 2, code: 'export const a = 1;\n' },
      {
        app: 'nextjs',
        file: 'app/page.tsx',
        line: 6,
        code: 'export default function Page() { return null; }\n',
      },
    ]);
  });

  it('refuses unmarked TypeScript, however the fence is written, and plain JavaScript examples', () => {
    for (const opening of [`${fence}ts`, `${fence}typescript`, `  ${fence}tsx`, `${fence}tsx title="x"`]) {
      expect(() => readmeBlocks([opening, 'const a = 1;', fence].join('\n'))).toThrow(/without <!--/);
    }
    expect(() => readmeBlocks([`${fence}js`, 'const a = 1;', fence].join('\n'))).toThrow(/TypeScript/);
  });

  it('refuses a file named twice or with the wrong extension', () => {
    const block = (marker: string, language: string) =>
      [marker, `${fence}${language}`, 'x', fence].join('\n');
    expect(() =>
      readmeBlocks(
        [block('<!-- consumer: src/a.ts -->', 'ts'), block('<!-- consumer: src/a.ts -->', 'ts')].join('\n'),
      ),
    ).toThrow(/twice/);
    expect(() => readmeBlocks(block('<!-- consumer: src/a.ts -->', 'tsx'))).toThrow(/not \.tsx/);
  });
});
