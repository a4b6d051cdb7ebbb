import type { ReactElement } from 'react';

/** 手机号快速验证 in the mini-program: one tap fills the phone field with the number WeChat has verified. Nothing in H5. */
export function WechatPhone(props: { onPhone: (phone: string) => void; onError: (message: string) => void }): ReactElement | null;
