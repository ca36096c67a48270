import { createRoot } from 'react-dom/client';
import { ErrorBoundary } from '@/components/ErrorBoundary';
import { PanelFrame } from '@/components/panel/PanelFrame';
import { startPanelFrame } from '@/lib/panel/frame';
import '@/components/panel/panel.css';

const parts = startPanelFrame(new AbortController().signal);
createRoot(document.getElementById('root')!).render(
  <ErrorBoundary what="the panel">
    <PanelFrame {...parts} />
  </ErrorBoundary>,
);
