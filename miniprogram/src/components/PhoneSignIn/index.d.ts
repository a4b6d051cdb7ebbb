import type { Session } from '@shared/schemas/auth';
import type { ReactElement } from 'react';

/** H5: a card to sign in with a phone code. In the mini-program WeChat signs people in silently, so it renders nothing. */
export function PhoneSignIn(props: { title: string; hint?: string; submitLabel?: string; onSignedIn: (session: Session) => void }): ReactElement | null;

/** H5: the code row under a phone field (获取验证码 and the 6 digits). Nothing in the mini-program. */
export function CodeField(props: { phone: string; value: string; onChange: (code: string) => void; error?: string }): ReactElement | null;
