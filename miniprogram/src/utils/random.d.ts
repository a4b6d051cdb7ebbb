// The bundler picks random.weapp.ts or random.h5.ts; this is what the type checker sees.
/** A cryptographically random key of 24 characters from [A-Za-z0-9_-] (an Idempotency-Key). */
export declare function randomKey(): Promise<string>;
