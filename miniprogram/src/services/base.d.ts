// The bundler picks base.weapp.ts or base.h5.ts for the platform being built; this
// declaration is what the type checker sees for `./base`.
/** The API origin without a trailing slash, e.g. `http://127.0.0.1:8787`. */
export declare function apiBase(): string;
