// @vitest-environment node
// lambdaHandler with AWS's documented payload format 2.0 events (API Gateway HTTP APIs and Lambda
// function URLs), typed with @types/aws-lambda so the adapter accepts what Lambda really sends.
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { createMfaHandler, lambdaHandler, type MfaHandler, memoryStore } from 'mfa-kit/server';
import { describe, expect, it } from 'vitest';

/** The example event of the API Gateway developer guide ("Working with AWS Lambda proxy integrations"). */
function httpApiEvent(overrides: Partial<APIGatewayProxyEventV2> = {}): APIGatewayProxyEventV2 {
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: '/mfa/recovery-codes',
    rawQueryString: 'parameter1=value1&parameter1=value2&parameter2=value',
    cookies: ['cookie1', 'cookie2'],
    headers: { header1: 'value1', header2: 'value1,value2', 'content-type': 'application/json' },
    queryStringParameters: { parameter1: 'value1,value2', parameter2: 'value' },
    requestContext: {
      accountId: '123456789012',
      apiId: 'api-id',
      domainName: 'id.execute-api.us-east-1.amazonaws.com',
      domainPrefix: 'id',
      http: {
        method: 'POST',
        path: '/mfa/recovery-codes',
        protocol: 'HTTP/1.1',
        sourceIp: '192.0.2.1',
        userAgent: 'agent',
      },
      requestId: 'id',
      routeKey: '$default',
      stage: '$default',
      time: '12/Mar/2020:19:03:58 +0000',
      timeEpoch: 1583348638390,
    },
    body: 'Hello from Lambda',
    pathParameters: { parameter1: 'value1' },
    isBase64Encoded: false,
    stageVariables: { stageVariable1: 'value1', stageVariable2: 'value2' },
    ...overrides,
  };
}

interface Seen {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string;
  clientIp: string | undefined;
}

/** A handler that answers with what reached it, to check the translation itself. */
const echo: MfaHandler = async (request, context) =>
  Response.json({
    method: request.method,
    url: request.url,
    headers: Object.fromEntries(request.headers),
    body: await request.text(),
    clientIp: context?.clientIp,
  } satisfies Seen);

const seen = async (event: APIGatewayProxyEventV2): Promise<Seen> =>
  JSON.parse((await lambdaHandler(echo)(event)).body);

