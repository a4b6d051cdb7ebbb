// The bundler picks phone.weapp.ts or phone.h5.ts; this is what the type checker sees.
/** Opens the phone's dialer with the number (digits and + kept, spaces and dashes dropped). */
export declare function callPhone(phoneNumber: string): void;
