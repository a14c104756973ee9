import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './i18n';
import './styles/app.css';
import { logRendererError } from './api/log';
import { App } from './app/App';

// Errors outside React's rendering (a chart's tooltip on hover, a timer, a promise nobody awaited)
// cannot blank the window, but they are bugs: each goes to the log with its stack.
window.addEventListener('error', (event) => logRendererError('window', event.error ?? event.message));
window.addEventListener('unhandledrejection', (event) => logRendererError('promise', event.reason));

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
