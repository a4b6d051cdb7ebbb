// The bundler picks doc-file.weapp.ts or doc-file.h5.ts; this is what the type checker sees.
export type DocFile = { name: string; bytes: ArrayBuffer };
/**
 * Lets the user pick a file and reads its bytes; null when they cancel. `import`: a policy document
 * (.docx, PDF or text); `attachment`: a 附件 (PDF, Word, Excel, OFD, text or an image).
 */
export declare function pickDocFile(kind?: 'import' | 'attachment'): Promise<DocFile | null>;
