import { createServer, request as forward } from 'node:http';

export interface RecordedCall {
  target: string;
  body: Record<string, unknown>;
}

export interface CognitoProxy {
  endpoint: string;
  calls: RecordedCall[];
  /** The next AdminSetUserMFAPreference or AdminDeleteSoftwareToken fails with this Cognito error. */
  failNextMfaReset(error?: 'InternalErrorException' | 'ResourceNotFoundException'): void;
  /** GetUser answers NotAuthorizedException, as Cognito does for a revoked or signed-out access token. */
  revokeAccessTokens(revoked: boolean): void;
  stop(): Promise<void>;
}

/**
 * Sits in front of cognito-local and records every Cognito call the SDK makes. It answers
 * AdminSetUserMFAPreference, AdminDeleteSoftwareToken and AdminUserGlobalSignOut itself (cognito-local
 * has no such targets), as
 * Cognito does: 200, `{}`.
 */
export async function startCognitoProxy(upstream: string): Promise<CognitoProxy> {
  const calls: RecordedCall[] = [];
  let failReset: string | undefined;
  let revoked = false;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const raw = Buffer.concat(chunks);
      const target =
        String(req.headers['x-amz-target'] ?? '')
          .split('.')
          .pop() ?? '';
      calls.push({ target, body: raw.length ? (JSON.parse(raw.toString()) as Record<string, unknown>) : {} });
      if (target === 'AdminUserGlobalSignOut') {
        res.writeHead(200, { 'content-type': 'application/x-amz-json-1.1' });
        res.end('{}');
        return;
      }
      if (target === 'GetUser' && revoked) {
        res.writeHead(400, { 'content-type': 'application/x-amz-json-1.1' });
        res.end(
          JSON.stringify({ __type: 'NotAuthorizedException', message: 'Access Token has been revoked' }),
        );
        return;
      }
      if (target === 'AdminSetUserMFAPreference' || target === 'AdminDeleteSoftwareToken') {
        const failure = failReset;
        failReset = undefined;
        res.writeHead(!failure ? 200 : failure === 'InternalErrorException' ? 500 : 400, {
          'content-type': 'application/x-amz-json-1.1',
        });
        res.end(failure ? JSON.stringify({ __type: failure, message: 'refused by the proxy' }) : '{}');
        return;
      }
      const url = new URL(req.url ?? '/', upstream);
      const out = forward(
        url,
        { method: req.method, headers: { ...req.headers, host: url.host } },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      out.on('error', () => {
        res.writeHead(502);
        res.end();
      });
      out.end(raw);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    calls,
    failNextMfaReset: (error = 'InternalErrorException') => {
      failReset = error;
    },
    revokeAccessTokens: (value) => {
      revoked = value;
    },
    stop: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
