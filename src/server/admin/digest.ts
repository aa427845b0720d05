/** SHA-256 of a text's UTF-8 bytes, as lowercase hex. */
export type Sha256 = (text: string) => Promise<string>;

const hex = (bytes: ArrayBuffer) =>
  Array.from(new Uint8Array(bytes), (byte) => byte.toString(16).padStart(2, '0')).join('');

/**
 * SHA-256 through WebCrypto (`crypto.subtle`), for runtimes without Node's crypto module: the
 * simulator in a browser, edge workers. `createMfaAdminHandler` uses `nodeSha256` instead.
 */
export const webCryptoSha256: Sha256 = async (text) =>
  hex(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
