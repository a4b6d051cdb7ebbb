// Zod's own messages (a wrong type, an unknown key) in Chinese, like the ones our schemas give:
// office staff and residents read them. The worker and the mini-program import this once.
import { config } from 'zod';
import zhCN from 'zod/v4/locales/zh-CN.js';

config(zhCN());
