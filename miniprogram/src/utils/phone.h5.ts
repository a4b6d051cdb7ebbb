// H5: the browser hands tel: to the phone's dialer.
export function callPhone(phoneNumber: string): void {
  window.location.href = `tel:${phoneNumber.replace(/[^\d+]/g, '')}`;
}
