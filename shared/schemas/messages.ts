// Zod's own messages (a wrong type, an unknown key) in Chinese, like the ones our schemas give:
// office staff and residents read them. Every schema imports this through common.ts.
import { config } from 'zod';
import zhCN from 'zod/v4/locales/zh-CN.js';

config(zhCN());
