// weapp: components carry their own aria attributes, and there is no keyboard focus.
export function installKeyboardAccess(): void {}
