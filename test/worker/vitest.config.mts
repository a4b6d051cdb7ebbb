import path from 'node:path';
import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-pool-workers';
import { defineConfig } from 'vitest/config';
import { fakeWechat, SMS_ENDPOINT } from './fake-wechat.ts';

const root = path.join(import.meta.dirname, '../..');

export default defineConfig({
  plugins: [
    cloudflareTest(async () => ({
      main: path.join(root, 'worker/index.ts'),
      wrangler: { configPath: path.join(root, 'wrangler.toml') },
      miniflare: {
        outboundService: fakeWechat,
        bindings: {
          ENVIRONMENT: 'development',
          SMS_ENDPOINT,
          SMS_TOKEN: 'sms-test-token',
          APP_URL: 'https://zixun.example.gov.cn',
          WECHAT_APPID: 'wx-test-app',
          WECHAT_SECRET: 'wx-test-secret',
          WECHAT_TEMPLATES: JSON.stringify({ replied: 'tmpl-replied', clarify: 'tmpl-clarify' }),
          TEST_MIGRATIONS: await readD1Migrations(path.join(root, 'worker/migrations')),
        },
      },
    })),
  ],
  test: {
    root,
    include: ['test/worker/**/*.test.ts'],
    // The first PDF or .docx read in an isolate loads PDF.js or mammoth: seconds on a cold machine.
    testTimeout: 30_000,
    setupFiles: [path.join(import.meta.dirname, 'apply-migrations.ts')],
  },
});
