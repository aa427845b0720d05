import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export type ReadmeApp = 'consumer' | 'nextjs';

export interface ReadmeBlock {
  /** The app the block belongs to: the Vite consumer app or the Next.js example. */
  app: ReadmeApp;
  /** The app's file the block becomes. */
  file: string;
  /** 1-based line of the opening fence in README.md. */
  line: number;
  code: string;
}

/**
 * The README's TypeScript blocks, each tied to a file of an app by the HTML comment on the line
 * before its fence: `<!-- consumer: src/App.tsx -->` (the Vite app), `<!-- nextjs: app/page.tsx -->`
 * (the Next.js example), or `<!-- fragment: why -->` for a block that is an excerpt on purpose. An
 * unmarked `ts`/`tsx` block is an error: every example either compiles in an app or says why not.
 */
export function readmeBlocks(markdown: string): ReadmeBlock[] {
  const lines = markdown.split('\n');
  const blocks: ReadmeBlock[] = [];
  const problems: string[] = [];
  for (let index = 0; index < lines.length; index++) {
    // Any fence, indented or with an info string after the language (```tsx title=…).
    const fence = /^\s*```\s*(\w*)/.exec(lines[index] ?? '');
    if (!fence) continue;
    const end = lines.findIndex((line, at) => at > index && /^\s*```\s*$/.test(line));
    if (end === -1) throw new Error(`README.md:${index + 1}: unclosed code block`);
    const language = { typescript: 'ts', javascript: 'js' }[fence[1] ?? ''] ?? fence[1];
    const marker = /^<!--\s*(consumer|nextjs|fragment):\s*(.+?)\s*-->$/.exec(lines[index - 1] ?? '');
    if (language === 'js' || language === 'jsx') {
      problems.push(`README.md:${index + 1}: examples are TypeScript (ts/tsx), so that they are compiled`);
    } else if (language === 'ts' || language === 'tsx') {
      if (!marker) {
        problems.push(
          `README.md:${index + 1}: a ${language} block without <!-- consumer|nextjs: path --> or <!-- fragment: why -->`,
        );
      } else if (marker[1] === 'consumer' || marker[1] === 'nextjs') {
        const app = marker[1];
        const file = marker[2] ?? '';
        if (!file.endsWith(`.${language}`))
          problems.push(`README.md:${index + 1}: ${file} is not .${language}`);
        if (blocks.some((block) => block.app === app && block.file === file)) {
          problems.push(`README.md:${index + 1}: ${file} twice`);
        }
        blocks.push({ app, file, line: index + 1, code: `${lines.slice(index + 1, end).join('\n')}\n` });
      }
    }
    index = end;
  }
  if (problems.length > 0) throw new Error(problems.join('\n'));
  return blocks;
}

/** Writes the README's blocks for `app` into its folder. */
export function writeReadmeBlocks(markdown: string, app: ReadmeApp, directory: string): ReadmeBlock[] {
  const blocks = readmeBlocks(markdown).filter((block) => block.app === app);
  for (const block of blocks) {
    mkdirSync(dirname(join(directory, block.file)), { recursive: true });
    writeFileSync(join(directory, block.file), block.code);
  }
  return blocks;
}
