import { createHmac, timingSafeEqual } from 'node:crypto';

/** Zendesk's webhook signature: base64(HMAC-SHA256(secret, timestamp + raw body)). */
export function zendeskSignature(secret: string, timestamp: string, body: Buffer): string {
  return createHmac('sha256', secret)
    .update(Buffer.concat([Buffer.from(timestamp, 'utf8'), body]))
    .digest('base64');
}

/** Constant-time check of the X-Zendesk-Webhook-Signature header against the raw bytes. */
export function zendeskSignatureValid(
  secret: string,
  timestamp: string,
  body: Buffer,
  signature: string | undefined,
): boolean {
  if (!signature) return false;
  const expected = Buffer.from(zendeskSignature(secret, timestamp, body), 'utf8');
  const given = Buffer.from(signature.trim(), 'utf8');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
