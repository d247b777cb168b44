import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { connect } from './client/connect';
import { ConnectionContext } from './client/connection-context';
import { LanguageProvider } from './i18n';
import './styles/fonts.css';
import './styles/theme.css';
import './styles/base.css';
import './styles/layout.css';
import './styles/tables.css';
import './styles/timeline.css';
import './styles/intake.css';
import './styles/detail.css';
import './styles/mapping.css';
import { applyTheme, storedTheme } from './lib/theme';

// Connect before the first render: the desktop preload may post the engine port at once.
const connection = connect();
// Before the first paint, so a dark-theme user never sees a white flash.
applyTheme(storedTheme());

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
