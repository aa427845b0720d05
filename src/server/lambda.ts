import type { MfaHandler } from './createMfaHandler.js';
import { addressBehindProxies } from './http.js';

/**
 * What the adapter reads of an API Gateway HTTP API or Lambda function URL event (payload format
 * 2.0). Structural, so `APIGatewayProxyEventV2` from `@types/aws-lambda` fits without a dependency.
 */
export interface LambdaHttpEvent {
  rawPath: string;
  rawQueryString?: string;
  /** Header names in lower case; repeated headers arrive joined with commas. */
  headers?: Record<string, string | undefined>;
  cookies?: string[];
  body?: string;
  isBase64Encoded?: boolean;
  requestContext: {
    domainName?: string;
    http: { method: string; sourceIp?: string };
  };
}

export interface LambdaHandlerOptions {
  /**
   * Proxies in front of API Gateway that append to `X-Forwarded-For` (CloudFront: 1). Default 0:
   * the client address is `requestContext.http.sourceIp`. Behind CloudFront that is CloudFront's
   * address, shared by every user, so one abuser would exhaust the per-IP limit for all.
   */
  trustedProxies?: number;
}

/** The payload format 2.0 response. */
export interface LambdaHttpResult {
  statusCode: number;
  headers: Record<string, string>;
  cookies?: string[];
  body: string;
  isBase64Encoded: boolean;
}

const textual = /^(text\/|application\/([\w.+-]*\+)?(json|xml|javascript))/i;

function result(response: Response, body: Buffer): LambdaHttpResult {
  const headers: Record<string, string> = {};
  for (const [name, value] of response.headers) if (name !== 'set-cookie') headers[name] = value;
  const cookies = response.headers.getSetCookie();
  const isText = textual.test(response.headers.get('content-type') ?? 'text/plain');
  return {
    statusCode: response.status,
    headers,
    ...(cookies.length > 0 ? { cookies } : {}),
    body: body.toString(isText ? 'utf8' : 'base64'),
    isBase64Encoded: !isText && body.length > 0,
  };
}

const refusal = (statusCode: number, error: string): LambdaHttpResult => ({
  statusCode,
  headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
  body: JSON.stringify({ error }),
  isBase64Encoded: false,
});

/**
 * Serves a Web-standard handler from AWS Lambda behind an API Gateway HTTP API or a function URL
 * (payload format 2.0): `export const handler = lambdaHandler(createMfaHandler({ … }))`. The client
 * address for per-IP limits is `requestContext.http.sourceIp`, which API Gateway sets from the
 * connection (no request header can change it); behind CloudFront, pass `{ trustedProxies: 1 }`.
 */
export function lambdaHandler(
  handler: MfaHandler,
  options: LambdaHandlerOptions = {},
): (event: LambdaHttpEvent) => Promise<LambdaHttpResult> {
  return async (event) => {
    if (!event.requestContext?.http) {
      throw new Error(
        'lambdaHandler needs payload format 2.0 (an HTTP API or a function URL): this event has no requestContext.http.',
      );
    }
    const method = event.requestContext.http.method.toUpperCase();
    if (method !== 'GET' && method !== 'POST' && method !== 'OPTIONS') {
      const notAllowed = refusal(405, 'METHOD_NOT_ALLOWED');
      return { ...notAllowed, headers: { ...notAllowed.headers, allow: 'GET, POST, OPTIONS' } };
    }
    let request: Request;
    try {
      const headers = new Headers();
      for (const [name, value] of Object.entries(event.headers ?? {})) {
        if (value !== undefined) headers.set(name, value);
      }
      if (event.cookies?.length) headers.set('cookie', event.cookies.join('; '));
      const query = event.rawQueryString ? `?${event.rawQueryString}` : '';
      // The origin comes from API Gateway's own domain name, never from a client's Host header, and
      // the path is appended as text: `new URL('//evil.example/x', origin)` would change the host.
      const origin = `https://${event.requestContext.domainName ?? 'lambda.invalid'}`;
      const path = event.rawPath.startsWith('/') ? event.rawPath : `/${event.rawPath}`;
      const body =
        method === 'POST' && event.body !== undefined
          ? Buffer.from(event.body, event.isBase64Encoded ? 'base64' : 'utf8')
          : undefined;
      request = new Request(`${origin}${path}${query}`, { method, headers, body });
    } catch {
      return refusal(400, 'BAD_REQUEST');
    }
    const clientIp = addressBehindProxies(
      event.requestContext.http.sourceIp,
      event.headers?.['x-forwarded-for'],
      options.trustedProxies ?? 0,
    );
    const response = await handler(request, { clientIp });
    return result(response, Buffer.from(await response.arrayBuffer()));
  };
}
