// The bundler picks doc-file.weapp.ts or doc-file.h5.ts; this is what the type checker sees.
export type DocFile = { name: string; bytes: ArrayBuffer };
/** Lets the user pick a policy document (.docx, PDF or text) and reads its bytes; null when they cancel. */
export declare function pickDocFile(): Promise<DocFile | null>;
