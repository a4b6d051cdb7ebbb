// weapp has no keyboard focus to activate.
export function installKeyboardActivation(): void {}
