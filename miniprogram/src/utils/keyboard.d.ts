export declare function installKeyboardActivation(): void;