describe('lambdaHandler', () => {
  it('passes path, query, headers, cookies and body, with the origin from API Gateway', async () => {
    const request = await seen(httpApiEvent());
    expect(request.method).toBe('POST');
    expect(request.url).toBe(
      'https://id.execute-api.us-east-1.amazonaws.com/mfa/recovery-codes?parameter1=value1&parameter1=value2&parameter2=value',
    );
    expect(request.headers).toMatchObject({ header2: 'value1,value2', cookie: 'cookie1; cookie2' });
    expect(request.body).toBe('Hello from Lambda');
  });

  it('decodes base64 bodies', async () => {
    const body = JSON.stringify({ username: 'alice', password: 'pässword', code: 'ABCDE-FGHJK' });
    const request = await seen(
      httpApiEvent({ body: Buffer.from(body).toString('base64'), isBase64Encoded: true }),
    );
    expect(request.body).toBe(body);
  });

  it('takes the client address from requestContext.http.sourceIp, never from a header', async () => {
    const request = await seen(
      httpApiEvent({
        headers: {
          'x-forwarded-for': '203.0.113.7',
          'x-real-ip': '203.0.113.8',
          'x-mfa-kit-socket-ip': '1.2.3.4',
        },
      }),
    );
    expect(request.clientIp).toBe('192.0.2.1');
  });

  it("keeps the host whatever the path says: //evil.example/… stays a path on API Gateway's domain", async () => {
    const request = await seen(
      httpApiEvent({ rawPath: '//evil.example/mfa/recovery-codes', rawQueryString: '' }),
    );
    expect(new URL(request.url).host).toBe('id.execute-api.us-east-1.amazonaws.com');
    expect(new URL(request.url).pathname).toBe('//evil.example/mfa/recovery-codes');
  });

  it('behind CloudFront (trustedProxies: 1) takes the address CloudFront appended, not sourceIp or a forged entry', async () => {
    const event = httpApiEvent({ headers: { 'x-forwarded-for': '203.0.113.66, 198.51.100.7' } });
    const behindCloudFront = JSON.parse(
      (await lambdaHandler(echo, { trustedProxies: 1 })(event)).body,
    ) as Seen;
    expect(behindCloudFront.clientIp).toBe('198.51.100.7');
    expect(((await seen(event)) as Seen).clientIp).toBe('192.0.2.1');
  });

  it('refuses a REST API (payload 1.0) event with a message that says why', async () => {
    const restEvent = {
      path: '/mfa',
      httpMethod: 'GET',
      requestContext: {},
    } as unknown as APIGatewayProxyEventV2;
    await expect(lambdaHandler(echo)(restEvent)).rejects.toThrow(/payload format 2\.0/);
  });

  it('answers methods the API does not serve with 405, and keeps an odd path a path', async () => {
    const trace = await lambdaHandler(echo)(
      httpApiEvent({
        requestContext: {
          ...httpApiEvent().requestContext,
          http: { ...httpApiEvent().requestContext.http, method: 'TRACE' },
        },
      }),
    );
    expect(trace.statusCode).toBe(405);
    expect(trace.headers.allow).toBe('GET, POST, OPTIONS');
    const oddPath = await seen(httpApiEvent({ rawPath: '//[', rawQueryString: '' }));
    expect(oddPath.url).toBe('https://id.execute-api.us-east-1.amazonaws.com//[');
  });

  it('returns status, headers and Set-Cookie as payload format 2.0, binary bodies in base64', async () => {
    const headers = new Headers({ 'content-type': 'application/octet-stream', 'x-one': '1' });
    headers.append('set-cookie', 'a=1; Secure');
    headers.append('set-cookie', 'b=2; HttpOnly');
    const binary = await lambdaHandler(
      async () => new Response(new Uint8Array([0, 255, 1]), { status: 202, headers }),
    )(httpApiEvent());
    expect(binary).toEqual({
      statusCode: 202,
      headers: { 'content-type': 'application/octet-stream', 'x-one': '1' },
      cookies: ['a=1; Secure', 'b=2; HttpOnly'],
      body: Buffer.from([0, 255, 1]).toString('base64'),
      isBase64Encoded: true,
    });
  });

  it("serves createMfaHandler: the per-IP limit follows sourceIp whatever the client's headers say", async () => {
    const handler = lambdaHandler(
      createMfaHandler({
        userPoolId: 'us-east-1_Example',
        clientId: 'client',
        cognito: undefined as never,
        identity: { verifyPassword: async () => undefined, resetMfa: async () => {} },
        store: memoryStore(),
        pepper: 'lambda-test-pepper-7f3a9c1e5b2d8f4a6c0e',
        perIpLimit: { limit: 3, windowSeconds: 900 },
      }),
    );
    const redeem = (index: number) =>
      handler(
        httpApiEvent({
          rawPath: '/mfa/recovery-codes/redeem',
          rawQueryString: '',
          cookies: undefined,
          headers: { 'content-type': 'application/json', 'x-forwarded-for': `198.51.100.${index}` },
          body: Buffer.from(
            JSON.stringify({ username: `user${index}`, password: 'x', code: 'ABCDE-FGHJK' }),
          ).toString('base64'),
          isBase64Encoded: true,
        }),
      );
    const statuses = [];
    for (let index = 0; index < 5; index++) statuses.push((await redeem(index)).statusCode);
    expect(statuses.slice(0, 3)).toEqual([400, 400, 400]);
    expect(statuses.slice(3)).toEqual([429, 429]);
    const answer = await redeem(9);
    expect(answer.headers['content-type']).toMatch(/^application\/json/);
    expect(JSON.parse(answer.body)).toMatchObject({ ok: false, reason: 'RATE_LIMITED' });
  });
});
