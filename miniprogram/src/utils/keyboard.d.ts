/** H5: Enter/Space activate role=button views, and NutUI buttons get a role and a tab stop. */
export declare function installKeyboardAccess(): void;
