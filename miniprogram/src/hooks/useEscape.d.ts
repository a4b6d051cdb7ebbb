/** While `open`, Esc calls `close`; focus returns to the opener afterwards (H5). */
export declare function useEscape(open: boolean, close: () => void): void;
