import { createHash } from 'node:crypto';
import type { Sha256 } from './digest.js';

/** SHA-256 through Node's crypto module (OpenSSL), as lowercase hex of the text's UTF-8 bytes. */
export const nodeSha256: Sha256 = async (text) => createHash('sha256').update(text, 'utf8').digest('hex');
