// Stands in for Taro's fetch and AbortController polyfills in the H5 build: every browser the
// app runs in has both (the polyfills only install themselves where they are missing).
export {};
