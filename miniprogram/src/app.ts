import type { PropsWithChildren } from 'react';
import '@shared/schemas/messages';
import './app.scss';
import { installKeyboardActivation } from './utils/keyboard';

installKeyboardActivation();

function App({ children }: PropsWithChildren) {
  return children;
}

export default App;
