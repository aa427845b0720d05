// A high-risk action: the browser's step-up prompt is user experience, this check is the rule.
import { StepUpProofError, stepUpRequired, verifyStepUpProof } from 'mfa-kit/server';
import { poolConfig } from '../cognito';

export async function POST(request: Request) {
  const proof = request.headers.get('x-step-up-proof');
  if (!proof) return stepUpRequired(300);
  try {
    const user = await verifyStepUpProof(proof, { ...poolConfig(), maxAgeSeconds: 300 });
    return Response.json({ transferred: true, by: user.username });
  } catch (error) {
    // A stale proof asks for a new prompt; anything else is not a proof at all.
    if (error instanceof StepUpProofError && error.reason === 'stale') return stepUpRequired(300);
    if (error instanceof StepUpProofError) return new Response(null, { status: 403 });
    throw error;
  }
}
