// The bundler picks csv-file.weapp.ts or csv-file.h5.ts; this is what the type checker sees.
export type CsvFile = { name: string; text: string };
/** Lets the user pick a CSV file and reads it as text; null when they cancel. */
export declare function pickCsvFile(): Promise<CsvFile | null>;

/** The import template as this platform can hand it over: a file to download (H5), or the header to copy (weapp). */
export declare const templateOffer: { label: string; hint: string };
/** Downloads the template, or copies its header; resolves once done. */
export declare function offerTemplate(): Promise<void>;
