// @vitest-environment node
import { connect } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type ChildServer, startChildServer } from './support/childServer';

/**
 * Issue 12, finding 1: one request must never stop a server that uses `nodeListener`. The server runs
 * in its own Node process, so a crash shows as an exited process, and after every hostile request
 * the server must still answer a normal one.
 */
let server: ChildServer;
// A fresh process per test, so each case shows its own outcome.
beforeEach(async () => {
  server = await startChildServer();
});
afterEach(() => server?.stop());

/** Writes raw bytes; resolves with whatever came back once the server closes or `waitMs` passes. */
function raw(text: string, { abort = false, waitMs = 1500 } = {}): Promise<string> {
  return new Promise((resolveAnswer) => {
    const socket = connect(server.port, '127.0.0.1');
    let answer = '';
    const done = () => {
      clearTimeout(timer);
      socket.destroy();
      resolveAnswer(answer);
    };
    const timer = setTimeout(done, waitMs);
    socket.on('data', (chunk) => {
      answer += chunk.toString('latin1');
    });
    socket.on('error', done);
    socket.on('close', done);
    socket.write(text, () => {
      if (abort) setTimeout(done, 50);
    });
  });
}

const statusOf = (answer: string) => Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1] ?? 0);
const pause = (ms: number) => new Promise((resolvePause) => setTimeout(resolvePause, ms));

async function stillServes(): Promise<void> {
  await pause(150);
  expect(server.alive(), server.output()).toBe(true);
  const response = await fetch(`http://127.0.0.1:${server.port}/mfa/recovery-codes`);
  expect(response.status).toBe(401);
}

describe('nodeListener in a child process: no request stops the server', () => {
  it('answers TRACE (and other methods) with 405 and keeps serving', async () => {
    for (const method of ['TRACE', 'PUT', 'DELETE', 'HEAD', 'PATCH']) {
      const answer = await raw(
        `${method} /mfa/recovery-codes HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`,
      );
      expect(statusOf(answer), `${method}: ${answer}`).toBe(405);
      await stillServes();
    }
  });

  it('ignores a Host header it cannot parse (a:99999, a^b, [) and keeps serving', async () => {
    for (const host of ['a:99999', 'a^b', '[']) {
      const answer = await raw(
        `GET /mfa/recovery-codes HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`,
      );
      // Served on the fixed origin: no token, so 401 (not a crash, not a 500).
      expect(statusOf(answer), `Host ${host}: ${answer}`).toBe(401);
      await stillServes();
    }
  });

  it('drops an upload aborted mid-body (Content-Length or chunked) and keeps serving', async () => {
    const head = 'POST /mfa/recovery-codes/redeem HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n';
    await raw(`${head}Content-Length: 200\r\n\r\n{"username":"carol"`, { abort: true });
    await stillServes();
    await raw(`${head}Transfer-Encoding: chunked\r\n\r\n10\r\n{"username":"car`, { abort: true });
    await stillServes();
  });

  it('answers 400 or 413 for other malformed requests, and 413 for a body streamed past 16 KiB', async () => {
    const absolute = await raw(
      'GET http://elsewhere.example/mfa/recovery-codes HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n',
    );
    expect(statusOf(absolute)).toBe(401);
    const chunk = 'x'.repeat(4096);
    const chunked = `${chunk.length.toString(16)}\r\n${chunk}\r\n`.repeat(8);
    const streamed = await raw(
      `POST /mfa/recovery-codes/redeem HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n${chunked}`,
    );
    expect(statusOf(streamed)).toBe(413);
    await stillServes();
  });
});
