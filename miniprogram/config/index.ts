import path from 'node:path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import devConfig from './dev';
import prodConfig from './prod';

// Taro's app root is miniprogram/ (the build runs with this folder as its cwd), so nothing
// Taro-specific has to live at the top of the repository. Output still goes to
// <repo>/dist/<platform>, which project.config.json (miniprogramRoot) points at.
const repoRoot = path.resolve(__dirname, '..', '..');
const sharedDir = path.join(repoRoot, 'shared');
const platform = process.env.TARO_ENV ?? 'weapp';

export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'zhengce-zixuntai',
    date: '2025-11-23',
    // NutUI is drawn for a 375 px wide design; so are our styles.
    designWidth: 375,
    deviceRatio: { 375: 2, 640: 2.34 / 2, 750: 1, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot: `../dist/${platform}`,
    projectConfigName: '../project.config.json',
    plugins: [],
    defineConstants: {},
    env: {
      // Where the API lives when nothing overrides it at run time (see services/base.*.ts).
      TARO_APP_API: JSON.stringify(process.env.TARO_APP_API ?? 'http://127.0.0.1:8787'),
    },
    alias: { '@shared': sharedDir },
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: { type: 'webpack5', prebundle: { enable: false } },
    cache: { enable: false },
    mini: {
      // shared/ sits outside sourceRoot: let babel compile its TypeScript too.
      compile: { include: [sharedDir] },
      optimizeMainPackage: { enable: true },
      // Page styles are CSS modules and NutUI's are its own classes; where they meet, our
      // overrides carry their own weight, so the order of the extracted chunks does not matter.
      miniCssExtractPluginOption: { ignoreOrder: true },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: {
          enable: true,
          config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' },
        },
      },
    },
    h5: {
      publicPath: '/',
      // `npm start` (scripts/start.mjs) serves the watch build here.
      devServer: { host: '127.0.0.1', port: Number(process.env.H5_PORT ?? 10086) },
      staticDirectory: 'static',
      // Images stay files (the tab bar's icons included): inlined into app.js they would be a
      // third bigger as base64, barely compress, and be parsed before the first screen shows.
      imageUrlLoaderOption: { limit: 1 },
      router: { mode: 'browser' },
      compile: { include: [sharedDir] },
      webpackChain(chain) {
        // Taro.request brings a fetch polyfill, an AbortController polyfill and a JSONP client
        // (about 8 KB gzipped on the first screen); every browser the app runs in has fetch and
        // AbortController, and the app never asks for JSONP.
        chain.resolve.alias
          .set('whatwg-fetch$', path.join(__dirname, 'h5/native.js'))
          .set('abortcontroller-polyfill/dist/abortcontroller-polyfill-only$', path.join(__dirname, 'h5/native.js'))
          .set('jsonp-retry$', path.join(__dirname, 'h5/no-jsonp.js'));
        // Taro's component stylesheet carries the weui icon font (for <Icon>, which the app does
        // not use) as a data URL, which the build would put into app.js: make it a file, which a
        // browser fetches only when it draws one of its glyphs.
        chain.module
          .rule('data-font')
          .set('scheme', 'data')
          .set('mimetype', 'application/octet-stream')
          .type('asset/resource')
          .set('generator', { filename: 'static/fonts/[contenthash:8].ttf' });
      },
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[contenthash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        pxtransform: { enable: true, config: {} },
        cssModules: {
          enable: true,
          config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' },
        },
      },
    },
  };
  return process.env.NODE_ENV === 'development'
    ? merge({}, baseConfig, devConfig)
    : merge({}, baseConfig, prodConfig);
});
