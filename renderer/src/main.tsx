import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { connect } from './client/connect';
import { ConnectionContext } from './client/connection-context';
import { LanguageProvider } from './i18n';
import './styles/base.css';
import './styles/layout.css';
import './styles/tables.css';
import './styles/timeline.css';
import './styles/intake.css';
import './styles/detail.css';
import './styles/mapping.css';

// Connect before the first render: the desktop preload may post the engine port at once.
const connection = connect();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <ConnectionContext value={connection}>
      <LanguageProvider>
        <App />
      </LanguageProvider>
    </ConnectionContext>
  </StrictMode>,
);
