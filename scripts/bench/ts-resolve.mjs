// Lets plain Node (type stripping) load the project's TypeScript, whose imports omit the
// `.ts` extension the way the worker bundler expects: `node --import ./scripts/bench/ts-resolve.mjs`.
import { registerHooks } from 'node:module';

registerHooks({
  resolve(specifier, context, nextResolve) {
    try {
      return nextResolve(specifier, context);
    } catch (error) {
      if (!/^\.{1,2}\//.test(specifier) || /\.[cm]?[jt]s$/.test(specifier)) throw error;
      return nextResolve(`${specifier}.ts`, context);
    }
  },
});
