// The bundler picks download.weapp.ts or download.h5.ts; this is what the type checker sees.
import type { ExportFormat } from '@shared/schemas/export';

/** The formats this platform can hand on: WeChat's document viewer opens .xlsx but not CSV. */
export declare const OFFERED_FORMATS: readonly ExportFormat[];
/** Fetches a file the API makes for the signed-in caller and hands it to the person: a download in H5, the document viewer in WeChat. */
export declare function downloadFile(path: string, query: Record<string, string | undefined>, fallbackName: string): Promise<void>;
