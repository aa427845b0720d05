import { type ChildProcess, spawn } from 'node:child_process';
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import ts from 'typescript';

const repo = resolve(import.meta.dirname, '../../..');

function transpileTree(from: string, to: string): void {
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const source = join(from, entry.name);
    if (entry.isDirectory()) transpileTree(source, join(to, entry.name));
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) {
      const { outputText } = ts.transpileModule(readFileSync(source, 'utf8'), {
        compilerOptions: {
          module: ts.ModuleKind.ESNext,
          target: ts.ScriptTarget.ES2022,
          verbatimModuleSyntax: true,
        },
        fileName: source,
      });
      const target = join(to, entry.name.replace(/\.ts$/, '.js'));
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, outputText);
    }
  }
}

/** The server the child runs: the real `nodeListener` around `createMfaHandler`, no Cognito needed. */
const serverScript = `
import { createServer } from 'node:http';
import { createMfaHandler, memoryStore, nodeListener } from './src/server/index.js';
const handler = createMfaHandler({
  userPoolId: 'us-east-1_test',
  clientId: 'client',
  cognito: { send: async () => { throw new Error('offline'); } },
  identity: {
    verifyPassword: async (username, password) => (username === 'carol' && password === 'Carol-passw0rd' ? 'carol' : undefined),
    resetMfa: async () => {},
  },
  store: memoryStore(),
  pepper: 'child-server-pepper-0123456789-abcdefghij',
  audit: () => {},
});
const server = createServer(nodeListener(handler));
server.listen(0, '127.0.0.1', () => console.log('PORT ' + server.address().port));
`;

export interface ChildServer {
  port: number;
  /** Whether the process is still running. */
  alive(): boolean;
  /** Everything it wrote to stdout and stderr. */
  output(): string;
  stop(): Promise<void>;
}

/**
 * Starts the package's server code in a separate Node process (the sources transpiled as they
 * are), so a request that would crash the process is observed as a crash, not as a test error.
 */
export async function startChildServer(): Promise<ChildServer> {
  const dir = mkdtempSync(join(tmpdir(), 'mfa-kit-child-'));
  transpileTree(join(repo, 'src/server'), join(dir, 'src/server'));
  transpileTree(join(repo, 'src/core'), join(dir, 'src/core'));
  writeFileSync(join(dir, 'src/ports.js'), 'export {};\n');
  writeFileSync(join(dir, 'package.json'), '{ "type": "module" }\n');
  symlinkSync(join(repo, 'node_modules'), join(dir, 'node_modules'), 'dir');
  writeFileSync(join(dir, 'server.js'), serverScript);

  const child: ChildProcess = spawn(process.execPath, [join(dir, 'server.js')], {
    cwd: dir,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  let exited = false;
  child.once('exit', () => {
    exited = true;
  });
  const port = await new Promise<number>((resolvePort, reject) => {
    const timer = setTimeout(() => reject(new Error(`the child server did not start:\n${output}`)), 15_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /PORT (\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolvePort(Number(match[1]));
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', () => reject(new Error(`the child server exited:\n${output}`)));
  });
  return {
    port,
    alive: () => !exited && child.exitCode === null,
    output: () => output,
    async stop() {
      if (!exited) {
        child.kill();
        await new Promise((resolveExit) => child.once('exit', resolveExit));
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
