// weapp: each page's root (components/Page) carries the class; there is no document root.
export function applyElderRoot(_on: boolean): void {}
