import type { PropsWithChildren } from 'react';
import '@shared/schemas/messages';
import './app.scss';

function App({ children }: PropsWithChildren) {
  return children;
}

export default App;
