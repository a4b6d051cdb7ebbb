export function WechatPhone() {
  return null;
}
