// The bundler picks image-file.weapp.ts or image-file.h5.ts; this is what the type checker sees.
export type ImageFile = { name: string; bytes: ArrayBuffer; type: string; /** An address the picked image shows from before it is uploaded. */ preview: string };
/** Lets the user pick one image (PNG or JPEG) and reads its bytes; null when they cancel. */
export declare function pickImage(): Promise<ImageFile | null>;
