import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ErrorBoundary } from '@/components/ErrorBoundary';
import { Popup } from '@/components/popup/Popup';
import '@/components/popup/popup.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ErrorBoundary what="today's nudges">
      <Popup />
    </ErrorBoundary>
  </StrictMode>,
);
