/** What a handler lets a browser on another origin do. Origins not listed get no CORS headers at all. */
export interface CorsRules {
  allowedOrigins?: readonly string[];
  methods: string;
  allowHeaders: string;
  /** Response headers script may read (e.g. the RFC 9470 challenge). */
  exposeHeaders: string;
}

export function withCors(request: Request, response: Response, rules: CorsRules): Response {
  const origin = request.headers.get('origin');
  if (!origin || !rules.allowedOrigins?.includes(origin)) return response;
  response.headers.set('access-control-allow-origin', origin);
  response.headers.set('access-control-expose-headers', rules.exposeHeaders);
  response.headers.set('vary', 'Origin');
  return response;
}

/** The answer to an `OPTIONS` preflight. */
export function preflight(request: Request, rules: CorsRules): Response {
  const response = new Response(null, {
    status: 204,
    headers: {
      'access-control-allow-methods': rules.methods,
      'access-control-allow-headers': rules.allowHeaders,
      'access-control-max-age': '600',
    },
  });
  return withCors(request, response, rules);
}
