import type { PropsWithChildren } from 'react';
import './app.scss';
import { installKeyboardAccess } from './utils/keyboard';

installKeyboardAccess();

function App({ children }: PropsWithChildren) {
  return children;
}

export default App;
