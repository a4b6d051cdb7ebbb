/// <reference types="@tarojs/taro" />

declare module '*.png' {
  const src: string;
  export default src;
}

declare module '*.module.scss' {
  const classes: { readonly [key: string]: string };
  export default classes;
}

// Replaced at build time by Taro (see config/index.ts `env`); the app has no Node at run time.
declare const process: {
  env: {
    TARO_ENV: 'weapp' | 'h5';
    NODE_ENV: 'development' | 'production';
    TARO_APP_API?: string;
  };
};

interface Window {
  /** H5 only: set by the page that hosts the app (or a test) to point it at another API. */
  __API_BASE__?: string;
}
