// Where the end-to-end tests find Chromium, and what to say when it is not there.
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_MISSING = `Chromium was not found at ${CHROMIUM}.
Install it with its CJK fonts (Debian/Ubuntu):
  sudo apt-get update && sudo apt-get install -y chromium fonts-noto-cjk
or point CHROMIUM_PATH at an existing Chromium binary.`;
export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];
