export function applyElderRoot(on: boolean): void;
