// The bundler picks csv-file.weapp.ts or csv-file.h5.ts; this is what the type checker sees.
export type CsvFile = { name: string; text: string };
/** Lets the user pick a CSV file and reads it as text; null when they cancel. */
export declare function pickCsvFile(): Promise<CsvFile | null>;
