import { createServer, request as forward } from 'node:http';

export interface RecordedCall {
  target: string;
  body: Record<string, unknown>;
}

type Json = Record<string, unknown>;

/** A Cognito answer a proxy gives itself instead of forwarding: HTTP status and JSON body. */
export interface ProxyAnswer {
  status: number;
  body: Json;
}

/** Decides a call: its own answer, or `undefined` to forward it to cognito-local unchanged. */
export type ProxyAnswerer = (
  target: string,
  body: Json,
) => ProxyAnswer | undefined | Promise<ProxyAnswer | undefined>;

export interface RecordingProxy {
  endpoint: string;
  /** Every call the SDK made, in order (answered or forwarded). */
  calls: RecordedCall[];
  stop(): Promise<void>;
}

/** An internal error, as Cognito answers one. */
export const internalError = (): ProxyAnswer => ({
  status: 500,
  body: { __type: 'InternalErrorException', message: 'boom' },
});

/** Calls cognito-local directly (not through the proxy, so it is not recorded). */
export function callUpstream(upstream: string, target: string, body: Json): Promise<ProxyAnswer> {
  return new Promise((resolve, reject) => {
    const out = forward(
      new URL('/', upstream),
      {
        method: 'POST',
        headers: {
          'content-type': 'application/x-amz-json-1.1',
          'x-amz-target': `AWSCognitoIdentityProviderService.${target}`,
        },
      },
      (answer) => {
        const chunks: Buffer[] = [];
        answer.on('data', (chunk: Buffer) => chunks.push(chunk));
        answer.on('end', () =>
          resolve({
            status: answer.statusCode ?? 502,
            body: JSON.parse(Buffer.concat(chunks).toString() || '{}') as Json,
          }),
        );
      },
    );
    out.on('error', reject);
    out.end(JSON.stringify(body));
  });
}

/**
 * An HTTP server in front of cognito-local that records every Cognito call the SDK makes and lets
 * `answer` reply to the calls cognito-local lacks; everything else is forwarded unchanged.
 */
export async function startRecordingProxy(upstream: string, answer: ProxyAnswerer): Promise<RecordingProxy> {
  const calls: RecordedCall[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const raw = Buffer.concat(chunks);
      const target =
        String(req.headers['x-amz-target'] ?? '')
          .split('.')
          .pop() ?? '';
      const body = raw.length ? (JSON.parse(raw.toString()) as Json) : {};
      calls.push({ target, body });
      Promise.resolve(answer(target, body)).then(
        (own) => {
          if (own) {
            res.writeHead(own.status, { 'content-type': 'application/x-amz-json-1.1' });
            res.end(JSON.stringify(own.body));
            return;
          }
          const url = new URL(req.url ?? '/', upstream);
          const out = forward(
            url,
            { method: req.method, headers: { ...req.headers, host: url.host } },
            (up) => {
              res.writeHead(up.statusCode ?? 502, up.headers);
              up.pipe(res);
            },
          );
          out.on('error', () => {
            res.writeHead(502);
            res.end();
          });
          out.end(raw);
        },
        () => {
          res.writeHead(502);
          res.end();
        },
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    calls,
    stop: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export interface CognitoProxy extends RecordingProxy {
  /** The next AdminSetUserMFAPreference or AdminDeleteSoftwareToken fails with this Cognito error. */
  failNextMfaReset(error?: 'InternalErrorException' | 'ResourceNotFoundException'): void;
  /** GetUser answers NotAuthorizedException, as Cognito does for a revoked or signed-out access token. */
  revokeAccessTokens(revoked: boolean): void;
}

/**
 * For the recovery service: answers AdminSetUserMFAPreference, AdminDeleteSoftwareToken and
 * AdminUserGlobalSignOut itself (cognito-local has no such targets), as Cognito does: 200, `{}`.
 */
export async function startCognitoProxy(upstream: string): Promise<CognitoProxy> {
  let failReset: 'InternalErrorException' | 'ResourceNotFoundException' | undefined;
  let revoked = false;
  const proxy = await startRecordingProxy(upstream, (target) => {
    if (target === 'AdminUserGlobalSignOut') return { status: 200, body: {} };
    if (target === 'GetUser' && revoked)
      return {
        status: 400,
        body: { __type: 'NotAuthorizedException', message: 'Access Token has been revoked' },
      };
    if (target === 'AdminSetUserMFAPreference' || target === 'AdminDeleteSoftwareToken') {
      const failing = failReset;
      failReset = undefined;
      if (failing === 'InternalErrorException') return internalError();
      if (failing) return { status: 400, body: { __type: failing, message: 'refused by the proxy' } };
      return { status: 200, body: {} };
    }
    return undefined;
  });
  return {
    ...proxy,
    failNextMfaReset: (error = 'InternalErrorException') => {
      failReset = error;
    },
    revokeAccessTokens: (value) => {
      revoked = value;
    },
  };
}
