import type { ReactElement } from 'react';

/**
 * 「答复后通知我」: in the mini-program, a tap asks WeChat for one subscribe message per template
 * (WeChat only asks on a tap) and records each grant; in H5 it says the reply comes by SMS.
 */
export function SubscribeReply(): ReactElement | null;
