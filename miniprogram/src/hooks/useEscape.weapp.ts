// weapp popups close by tap or the system back gesture; there is no keyboard.
export function useEscape(_open: boolean, _close: () => void): void {}
