// Values the fakes at the network edge (fake-wechat.ts, run by miniflare in Node) and the tests
// (run in workerd) agree on. No imports: both sides load this file.
export const FAKE_TOKEN = 'fake-access-token';
/** Sending to this openid fails the way WeChat does when the user has no quota left. */
export const REFUSED_OPENID = 'openid-refused';
export const SMS_ENDPOINT = 'https://sms.test/send';
/** Sending to this phone fails the way a gateway does when the number is blocked. */
export const SMS_FAILING_PHONE = '13900000000';
/** wx.login codes in tests: `code-<openid>` signs in as that openid; anything else is refused. */
export const wxCode = (openid: string) => `code-${openid}`;
/** getPhoneNumber codes in tests: `phone-<number>` gives that number. */
export const phoneCode = (phone: string) => `phone-${phone}`;
