export interface ReadmeBlock {
  /** The consumer app's file the block becomes. */
  file: string;
  /** 1-based line of the opening fence in README.md. */
  line: number;
  code: string;
}

/**
 * The README's TypeScript blocks, each tied to a file of a consumer app by the HTML comment on the
 * line before its fence: `<!-- consumer: src/App.tsx -->`, or `<!-- fragment: why -->` for a block
 * that is an excerpt on purpose. An unmarked `ts`/`tsx` block is an error: every example either
 * compiles in the consumer app or says why it cannot.
 */
export function readmeBlocks(markdown: string): ReadmeBlock[] {
  const lines = markdown.split('\n');
  const blocks: ReadmeBlock[] = [];
  const problems: string[] = [];
  for (let index = 0; index < lines.length; index++) {
    const fence = /^```(\w+)\s*$/.exec(lines[index] ?? '');
    if (!fence) continue;
    const end = lines.indexOf('```', index + 1);
    if (end === -1) throw new Error(`README.md:${index + 1}: unclosed code block`);
    const language = fence[1];
    const marker = /^<!--\s*(consumer|fragment):\s*(.+?)\s*-->$/.exec(lines[index - 1] ?? '');
    if (language === 'ts' || language === 'tsx') {
      if (!marker) {
        problems.push(
          `README.md:${index + 1}: a ${language} block without <!-- consumer: path --> or <!-- fragment: why -->`,
        );
      } else if (marker[1] === 'consumer') {
        const file = marker[2] ?? '';
        if (!file.endsWith(`.${language}`))
          problems.push(`README.md:${index + 1}: ${file} is not .${language}`);
        if (blocks.some((block) => block.file === file))
          problems.push(`README.md:${index + 1}: ${file} twice`);
        blocks.push({ file, line: index + 1, code: `${lines.slice(index + 1, end).join('\n')}\n` });
      }
    }
    index = end;
  }
  if (problems.length > 0) throw new Error(problems.join('\n'));
  return blocks;
}
