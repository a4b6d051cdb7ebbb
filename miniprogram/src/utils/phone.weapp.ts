import Taro from '@tarojs/taro';

// weapp: WeChat asks the resident before it dials.
export function callPhone(phoneNumber: string): void {
  void Taro.makePhoneCall({ phoneNumber: phoneNumber.replace(/[^\d+]/g, '') }).catch(() => undefined);
}
