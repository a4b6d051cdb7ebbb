// WeChat signs people in with wx.login (services/signin.weapp.ts): nothing to ask for here.
export function PhoneSignIn() {
  return null;
}

export function CodeField() {
  return null;
}
