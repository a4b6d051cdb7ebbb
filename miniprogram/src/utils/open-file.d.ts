// The bundler picks open-file.weapp.ts or open-file.h5.ts; this is what the type checker sees.
/** Opens an attachment (PDF, Word, Excel …) the way the platform can: a download in H5, the document viewer in WeChat. */
export declare function openFile(url: string, name: string): Promise<void>;
